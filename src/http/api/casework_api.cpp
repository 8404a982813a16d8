// /api/v1: the casework recorded on an episode (assessment, appraisals, plan, actions, contacts, TAF meetings),
// partners' appraisal lists and answers, statutory involvement and the services directory. Versioned records
// (assessment, plan, appraisal answers, actions) need If-Match with the record's ETag.
#include <boost/json/object.hpp>

#include "http/api/api_common.hpp"
#include "http/api/casework_json.hpp"
#include "http/responses.hpp"
#include "http/routes.hpp"

namespace hearth::http {
namespace {
namespace json = boost::json;
using api::Failed;
using api::NotFound;

JsonMember Text(std::string name) { return JsonMember{std::move(name)}; }
JsonMember Id(std::string name) { return JsonMember{std::move(name), JsonType::kInteger}; }

const JsonSchema kChildView{{Id("person_id"), Text("views")}};
const JsonSchema kNeeds = [] {
  JsonSchema s;
  for (OutcomeArea area : AllValues<OutcomeArea>()) s.members.push_back(Text(std::string(ToString(area))));
  return s;
}();
JsonMember ChildViews() {
  JsonMember m{"child_views", JsonType::kObjectArray};
  m.schema = &kChildView;
  m.max_items = 30;
  return m;
}
JsonMember Needs() {
  JsonMember m{"needs", JsonType::kObject};
  m.schema = &kNeeds;
  return m;
}
const JsonSchema kAssessment{{Needs(), Text("strengths"), Text("family_wants"), ChildViews()}};
const JsonSchema kAppraisalRequest{{Text("kind"), Text("question"), Text("requested_on"), Text("due_on")}};
const JsonSchema kAppraisalAnswer{{Text("recommendations"), Text("commitments"), Text("completed_on")}};
const JsonSchema kPlan{{Text("family_words"), Text("agreed_on"), ChildViews()}};
const JsonSchema kObjective{{Text("outcome"), Text("measure"), Text("who"), Text("target_on")}};
const JsonSchema kAction{{Text("description"), Id("service_id"), Text("due_on"), Text("status")}};
const JsonSchema kActionUpdate{{Text("status"), Text("due_on")}};
const JsonSchema kContact{
    {Text("on"), Text("kind"), {"children_seen", JsonType::kIntegerArray}, Text("seen"), Text("note")}};
const JsonSchema kTaf{{Text("on"), Text("attendees"), {"agencies", JsonType::kStringArray}, Id("lead_practitioner_id"),
                       Text("decisions"), Text("next_meeting_on")}};
const JsonSchema kStatutory{{Text("kind"), Id("person_id"), Text("started_on"), Text("ended_on")}};
const JsonSchema kService{{Text("name"), Text("kind")}};

// Scalars as form input, with the nested members flattened to the form's names: needs.education →
// need.education, child_views[i] → child_view.<person_id>.
Input CaseworkInput(const json::object& body) {
  Input in = ToInput(body);
  if (const auto* needs = body.if_contains("needs"); needs != nullptr && needs->is_object())
    for (const auto& [area, need] : needs->get_object())
      if (need.is_string()) in.Add("need." + std::string(area), std::string(need.get_string()));
  if (const auto* views = body.if_contains("child_views"); views != nullptr && views->is_array())
    for (const auto& v : views->get_array()) {
      const auto& o = v.get_object();
      const auto id = IntegerMember(o, "person_id");
      const auto* text = o.if_contains("views");
      if (id && text != nullptr && text->is_string())
        in.Add("child_view." + std::to_string(*id), std::string(text->get_string()));
    }
  return in;
}

struct Request {
  RecordId id = 0;
  int version = 0;
  json::object body;
};

// The path id, the If-Match version when `versioned`, and the checked body; or the response that refuses it.
std::variant<Request, RawResponse> Read(RequestContext& ctx, RouteDeps deps, const JsonSchema& schema, bool versioned) {
  Request r;
  const auto id = api::PathId(ctx);
  if (!id) return NotFound(ctx, deps.views);
  r.id = *id;
  if (versioned) {
    std::optional<RawResponse> refusal;
    const auto version = api::IfMatchVersion(ctx, deps.views, refusal);
    if (!version) return std::move(*refusal);
    r.version = *version;
  }
  auto body = ReadJsonBody(ctx, schema);
  if (!body) return ProblemResponse(ctx, body.error(), deps.views.Messages());
  r.body = std::move(*body);
  return r;
}

template <class T, class ToJson>
RawResponse Answer(RequestContext& ctx, RouteDeps deps, const Result<T>& result, std::string_view name, ToJson to_json) {
  if (!result) return Failed(ctx, deps.views, result.error());
  RawResponse res = JsonResponse(ctx, bhttp::status::ok, json::object{{name, to_json(*result)}});
  api::SetEtag(res, result->version);
  return res;
}

RawResponse CreatedId(RequestContext& ctx, RouteDeps deps, const Result<RecordId>& id) {
  if (!id) return Failed(ctx, deps.views, id.error());
  return JsonResponse(ctx, bhttp::status::created, json::object{{"id", *id}});
}

#define READ_OR_RETURN(var, schema, versioned)                     \
  auto var##_read = Read(ctx, deps, schema, versioned);            \
  if (auto* refused = std::get_if<RawResponse>(&var##_read)) return std::move(*refused); \
  auto& var = std::get<Request>(var##_read)

RawResponse SaveAssessment(RequestContext& ctx, RouteDeps deps) {
  READ_OR_RETURN(r, kAssessment, true);
  auto saved = deps.services.casework.SaveAssessment(ctx.Who(), r.id, CaseworkInput(r.body), r.version);
  return Answer(ctx, deps, saved, "assessment", AssessmentJson);
}

RawResponse RequestAppraisal(RequestContext& ctx, RouteDeps deps) {
  READ_OR_RETURN(r, kAppraisalRequest, false);
  auto id = deps.services.casework.RequestAppraisal(ctx.Who(), r.id, ToInput(r.body));
  if (!id) return Failed(ctx, deps.views, id.error());
  json::value appraisal = json::object{{"id", *id}};
  if (auto stored = deps.services.casework.GetAppraisal(ctx.Who(), *id)) appraisal = AppraisalJson(*stored);
  return api::Created(ctx, "appraisals", *id, json::object{{"appraisal", std::move(appraisal)}});
}

RawResponse AnswerAppraisal(RequestContext& ctx, RouteDeps deps) {
  READ_OR_RETURN(r, kAppraisalAnswer, true);
  auto answered = deps.services.casework.AnswerAppraisal(ctx.Who(), r.id, ToInput(r.body), r.version);
  return Answer(ctx, deps, answered, "appraisal", AppraisalJson);
}

RawResponse ShowAppraisal(RequestContext& ctx, RouteDeps deps) {
  const auto id = api::PathId(ctx);
  if (!id) return NotFound(ctx, deps.views);
  return Answer(ctx, deps, deps.services.casework.GetAppraisal(ctx.Who(), *id), "appraisal", AppraisalJson);
}

RawResponse ListAppraisals(RequestContext& ctx, RouteDeps deps) {
  auto list = deps.services.casework.AppraisalsForAgency(ctx.Who(), ctx.PageParam());
  if (!list) return Failed(ctx, deps.views, list.error());
  json::array out;
  for (const auto& a : *list) out.push_back(AppraisalJson(a));
  return JsonResponse(ctx, bhttp::status::ok, json::object{{"appraisals", std::move(out)}});
}

RawResponse SavePlan(RequestContext& ctx, RouteDeps deps) {
  READ_OR_RETURN(r, kPlan, true);
  auto saved = deps.services.casework.SavePlan(ctx.Who(), r.id, CaseworkInput(r.body), r.version);
  return Answer(ctx, deps, saved, "plan", PlanJson);
}

RawResponse AddObjective(RequestContext& ctx, RouteDeps deps) {
  READ_OR_RETURN(r, kObjective, false);
  return CreatedId(ctx, deps, deps.services.casework.AddObjective(ctx.Who(), r.id, ToInput(r.body)));
}

RawResponse AddAction(RequestContext& ctx, RouteDeps deps) {
  READ_OR_RETURN(r, kAction, false);
  const auto objective = ctx.IdParam("objective_id");
  if (!objective) return NotFound(ctx, deps.views);
  return CreatedId(ctx, deps, deps.services.casework.AddAction(ctx.Who(), r.id, *objective, ToInput(r.body)));
}

RawResponse UpdateAction(RequestContext& ctx, RouteDeps deps) {
  READ_OR_RETURN(r, kActionUpdate, true);
  auto updated = deps.services.casework.UpdateAction(ctx.Who(), r.id, ToInput(r.body), r.version);
  return Answer(ctx, deps, updated, "action", ActionJson);
}

RawResponse AddContact(RequestContext& ctx, RouteDeps deps) {
  READ_OR_RETURN(r, kContact, false);
  return CreatedId(ctx, deps, deps.services.casework.AddContact(ctx.Who(), r.id, ToInput(r.body)));
}

RawResponse AddTaf(RequestContext& ctx, RouteDeps deps) {
  READ_OR_RETURN(r, kTaf, false);
  return CreatedId(ctx, deps, deps.services.casework.AddTafMeeting(ctx.Who(), r.id, ToInput(r.body)));
}

RawResponse AddStatutory(RequestContext& ctx, RouteDeps deps) {
  READ_OR_RETURN(r, kStatutory, false);
  return CreatedId(ctx, deps, deps.services.casework.RecordStatutory(ctx.Who(), r.id, ToInput(r.body)));
}

RawResponse ListServices(RequestContext& ctx, RouteDeps deps) {
  json::array out;
  for (const auto& s : deps.services.casework.Services()) out.push_back(ServiceJson(s));
  return JsonResponse(ctx, bhttp::status::ok, json::object{{"services", std::move(out)}});
}

RawResponse AddService(RequestContext& ctx, RouteDeps deps) {
  auto body = ReadJsonBody(ctx, kService);
  if (!body) return ProblemResponse(ctx, body.error(), deps.views.Messages());
  return CreatedId(ctx, deps, deps.services.casework.AddService(ctx.Who(), ToInput(*body)));
}

#undef READ_OR_RETURN

}  // namespace

void RegisterCaseworkApi(Router& router, RouteDeps deps) {
  using V = bhttp::verb;
  auto add = [&](V verb, const char* path, Policy policy, RawResponse (*handler)(RequestContext&, RouteDeps)) {
    router.Add(verb, path, policy, [deps, handler](RequestContext& ctx) { return handler(ctx, deps); });
  };
  const Policy work = Policy::Needs(Capability::kWorkOnCases);
  add(V::put, "/api/v1/episodes/{id}/assessment", work, SaveAssessment);
  add(V::post, "/api/v1/episodes/{id}/appraisals", work, RequestAppraisal);
  add(V::get, "/api/v1/appraisals", Policy::Needs(Capability::kAnswerAppraisals), ListAppraisals);
  add(V::get, "/api/v1/appraisals/{id}", Policy::Needs(Capability::kViewFamilies), ShowAppraisal);
  add(V::post, "/api/v1/appraisals/{id}/answer", Policy::SignedIn(), AnswerAppraisal);
  add(V::put, "/api/v1/episodes/{id}/plan", work, SavePlan);
  add(V::post, "/api/v1/episodes/{id}/plan/objectives", work, AddObjective);
  add(V::post, "/api/v1/episodes/{id}/plan/objectives/{objective_id}/actions", work, AddAction);
  add(V::post, "/api/v1/actions/{id}", work, UpdateAction);
  add(V::post, "/api/v1/episodes/{id}/contacts", work, AddContact);
  add(V::post, "/api/v1/episodes/{id}/taf-meetings", work, AddTaf);
  add(V::post, "/api/v1/families/{id}/statutory", Policy::Needs(Capability::kRecordStatutory), AddStatutory);
  add(V::get, "/api/v1/services", Policy::SignedIn(), ListServices);
  add(V::post, "/api/v1/services", Policy::Needs(Capability::kManageDirectory), AddService);
}

}  // namespace hearth::http
