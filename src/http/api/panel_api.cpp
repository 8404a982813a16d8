// /api/v1/panel/meetings: the allocation panel's meetings (kAllocateCases), and /api/v1/practitioners: the
// practitioner directory lead professionals are chosen from (read by caseworkers, changed with kManageDirectory).
// Changes to a meeting or a practitioner need If-Match with its ETag (428 without it, 412 when stale).
#include <boost/json/object.hpp>

#include "http/api/api_common.hpp"
#include "http/api/casework_json.hpp"
#include "http/api/json_helpers.hpp"
#include "http/api/json_views.hpp"
#include "http/responses.hpp"
#include "http/routes.hpp"

namespace hearth::http {
namespace {
namespace json = boost::json;
using api::Failed;
using api::NotFound;
using jsonh::ListJson;

JsonMember Text(std::string name) { return JsonMember{std::move(name)}; }

const JsonSchema kMeeting{{Text("on"), Text("chair"), Text("notes")}};
const JsonSchema kPractitioner{
    {Text("name"), Text("organisation_kind"), Text("organisation"), Text("role_title"), Text("email")}};

template <class T, class ToJson>
RawResponse Versioned(RequestContext& ctx, RouteDeps deps, const Result<T>& result, std::string_view name,
                      ToJson to_json) {
  if (!result) return Failed(ctx, deps.views, result.error());
  RawResponse res = JsonResponse(ctx, bhttp::status::ok, json::object{{name, to_json(*result)}});
  api::SetEtag(res, result->version);
  return res;
}

RawResponse ListMeetings(RequestContext& ctx, RouteDeps deps) {
  auto list = deps.services.panel.Meetings(ctx.Who(), ctx.PageParam());
  if (!list) return Failed(ctx, deps.views, list.error());
  return JsonResponse(ctx, bhttp::status::ok,
                      json::object{{"upcoming", ListJson(list->upcoming, PanelMeetingJson)},
                                   {"recent", ListJson(list->recent, PanelMeetingJson)},
                                   {"recent_total", list->recent_total},
                                   {"page", list->page},
                                   {"page_size", list->page_size}});
}

RawResponse CreateMeeting(RequestContext& ctx, RouteDeps deps) {
  auto body = ReadJsonBody(ctx, kMeeting);
  if (!body) return ProblemResponse(ctx, body.error(), deps.views.Messages());
  auto id = deps.services.panel.CreateMeeting(ctx.Who(), ToInput(*body));
  if (!id) return Failed(ctx, deps.views, id.error());
  return api::Created(ctx, "panel/meetings", *id, json::object{{"id", *id}});
}

RawResponse ShowMeeting(RequestContext& ctx, RouteDeps deps) {
  const auto id = api::PathId(ctx);
  if (!id) return NotFound(ctx, deps.views);
  auto file = deps.services.panel.ViewMeeting(ctx.Who(), *id);
  if (!file) return Failed(ctx, deps.views, file.error());
  RawResponse res = JsonResponse(ctx, bhttp::status::ok,
                                 json::object{{"meeting", PanelMeetingJson(file->meeting)},
                                              {"decisions", ListJson(file->decisions, PanelDecisionJson)},
                                              {"waiting", ListJson(file->waiting, EpisodeJson)},
                                              {"can_decide", file->can_decide}});
  api::SetEtag(res, file->meeting.version);
  return res;
}

RawResponse UpdateMeeting(RequestContext& ctx, RouteDeps deps) {
  const auto id = api::PathId(ctx);
  if (!id) return NotFound(ctx, deps.views);
  std::optional<RawResponse> refusal;
  const auto version = api::IfMatchVersion(ctx, deps.views, refusal);
  if (!version) return std::move(*refusal);
  auto body = ReadJsonBody(ctx, kMeeting);
  if (!body) return ProblemResponse(ctx, body.error(), deps.views.Messages());
  return Versioned(ctx, deps, deps.services.panel.UpdateMeeting(ctx.Who(), *id, ToInput(*body), *version), "meeting",
                   PanelMeetingJson);
}

RawResponse ListPractitioners(RequestContext& ctx, RouteDeps deps) {
  auto all = deps.services.practitioners.Choices(ctx.Who());
  if (!all) return Failed(ctx, deps.views, all.error());
  return JsonResponse(ctx, bhttp::status::ok, json::object{{"practitioners", ListJson(*all, PractitionerJson)}});
}

RawResponse AddPractitioner(RequestContext& ctx, RouteDeps deps) {
  auto body = ReadJsonBody(ctx, kPractitioner);
  if (!body) return ProblemResponse(ctx, body.error(), deps.views.Messages());
  auto id = deps.services.practitioners.Add(ctx.Who(), ToInput(*body));
  if (!id) return Failed(ctx, deps.views, id.error());
  return api::Created(ctx, "practitioners", *id, json::object{{"id", *id}});
}

RawResponse ShowPractitioner(RequestContext& ctx, RouteDeps deps) {
  const auto id = api::PathId(ctx);
  if (!id) return NotFound(ctx, deps.views);
  return Versioned(ctx, deps, deps.services.practitioners.Get(ctx.Who(), *id), "practitioner", PractitionerJson);
}

RawResponse UpdatePractitioner(RequestContext& ctx, RouteDeps deps) {
  const auto id = api::PathId(ctx);
  if (!id) return NotFound(ctx, deps.views);
  std::optional<RawResponse> refusal;
  const auto version = api::IfMatchVersion(ctx, deps.views, refusal);
  if (!version) return std::move(*refusal);
  auto body = ReadJsonBody(ctx, kPractitioner);
  if (!body) return ProblemResponse(ctx, body.error(), deps.views.Messages());
  return Versioned(ctx, deps, deps.services.practitioners.Update(ctx.Who(), *id, ToInput(*body), *version),
                   "practitioner", PractitionerJson);
}

}  // namespace

void RegisterPanelApi(Router& router, RouteDeps deps) {
  using V = bhttp::verb;
  auto add = [&](V verb, const char* path, Policy policy, RawResponse (*handler)(RequestContext&, RouteDeps)) {
    router.Add(verb, path, policy, [deps, handler](RequestContext& ctx) { return handler(ctx, deps); });
  };
  const Policy panel = Policy::Needs(Capability::kAllocateCases);
  const Policy directory = Policy::Needs(Capability::kManageDirectory);
  add(V::get, "/api/v1/panel/meetings", panel, ListMeetings);
  add(V::post, "/api/v1/panel/meetings", panel, CreateMeeting);
  add(V::get, "/api/v1/panel/meetings/{id}", panel, ShowMeeting);
  add(V::put, "/api/v1/panel/meetings/{id}", panel, UpdateMeeting);
  add(V::get, "/api/v1/practitioners", Policy::SignedIn(), ListPractitioners);
  add(V::post, "/api/v1/practitioners", directory, AddPractitioner);
  add(V::get, "/api/v1/practitioners/{id}", directory, ShowPractitioner);
  add(V::put, "/api/v1/practitioners/{id}", directory, UpdatePractitioner);
}

}  // namespace hearth::http
