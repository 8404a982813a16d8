// /api/v1/families and /api/v1/people: search, read, create and edit households and their members. Every
// handler goes through FamilyService, so access, visibility, validation and audit are those of the pages.
#include <boost/json/object.hpp>
#include <charconv>

#include "http/api/api_common.hpp"
#include "http/api/json_views.hpp"
#include "http/responses.hpp"
#include "http/routes.hpp"

namespace hearth::http {
namespace {
namespace json = boost::json;
using api::Created;
using api::Failed;
using api::NotFound;
using api::PathId;

constexpr std::size_t kMaxQueryBytes = 200;
constexpr int kMaxPageSize = 100;

// ?name=N, strictly a whole number in [1, max]; `fallback` when absent.
std::optional<int> QueryNumber(const RequestContext& ctx, std::string_view name, int fallback, int max) {
  if (!ctx.query.Has(name)) return fallback;
  const std::string& s = ctx.query.Get(name);
  int value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size() || value < 1 || value > max) return std::nullopt;
  return value;
}

RawResponse BadParameter(const RequestContext& ctx, const Views& views, std::string name) {
  return JsonError(ctx, bhttp::status::bad_request, "invalid_parameter", views.T("api_error.invalid_parameter"),
                   std::move(name));
}

RawResponse Search(RequestContext& ctx, RouteDeps deps) {
  const std::string& q = ctx.query.Get("q");
  if (q.size() > kMaxQueryBytes) return Failed(ctx, deps.views, Error::Validation({{"q", "error.too_long"}}));
  const auto page = QueryNumber(ctx, "page", 1, 1'000'000);
  if (!page) return BadParameter(ctx, deps.views, "page");
  const auto page_size = QueryNumber(ctx, "page_size", 20, kMaxPageSize);
  if (!page_size) return BadParameter(ctx, deps.views, "page_size");
  auto found = deps.services.families.Search(ctx.Who(), q, *page, *page_size);
  if (!found) return Failed(ctx, deps.views, found.error());
  json::array families;
  for (const auto& f : found->result.families) families.push_back(FamilySummaryJson(f));
  return JsonResponse(ctx, bhttp::status::ok,
                      json::object{{"families", std::move(families)},
                                   {"page", found->page},
                                   {"page_size", found->page_size},
                                   {"total", found->result.total}});
}

RawResponse Show(RequestContext& ctx, RouteDeps deps) {
  const auto id = PathId(ctx);
  if (!id) return NotFound(ctx, deps.views);
  auto view = deps.services.families.View(ctx.Who(), *id);
  if (!view) return Failed(ctx, deps.views, view.error());
  return JsonResponse(ctx, bhttp::status::ok, FamilyViewJson(*view));
}

// The family as stored after a write (postcode normalised, new version). Reading it back is a view of the
// record and is audited as one, as the page the browser is sent to after the same write would be.
json::object StoredFamily(RequestContext& ctx, RouteDeps deps, RecordId id) {
  auto view = deps.services.families.View(ctx.Who(), id);
  if (!view) return {{"family", json::object{{"id", id}}}};
  return {{"family", FamilyJson(view->family)}};
}

RawResponse CreateFamily(RequestContext& ctx, RouteDeps deps) {
  auto body = ReadJsonBody(ctx, api::FamilySchema());
  if (!body) return ProblemResponse(ctx, body.error(), deps.views.Messages());
  auto id = deps.services.families.Create(ctx.Who(), ToInput(*body));
  if (!id) return Failed(ctx, deps.views, id.error());
  return Created(ctx, "families", *id, StoredFamily(ctx, deps, *id));
}

RawResponse UpdateFamily(RequestContext& ctx, RouteDeps deps) {
  const auto id = PathId(ctx);
  if (!id) return NotFound(ctx, deps.views);
  auto body = ReadJsonBody(ctx, api::FamilyUpdateSchema());
  if (!body) return ProblemResponse(ctx, body.error(), deps.views.Messages());
  auto done = deps.services.families.Update(ctx.Who(), *id, ToInput(*body), api::VersionOf(*body));
  if (!done) return Failed(ctx, deps.views, done.error());
  return JsonResponse(ctx, bhttp::status::ok, StoredFamily(ctx, deps, *id));
}

json::object StoredPerson(RequestContext& ctx, RouteDeps deps, RecordId id) {
  auto person = deps.services.families.GetPerson(ctx.Who(), id);
  if (!person) return {{"person", json::object{{"id", id}}}};
  return {{"person", PersonJson(*person)}};
}

RawResponse ShowPerson(RequestContext& ctx, RouteDeps deps) {
  const auto id = PathId(ctx);
  if (!id) return NotFound(ctx, deps.views);
  auto person = deps.services.families.GetPerson(ctx.Who(), *id);
  if (!person) return Failed(ctx, deps.views, person.error());
  return JsonResponse(ctx, bhttp::status::ok, json::object{{"person", PersonJson(*person)}});
}

RawResponse AddPerson(RequestContext& ctx, RouteDeps deps) {
  const auto family_id = PathId(ctx);
  if (!family_id) return NotFound(ctx, deps.views);
  auto body = ReadJsonBody(ctx, api::PersonSchema());
  if (!body) return ProblemResponse(ctx, body.error(), deps.views.Messages());
  auto id = deps.services.families.AddPerson(ctx.Who(), *family_id, ToInput(*body));
  if (!id) return Failed(ctx, deps.views, id.error());
  return Created(ctx, "people", *id, StoredPerson(ctx, deps, *id));
}

RawResponse UpdatePerson(RequestContext& ctx, RouteDeps deps) {
  const auto id = PathId(ctx);
  if (!id) return NotFound(ctx, deps.views);
  auto body = ReadJsonBody(ctx, api::PersonUpdateSchema());
  if (!body) return ProblemResponse(ctx, body.error(), deps.views.Messages());
  auto done = deps.services.families.UpdatePerson(ctx.Who(), *id, ToInput(*body), api::VersionOf(*body));
  if (!done) return Failed(ctx, deps.views, done.error());
  return JsonResponse(ctx, bhttp::status::ok, StoredPerson(ctx, deps, *id));
}

}  // namespace

void RegisterFamilyApi(Router& router, RouteDeps deps) {
  const auto view = Policy::Needs(Capability::kViewFamilies);
  const auto edit = Policy::Needs(Capability::kEditFamilies);
  auto bind = [deps](RawResponse (*handler)(RequestContext&, RouteDeps)) {
    return [deps, handler](RequestContext& ctx) { return handler(ctx, deps); };
  };
  router.Add(bhttp::verb::get, "/api/v1/families", view, bind(Search));
  router.Add(bhttp::verb::post, "/api/v1/families", edit, bind(CreateFamily));
  router.Add(bhttp::verb::get, "/api/v1/families/{id}", view, bind(Show));
  router.Add(bhttp::verb::put, "/api/v1/families/{id}", edit, bind(UpdateFamily));
  router.Add(bhttp::verb::post, "/api/v1/families/{id}/people", edit, bind(AddPerson));
  router.Add(bhttp::verb::get, "/api/v1/people/{id}", view, bind(ShowPerson));
  router.Add(bhttp::verb::put, "/api/v1/people/{id}", edit, bind(UpdatePerson));
}

}  // namespace hearth::http
