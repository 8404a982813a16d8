#include "http/pages/step_form.hpp"

#include <algorithm>
#include <charconv>

#include "http/responses.hpp"
#include "http/views.hpp"

namespace hearth::http {
namespace {

std::string Trimmed(const std::string& v) {
  const auto first = v.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return v.substr(first, v.find_last_not_of(" \t") - first + 1);
}

bool AllDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The error text for `field`, or "" (child_view.<id> errors belong to the child_view.<id> field).
std::string ErrorFor(const Error* error, const std::string& field, const MessageCatalogue& messages) {
  if (error == nullptr) return {};
  for (const auto& f : error->fields)
    if (f.field == field) return FieldErrorText(f, messages);
  return {};
}

}  // namespace

mustache::data FormFieldData(const FormField& f, const Input& values, const Error* error,
                             const MessageCatalogue& messages) {
  mustache::data d;
  const std::string id = FieldId(f.name);
  d.set("id", id);
  d.set("name", f.name);
  d.set("label", f.label);
  d.set("has_hint", MustacheBool(!f.hint.empty()));
  d.set("hint", f.hint);
  const std::string error_text = ErrorFor(error, f.name, messages);
  d.set("has_error", MustacheBool(!error_text.empty()));
  d.set("error_text", error_text);
  d.set("is_text", MustacheBool(f.kind == FormField::Kind::kText));
  d.set("is_textarea", MustacheBool(f.kind == FormField::Kind::kTextarea));
  d.set("is_date", MustacheBool(f.kind == FormField::Kind::kDate));
  d.set("is_select", MustacheBool(f.kind == FormField::Kind::kSelect));
  d.set("is_radios", MustacheBool(f.kind == FormField::Kind::kRadios));
  d.set("is_checkboxes", MustacheBool(f.kind == FormField::Kind::kCheckboxes));
  d.set("value", values.Get(f.name));
  if (f.kind == FormField::Kind::kDate) {
    // Boxes as typed; else split a stored YYYY-MM-DD.
    std::string day = values.Get(f.name + "-day"), month = values.Get(f.name + "-month"),
                year = values.Get(f.name + "-year");
    if (day.empty() && month.empty() && year.empty())
      if (auto date = Date::Parse(values.Get(f.name))) {
        day = std::to_string(date->Day());
        month = std::to_string(date->Month());
        year = std::to_string(date->Year());
      }
    d.set("day", day);
    d.set("month", month);
    d.set("year", year);
  }
  mustache::data items{mustache::data::type::list};
  const auto& chosen = values.GetAll(f.name);
  bool first = true;
  for (const auto& o : f.options) {
    mustache::data item;
    item.set("id", first ? id : id + "-" + FieldId(o.value));
    item.set("value", o.value);
    item.set("label", o.label);
    item.set("checked", MustacheBool(std::find(chosen.begin(), chosen.end(), o.value) != chosen.end()));
    items.push_back(std::move(item));
    first = false;
  }
  d.set("items", std::move(items));
  return d;
}

std::string DateFromBoxes(const std::string& day, const std::string& month, const std::string& year) {
  if (AllDigits(day) && AllDigits(month) && AllDigits(year) && day.size() <= 2 && month.size() <= 2 && year.size() == 4)
    return year + "-" + (month.size() == 1 ? "0" : "") + month + "-" + (day.size() == 1 ? "0" : "") + day;
  return year + "-" + month + "-" + day + "-invalid";
}

Input StepFormInput(const Input& form, const std::vector<FormField>& fields) {
  Input in;
  for (const auto& [name, values] : form.Values()) {
    bool is_box = false;
    for (const auto& f : fields)
      if (f.kind == FormField::Kind::kDate && name.starts_with(f.name + "-")) is_box = true;
    if (is_box) continue;
    for (const auto& v : values) in.Add(name, v);
  }
  for (const auto& f : fields) {
    if (f.kind != FormField::Kind::kDate) continue;
    const std::string day = Trimmed(form.Get(f.name + "-day")), month = Trimmed(form.Get(f.name + "-month")),
                      year = Trimmed(form.Get(f.name + "-year"));
    if (day.empty() && month.empty() && year.empty()) continue;  // a plain YYYY-MM-DD (or nothing) stays as posted
    Input without;
    for (const auto& [name, values] : in.Values())
      if (name != f.name)
        for (const auto& v : values) without.Add(name, v);
    without.Add(f.name, DateFromBoxes(day, month, year));
    in = std::move(without);
  }
  return in;
}

RawResponse RenderStepForm(const RequestContext& ctx, const Views& views, bhttp::status status, const StepForm& form,
                           const Input& values, const Error* error) {
  const auto& messages = views.Messages();
  mustache::data data;
  data.set("title", form.title);
  data.set("caption", form.caption);
  data.set("action", form.action);
  data.set("back_href", form.back_href);
  data.set("has_back_text", MustacheBool(!form.back_text.empty()));
  data.set("back_text", form.back_text);
  data.set("button", form.button);
  data.set("csrf_token", ctx.Who().csrf_token);
  data.set("has_version", MustacheBool(!form.version.empty()));
  data.set("version", form.version);
  mustache::data fields{mustache::data::type::list};
  for (const auto& f : form.fields) fields.push_back(FormFieldData(f, values, error, messages));
  data.set("fields", std::move(fields));
  data.set("stale", MustacheBool(!form.theirs.empty()));
  mustache::data theirs{mustache::data::type::list};
  for (const auto& [label, value] : form.theirs) {
    mustache::data row;
    row.set("label", label);
    row.set("value", value.empty() ? messages.Get("casework.empty_value") : value);
    theirs.push_back(std::move(row));
  }
  data.set("theirs", std::move(theirs));
  // Errors that name no field on this form (e.g. "the plan needs an objective") still reach the summary.
  data.set("form", FormData(values, error, messages));
  return HtmlResponse(ctx, status, views.Page(ctx, "casework/form", data));
}

int FormVersion(const Input& form) {
  const std::string& text = form.Get("version");
  int version = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), version);
  return ec == std::errc() && ptr == text.data() + text.size() && !text.empty() ? version : -1;
}

}  // namespace hearth::http
