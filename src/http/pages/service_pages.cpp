// The services directory that plan actions name as owners: the list, adding and changing a service
// (kManageDirectory).
#include "http/pages/admin_pages.hpp"

#include <charconv>

#include "http/pages/page_errors.hpp"
#include "http/responses.hpp"

namespace hearth::http {
namespace {

// A council's directory runs to tens or a few hundred entries, so the page slices the whole (sorted) list.
constexpr int kServicesPerPage = 50;

// The banner after adding names the service by the id on the redirect, read back from the directory, so a crafted
// link cannot put words of its own on the page.
std::string Notice(const RequestContext& ctx, const std::vector<Service>& all, const MessageCatalogue& m) {
  for (const char* what : {"added", "updated"}) {
    const std::string& text = ctx.query.Get(what);
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) continue;
    const RecordId id = std::stoll(text);
    for (const auto& s : all)
      if (s.id == id) return m.Format(std::string("admin.services.notice_") + what, {{"name", s.name}});
  }
  return {};
}

RawResponse ListServices(RequestContext& ctx, RouteDeps deps) {
  const auto& m = deps.views.Messages();
  const int page = ctx.PageParam();
  const std::vector<Service> all = deps.services.casework.Services();
  const auto total = static_cast<int>(all.size());
  mustache::data rows{mustache::data::type::list};
  const std::size_t first = static_cast<std::size_t>(page - 1) * kServicesPerPage;
  for (std::size_t i = first; i < all.size() && i < first + kServicesPerPage; ++i) {
    mustache::data row{mustache::data::type::object};
    row.set("id", std::to_string(all[i].id));
    row.set("name", all[i].name);
    row.set("kind", all[i].kind.empty() ? m.Get("admin.none") : all[i].kind);
    rows.push_back(std::move(row));
  }
  mustache::data data;
  data.set("title", m.Get("admin.services.title"));
  data.set("has_services", MustacheBool(first < all.size()));
  data.set("services", std::move(rows));
  data.set("directory_empty", MustacheBool(all.empty()));
  data.set("count", m.Format("admin.services.count", {{"total", std::to_string(total)}}));
  data.set("pagination", PaginationData(page, kServicesPerPage, total, "/admin/services"));
  const std::string notice = Notice(ctx, all, m);
  data.set("notice", notice);
  data.set("has_notice", MustacheBool(!notice.empty()));
  return HtmlResponse(ctx, bhttp::status::ok, deps.views.Page(ctx, "admin/services", data));
}

// The add form, or with `editing` the change form; `theirs` is the saved entry after a stale save.
struct ServiceFormPage {
  const Service* editing = nullptr;
  int version = 0;  // the version the form carries
  const Service* theirs = nullptr;
};

RawResponse ServiceForm(RequestContext& ctx, const Views& views, bhttp::status status, const ServiceFormPage& page,
                        const Input& values, const Error* error) {
  const auto& m = views.Messages();
  const std::string form_key = page.editing ? "admin.edit_service." : "admin.new_service.";
  mustache::data data;
  data.set("title", m.Get(form_key + "title"));
  data.set("button", m.Get(form_key + "button"));
  data.set("csrf_token", ctx.Who().csrf_token);
  data.set("form", FormData(values, error, m));
  data.set("action", page.editing ? "/admin/services/" + std::to_string(page.editing->id) : "/admin/services");
  data.set("editing", MustacheBool(page.editing != nullptr));
  data.set("version", std::to_string(page.version));
  if (page.theirs) {
    mustache::data theirs{mustache::data::type::object};
    theirs.set("name", page.theirs->name);
    theirs.set("kind", page.theirs->kind.empty() ? m.Get("admin.none") : page.theirs->kind);
    data.set("stale", MustacheBool(true));
    data.set("theirs", std::move(theirs));
  }
  return HtmlResponse(ctx, status, views.Page(ctx, "admin/service_form", data));
}

Input ServiceFieldsOf(const Input& form) {
  Input in;
  for (const char* field : {"name", "kind"}) in.Add(field, form.Get(field));
  return in;
}

// A missing or garbled version cannot match the stored one, so the save is refused as stale.
int VersionField(const Input& form) {
  const std::string& text = form.Get("version");
  int version = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), version);
  return ec == std::errc() && ptr == text.data() + text.size() ? version : -1;
}

RawResponse EditServiceForm(RequestContext& ctx, RouteDeps deps, RecordId id) {
  auto stored = deps.services.casework.GetService(ctx.Who(), id);
  if (!stored) return PageForError(ctx, deps.views, stored.error());
  Input values;
  values.Add("name", stored->name);
  values.Add("kind", stored->kind);
  return ServiceForm(ctx, deps.views, bhttp::status::ok, {&*stored, stored->version, nullptr}, values, nullptr);
}

RawResponse UpdateService(RequestContext& ctx, RouteDeps deps, RecordId id) {
  const Input form = ctx.Form();
  const Input in = ServiceFieldsOf(form);
  auto saved = deps.services.casework.UpdateService(ctx.Who(), id, in, VersionField(form));
  if (saved) return Redirect(ctx, "/admin/services?updated=" + std::to_string(id));
  const Error error = saved.error();
  const bool stale = error.code == ErrorCode::kStaleVersion;
  if (!stale && error.fields.empty()) return PageForError(ctx, deps.views, error);
  auto stored = deps.services.casework.GetService(ctx.Who(), id);
  if (!stored) return PageForError(ctx, deps.views, stored.error());
  if (stale) {
    // The form now carries the saved version: saving again is a deliberate choice made with both in view.
    return ServiceForm(ctx, deps.views, bhttp::status::conflict, {&*stored, stored->version, &*stored}, in, &error);
  }
  return ServiceForm(ctx, deps.views, bhttp::status::unprocessable_entity, {&*stored, VersionField(form), nullptr},
                     in, &error);
}

RawResponse AddService(RequestContext& ctx, RouteDeps deps) {
  const Input form = ctx.Form();
  const Input in = ServiceFieldsOf(form);
  auto id = deps.services.casework.AddService(ctx.Who(), in);
  if (id) return Redirect(ctx, "/admin/services?added=" + std::to_string(*id));
  // A taken name is a field error like a missing one; anything else is the error page.
  const Error error = id.error();
  if (error.fields.empty()) return PageForError(ctx, deps.views, error);
  return ServiceForm(ctx, deps.views, bhttp::status::unprocessable_entity, {}, in, &error);
}

}  // namespace

void RegisterServicePages(Router& router, RouteDeps deps) {
  const Policy manage = Policy::Needs(Capability::kManageDirectory);
  router.Add(bhttp::verb::get, "/admin/services", manage,
             [deps](RequestContext& ctx) { return ListServices(ctx, deps); });
  router.Add(bhttp::verb::get, "/admin/services/new", manage, [deps](RequestContext& ctx) {
    return ServiceForm(ctx, deps.views, bhttp::status::ok, {}, Input{}, nullptr);
  });
  router.Add(bhttp::verb::post, "/admin/services", manage,
             [deps](RequestContext& ctx) { return AddService(ctx, deps); });
  auto with_id = [deps](RawResponse (*f)(RequestContext&, RouteDeps, RecordId)) {
    return [deps, f](RequestContext& ctx) {
      auto id = ctx.IdParam("id");
      if (!id) return PageNotFound(ctx, deps.views);
      return f(ctx, deps, *id);
    };
  };
  router.Add(bhttp::verb::get, "/admin/services/{id}/edit", manage, with_id(EditServiceForm));
  router.Add(bhttp::verb::post, "/admin/services/{id}", manage, with_id(UpdateService));
}

}  // namespace hearth::http
