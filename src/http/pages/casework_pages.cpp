// The episode page (/episodes/{id}), every casework step as a form page under it, and partners' appraisal requests
// (/appraisals); the allocation panel's pages are in panel_pages.cpp. All work without JavaScript; every POST carries
// the CSRF token (checked by the pipeline) and, where a versioned record is edited, its version.
#include <optional>

#include "http/pages/casework_steps.hpp"
#include "http/pages/episode_page_data.hpp"
#include "http/pages/family_view_data.hpp"
#include "http/pages/instrument_page_data.hpp"
#include "http/pages/page_errors.hpp"
#include "http/responses.hpp"
#include "http/routes.hpp"

namespace hearth::http {
namespace {

std::string EpisodeHref(RecordId id) { return "/episodes/" + std::to_string(id); }

// The confirmation a redirect after a step asks for (?done=<key>): only keys the catalogue knows are shown.
std::string DoneMessage(const RequestContext& ctx, const MessageCatalogue& m) {
  const std::string& done = ctx.query.Get("done");
  if (done.empty() || done.size() > 40) return {};
  for (char c : done)
    if (!((c >= 'a' && c <= 'z') || c == '_')) return {};
  const std::string key = "casework.done." + done;
  return m.Has(key) ? m.Get(key) : "";
}

RawResponse ShowEpisode(RequestContext& ctx, RouteDeps deps) {
  const auto id = ctx.IdParam("id");
  if (!id) return PageNotFound(ctx, deps.views);
  auto file = deps.services.casework.View(ctx.Who(), *id);
  if (!file) return PageForError(ctx, deps.views, file.error());
  const auto& m = deps.views.Messages();
  mustache::data data = EpisodePageData(*file, ctx.Who(), m);
  // What is due, by the configured timescales: overdue items are marked at the top of the page.
  const DueFacts facts = DueFactsFrom(file->referral_received_on, file->taf_meetings);
  mustache::data due{mustache::data::type::list};
  for (const auto& d : deps.services.work.DueFor(file->episode, facts, Date::TodayUtc())) {
    mustache::data item;
    item.set("what", m.Get("work.due." + d.what));
    item.set("on", FormatDate(d.due_on, m));
    item.set("overdue", MustacheBool(d.status == DueStatus::kOverdue));
    item.set("due_soon", MustacheBool(d.status == DueStatus::kDueSoon));
    due.push_back(std::move(item));
  }
  data.set("due", std::move(due));
  data.set("instruments", InstrumentSectionData(ctx, deps, *id));
  const std::string done = DoneMessage(ctx, m);
  data.set("has_done", MustacheBool(!done.empty()));
  data.set("done", done);
  return HtmlResponse(ctx, bhttp::status::ok, deps.views.Page(ctx, "casework/episode", data));
}

StepForm FormFor(const CaseworkStep& step, const StepContext& s, int version) {
  const auto& m = s.deps.views.Messages();
  StepForm form;
  form.title = m.Get("casework.step." + step.key + ".title");
  form.caption = FamilyHeading(s.file.family, s.file.members, m);
  form.action = s.ctx.path.ends_with("/new") ? s.ctx.path.substr(0, s.ctx.path.size() - 4) : s.ctx.path;
  form.back_href = EpisodeHref(s.file.episode.id);
  form.button = m.Get("casework.step." + step.key + ".button");
  if (version >= 0) form.version = std::to_string(version);
  form.fields = step.fields(s);
  return form;
}

RawResponse StepPage(RequestContext& ctx, RouteDeps deps, const CaseworkStep& step) {
  const auto id = ctx.IdParam("id");
  if (!id) return PageNotFound(ctx, deps.views);
  auto file = deps.services.casework.View(ctx.Who(), *id);
  if (!file) return PageForError(ctx, deps.views, file.error());
  const StepContext s{ctx, deps, *file};
  const int version = step.version(s);
  if (step.path.find("{action_id}") != std::string::npos && version < 0) return PageNotFound(ctx, deps.views);
  return RenderStepForm(ctx, deps.views, bhttp::status::ok, FormFor(step, s, version), step.stored(s), nullptr);
}

RawResponse StepSubmit(RequestContext& ctx, RouteDeps deps, const CaseworkStep& step) {
  const auto id = ctx.IdParam("id");
  if (!id) return PageNotFound(ctx, deps.views);
  const Input typed = ctx.Form();
  // A save reads nothing of the episode's file (nor writes the "view" audit row reading it would), unless the step
  // needs the file to find what it edits: the use case checks access, stage and version itself. The file is read
  // when the form has to be shown again.
  std::optional<EpisodeFile> file;
  if (step.submit_needs_file) {
    auto read = deps.services.casework.View(ctx.Who(), *id);
    if (!read) return PageForError(ctx, deps.views, read.error());
    file = std::move(*read);
  }
  EpisodeFile only_id;
  only_id.episode.id = *id;
  const StepContext save{ctx, deps, file ? *file : only_id, !file};
  const int version = EditsVersionedRecord(step) ? FormVersion(typed) : -1;
  auto saved = step.submit(save, StepFormInput(typed, step.fields(save)), version);
  if (saved) {
    // A worker who closed the episode or handed it on no longer sees the family (their caseload follows open
    // assignments): their own work list is where they go next.
    const bool handed_on = step.key == "close" || step.key == "change_worker";
    if (handed_on && FamilyScopeFor(ctx.Who().role) == FamilyScope::kCaseload)
      return Redirect(ctx, "/my-work?done=" + step.key);
    return Redirect(ctx, EpisodeHref(*id) + "?done=" + step.key);
  }
  const Error error = saved.error();
  const bool shown_again = error.code == ErrorCode::kValidation || error.code == ErrorCode::kConflict ||
                           error.code == ErrorCode::kStaleVersion;
  if (!shown_again) return PageForError(ctx, deps.views, error);
  // Showing the form again needs the file: the family's name, the choices, and after a stale save what is stored.
  auto fresh = deps.services.casework.View(ctx.Who(), *id);
  if (!fresh) return PageForError(ctx, deps.views, fresh.error());
  const StepContext now{ctx, deps, *fresh};
  StepForm form = FormFor(step, now, step.version(now));
  switch (error.code) {
    case ErrorCode::kValidation:
      form.version = typed.Get("version");
      return RenderStepForm(ctx, deps.views, bhttp::status::unprocessable_entity, form, typed, &error);
    case ErrorCode::kConflict:
      return RenderStepForm(ctx, deps.views, bhttp::status::conflict, form, typed, &error);
    default: {
      // Stale: show what is stored now beside what was typed; the form carries the stored version, so saving again
      // is a deliberate choice made with both in view.
      const Input stored = step.stored(now);
      for (const auto& f : form.fields) form.theirs.emplace_back(f.label, stored.Get(f.name));
      return RenderStepForm(ctx, deps.views, bhttp::status::conflict, form, typed, &error);
    }
  }
}

RawResponse AppraisalsPage(RequestContext& ctx, RouteDeps deps) {
  const int page = ctx.PageParam();
  auto list = deps.services.casework.AppraisalsForAgency(ctx.Who(), page);
  if (!list) return PageForError(ctx, deps.views, list.error());
  const auto& m = deps.views.Messages();
  mustache::data rows{mustache::data::type::list};
  for (const auto& a : *list) {
    mustache::data r;
    r.set("question", a.question);
    r.set("requested_on", FormatDate(a.requested_on, m));
    r.set("due_on", FormatDate(a.due_on, m));
    r.set("answered", MustacheBool(a.Answered()));
    r.set("overdue", MustacheBool(!a.Answered() && a.due_on < Date::TodayUtc()));
    r.set("href", "/appraisals/" + std::to_string(a.id) + "/answer");
    r.set("episode_href", EpisodeHref(a.episode_id));
    rows.push_back(std::move(r));
  }
  mustache::data data;
  data.set("title", m.Get("casework.appraisals.title"));
  data.set("has_rows", MustacheBool(!list->empty()));
  data.set("rows", std::move(rows));
  data.set("next_href", list->size() == 20 ? "/appraisals?page=" + std::to_string(page + 1) : "");
  data.set("has_next", MustacheBool(list->size() == 20));
  return HtmlResponse(ctx, bhttp::status::ok, deps.views.Page(ctx, "casework/appraisals", data));
}

std::vector<FormField> AnswerFields(const MessageCatalogue& m) {
  std::vector<FormField> f(3);
  f[0] = {"recommendations", FormField::Kind::kTextarea, m.Get("casework.label.recommendations"), "", {}};
  f[1] = {"commitments", FormField::Kind::kTextarea, m.Get("casework.label.commitments"), "", {}};
  f[2] = {"completed_on", FormField::Kind::kDate, m.Get("casework.label.completed_on"),
          m.Get("casework.hint.completed_on"), {}};
  return f;
}

StepForm AnswerForm(const RequestContext& ctx, const Appraisal& a, const MessageCatalogue& m) {
  StepForm form;
  form.title = m.Get("casework.step.answer_appraisal.title");
  form.caption = m.Get("agency." + std::string(ToString(a.kind))) + ": " + a.question;
  form.action = ctx.path;
  form.back_href = EpisodeHref(a.episode_id);
  form.button = m.Get("casework.step.answer_appraisal.button");
  form.version = std::to_string(a.version);
  form.fields = AnswerFields(m);
  return form;
}

RawResponse AnswerPage(RequestContext& ctx, RouteDeps deps) {
  const auto id = ctx.IdParam("id");
  if (!id) return PageNotFound(ctx, deps.views);
  auto appraisal = deps.services.casework.GetAppraisal(ctx.Who(), *id);
  if (!appraisal) return PageForError(ctx, deps.views, appraisal.error());
  return RenderStepForm(ctx, deps.views, bhttp::status::ok, AnswerForm(ctx, *appraisal, deps.views.Messages()),
                        Input{}, nullptr);
}

RawResponse AnswerSubmit(RequestContext& ctx, RouteDeps deps) {
  const auto id = ctx.IdParam("id");
  if (!id) return PageNotFound(ctx, deps.views);
  const Input typed = ctx.Form();
  const auto& m = deps.views.Messages();
  auto answered =
      deps.services.casework.AnswerAppraisal(ctx.Who(), *id, StepFormInput(typed, AnswerFields(m)), FormVersion(typed));
  if (answered) {
    const bool partner = ctx.Who().role == Role::kPartner;
    return Redirect(ctx, partner ? "/appraisals?done=answered" : EpisodeHref(answered->episode_id) + "?done=answer_appraisal");
  }
  if (answered.error().code != ErrorCode::kValidation && answered.error().code != ErrorCode::kStaleVersion)
    return PageForError(ctx, deps.views, answered.error());
  auto appraisal = deps.services.casework.GetAppraisal(ctx.Who(), *id);
  if (!appraisal) return PageForError(ctx, deps.views, appraisal.error());
  const Error error = answered.error();
  return RenderStepForm(ctx, deps.views, bhttp::status::unprocessable_entity, AnswerForm(ctx, *appraisal, m), typed,
                        &error);
}

}  // namespace

void RegisterCaseworkPages(Router& router, RouteDeps deps) {
  router.Add(bhttp::verb::get, "/episodes/{id}", Policy::Needs(Capability::kViewFamilies),
             [deps](RequestContext& ctx) { return ShowEpisode(ctx, deps); });
  for (const auto& step : CaseworkSteps()) {
    const std::string path = "/episodes/{id}/" + step.path;
    const Policy policy = Policy::Needs(step.capability);
    const CaseworkStep* s = &step;
    router.Add(bhttp::verb::get, path, policy, [deps, s](RequestContext& ctx) { return StepPage(ctx, deps, *s); });
    // "…/new" forms post to the collection, as the family pages do.
    const std::string post_path =
        path.ends_with("/new") ? path.substr(0, path.size() - 4) : path;
    router.Add(bhttp::verb::post, post_path, policy, [deps, s](RequestContext& ctx) { return StepSubmit(ctx, deps, *s); });
  }
  router.Add(bhttp::verb::get, "/appraisals", Policy::Needs(Capability::kAnswerAppraisals),
             [deps](RequestContext& ctx) { return AppraisalsPage(ctx, deps); });
  router.Add(bhttp::verb::get, "/appraisals/{id}/answer", Policy::SignedIn(),
             [deps](RequestContext& ctx) { return AnswerPage(ctx, deps); });
  router.Add(bhttp::verb::post, "/appraisals/{id}/answer", Policy::SignedIn(),
             [deps](RequestContext& ctx) { return AnswerSubmit(ctx, deps); });
}

}  // namespace hearth::http
