// The practitioner directory that TAF meetings choose a lead professional from (kManageDirectory): the list, adding
// and changing a practitioner (version check: a stale save shows the stored entry beside what was typed).
#include "domain/practitioner.hpp"
#include "http/pages/page_errors.hpp"
#include "http/pages/practitioner_text.hpp"
#include "http/pages/step_form.hpp"
#include "http/responses.hpp"
#include "http/routes.hpp"

namespace hearth::http {
namespace {

using Data = mustache::data;

// Tens to a few hundred people across a council's agencies: a page of 50 keeps the list scannable.
constexpr int kPractitionersPerPage = 50;
constexpr std::string_view kBase = "/admin/practitioners";

std::string Href(RecordId id) { return std::string(kBase) + "/" + std::to_string(id); }

// The banner after a save names the practitioner by the id on the redirect, read back from the directory, so a
// crafted link cannot put words of its own on the page.
std::string Notice(const RequestContext& ctx, const std::vector<Practitioner>& shown, const MessageCatalogue& m) {
  for (const char* what : {"added", "updated"}) {
    const std::string& text = ctx.query.Get(what);
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) continue;
    const RecordId id = std::stoll(text);
    for (const auto& p : shown)
      if (p.id == id) return m.Format(std::string("practitioners.notice_") + what, {{"name", p.name}});
  }
  return {};
}

RawResponse ListPractitioners(RequestContext& ctx, RouteDeps deps) {
  const auto& m = deps.views.Messages();
  auto page = deps.services.practitioners.List(ctx.Who(), ctx.PageParam(), kPractitionersPerPage);
  if (!page) return PageForError(ctx, deps.views, page.error());
  Data rows{Data::type::list};
  for (const auto& p : page->items) {
    Data row;
    row.set("name", p.name);
    row.set("role_title", p.role_title.empty() ? m.Get("admin.none") : p.role_title);
    row.set("organisation", PractitionerOrganisation(p, m));
    row.set("email", p.email.empty() ? m.Get("admin.none") : p.email);
    row.set("edit_href", Href(p.id) + "/edit");
    rows.push_back(std::move(row));
  }
  Data data;
  data.set("title", m.Get("practitioners.title"));
  data.set("directory_empty", MustacheBool(page->total == 0));
  data.set("has_rows", MustacheBool(!page->items.empty()));
  data.set("rows", std::move(rows));
  data.set("count", m.Format("practitioners.count", {{"total", std::to_string(page->total)}}));
  data.set("pagination", PaginationData(page->page, kPractitionersPerPage, page->total, std::string(kBase)));
  // A saved entry may sort onto another page; the banner then falls back to no name rather than a wrong one.
  const std::string notice = Notice(ctx, page->items, m);
  data.set("notice", notice);
  data.set("has_notice", MustacheBool(!notice.empty()));
  return HtmlResponse(ctx, bhttp::status::ok, deps.views.Page(ctx, "admin/practitioners", data));
}

std::vector<FormField> Fields(const MessageCatalogue& m) {
  std::vector<FormOption> kinds;
  for (const auto& kind : PractitionerOrganisationKinds()) kinds.push_back({kind, OrganisationKindLabel(kind, m)});
  auto field = [&](std::string name, FormField::Kind kind, std::vector<FormOption> options = {}) {
    const std::string hint = "practitioners.hint." + name;
    return FormField{name, kind, m.Get("practitioners.label." + name), m.Has(hint) ? m.Get(hint) : "",
                     std::move(options)};
  };
  return {field("name", FormField::Kind::kText), field("role_title", FormField::Kind::kText),
          field("organisation_kind", FormField::Kind::kSelect, std::move(kinds)),
          field("organisation", FormField::Kind::kText), field("email", FormField::Kind::kText)};
}

StepForm Form(const MessageCatalogue& m, const Practitioner* editing, int version) {
  StepForm form;
  const std::string key = editing ? "practitioners.edit." : "practitioners.new.";
  form.title = m.Get(key + "title");
  form.caption = m.Get("admin.caption");
  form.action = editing ? Href(editing->id) : std::string(kBase);
  form.back_href = std::string(kBase);
  form.back_text = m.Get("practitioners.back");
  form.button = m.Get(key + "button");
  if (editing) form.version = std::to_string(version);
  form.fields = Fields(m);
  return form;
}

Input Stored(const Practitioner& p) {
  Input in;
  in.Add("name", p.name);
  in.Add("role_title", p.role_title);
  in.Add("organisation_kind", p.organisation_kind);
  in.Add("organisation", p.organisation);
  in.Add("email", p.email);
  return in;
}

// Only the directory's own fields reach the use case (the form also carries the CSRF token and version).
Input FieldsOf(const Input& form) {
  Input in;
  for (const char* f : {"name", "role_title", "organisation_kind", "organisation", "email"}) in.Add(f, form.Get(f));
  return in;
}

RawResponse NewForm(RequestContext& ctx, RouteDeps deps) {
  return RenderStepForm(ctx, deps.views, bhttp::status::ok, Form(deps.views.Messages(), nullptr, 0), Input{}, nullptr);
}

RawResponse Add(RequestContext& ctx, RouteDeps deps) {
  const Input typed = ctx.Form();
  auto id = deps.services.practitioners.Add(ctx.Who(), FieldsOf(typed));
  if (id) return Redirect(ctx, std::string(kBase) + "?added=" + std::to_string(*id));
  const Error error = id.error();
  if (error.code != ErrorCode::kValidation) return PageForError(ctx, deps.views, error);
  return RenderStepForm(ctx, deps.views, bhttp::status::unprocessable_entity, Form(deps.views.Messages(), nullptr, 0),
                        typed, &error);
}

RawResponse EditForm(RequestContext& ctx, RouteDeps deps, RecordId id) {
  auto stored = deps.services.practitioners.Get(ctx.Who(), id);
  if (!stored) return PageForError(ctx, deps.views, stored.error());
  return RenderStepForm(ctx, deps.views, bhttp::status::ok, Form(deps.views.Messages(), &*stored, stored->version),
                        Stored(*stored), nullptr);
}

RawResponse Update(RequestContext& ctx, RouteDeps deps, RecordId id) {
  const auto& m = deps.views.Messages();
  const Input typed = ctx.Form();
  auto saved = deps.services.practitioners.Update(ctx.Who(), id, FieldsOf(typed), FormVersion(typed));
  if (saved) return Redirect(ctx, std::string(kBase) + "?updated=" + std::to_string(id));
  const Error error = saved.error();
  if (error.code != ErrorCode::kValidation && error.code != ErrorCode::kStaleVersion)
    return PageForError(ctx, deps.views, error);
  auto stored = deps.services.practitioners.Get(ctx.Who(), id);
  if (!stored) return PageForError(ctx, deps.views, stored.error());
  if (error.code == ErrorCode::kStaleVersion) {
    // The form now carries the stored version: saving again is a deliberate choice made with both in view.
    StepForm form = Form(m, &*stored, stored->version);
    const Input theirs = Stored(*stored);
    for (const auto& f : form.fields) {
      const std::string& value = theirs.Get(f.name);
      form.theirs.emplace_back(f.label, f.name == "organisation_kind" ? OrganisationKindLabel(value, m) : value);
    }
    return RenderStepForm(ctx, deps.views, bhttp::status::conflict, form, typed, &error);
  }
  return RenderStepForm(ctx, deps.views, bhttp::status::unprocessable_entity, Form(m, &*stored, FormVersion(typed)),
                        typed, &error);
}

}  // namespace

void RegisterPractitionerPages(Router& router, RouteDeps deps) {
  const Policy manage = Policy::Needs(Capability::kManageDirectory);
  const std::string base(kBase);
  router.Add(bhttp::verb::get, base, manage, [deps](RequestContext& ctx) { return ListPractitioners(ctx, deps); });
  router.Add(bhttp::verb::get, base + "/new", manage, [deps](RequestContext& ctx) { return NewForm(ctx, deps); });
  router.Add(bhttp::verb::post, base, manage, [deps](RequestContext& ctx) { return Add(ctx, deps); });
  auto with_id = [deps](RawResponse (*f)(RequestContext&, RouteDeps, RecordId)) {
    return [deps, f](RequestContext& ctx) {
      auto id = ctx.IdParam("id");
      if (!id) return PageNotFound(ctx, deps.views);
      return f(ctx, deps, *id);
    };
  };
  router.Add(bhttp::verb::get, base + "/{id}/edit", manage, with_id(EditForm));
  router.Add(bhttp::verb::post, base + "/{id}", manage, with_id(Update));
}

}  // namespace hearth::http
