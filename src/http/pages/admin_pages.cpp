// Staff accounts: the list, adding a user, disabling and enabling, and issuing an API token.
#include "http/pages/admin_pages.hpp"

#include "domain/field_rules.hpp"
#include "http/pages/field_data.hpp"
#include "http/pages/page_errors.hpp"
#include "http/responses.hpp"

namespace hearth::http {
namespace {

constexpr int kUsersPerPage = 50;

// Only a username-shaped value is echoed in a banner: a crafted link cannot put other words on the page.
bool UsernameShaped(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) return false;
  return true;
}

// The success banner after a change, from ?added= / ?disabled= / ?enabled= on the redirect.
std::string Notice(const RequestContext& ctx, const MessageCatalogue& m) {
  for (const char* what : {"added", "disabled", "enabled"}) {
    const std::string& who = ctx.query.Get(what);
    if (UsernameShaped(who)) return m.Format(std::string("admin.users.notice_") + what, {{"username", who}});
  }
  return {};
}

mustache::data UserRow(const User& u, const MessageCatalogue& m, const Principal& me, int page) {
  mustache::data row{mustache::data::type::object};
  row.set("username", u.username);
  row.set("role", m.Get("role." + std::string(ToString(u.role))));
  row.set("team", u.team_name.empty() ? m.Get("admin.none") : u.team_name);
  row.set("agency", u.agency ? m.Get("agency." + std::string(ToString(*u.agency))) : m.Get("admin.none"));
  row.set("disabled", MustacheBool(u.disabled));
  row.set("created", u.created_at.size() >= 10 ? u.created_at.substr(0, 10) : u.created_at);
  // An administrator cannot lock themselves out from this page.
  row.set("is_me", MustacheBool(u.id == me.user_id));
  row.set("action_base", "/admin/users/" + u.username);
  row.set("page", std::to_string(page));
  return row;
}

RawResponse ListUsers(RequestContext& ctx, RouteDeps deps) {
  const auto& m = deps.views.Messages();
  const int page = ctx.PageParam();
  auto users = deps.services.users.ListUsers(ctx.Who(), (page - 1) * kUsersPerPage, kUsersPerPage);
  if (!users) return PageForError(ctx, deps.views, users.error());
  mustache::data rows{mustache::data::type::list};
  for (const auto& u : users->users) rows.push_back(UserRow(u, m, ctx.Who(), page));
  mustache::data data;
  data.set("title", m.Get("admin.users.title"));
  data.set("csrf_token", ctx.Who().csrf_token);
  data.set("users", std::move(rows));
  data.set("has_users", MustacheBool(!users->users.empty()));
  data.set("count", m.Format("admin.users.count", {{"total", std::to_string(users->total)}}));
  data.set("pagination", PaginationData(page, kUsersPerPage, users->total, "/admin/users"));
  const std::string notice = Notice(ctx, m);
  data.set("notice", notice);
  data.set("has_notice", MustacheBool(!notice.empty()));
  data.set("can_view_audit", MustacheBool(ctx.Who().Can(Capability::kViewAudit)));
  return HtmlResponse(ctx, bhttp::status::ok, deps.views.Page(ctx, "admin/users", data));
}

RawResponse NewUserForm(RequestContext& ctx, const Views& views, bhttp::status status, const Input& values,
                        const Error* error) {
  const auto& m = views.Messages();
  mustache::data data;
  data.set("title", m.Get("admin.new_user.title"));
  data.set("csrf_token", ctx.Who().csrf_token);
  data.set("form", FormData(values, error, m));
  data.set("roles", EnumOptions<Role>(m, "role", values.Get("role")));
  data.set("agencies", EnumOptions<Agency>(m, "agency", values.Get("agency")));
  return HtmlResponse(ctx, status, views.Page(ctx, "admin/new_user", data));
}

RawResponse AddUser(RequestContext& ctx, RouteDeps deps) {
  const Input form = ctx.Form();
  NewUser in;
  in.username = rules::Trim(form.Get("username"));
  in.role = form.Get("role");
  in.team = form.Get("team");
  in.agency = form.Get("agency");
  in.password = form.Get("password");
  auto id = deps.services.users.AddUser(ctx.Who(), in);
  if (!id) {
    // A taken username is a field error like any other; anything else is the error page.
    const Error error = id.error();
    if (error.fields.empty()) return PageForError(ctx, deps.views, error);
    Input shown;  // never echo the password
    for (const char* field : {"username", "role", "team", "agency"}) shown.Add(field, form.Get(field));
    return NewUserForm(ctx, deps.views, bhttp::status::unprocessable_entity, shown, &error);
  }
  return Redirect(ctx, "/admin/users?added=" + in.username);
}

// Back to the page of the list the button was on.
std::string ListHref(const Input& form, const std::string& notice, const std::string& username) {
  std::string href = "/admin/users?" + notice + "=" + username;
  const std::string& page = form.Get("page");
  const bool numeric = !page.empty() && page.size() < 8 && page.find_first_not_of("0123456789") == std::string::npos;
  if (numeric && page != "1") href += "&page=" + page;
  return href;
}

RawResponse SetEnabled(RequestContext& ctx, RouteDeps deps, bool enable) {
  const std::string username = ctx.params.at("username");
  auto done = enable ? deps.services.users.EnableUser(ctx.Who(), username)
                     : deps.services.users.DisableUser(ctx.Who(), username);
  if (!done) return PageForError(ctx, deps.views, done.error());
  if (!UsernameShaped(username)) return Redirect(ctx, "/admin/users");
  return Redirect(ctx, ListHref(ctx.Form(), enable ? "enabled" : "disabled", username));
}

RawResponse CreateToken(RequestContext& ctx, RouteDeps deps) {
  const std::string username = ctx.params.at("username");
  auto token = deps.services.users.CreateApiToken(ctx.Who(), username);
  if (!token) return PageForError(ctx, deps.views, token.error());
  const auto& m = deps.views.Messages();
  mustache::data data;
  data.set("title", m.Get("admin.token.title"));
  data.set("heading", m.Format("admin.token.heading", {{"username", username}}));
  data.set("token", *token);
  return HtmlResponse(ctx, bhttp::status::ok, deps.views.Page(ctx, "admin/token", data));
}

}  // namespace

void RegisterAdminPages(Router& router, RouteDeps deps) {
  const Policy manage = Policy::Needs(Capability::kManageUsers);
  router.Add(bhttp::verb::get, "/admin/users", manage, [deps](RequestContext& ctx) { return ListUsers(ctx, deps); });
  router.Add(bhttp::verb::get, "/admin/users/new", manage,
             [deps](RequestContext& ctx) { return NewUserForm(ctx, deps.views, bhttp::status::ok, Input{}, nullptr); });
  router.Add(bhttp::verb::post, "/admin/users", manage, [deps](RequestContext& ctx) { return AddUser(ctx, deps); });
  router.Add(bhttp::verb::post, "/admin/users/{username}/disable", manage,
             [deps](RequestContext& ctx) { return SetEnabled(ctx, deps, false); });
  router.Add(bhttp::verb::post, "/admin/users/{username}/enable", manage,
             [deps](RequestContext& ctx) { return SetEnabled(ctx, deps, true); });
  router.Add(bhttp::verb::post, "/admin/users/{username}/token", manage,
             [deps](RequestContext& ctx) { return CreateToken(ctx, deps); });
  RegisterAuditPages(router, deps);
  RegisterServicePages(router, deps);
}

}  // namespace hearth::http
