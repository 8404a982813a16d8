#include "http/api/api_common.hpp"

#include <charconv>
#include <limits>

#include "http/responses.hpp"

namespace hearth::http::api {
namespace {
JsonMember Text(std::string name) { return JsonMember{std::move(name)}; }

JsonMember Version() {
  JsonMember m{"version", JsonType::kInteger, true};
  m.max = std::numeric_limits<int>::max();
  return m;
}

JsonSchema With(JsonSchema schema, JsonMember extra) {
  schema.members.push_back(std::move(extra));
  return schema;
}
}  // namespace

const JsonSchema& FamilySchema() {
  static const JsonSchema schema{
      {Text("area"), Text("address_line_1"), Text("address_line_2"), Text("town"), Text("postcode")}};
  return schema;
}

const JsonSchema& FamilyUpdateSchema() {
  static const JsonSchema schema = With(FamilySchema(), Version());
  return schema;
}

const JsonSchema& PersonSchema() {
  static const JsonSchema schema{
      {Text("given_name"), Text("family_name"), Text("date_of_birth"), Text("sex"), Text("role")}};
  return schema;
}

const JsonSchema& PersonUpdateSchema() {
  static const JsonSchema schema = With(PersonSchema(), Version());
  return schema;
}

const JsonSchema& ReferralSchema() {
  static const JsonSchema schema = [] {
    JsonMember family_id{"family_id", JsonType::kInteger};
    JsonMember family{"family", JsonType::kObject};
    family.schema = &FamilySchema();
    JsonMember people{"people", JsonType::kObjectArray};
    people.schema = &PersonSchema();
    people.max_items = 30;  // a household; a longer list is a client fault, not a family
    return JsonSchema{{Text("received_on"), Text("source"), {"reasons", JsonType::kStringArray},
                       {"consent_given", JsonType::kBool}, Text("consent_given_by"), Text("consent_given_on"),
                       {"share_with", JsonType::kStringArray}, Text("decision"), Text("rationale"), family_id,
                       family, people, {"confirmed_new_family", JsonType::kBool}}};
  }();
  return schema;
}

std::optional<RecordId> PathId(const RequestContext& ctx) { return ctx.IdParam("id"); }

RawResponse NotFound(const RequestContext& ctx, const Views& views) {
  return JsonError(ctx, Error::NotFound("api path id"), views.Messages());
}

RawResponse Failed(const RequestContext& ctx, const Views& views, const Error& error) {
  // The pages' stale message speaks of a form showing both versions; an API client must re-read instead.
  if (error.code == ErrorCode::kStaleVersion) {
    Error stale = error;
    stale.message_key = "api_error.stale_version";
    return JsonError(ctx, stale, views.Messages());
  }
  return JsonError(ctx, error, views.Messages());
}

RawResponse Created(const RequestContext& ctx, std::string_view collection, RecordId id, boost::json::object body) {
  RawResponse res = JsonResponse(ctx, bhttp::status::created, body);
  res.set(bhttp::field::location, std::string(kApiRoot) + "/" + std::string(collection) + "/" + std::to_string(id));
  return res;
}

std::optional<int> IfMatchVersion(const RequestContext& ctx, const Views& views, std::optional<RawResponse>& refusal) {
  const auto it = ctx.raw.find(bhttp::field::if_match);
  if (it == ctx.raw.end()) {
    refusal = JsonError(ctx, bhttp::status::precondition_required, "precondition_required",
                        views.T("api_error.if_match_required"), "If-Match");
    return std::nullopt;
  }
  std::string_view value = it->value();
  if (value.size() >= 3 && value.front() == '"' && value.back() == '"') {
    value = value.substr(1, value.size() - 2);
    int version = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), version);
    if (ec == std::errc() && end == value.data() + value.size() && version >= 0) return version;
  }
  Error stale = Error::Stale("unreadable If-Match");
  stale.message_key = "api_error.stale_version";
  refusal = JsonError(ctx, stale, views.Messages());
  return std::nullopt;
}

void SetEtag(RawResponse& response, int version) {
  response.set(bhttp::field::etag, "\"" + std::to_string(version) + "\"");
}

int VersionOf(const boost::json::object& body) {
  return static_cast<int>(IntegerMember(body, "version").value_or(0));
}

}  // namespace hearth::http::api
