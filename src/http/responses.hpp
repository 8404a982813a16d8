// Building responses: HTML pages, redirects, JSON, and the headers every response carries.
#pragma once
#include <boost/json/value.hpp>
#include <string>

#include "common/error.hpp"
#include "common/messages.hpp"
#include "http/request_context.hpp"

namespace hearth::http {

inline constexpr std::string_view kSessionCookie = "__Host-hearth_session";
inline constexpr std::string_view kLoginCsrfCookie = "__Host-hearth_login";

RawResponse HtmlResponse(const RequestContext& ctx, bhttp::status status, std::string body);
// 303 See Other: the answer to a successful form POST (so a refresh does not resubmit).
RawResponse Redirect(const RequestContext& ctx, const std::string& location);
RawResponse JsonResponse(const RequestContext& ctx, bhttp::status status, const boost::json::value& body);
// {"error": {"code", "message", "fields": [{"field", "code", "message"}], "correlation_id"}}
RawResponse JsonError(const RequestContext& ctx, const Error& error, const MessageCatalogue& messages);
RawResponse JsonError(const RequestContext& ctx, bhttp::status status, std::string_view code, std::string message,
                      std::string field = "");

// CSP without inline script, HSTS, nosniff, Referrer-Policy, frame-ancestors; `no-store` unless `cacheable`.
void ApplySecurityHeaders(RawResponse& res, bool cacheable);
std::string SessionCookie(const std::string& value, long long max_age_s);

}  // namespace hearth::http
