// The allocation panel (/panel): its coming and recent meetings and the families waiting for it; a meeting's page
// (/panel/meetings/{id}) with the decisions taken there and a link to record each waiting family's; arranging a
// meeting and changing it (version check: a stale save shows the stored meeting beside what was typed).
// Managers and front-door coordinators (kAllocateCases).
#include "domain/enum_names.hpp"
#include "http/pages/family_view_data.hpp"
#include "http/pages/page_errors.hpp"
#include "http/pages/step_form.hpp"
#include "http/responses.hpp"
#include "http/routes.hpp"

namespace hearth::http {
namespace {

using Data = mustache::data;

constexpr int kMeetingsPerPage = 10;

std::string MeetingHref(RecordId id) { return "/panel/meetings/" + std::to_string(id); }
std::string EpisodeHref(RecordId id) { return "/episodes/" + std::to_string(id); }

Data MeetingRows(const std::vector<PanelMeeting>& meetings, const MessageCatalogue& m) {
  Data rows{Data::type::list};
  for (const auto& meeting : meetings) {
    Data r;
    r.set("href", MeetingHref(meeting.id));
    r.set("on", FormatDate(meeting.on, m));
    r.set("chair", meeting.chair.empty() ? m.Get("panel.no_chair") : meeting.chair);
    rows.push_back(std::move(r));
  }
  return rows;
}

// The families whose plans are complete; `meeting` (0: none) adds a link to record the decision within it.
Data WaitingRows(const std::vector<Episode>& episodes, RecordId meeting, const MessageCatalogue& m) {
  Data rows{Data::type::list};
  for (const auto& e : episodes) {
    Data r;
    r.set("href", EpisodeHref(e.id));
    r.set("episode", "#" + std::to_string(e.id));
    r.set("opened_on", FormatDate(e.opened_on, m));
    r.set("plan_completed_on", e.plan_completed_on ? FormatDate(*e.plan_completed_on, m) : "");
    r.set("has_decide", MustacheBool(meeting != 0));
    r.set("decide_href", EpisodeHref(e.id) + "/panel-decision?meeting=" + std::to_string(meeting));
    rows.push_back(std::move(r));
  }
  return rows;
}

RawResponse PanelPage(RequestContext& ctx, RouteDeps deps) {
  const int page = ctx.PageParam();
  auto meetings = deps.services.panel.Meetings(ctx.Who(), page, kMeetingsPerPage);
  if (!meetings) return PageForError(ctx, deps.views, meetings.error());
  auto waiting = deps.services.journey.PanelList(ctx.Who());
  if (!waiting) return PageForError(ctx, deps.views, waiting.error());
  const auto& m = deps.views.Messages();
  Data data;
  data.set("title", m.Get("casework.panel.title"));
  data.set("has_upcoming", MustacheBool(!meetings->upcoming.empty()));
  data.set("upcoming", MeetingRows(meetings->upcoming, m));
  data.set("has_recent", MustacheBool(!meetings->recent.empty()));
  data.set("recent", MeetingRows(meetings->recent, m));
  data.set("pagination", PaginationData(meetings->page, kMeetingsPerPage, meetings->recent_total, "/panel"));
  // Decisions are recorded within the latest meeting that has happened, when there is one.
  const RecordId latest = meetings->recent.empty() || page != 1 ? 0 : meetings->recent.front().id;
  data.set("has_rows", MustacheBool(!waiting->empty()));
  data.set("rows", WaitingRows(*waiting, latest, m));
  data.set("no_meeting_held", MustacheBool(latest == 0 && !waiting->empty()));
  data.set("created", MustacheBool(ctx.query.Get("done") == "meeting_created"));
  return HtmlResponse(ctx, bhttp::status::ok, deps.views.Page(ctx, "casework/panel", data));
}

RawResponse MeetingPage(RequestContext& ctx, RouteDeps deps, RecordId id) {
  auto file = deps.services.panel.ViewMeeting(ctx.Who(), id);
  if (!file) return PageForError(ctx, deps.views, file.error());
  const auto& m = deps.views.Messages();
  Data data;
  data.set("title", m.Format("panel.meeting_title", {{"date", FormatDate(file->meeting.on, m)}}));
  data.set("chair", file->meeting.chair.empty() ? m.Get("panel.no_chair") : file->meeting.chair);
  data.set("notes", file->meeting.notes.empty() ? m.Get("panel.no_notes") : file->meeting.notes);
  data.set("edit_href", MeetingHref(id) + "/edit");
  data.set("can_decide", MustacheBool(file->can_decide));
  data.set("has_rows", MustacheBool(!file->waiting.empty()));
  data.set("rows", WaitingRows(file->waiting, file->can_decide ? id : 0, m));
  Data decisions{Data::type::list};
  for (const auto& d : file->decisions) {
    Data r;
    r.set("href", EpisodeHref(d.episode_id));
    r.set("episode", "#" + std::to_string(d.episode_id));
    r.set("outcome", m.Get("panel_outcome." + std::string(ToString(d.outcome))));
    r.set("reasons", d.reasons);
    decisions.push_back(std::move(r));
  }
  data.set("has_decisions", MustacheBool(!file->decisions.empty()));
  data.set("decisions", std::move(decisions));
  const std::string done = ctx.query.Get("done");
  data.set("has_done", MustacheBool(done == "created" || done == "updated"));
  data.set("done", done == "created" || done == "updated" ? m.Get("panel.done_" + done) : "");
  return HtmlResponse(ctx, bhttp::status::ok, deps.views.Page(ctx, "casework/panel_meeting", data));
}

std::vector<FormField> MeetingFields(const MessageCatalogue& m) {
  std::vector<FormField> f(3);
  f[0] = {"on", FormField::Kind::kDate, m.Get("panel.label.on"), m.Get("panel.hint.on"), {}};
  f[1] = {"chair", FormField::Kind::kText, m.Get("panel.label.chair"), m.Get("panel.hint.chair"), {}};
  f[2] = {"notes", FormField::Kind::kTextarea, m.Get("panel.label.notes"), m.Get("panel.hint.notes"), {}};
  return f;
}

// The arrange form, or with `editing` the change form (carrying `version`).
StepForm MeetingForm(const MessageCatalogue& m, const PanelMeeting* editing, int version) {
  StepForm form;
  const std::string key = editing ? "panel.edit." : "panel.new.";
  form.title = m.Get(key + "title");
  form.caption = m.Get("casework.panel.title");
  form.action = editing ? MeetingHref(editing->id) : "/panel/meetings";
  form.back_href = editing ? MeetingHref(editing->id) : "/panel";
  form.back_text = m.Get(editing ? "panel.back_to_meeting" : "panel.back_to_panel");
  form.button = m.Get(key + "button");
  if (editing) form.version = std::to_string(version);
  form.fields = MeetingFields(m);
  return form;
}

Input StoredValues(const PanelMeeting& meeting) {
  Input in;
  in.Add("on", meeting.on.ToString());
  in.Add("chair", meeting.chair);
  in.Add("notes", meeting.notes);
  return in;
}

RawResponse NewMeetingForm(RequestContext& ctx, RouteDeps deps) {
  if (!ctx.Who().Can(Capability::kAllocateCases)) return PageForError(ctx, deps.views, Error::Forbidden("panel"));
  return RenderStepForm(ctx, deps.views, bhttp::status::ok, MeetingForm(deps.views.Messages(), nullptr, 0), Input{},
                        nullptr);
}

RawResponse CreateMeeting(RequestContext& ctx, RouteDeps deps) {
  const auto& m = deps.views.Messages();
  const Input typed = ctx.Form();
  const StepForm form = MeetingForm(m, nullptr, 0);
  auto id = deps.services.panel.CreateMeeting(ctx.Who(), StepFormInput(typed, form.fields));
  if (id) return Redirect(ctx, MeetingHref(*id) + "?done=created");
  if (id.error().code != ErrorCode::kValidation) return PageForError(ctx, deps.views, id.error());
  const Error error = id.error();
  return RenderStepForm(ctx, deps.views, bhttp::status::unprocessable_entity, form, typed, &error);
}

RawResponse EditMeetingForm(RequestContext& ctx, RouteDeps deps, RecordId id) {
  auto stored = deps.services.panel.GetMeeting(ctx.Who(), id);
  if (!stored) return PageForError(ctx, deps.views, stored.error());
  return RenderStepForm(ctx, deps.views, bhttp::status::ok,
                        MeetingForm(deps.views.Messages(), &*stored, stored->version), StoredValues(*stored), nullptr);
}

RawResponse UpdateMeeting(RequestContext& ctx, RouteDeps deps, RecordId id) {
  const auto& m = deps.views.Messages();
  const Input typed = ctx.Form();
  const std::vector<FormField> fields = MeetingFields(m);
  auto saved = deps.services.panel.UpdateMeeting(ctx.Who(), id, StepFormInput(typed, fields), FormVersion(typed));
  if (saved) return Redirect(ctx, MeetingHref(id) + "?done=updated");
  const Error error = saved.error();
  if (error.code != ErrorCode::kValidation && error.code != ErrorCode::kStaleVersion)
    return PageForError(ctx, deps.views, error);
  auto stored = deps.services.panel.GetMeeting(ctx.Who(), id);
  if (!stored) return PageForError(ctx, deps.views, stored.error());
  if (error.code == ErrorCode::kStaleVersion) {
    // The form now carries the stored version: saving again is a deliberate choice made with both in view.
    StepForm form = MeetingForm(m, &*stored, stored->version);
    const Input theirs = StoredValues(*stored);
    for (const auto& f : form.fields) form.theirs.emplace_back(f.label, theirs.Get(f.name));
    return RenderStepForm(ctx, deps.views, bhttp::status::conflict, form, typed, &error);
  }
  return RenderStepForm(ctx, deps.views, bhttp::status::unprocessable_entity,
                        MeetingForm(m, &*stored, FormVersion(typed)), typed, &error);
}

}  // namespace

void RegisterPanelPages(Router& router, RouteDeps deps) {
  const Policy panel = Policy::Needs(Capability::kAllocateCases);
  router.Add(bhttp::verb::get, "/panel", panel, [deps](RequestContext& ctx) { return PanelPage(ctx, deps); });
  router.Add(bhttp::verb::get, "/panel/meetings/new", panel,
             [deps](RequestContext& ctx) { return NewMeetingForm(ctx, deps); });
  router.Add(bhttp::verb::post, "/panel/meetings", panel,
             [deps](RequestContext& ctx) { return CreateMeeting(ctx, deps); });
  auto with_id = [deps](RawResponse (*f)(RequestContext&, RouteDeps, RecordId)) {
    return [deps, f](RequestContext& ctx) {
      auto id = ctx.IdParam("id");
      if (!id) return PageNotFound(ctx, deps.views);
      return f(ctx, deps, *id);
    };
  };
  router.Add(bhttp::verb::get, "/panel/meetings/{id}", panel, with_id(MeetingPage));
  router.Add(bhttp::verb::get, "/panel/meetings/{id}/edit", panel, with_id(EditMeetingForm));
  router.Add(bhttp::verb::post, "/panel/meetings/{id}", panel, with_id(UpdateMeeting));
}

}  // namespace hearth::http
