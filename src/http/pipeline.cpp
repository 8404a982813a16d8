#include "http/pipeline.hpp"

#include <spdlog/spdlog.h>

#include <charconv>
#include <chrono>

#include "common/secrets.hpp"
#include "http/responses.hpp"

namespace hearth::http {
namespace {
bool ChangesState(bhttp::verb v) {
  return v != bhttp::verb::get && v != bhttp::verb::head && v != bhttp::verb::options;
}

std::string PathOf(std::string_view target) {
  const auto q = target.find('?');
  std::string_view raw = target.substr(0, q);
  Input tmp;  // reuse the form decoder for percent-decoding the path
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '%' && i + 2 < raw.size()) {
      ParseUrlEncoded("x=" + std::string(raw.substr(i, 3)), tmp);
      out += tmp.GetAll("x").back();
      i += 2;
    } else {
      out += raw[i];
    }
  }
  return out;
}

bool IsFormPost(const RequestContext& ctx) {
  if (ctx.raw.method() != bhttp::verb::post || IsApiPath(ctx.path)) return false;
  auto type = ctx.raw.find(bhttp::field::content_type);
  return type != ctx.raw.end() && type->value().starts_with("application/x-www-form-urlencoded");
}

PostedForm PostedFormOf(const RequestContext& ctx) {
  PostedForm form;
  form.path = ctx.path;
  form.fields = ParseUrlEncodedPairs(ctx.raw.body());
  for (const auto& [name, value] : form.fields)
    if (name == "csrf_token") {
      form.csrf_token = value;
      break;
    }
  return form;
}

std::string BearerToken(const RawRequest& req) {
  auto it = req.find(bhttp::field::authorization);
  if (it == req.end()) return {};
  std::string_view v = it->value();
  if (v.size() > 7 && (v.substr(0, 7) == "Bearer " || v.substr(0, 7) == "bearer ")) return std::string(v.substr(7));
  return {};
}
}  // namespace

bool IsApiPath(std::string_view path) { return path.starts_with("/api/"); }

RawResponse Pipeline::ErrorPage(RequestContext& ctx, bhttp::status status, std::string_view message_key) const {
  if (IsApiPath(ctx.path)) {
    const char* code = status == bhttp::status::not_found            ? "not_found"
                       : status == bhttp::status::forbidden          ? "forbidden"
                       : status == bhttp::status::unauthorized       ? "unauthenticated"
                       : status == bhttp::status::method_not_allowed ? "method_not_allowed"
                                                                     : "error";
    return JsonError(ctx, status, code, views_.T(message_key));
  }
  mustache::data data;
  data.set("title", views_.T(std::string(message_key) + "_title"));
  data.set("message", views_.T(message_key));
  data.set("correlation_id", ctx.correlation_id);
  return HtmlResponse(ctx, status, views_.Page(ctx, "error", data));
}

void Pipeline::Authenticate(RequestContext& ctx) const {
  const std::string bearer = BearerToken(ctx.raw);
  if (!bearer.empty() && IsApiPath(ctx.path)) {
    ctx.principal = services_.auth.AuthenticateToken(bearer);
    ctx.via_api_token = ctx.principal.has_value();
    return;
  }
  auto cookie = ctx.raw.find(bhttp::field::cookie);
  if (cookie == ctx.raw.end()) return;
  const std::string value = CookieValue(cookie->value(), kSessionCookie);
  if (!value.empty()) ctx.principal = services_.auth.ResumeSession(value);
  ctx.login_csrf = CookieValue(cookie->value(), kLoginCsrfCookie);
}

bool Pipeline::CsrfValid(const RequestContext& ctx) const {
  if (ctx.via_api_token) return true;  // a bearer token is not sent by the browser on its own: no CSRF risk
  std::string expected = ctx.principal ? ctx.principal->csrf_token : ctx.login_csrf;
  if (expected.empty()) return false;
  auto header = ctx.raw.find("X-CSRF-Token");
  if (header != ctx.raw.end()) return ConstantTimeEquals(header->value(), expected);
  auto type = ctx.raw.find(bhttp::field::content_type);
  if (type == ctx.raw.end() || !type->value().starts_with("application/x-www-form-urlencoded")) return false;
  return ConstantTimeEquals(ctx.Form().Get("csrf_token"), expected);
}

bool Pipeline::KeepDraftAfterTimeout(const RequestContext& ctx) const {
  if (!IsFormPost(ctx)) return false;
  auto cookie = ctx.raw.find(bhttp::field::cookie);
  if (cookie == ctx.raw.end()) return false;
  const std::string value = CookieValue(cookie->value(), kSessionCookie);
  return !value.empty() && services_.drafts.KeepAfterTimeout(value, PostedFormOf(ctx)).has_value();
}

bool Pipeline::KeepDraftFromEarlierSession(const RequestContext& ctx) const {
  if (!ctx.principal || ctx.via_api_token || !IsFormPost(ctx)) return false;
  return services_.drafts.KeepFromEarlierSession(*ctx.principal, PostedFormOf(ctx)).has_value();
}

void Pipeline::NoteDraftUsed(const RequestContext& ctx, const RawResponse& response) const {
  if (!ctx.principal || !IsFormPost(ctx) || !ctx.query.Has("draft")) return;
  // The draft has done its job once the page saved it (a redirect) or showed it back on its form with the typed
  // values (422 invalid, 409 stale). Any other answer (a refusal, a missing record, a server error) showed nothing
  // of it: the draft stays, for another try or to be discarded.
  const unsigned status = response.result_int();
  if (status >= 400 && status != 409 && status != 422) return;
  std::int64_t id = 0;
  const std::string& text = ctx.query.Get("draft");
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) return;
  (void)services_.drafts.MarkUsed(*ctx.principal, id, ctx.path);  // not the caller's or not this page's: audited
}

RawResponse Pipeline::Dispatch(RequestContext& ctx) const {
  const RouteMatch match = router_.Match(ctx.raw.method(), ctx.path);
  if (match.route == nullptr)
    return ErrorPage(ctx, match.path_matched ? bhttp::status::method_not_allowed : bhttp::status::not_found,
                     match.path_matched ? "error.method_not_allowed" : "error.page_not_found");
  ctx.params = match.params;
  Authenticate(ctx);
  const Route& route = *match.route;
  if (!route.policy.IsPublic()) {
    if (!ctx.principal) {
      if (IsApiPath(ctx.path)) return ErrorPage(ctx, bhttp::status::unauthorized, "error.unauthenticated");
      if (KeepDraftAfterTimeout(ctx)) return Redirect(ctx, "/sign-in?draft_kept=1");
      return Redirect(ctx, "/sign-in");
    }
    if (!route.policy.Allows(*ctx.principal)) return ErrorPage(ctx, bhttp::status::forbidden, "error.forbidden");
  }
  if (ChangesState(ctx.raw.method()) && !CsrfValid(ctx)) {
    if (IsApiPath(ctx.path))
      return JsonError(ctx, bhttp::status::forbidden, "csrf_failed", views_.T("error.csrf_api"));
    if (KeepDraftFromEarlierSession(ctx)) return Redirect(ctx, "/drafts?kept=1");
    return ErrorPage(ctx, bhttp::status::forbidden, "error.csrf");
  }
  RawResponse response = route.handler(ctx);
  NoteDraftUsed(ctx, response);
  return response;
}

RawResponse Pipeline::AuditFailedResponse(const RawRequest& request) const {
  RawResponse res{bhttp::status::service_unavailable, request.version()};
  res.set(bhttp::field::content_type, "text/plain; charset=utf-8");
  res.body() = views_.T("error.internal");
  ApplySecurityHeaders(res, false);
  res.prepare_payload();
  return res;
}

RawResponse Pipeline::Handle(const RawRequest& request, const std::string& remote_address,
                             std::uint64_t& audit_ticket) const {
  const auto started = std::chrono::steady_clock::now();
  AuditSink::TakeThreadTicket();  // nothing left over from an earlier request on this thread
  RequestContext ctx{request, remote_address, PathOf(request.target()), {}, {}, {}, false, RandomHex(8), {}, {}};
  if (auto q = request.target().find('?'); q != std::string_view::npos)
    ParseUrlEncoded(request.target().substr(q + 1), ctx.query);

  RawResponse res;
  bool cacheable = false;
  if (request.method() == bhttp::verb::get || request.method() == bhttp::verb::head) {
    if (const StaticFile* file = assets_.Find(ctx.path)) {
      res = RawResponse{bhttp::status::ok, request.version()};
      res.set(bhttp::field::content_type, file->content_type);
      res.body() = file->content;
      cacheable = true;
    }
  }
  if (!cacheable) {
    try {
      res = Dispatch(ctx);
    } catch (const std::exception& e) {
      // The message may name a table or constraint, never bound values; the user sees only the correlation id.
      spdlog::error("request {} failed: {}", ctx.correlation_id, e.what());
      res = ErrorPage(ctx, bhttp::status::internal_server_error, "error.internal");
    }
  }
  audit_ticket = AuditSink::TakeThreadTicket();
  if (!ctx.set_login_csrf_cookie.empty())
    res.insert(bhttp::field::set_cookie, std::string(kLoginCsrfCookie) + "=" + ctx.set_login_csrf_cookie +
                                             "; Path=/; Secure; HttpOnly; SameSite=Strict");
  ApplySecurityHeaders(res, cacheable);
  res.keep_alive(request.keep_alive());
  if (request.method() == bhttp::verb::head) {
    res.prepare_payload();
    res.body().clear();
  } else {
    res.prepare_payload();
  }
  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
  // Method, status and timing only: paths carry ids and query strings can carry names.
  if (!cacheable)
    spdlog::info("{} {} {} {}us", ctx.correlation_id, std::string(request.method_string()), res.result_int(), micros);
  return res;
}

}  // namespace hearth::http
