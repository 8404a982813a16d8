#include "http/responses.hpp"

#include <boost/json/serialize.hpp>

#include "http/status_map.hpp"
#include "http/views.hpp"

namespace hearth::http {

RawResponse HtmlResponse(const RequestContext& ctx, bhttp::status status, std::string body) {
  RawResponse res{status, ctx.raw.version()};
  res.set(bhttp::field::content_type, "text/html; charset=utf-8");
  res.body() = std::move(body);
  return res;
}

RawResponse Redirect(const RequestContext& ctx, const std::string& location) {
  RawResponse res{bhttp::status::see_other, ctx.raw.version()};
  res.set(bhttp::field::location, location);
  return res;
}

RawResponse JsonResponse(const RequestContext& ctx, bhttp::status status, const boost::json::value& body) {
  RawResponse res{status, ctx.raw.version()};
  res.set(bhttp::field::content_type, "application/json");
  res.body() = boost::json::serialize(body);
  return res;
}

RawResponse JsonError(const RequestContext& ctx, const Error& error, const MessageCatalogue& messages) {
  boost::json::array fields;
  for (const auto& f : error.fields)
    fields.push_back({{"field", f.field}, {"code", f.message_key}, {"message", FieldErrorText(f, messages)}});
  boost::json::object body{{"code", ApiCodeFor(error.code)},
                           {"message", messages.Get(error.message_key)},
                           {"correlation_id", ctx.correlation_id}};
  if (!fields.empty()) {
    body["field"] = fields.front().as_object().at("field");
    body["fields"] = std::move(fields);
  }
  return JsonResponse(ctx, StatusFor(error.code), boost::json::object{{"error", std::move(body)}});
}

RawResponse JsonError(const RequestContext& ctx, bhttp::status status, std::string_view code, std::string message,
                      std::string field) {
  boost::json::object body{{"code", code}, {"message", std::move(message)}, {"correlation_id", ctx.correlation_id}};
  if (!field.empty()) body["field"] = field;
  return JsonResponse(ctx, status, boost::json::object{{"error", std::move(body)}});
}

void ApplySecurityHeaders(RawResponse& res, bool cacheable) {
  res.set("Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
          "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'");
  res.set(bhttp::field::strict_transport_security, "max-age=31536000; includeSubDomains");
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Referrer-Policy", "no-referrer");
  res.set("X-Frame-Options", "DENY");
  res.set("Cross-Origin-Opener-Policy", "same-origin");
  res.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (cacheable)
    res.set(bhttp::field::cache_control, "public, max-age=31536000, immutable");
  else
    res.set(bhttp::field::cache_control, "no-store");
}

std::string SessionCookie(const std::string& value, long long max_age_s) {
  return std::string(kSessionCookie) + "=" + value + "; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=" +
         std::to_string(max_age_s);
}

}  // namespace hearth::http
