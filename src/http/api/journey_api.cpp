// /api/v1/episodes/{id}/…: the steps that move an episode through its stages, and the panel's list. Every step
// needs If-Match with the episode's ETag (428 without it, 412 when someone changed the episode since), answers
// with the episode as it now stands and its new ETag, and changes nothing when refused.
#include <boost/json/object.hpp>

#include "domain/enum_names.hpp"
#include "http/api/api_common.hpp"
#include "http/api/casework_json.hpp"
#include "http/api/json_views.hpp"
#include "http/responses.hpp"
#include "http/routes.hpp"

namespace hearth::http {
namespace {
namespace json = boost::json;
using api::Failed;
using api::NotFound;

JsonMember Text(std::string name) { return JsonMember{std::move(name)}; }
JsonMember Id(std::string name) { return JsonMember{std::move(name), JsonType::kInteger}; }

const JsonSchema kAllocateAssessment{{Id("ea_officer_id"), Text("on")}};
const JsonSchema kOnlyDate{{Text("on")}};
const JsonSchema kAllocateBrokerage{{Id("br_officer_id"), Text("on")}};
const JsonSchema kPanelDecision{{Text("outcome"), Id("meeting_id"), Text("panel_on"), Id("team_id"), Id("worker_id"),
                                 Text("intervention_started_on"), Text("reasons")}};
const JsonSchema kChangeWorker{{Id("worker_id"), Text("on"), Text("reason")}};
const JsonSchema kStartReview{{Text("on"), Text("next_steps")}};
// At closure, the outcome of each need identified at assessment: {"need_outcomes": {"housing": "improved", …}}.
const JsonSchema kNeedOutcomes = [] {
  JsonSchema schema;
  for (OutcomeArea area : AllValues<OutcomeArea>()) schema.members.push_back(Text(std::string(ToString(area))));
  return schema;
}();
JsonMember NeedOutcomes() {
  JsonMember m{"need_outcomes", JsonType::kObject};
  m.schema = &kNeedOutcomes;
  return m;
}
const JsonSchema kClose{{Text("on"), Text("closure_reason"), Text("closure_summary"), Text("exit_plan"),
                         Text("statutory_kind"), Id("statutory_person_id"), Text("statutory_started_on"),
                         NeedOutcomes()}};

// The body as the use case's Input; need_outcomes.<area> becomes the form's need_outcome.<area>.
Input StepInput(const json::object& body) {
  Input in = ToInput(body);
  if (const auto* outcomes = body.if_contains("need_outcomes"); outcomes && outcomes->is_object())
    for (const auto& [area, value] : outcomes->get_object())
      if (value.is_string()) in.Add("need_outcome." + std::string(area), std::string(value.get_string()));
  return in;
}

using StepFn = Result<Episode> (JourneyService::*)(const Principal&, RecordId, const Input&, int);

RawResponse Step(RequestContext& ctx, RouteDeps deps, StepFn step, const JsonSchema& schema) {
  const auto id = api::PathId(ctx);
  if (!id) return NotFound(ctx, deps.views);
  std::optional<RawResponse> refusal;
  const auto version = api::IfMatchVersion(ctx, deps.views, refusal);
  if (!version) return std::move(*refusal);
  auto body = ReadJsonBody(ctx, schema);
  if (!body) return ProblemResponse(ctx, body.error(), deps.views.Messages());
  auto episode = (deps.services.journey.*step)(ctx.Who(), *id, StepInput(*body), *version);
  if (!episode) return Failed(ctx, deps.views, episode.error());
  RawResponse res = JsonResponse(ctx, bhttp::status::ok, json::object{{"episode", EpisodeJson(*episode)}});
  api::SetEtag(res, episode->version);
  return res;
}

RawResponse Show(RequestContext& ctx, RouteDeps deps) {
  const auto id = api::PathId(ctx);
  if (!id) return NotFound(ctx, deps.views);
  auto file = deps.services.casework.View(ctx.Who(), *id);
  if (!file) return Failed(ctx, deps.views, file.error());
  RawResponse res = JsonResponse(ctx, bhttp::status::ok, EpisodeFileJson(*file));
  api::SetEtag(res, file->episode.version);
  return res;
}

RawResponse Panel(RequestContext& ctx, RouteDeps deps) {
  auto episodes = deps.services.journey.PanelList(ctx.Who());
  if (!episodes) return Failed(ctx, deps.views, episodes.error());
  json::array out;
  for (const auto& e : *episodes) out.push_back(EpisodeJson(e));
  return JsonResponse(ctx, bhttp::status::ok, json::object{{"episodes", std::move(out)}});
}

RawResponse Workers(RequestContext& ctx, RouteDeps deps) {
  std::optional<Role> role;
  if (const auto& text = ctx.query.Get("role"); !text.empty()) {
    role = ParseEnum<Role>(text);
    if (!role)
      return JsonError(ctx, bhttp::status::bad_request, "invalid_parameter", deps.views.T("api_error.invalid_role"),
                       "role");
  }
  auto workers = deps.services.journey.Workers(ctx.Who(), role);
  if (!workers) return Failed(ctx, deps.views, workers.error());
  json::array out;
  for (const auto& u : *workers)
    out.push_back(json::object{{"id", u.id}, {"username", u.username}, {"role", ToString(u.role)},
                               {"team", u.team_id == 0 ? json::value(nullptr) : json::value(u.team_id)},
                               {"team_name", u.team_name}});
  return JsonResponse(ctx, bhttp::status::ok, json::object{{"workers", std::move(out)}});
}

RawResponse Teams(RequestContext& ctx, RouteDeps deps) {
  auto teams = deps.services.journey.Teams(ctx.Who());
  if (!teams) return Failed(ctx, deps.views, teams.error());
  json::array out;
  for (const auto& t : *teams) out.push_back(json::object{{"id", t.id}, {"name", t.name}});
  return JsonResponse(ctx, bhttp::status::ok, json::object{{"teams", std::move(out)}});
}

}  // namespace

void RegisterJourneyApi(Router& router, RouteDeps deps) {
  const std::string root = "/api/v1/episodes/{id}/";
  router.Add(bhttp::verb::get, "/api/v1/episodes/{id}", Policy::Needs(Capability::kViewFamilies),
             [deps](RequestContext& ctx) { return Show(ctx, deps); });
  router.Add(bhttp::verb::get, "/api/v1/panel", Policy::Needs(Capability::kAllocateCases),
             [deps](RequestContext& ctx) { return Panel(ctx, deps); });
  router.Add(bhttp::verb::get, "/api/v1/workers", Policy::SignedIn(),
             [deps](RequestContext& ctx) { return Workers(ctx, deps); });
  router.Add(bhttp::verb::get, "/api/v1/teams", Policy::Needs(Capability::kViewFamilies),
             [deps](RequestContext& ctx) { return Teams(ctx, deps); });
  struct StepRoute {
    const char* path;
    Capability capability;
    StepFn step;
    const JsonSchema* schema;
  };
  const StepRoute steps[] = {
      {"allocate-assessment", Capability::kAllocateCases, &JourneyService::AllocateForAssessment, &kAllocateAssessment},
      {"complete-assessment", Capability::kWorkOnCases, &JourneyService::CompleteAssessment, &kOnlyDate},
      {"allocate-brokerage", Capability::kAllocateCases, &JourneyService::AllocateForBrokerage, &kAllocateBrokerage},
      {"complete-plan", Capability::kWorkOnCases, &JourneyService::CompletePlan, &kOnlyDate},
      {"panel-decision", Capability::kAllocateCases, &JourneyService::PanelDecide, &kPanelDecision},
      {"change-worker", Capability::kWorkOnCases, &JourneyService::ChangeWorker, &kChangeWorker},
      {"start-review", Capability::kWorkOnCases, &JourneyService::StartReview, &kStartReview},
      {"close", Capability::kWorkOnCases, &JourneyService::Close, &kClose},
  };
  for (const auto& s : steps) {
    router.Add(bhttp::verb::post, root + s.path, Policy::Needs(s.capability),
               [deps, step = s.step, schema = s.schema](RequestContext& ctx) { return Step(ctx, deps, step, *schema); });
  }
}

}  // namespace hearth::http
