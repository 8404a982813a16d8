// The pages of every instrument: start a form from an episode, fill it in (Save draft, Finalise), see the result
// with its scores, supersede a final one with a reason, acknowledge a quality audit. All work without JavaScript;
// every POST carries the CSRF token (checked by the pipeline) and the version of the result it edits.
#include "http/pages/family_view_data.hpp"
#include "http/pages/instrument_page_data.hpp"
#include "http/pages/page_errors.hpp"
#include "http/responses.hpp"
#include "http/status_map.hpp"
#include "http/views.hpp"

namespace hearth::http {
namespace {
using Kind = FormField::Kind;

std::optional<ResultKey> PathKey(const RequestContext& ctx) {
  const auto id = ctx.IdParam("id");
  const auto it = ctx.params.find("instrument");
  if (!id || it == ctx.params.end()) return std::nullopt;
  return ResultKey{it->second, *id};
}

// The confirmation a redirect asks for (?done=<key>), from the catalogue only.
std::string DoneMessage(const RequestContext& ctx, const MessageCatalogue& m) {
  const std::string& done = ctx.query.Get("done");
  for (const char* known : {"saved", "finalised", "superseded", "acknowledged"})
    if (done == known) return m.Get("instruments.done_" + done);
  return "";
}

std::vector<FormField> StartFields(RequestContext& ctx, RouteDeps deps, const EpisodeFile& file) {
  const auto& m = deps.views.Messages();
  FormField form{"instrument", Kind::kRadios, m.Get("instruments.label_form"), "", {}};
  for (const Instrument* definition : deps.services.assessments.FormsFor(ctx.Who()))
    form.options.push_back({definition->id, definition->title});
  FormField stage{"stage", Kind::kRadios, m.Get("instruments.label_stage"), "", {}};
  for (const char* s : {"initial", "evaluation", "any"})
    stage.options.push_back({s, m.Get(std::string("instruments.stage.") + s)});
  FormField date{"assessed_on", Kind::kDate, m.Get("instruments.label_date"), m.Get("instruments.hint_date"), {}};
  FormField person{"person_id", Kind::kSelect, m.Get("instruments.label_person"), m.Get("instruments.hint_person"), {}};
  for (const Person& p : OrderedMembers(file.members)) person.options.push_back({std::to_string(p.id), p.FullName()});
  return {form, stage, date, person};
}

RawResponse RenderStart(RequestContext& ctx, RouteDeps deps, const EpisodeFile& file, bhttp::status status,
                        const Input& values, const Error* error) {
  const auto& m = deps.views.Messages();
  mustache::data data;
  data.set("title", m.Get("instruments.start_title"));
  data.set("caption", FamilyHeading(file.family, file.members, m));
  data.set("back_href", "/episodes/" + std::to_string(file.episode.id));
  data.set("action", "/episodes/" + std::to_string(file.episode.id) + "/instruments");
  data.set("csrf_token", ctx.Who().csrf_token);
  mustache::data fields{mustache::data::type::list};
  for (const FormField& f : StartFields(ctx, deps, file)) fields.push_back(FormFieldData(f, values, error, m));
  data.set("fields", std::move(fields));
  data.set("form", FormData(values, error, m));
  return HtmlResponse(ctx, status, deps.views.Page(ctx, "casework/instrument_start", data));
}

RawResponse StartPage(RequestContext& ctx, RouteDeps deps) {
  const auto id = ctx.IdParam("id");
  if (!id) return PageNotFound(ctx, deps.views);
  auto file = deps.services.casework.View(ctx.Who(), *id);
  if (!file) return PageForError(ctx, deps.views, file.error());
  Input values;
  values.Add("assessed_on", Date::TodayUtc().ToString());
  return RenderStart(ctx, deps, *file, bhttp::status::ok, values, nullptr);
}

RawResponse StartSubmit(RequestContext& ctx, RouteDeps deps) {
  const auto id = ctx.IdParam("id");
  if (!id) return PageNotFound(ctx, deps.views);
  const Input typed = StepFormInput(ctx.Form(), {FormField{"assessed_on", Kind::kDate, "", "", {}}});
  AssessmentStart start;
  start.instrument = typed.Get("instrument");
  start.stage = ParseEnum<InstrumentStage>(typed.Get("stage")).value_or(InstrumentStage::kAny);
  std::optional<Error> problem;
  if (const auto date = Date::Parse(typed.Get("assessed_on")))
    start.assessed_on = *date;
  else
    problem = InstrumentFieldProblem("assessed_on", "error.instrument.assessed_on");
  if (const std::string& person = typed.Get("person_id"); !person.empty()) {
    try {
      start.person_id = std::stoll(person);
    } catch (const std::exception&) {
      problem = InstrumentFieldProblem("person_id", "error.instrument.person");
    }
  }
  if (!problem) {
    auto draft = deps.services.assessments.StartDraft(ctx.Who(), *id, start);
    if (draft) return Redirect(ctx, ResultHref(draft->result) + "/edit");
    problem = draft.error();
  }
  if (problem->code != ErrorCode::kValidation) return PageForError(ctx, deps.views, *problem);
  auto file = deps.services.casework.View(ctx.Who(), *id);
  if (!file) return PageForError(ctx, deps.views, file.error());
  return RenderStart(ctx, deps, *file, bhttp::status::unprocessable_entity, typed, &*problem);
}

RawResponse RenderForm(RequestContext& ctx, RouteDeps deps, const AssessmentView& view, bhttp::status status,
                       const Input& values, const Error* error, bool stale) {
  const auto& m = deps.views.Messages();
  const InstrumentResult& r = view.result;
  auto file = deps.services.casework.View(ctx.Who(), r.episode_id);
  if (!file) return PageForError(ctx, deps.views, file.error());
  const bool superseding = r.status == ResultStatus::kFinal;
  mustache::data data;
  data.set("title", superseding ? m.Format("instruments.supersede_title", {{"title", view.definition->title}})
                                : view.definition->title);
  std::string caption = FamilyHeading(file->family, file->members, m);
  if (const std::string about = PersonName(file->members, r.person_id); !about.empty()) caption = about;
  data.set("caption", caption);
  data.set("description", view.definition->description);
  data.set("back_href", ResultHref(r));
  data.set("back_text", m.Get("instruments.back_to_result"));
  data.set("action", ResultHref(r));
  data.set("csrf_token", ctx.Who().csrf_token);
  data.set("version", std::to_string(r.version));
  data.set("superseding", MustacheBool(superseding));
  data.set("stale", MustacheBool(stale));
  FormField reason{"reason", Kind::kTextarea, m.Get("instruments.label_reason"), "", {}};
  data.set("reason", FormFieldData(reason, values, error, m));
  mustache::data sections{mustache::data::type::list};
  for (const FormSection& section : InstrumentSections(*view.definition, StaffOptions(ctx, deps), m)) {
    mustache::data s;
    s.set("has_title", MustacheBool(!section.title.empty()));
    s.set("title", section.title);
    mustache::data fields{mustache::data::type::list};
    for (const FormField& f : section.fields) fields.push_back(FormFieldData(f, values, error, m));
    s.set("fields", std::move(fields));
    sections.push_back(std::move(s));
  }
  data.set("sections", std::move(sections));
  data.set("form", FormData(values, error, m));
  return HtmlResponse(ctx, status, deps.views.Page(ctx, "casework/instrument_form", data));
}

RawResponse ResultPage(RequestContext& ctx, RouteDeps deps) {
  const auto key = PathKey(ctx);
  if (!key) return PageNotFound(ctx, deps.views);
  auto view = deps.services.assessments.View(ctx.Who(), *key);
  if (!view) return PageForError(ctx, deps.views, view.error());
  auto file = deps.services.casework.View(ctx.Who(), view->result.episode_id);
  if (!file) return PageForError(ctx, deps.views, file.error());
  const auto& m = deps.views.Messages();
  mustache::data data = ResultPageData(ctx, *view, file->members, StaffOptions(ctx, deps), m);
  data.set("caption", FamilyHeading(file->family, file->members, m));
  const std::string done = DoneMessage(ctx, m);
  data.set("has_done", MustacheBool(!done.empty()));
  data.set("done", done);
  return HtmlResponse(ctx, bhttp::status::ok, deps.views.Page(ctx, "casework/instrument_result", data));
}

RawResponse EditPage(RequestContext& ctx, RouteDeps deps) {
  const auto key = PathKey(ctx);
  if (!key) return PageNotFound(ctx, deps.views);
  auto view = deps.services.assessments.View(ctx.Who(), *key);
  if (!view) return PageForError(ctx, deps.views, view.error());
  if (view->result.status == ResultStatus::kSuperseded) return Redirect(ctx, ResultHref(view->result));
  return RenderForm(ctx, deps, *view, bhttp::status::ok, AnswersAsInput(view->result.answers), nullptr, false);
}

RawResponse EditSubmit(RequestContext& ctx, RouteDeps deps) {
  const auto key = PathKey(ctx);
  if (!key) return PageNotFound(ctx, deps.views);
  auto& service = deps.services.assessments;
  // The definition (and the version to post back when the form is shown again) come from the stored result.
  auto stored = service.View(ctx.Who(), *key);
  if (!stored) return PageForError(ctx, deps.views, stored.error());
  const Input typed = StepFormInput(ctx.Form(), {FormField{"reason", Kind::kTextarea, "", "", {}}});
  const Answers answers = AnswersFromForm(*stored->definition, ctx.Form());
  const int version = FormVersion(typed);
  const std::string intent = typed.Get("intent");
  Result<AssessmentView> done = Error::NotFound("unknown intent");
  std::string done_key;
  if (intent == "supersede") {
    done = service.Supersede(ctx.Who(), *key, answers, typed.Get("reason"), version);
    done_key = "superseded";
  } else {
    done = service.SaveDraft(ctx.Who(), *key, answers, version);
    done_key = "saved";
    if (done && intent == "finalise") {
      done = service.Finalise(ctx.Who(), *key, done->result.version);
      done_key = "finalised";
    }
  }
  if (done) return Redirect(ctx, ResultHref(done->result) + "?done=" + done_key);
  const Error& error = done.error();
  const bool shown_again = error.code == ErrorCode::kValidation || error.code == ErrorCode::kStaleVersion;
  if (!shown_again) return PageForError(ctx, deps.views, error);
  // A finalise refused after its answers were saved shows the saved draft's new version, so trying again works.
  auto now = service.View(ctx.Who(), *key);
  if (!now) return PageForError(ctx, deps.views, now.error());
  Input values = AnswersAsInput(answers);
  values.Add("reason", typed.Get("reason"));
  return RenderForm(ctx, deps, *now, StatusFor(error.code), values, &error, error.code == ErrorCode::kStaleVersion);
}

RawResponse Acknowledge(RequestContext& ctx, RouteDeps deps) {
  const auto id = ctx.IdParam("id");
  if (!id) return PageNotFound(ctx, deps.views);
  auto done = deps.services.assessments.AcknowledgeAudit(ctx.Who(), *id, FormVersion(ctx.Form()));
  if (!done) return PageForError(ctx, deps.views, done.error());
  return Redirect(ctx, ResultHref(done->result) + "?done=acknowledged");
}

RawResponse AuditsToAcknowledge(RequestContext& ctx, RouteDeps deps) {
  const auto& m = deps.views.Messages();
  auto audits = deps.services.assessments.AuditsToAcknowledge(ctx.Who());
  if (!audits) return PageForError(ctx, deps.views, audits.error());
  mustache::data data;
  data.set("title", m.Get("instruments.to_acknowledge_title"));
  mustache::data list{mustache::data::type::list};
  for (const AssessmentView& view : *audits) {
    mustache::data item;
    item.set("href", ResultHref(view.result));
    item.set("title", view.definition->title);
    item.set("date", FormatDate(view.result.assessed_on, m));
    list.push_back(std::move(item));
  }
  data.set("has_audits", MustacheBool(!audits->empty()));
  data.set("audits", std::move(list));
  return HtmlResponse(ctx, bhttp::status::ok, deps.views.Page(ctx, "casework/audits_to_acknowledge", data));
}

}  // namespace

void RegisterInstrumentPages(Router& router, RouteDeps deps) {
  const Policy view = Policy::Needs(Capability::kViewFamilies);
  const auto bind = [deps](RawResponse (*handler)(RequestContext&, RouteDeps)) {
    return [deps, handler](RequestContext& ctx) { return handler(ctx, deps); };
  };
  router.Add(bhttp::verb::get, "/episodes/{id}/instruments/new", view, bind(StartPage));
  router.Add(bhttp::verb::post, "/episodes/{id}/instruments", view, bind(StartSubmit));
  router.Add(bhttp::verb::get, "/instruments/{instrument}/{id}", view, bind(ResultPage));
  router.Add(bhttp::verb::get, "/instruments/{instrument}/{id}/edit", view, bind(EditPage));
  router.Add(bhttp::verb::post, "/instruments/{instrument}/{id}", view, bind(EditSubmit));
  router.Add(bhttp::verb::post, "/instruments/quality_audit/{id}/acknowledge", view, bind(Acknowledge));
  router.Add(bhttp::verb::get, "/audits-to-acknowledge", Policy::SignedIn(), bind(AuditsToAcknowledge));
}

}  // namespace hearth::http
