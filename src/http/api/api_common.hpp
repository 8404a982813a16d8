// What the API's resource files share: the request schemas of families, people and referrals, and the
// small steps every handler takes (a path id, a use-case error, a 201 with its Location).
#pragma once
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "http/api/json_input.hpp"
#include "http/routes.hpp"

namespace hearth::http::api {

inline constexpr std::string_view kApiRoot = "/api/v1";

// Families: area, address_line_1, address_line_2, town, postcode. The update schema adds a required version.
const JsonSchema& FamilySchema();
const JsonSchema& FamilyUpdateSchema();
// People: given_name, family_name, date_of_birth, sex, role; the update schema adds a required version.
const JsonSchema& PersonSchema();
const JsonSchema& PersonUpdateSchema();
// A referral with its consent and decision, for a known family (family_id) or a new one (family, people).
const JsonSchema& ReferralSchema();

// The record id in the path, or nullopt (the caller answers 404: a malformed id names no record).
std::optional<RecordId> PathId(const RequestContext& ctx);
RawResponse NotFound(const RequestContext& ctx, const Views& views);
// A use case's refusal as JSON, with the status of its ErrorCode.
RawResponse Failed(const RequestContext& ctx, const Views& views, const Error& error);
// 201 Created with Location: <kApiRoot>/<collection>/<id>.
RawResponse Created(const RequestContext& ctx, std::string_view collection, RecordId id, boost::json::object body);
// The version a change was made against, from If-Match: "N" (a strong ETag this API gave out). Without the header
// the answer is 428 (the client must say which version it edited, so nothing is overwritten blindly); a value that
// is no version of ours is 412. Either refusal is put in `refusal`.
std::optional<int> IfMatchVersion(const RequestContext& ctx, const Views& views, std::optional<RawResponse>& refusal);
// ETag: "N", so that a client can send it back in If-Match.
void SetEtag(RawResponse& response, int version);
// The version member of a checked update body (the schema requires it and bounds it to int).
int VersionOf(const boost::json::object& body);

}  // namespace hearth::http::api
