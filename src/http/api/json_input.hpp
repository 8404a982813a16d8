// Strict reading of JSON request bodies for the API. A body must be application/json, well-formed UTF-8 JSON
// with an object at the top, no member twice, and only the members the endpoint's schema declares, each of
// the declared type. What passes is turned into the same `Input` a form gives, so the domain's validation
// (FamilyFromInput, PersonFromInput, ReferralFromInput) runs unchanged for pages and API alike.
#pragma once
#include <boost/json/object.hpp>
#include <boost/system/result.hpp>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/error.hpp"
#include "common/messages.hpp"
#include "domain/input.hpp"
#include "http/request_context.hpp"

namespace hearth::http {

// No text the service keeps is anywhere near this long; the domain's own limits are far lower and give the
// precise message. This only stops absurd values before they reach the rules.
inline constexpr std::size_t kJsonMaxStringBytes = 10'000;
inline constexpr std::size_t kJsonMaxItems = 100;

enum class JsonType { kString, kBool, kInteger, kStringArray, kIntegerArray, kObject, kObjectArray };

struct JsonSchema;

struct JsonMember {
  JsonMember(std::string member_name, JsonType member_type = JsonType::kString, bool is_required = false)
      : name(std::move(member_name)), type(member_type), required(is_required) {}

  std::string name;
  JsonType type = JsonType::kString;
  // Only for members the domain does not check itself (e.g. "version"): the domain reports every missing
  // field at once, so its required fields are left optional here.
  bool required = false;
  std::size_t max_length = kJsonMaxStringBytes;  // strings, and each string of a string array
  std::size_t max_items = kJsonMaxItems;         // arrays
  std::int64_t min = 1;                          // integers (ids and versions are 1 or more)
  std::int64_t max = std::numeric_limits<std::int64_t>::max();
  const JsonSchema* schema = nullptr;            // kObject and kObjectArray: the members of each object
};

struct JsonSchema {
  std::vector<JsonMember> members;
  const JsonMember* Find(std::string_view name) const;
};

// Why a body cannot be used. `code` is the API error code; a 422 carries `fields` and renders as a
// validation error, anything else names at most one `field`.
struct BodyProblem {
  bhttp::status status = bhttp::status::bad_request;
  std::string code;         // unsupported_media_type, invalid_json, not_object, unknown_field, wrong_type
  std::string message_key;  // catalogue key of the message
  std::string field;        // the offending member, "family.area" / "people[1].role" when nested
  std::vector<FieldError> fields;  // 422 only

  bool IsValidation() const { return status == bhttp::status::unprocessable_entity; }
};

// boost::system::result<T, BodyProblem>::value() throws this when misused.
[[noreturn]] void throw_exception_from_error(const BodyProblem& problem, const boost::source_location& loc);

template <class T>
using BodyResult = boost::system::result<T, BodyProblem>;

// 415 unless the request says Content-Type: application/json (a charset parameter must be utf-8).
std::optional<BodyProblem> CheckJsonContentType(const RawRequest& request);

// Parses `text`: 400 invalid_json when malformed (or a member appears twice in one object), 400 not_object
// when the top level is not an object.
BodyResult<boost::json::object> ParseJsonObject(std::string_view text);

// Checks `object` against `schema`, depth first in document order: the first unknown member or wrong type is
// a 400; over-long strings, integers out of range, too many items and missing required members are gathered
// into one 422. `null` is the same as absent.
std::optional<BodyProblem> CheckSchema(const boost::json::object& object, const JsonSchema& schema,
                                       const std::string& prefix = "");

// The three steps above, on a request.
BodyResult<boost::json::object> ReadJsonBody(const RequestContext& ctx, const JsonSchema& schema);

// The scalar members of a checked object as form input: strings as they are, booleans "true"/"false",
// integers in decimal, string and integer arrays as repeated values. Objects and object arrays are left out (the caller
// converts them with their own schema); null and absent members are left out.
Input ToInput(const boost::json::object& object);

// A checked integer member, or nullopt when absent or null.
std::optional<std::int64_t> IntegerMember(const boost::json::object& object, std::string_view name);
// A checked boolean member; `fallback` when absent or null.
bool BoolMember(const boost::json::object& object, std::string_view name, bool fallback);

// The JSON error response for `problem`.
RawResponse ProblemResponse(const RequestContext& ctx, const BodyProblem& problem, const MessageCatalogue& messages);

}  // namespace hearth::http
