// Sign in, sign out, the start page and the health check.
#include <boost/json.hpp>

#include "common/secrets.hpp"
#include "http/responses.hpp"
#include "http/routes.hpp"

namespace hearth::http {
namespace {

// The sign-in form carries a pre-session token that must match a cookie (double submit), so another site
// cannot sign a browser in to an account of its choosing.
// `notice`: a catalogue key for the banner above the form (signed out, or signed out with the form kept), or "".
RawResponse SignInForm(RequestContext& ctx, const Views& views, bhttp::status status, const Input& values,
                       const Error* error, std::string_view notice) {
  if (ctx.login_csrf.size() != 32) {
    ctx.login_csrf = RandomHex(16);
    ctx.set_login_csrf_cookie = ctx.login_csrf;
  }
  mustache::data data;
  data.set("title", views.T("sign_in.title"));
  data.set("csrf", ctx.login_csrf);
  data.set("has_notice", MustacheBool(!notice.empty()));
  if (!notice.empty()) data.set("notice", views.T(notice));
  data.set("form", FormData(values, error, views.Messages()));
  return HtmlResponse(ctx, status, views.Page(ctx, "sign_in", data));
}

RawResponse SignIn(RequestContext& ctx, RouteDeps deps) {
  Input form = ctx.Form();
  Input shown;
  shown.Add("username", form.Get("username"));  // never echo the password
  std::vector<FieldError> missing;
  if (form.Get("username").empty()) missing.push_back({"username", "error.required"});
  if (form.Get("password").empty()) missing.push_back({"password", "error.required"});
  if (!missing.empty()) {
    Error e = Error::Validation(missing);
    return SignInForm(ctx, deps.views, bhttp::status::unprocessable_entity, shown, &e, "");
  }
  auto session = deps.services.auth.SignIn(form.Get("username"), form.Get("password"), ctx.remote_address);
  if (!session) {
    Error e = session.error();
    e.fields = {{"username", e.message_key}};
    const auto status = e.code == ErrorCode::kTooManyRequests ? bhttp::status::too_many_requests
                                                               : bhttp::status::unauthorized;
    return SignInForm(ctx, deps.views, status, shown, &e, "");
  }
  // Work kept from a timed-out session comes first: one draft opens at once, several are listed.
  const std::vector<RecordId> drafts = deps.services.drafts.Pending(session->principal);
  const std::string next = drafts.empty()       ? "/"
                           : drafts.size() == 1 ? "/drafts/" + std::to_string(drafts.front())
                                                : "/drafts";
  RawResponse res = Redirect(ctx, next);
  // A new id at every sign-in (no fixation); the browser forgets it when the absolute timeout passes.
  res.insert(bhttp::field::set_cookie,
             SessionCookie(session->cookie_value, deps.services.auth.Settings().absolute_timeout_s));
  // The pre-session token has done its job.
  res.insert(bhttp::field::set_cookie,
             std::string(kLoginCsrfCookie) + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0");
  return res;
}

RawResponse Home(RequestContext& ctx, RouteDeps deps) {
  const auto& who = ctx.Who();
  mustache::data data;
  data.set("title", deps.views.T("home.title"));
  data.set("can_view_families", MustacheBool(who.Can(Capability::kViewFamilies)));
  data.set("can_record_referrals", MustacheBool(who.Can(Capability::kRecordReferrals)));
  data.set("can_manage_users", MustacheBool(who.Can(Capability::kManageUsers)));
  return HtmlResponse(ctx, bhttp::status::ok, deps.views.Page(ctx, "home", data));
}

}  // namespace

void RegisterAuthRoutes(Router& router, RouteDeps deps) {
  router.Add(bhttp::verb::get, "/healthz", Policy::Public(), [deps](RequestContext& ctx) {
    const bool ok = deps.services.db.Healthy();
    return JsonResponse(ctx, ok ? bhttp::status::ok : bhttp::status::service_unavailable,
                        boost::json::object{{"status", ok ? "ok" : "unavailable"}});
  });
  router.Add(bhttp::verb::get, "/sign-in", Policy::Public(), [deps](RequestContext& ctx) {
    if (ctx.principal) return Redirect(ctx, "/");
    const std::string_view notice = ctx.query.Get("draft_kept") == "1"   ? "drafts.kept_signed_out"
                                    : ctx.query.Get("signed_out") == "1" ? "sign_in.signed_out"
                                                                         : "";
    return SignInForm(ctx, deps.views, bhttp::status::ok, Input{}, nullptr, notice);
  });
  router.Add(bhttp::verb::post, "/sign-in", Policy::Public(), [deps](RequestContext& ctx) { return SignIn(ctx, deps); });
  router.Add(bhttp::verb::post, "/sign-out", Policy::SignedIn(), [deps](RequestContext& ctx) {
    deps.services.auth.SignOut(ctx.Who());
    RawResponse res = Redirect(ctx, "/sign-in?signed_out=1");
    res.insert(bhttp::field::set_cookie, SessionCookie("", 0));
    return res;
  });
  router.Add(bhttp::verb::get, "/", Policy::SignedIn(), [deps](RequestContext& ctx) { return Home(ctx, deps); });
}

}  // namespace hearth::http
