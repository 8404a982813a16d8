// Adding a person to a household and changing a person's details. The date of birth is asked for as the
// GOV.UK date input (day, month, year boxes); a single date_of_birth=YYYY-MM-DD field is accepted as well, so that
// scripts and tests can post the form the way the JSON API spells it.
#include <algorithm>

#include "http/pages/family_view_data.hpp"
#include "http/pages/page_errors.hpp"
#include "http/pages/step_form.hpp"
#include "http/responses.hpp"
#include "http/routes.hpp"

namespace hearth::http {
namespace {

constexpr std::array kPersonFields{"given_name", "family_name", "sex", "role"};
constexpr std::array kDateParts{"date_of_birth-day", "date_of_birth-month", "date_of_birth-year"};

std::string TrimmedValue(const Input& in, std::string_view name) {
  const std::string& v = in.Get(name);
  const auto first = v.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return v.substr(first, v.find_last_not_of(" \t") - first + 1);
}

// The fields the use case reads, with the date of birth in its one stored spelling.
Input PersonFieldsOf(const Input& form) {
  Input in;
  for (const char* name : kPersonFields) in.Add(name, form.Get(name));
  const std::string day = TrimmedValue(form, kDateParts[0]), month = TrimmedValue(form, kDateParts[1]),
                    year = TrimmedValue(form, kDateParts[2]);
  if (day.empty() && month.empty() && year.empty())
    in.Add("date_of_birth", form.Get("date_of_birth"));
  else
    in.Add("date_of_birth", DateFromBoxes(day, month, year));
  return in;
}

// What the form shows: the typed boxes, or the boxes filled from a YYYY-MM-DD date.
Input DisplayValues(const Input& fields, const Input& typed) {
  Input shown;
  for (const char* name : kPersonFields) shown.Add(name, fields.Get(name));
  bool boxes_typed = false;
  for (const char* part : kDateParts) boxes_typed = boxes_typed || !typed.Get(part).empty();
  if (boxes_typed) {
    for (const char* part : kDateParts) shown.Add(part, typed.Get(part));
  } else if (auto date = Date::Parse(fields.Get("date_of_birth"))) {
    shown.Add(kDateParts[0], std::to_string(date->Day()));
    shown.Add(kDateParts[1], std::to_string(date->Month()));
    shown.Add(kDateParts[2], std::to_string(date->Year()));
  }
  return shown;
}

Input PersonInput(const Person& p) {
  Input in;
  in.Add("given_name", p.given_name);
  in.Add("family_name", p.family_name);
  in.Add("date_of_birth", p.date_of_birth ? p.date_of_birth->ToString() : "");
  in.Add("sex", std::string(ToString(p.sex)));
  in.Add("role", std::string(ToString(p.role)));
  return in;
}

// The date rule's message names the YYYY-MM-DD format; the page asks for three boxes, so it says so instead.
Error ForTheDateBoxes(Error error) {
  for (auto& f : error.fields)
    if (f.field == "date_of_birth" && f.message_key == "error.date_invalid")
      f.message_key = "people.date_of_birth_invalid";
  return error;
}

// Radios for an enumeration; the first radio carries the field's id so that the error summary can link to it.
template <class E>
mustache::data Radios(const MessageCatalogue& messages, std::string_view prefix, std::string_view field,
                      std::string_view selected) {
  mustache::data list{mustache::data::type::list};
  bool first = true;
  for (E value : AllValues<E>()) {
    const std::string name(ToString(value));
    mustache::data item;
    item.set("id", first ? std::string(field) : std::string(field) + "-" + name);
    item.set("value", name);
    item.set("label", messages.Get(std::string(prefix) + "." + name));
    item.set("checked", MustacheBool(name == selected));
    list.push_back(std::move(item));
    first = false;
  }
  return list;
}

mustache::data TheirPerson(const Person& p, const MessageCatalogue& messages) {
  mustache::data data;
  data.set("name", p.FullName());
  data.set("date_of_birth",
           p.date_of_birth ? FormatDate(*p.date_of_birth, messages) : messages.Get("families.not_known"));
  data.set("sex", messages.Get("sex." + std::string(ToString(p.sex))));
  data.set("role", messages.Get("member_role." + std::string(ToString(p.role))));
  return data;
}

// The page around the person form: what it is for and where it goes.
struct PersonFormPage {
  std::string title;
  std::string caption;
  std::string action;
  std::string back_href;
  std::string button;
  std::string version;             // empty: adding a person
  const Person* theirs = nullptr;  // set after a stale save
};

RawResponse PersonForm(RequestContext& ctx, RouteDeps deps, bhttp::status status, const PersonFormPage& page,
                       const Input& shown, const Error* error) {
  const auto& messages = deps.views.Messages();
  mustache::data data;
  data.set("title", page.title);
  data.set("caption", page.caption);
  data.set("action", page.action);
  data.set("back_href", page.back_href);
  data.set("button", page.button);
  data.set("csrf_token", ctx.Who().csrf_token);
  data.set("editing", MustacheBool(!page.version.empty()));
  data.set("version", page.version);
  if (page.theirs) {
    data.set("stale", MustacheBool(true));
    data.set("theirs", TheirPerson(*page.theirs, messages));
  }
  data.set("form", FormData(shown, error, messages));
  data.set("sex_options", Radios<Sex>(messages, "sex", "sex", shown.Get("sex")));
  data.set("role_options", Radios<MemberRole>(messages, "member_role", "role", shown.Get("role")));
  return HtmlResponse(ctx, status, deps.views.Page(ctx, "people/form", data));
}

std::string FamilyHref(RecordId id) { return "/families/" + std::to_string(id); }

Result<PersonFormPage> NewPersonPage(RequestContext& ctx, RouteDeps deps, RecordId family_id) {
  auto view = deps.services.families.View(ctx.Who(), family_id);
  if (!view) return view.error();
  const auto& messages = deps.views.Messages();
  return PersonFormPage{messages.Get("people.new_title"),
                        FamilyHeading(view->family, view->members, messages),
                        FamilyHref(family_id) + "/people",
                        FamilyHref(family_id),
                        messages.Get("people.new_button"),
                        "",
                        nullptr};
}

PersonFormPage EditPersonPage(const Person& stored, const MessageCatalogue& messages, std::string version) {
  return PersonFormPage{messages.Get("people.edit_title"),
                        stored.FullName(),
                        "/people/" + std::to_string(stored.id),
                        FamilyHref(stored.family_id),
                        messages.Get("form.save"),
                        std::move(version),
                        nullptr};
}

RawResponse AddPerson(RequestContext& ctx, RouteDeps deps, RecordId family_id) {
  const Input typed = ctx.Form();
  const Input fields = PersonFieldsOf(typed);
  auto added = deps.services.families.AddPerson(ctx.Who(), family_id, fields);
  if (added) return Redirect(ctx, FamilyHref(family_id) + "?done=person_added#members");
  if (added.error().code != ErrorCode::kValidation) return PageForError(ctx, deps.views, added.error());
  auto page = NewPersonPage(ctx, deps, family_id);
  if (!page) return PageForError(ctx, deps.views, page.error());
  const Error error = ForTheDateBoxes(added.error());
  return PersonForm(ctx, deps, bhttp::status::unprocessable_entity, *page, DisplayValues(fields, typed), &error);
}

RawResponse UpdatePerson(RequestContext& ctx, RouteDeps deps, RecordId person_id) {
  const Input typed = ctx.Form();
  const Input fields = PersonFieldsOf(typed);
  auto saved = deps.services.families.UpdatePerson(ctx.Who(), person_id, fields, FormVersion(typed));
  if (!saved && saved.error().code != ErrorCode::kValidation && saved.error().code != ErrorCode::kStaleVersion)
    return PageForError(ctx, deps.views, saved.error());
  // Read back: the family to return to, and after a stale save the colleague's version.
  auto stored = deps.services.families.GetPerson(ctx.Who(), person_id);
  if (!stored) return PageForError(ctx, deps.views, stored.error());
  if (saved) return Redirect(ctx, FamilyHref(stored->family_id) + "?done=person_updated#members");
  const auto& messages = deps.views.Messages();
  const Error error = ForTheDateBoxes(saved.error());
  if (error.code == ErrorCode::kStaleVersion) {
    // The form now carries the stored version: saving again is a deliberate choice made with both in view.
    PersonFormPage page = EditPersonPage(*stored, messages, std::to_string(stored->version));
    page.theirs = &*stored;
    return PersonForm(ctx, deps, bhttp::status::conflict, page, DisplayValues(fields, typed), &error);
  }
  return PersonForm(ctx, deps, bhttp::status::unprocessable_entity,
                    EditPersonPage(*stored, messages, typed.Get("version")), DisplayValues(fields, typed), &error);
}

template <class F>
Handler WithId(RouteDeps deps, F f) {
  return [deps, f](RequestContext& ctx) {
    auto id = ctx.IdParam("id");
    if (!id) return PageNotFound(ctx, deps.views);
    return f(ctx, deps, *id);
  };
}

}  // namespace

void RegisterPersonPages(Router& router, RouteDeps deps) {
  // Even reading these forms needs kEditFamilies: they exist only to change a record.
  const auto edit = Policy::Needs(Capability::kEditFamilies);
  router.Add(bhttp::verb::get, "/families/{id}/people/new", edit,
             WithId(deps, [](RequestContext& ctx, RouteDeps d, RecordId family_id) {
               auto page = NewPersonPage(ctx, d, family_id);
               if (!page) return PageForError(ctx, d.views, page.error());
               return PersonForm(ctx, d, bhttp::status::ok, *page, Input{}, nullptr);
             }));
  router.Add(bhttp::verb::post, "/families/{id}/people", edit, WithId(deps, AddPerson));
  router.Add(bhttp::verb::get, "/people/{id}/edit", edit,
             WithId(deps, [](RequestContext& ctx, RouteDeps d, RecordId person_id) {
               auto stored = d.services.families.GetPerson(ctx.Who(), person_id);
               if (!stored) return PageForError(ctx, d.views, stored.error());
               const PersonFormPage page = EditPersonPage(*stored, d.views.Messages(), std::to_string(stored->version));
               const Input values = PersonInput(*stored);
               return PersonForm(ctx, d, bhttp::status::ok, page, DisplayValues(values, values), nullptr);
             }));
  router.Add(bhttp::verb::post, "/people/{id}", edit, WithId(deps, UpdatePerson));
}

}  // namespace hearth::http
