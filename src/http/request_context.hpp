// What a handler sees of one request: the parsed target, form or JSON body, the signed-in principal.
#pragma once
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/principal.hpp"
#include "domain/input.hpp"

namespace hearth::http {

namespace bhttp = boost::beast::http;
using RawRequest = bhttp::request<bhttp::string_body>;
using RawResponse = bhttp::response<bhttp::string_body>;

struct RequestContext {
  const RawRequest& raw;
  std::string remote_address;
  std::string path;                           // percent-decoded path, no query
  Input query;                                // decoded query parameters
  std::map<std::string, std::string> params;  // from the route pattern, e.g. {id}
  std::optional<Principal> principal;
  bool via_api_token = false;
  std::string correlation_id;
  std::string login_csrf;  // the pre-session token for the sign-in form (double-submit cookie)
  std::string set_login_csrf_cookie;  // non-empty: a fresh pre-session token to set on the response

  // The decoded application/x-www-form-urlencoded body.
  Input Form() const;
  // A positive integer route parameter, or nullopt.
  std::optional<std::int64_t> IdParam(const std::string& name) const;
  // ?page=N, at least 1.
  int PageParam() const;
  const Principal& Who() const { return *principal; }
};

// Parses "a=1&b=2" (with + and %XX decoding) into `out`.
void ParseUrlEncoded(std::string_view text, Input& out);
// The same, as name/value pairs in the order they came (a form draft keeps its fields' order).
std::vector<std::pair<std::string, std::string>> ParseUrlEncodedPairs(std::string_view text);
// The value of cookie `name` in a Cookie header, or "".
std::string CookieValue(std::string_view cookie_header, std::string_view name);

}  // namespace hearth::http
