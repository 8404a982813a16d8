#include "http/pages/field_data.hpp"

#include <algorithm>

namespace hearth::http {

FieldData::FieldData(const Input& values, const Error* error, const MessageCatalogue& messages)
    : values_(values), messages_(messages) {
  if (error == nullptr) return;
  for (const auto& f : error->fields) errors_.emplace(f.field, FieldErrorText(f, messages));
}

mustache::data FieldData::Text(const std::string& name, const std::string& label, const FieldOptions& options) const {
  const std::string id = FieldId(name);
  mustache::data d{mustache::data::type::object};
  d.set("id", id);
  d.set("name", name);
  d.set("value", values_.Get(name));
  d.set("label", label);
  d.set("hint", options.hint);
  d.set("has_hint", MustacheBool(!options.hint.empty()));
  d.set("classes", options.classes);
  d.set("autocomplete", options.autocomplete);
  d.set("has_autocomplete", MustacheBool(!options.autocomplete.empty()));
  std::string describedby = options.hint.empty() ? "" : id + "-hint";
  auto err = errors_.find(name);
  const bool has_error = err != errors_.end();
  d.set("error_text", has_error ? err->second : std::string());
  d.set("has_error", MustacheBool(has_error));
  if (has_error) describedby += (describedby.empty() ? "" : " ") + id + "-error";
  d.set("describedby", describedby);
  d.set("has_describedby", MustacheBool(!describedby.empty()));
  return d;
}

mustache::data FieldData::Choice(const std::string& name, const std::string& label,
                                 const std::vector<std::pair<std::string, std::string>>& items,
                                 const FieldOptions& options) const {
  mustache::data d = Text(name, label, options);
  const std::string id = FieldId(name);
  const auto& chosen = values_.GetAll(name);
  mustache::data list{mustache::data::type::list};
  bool first = true;
  for (const auto& [value, text] : items) {
    mustache::data item{mustache::data::type::object};
    item.set("id", first ? id : id + "-" + value);
    item.set("name", name);
    item.set("value", value);
    item.set("label", std::move(text));
    item.set("checked", MustacheBool(std::find(chosen.begin(), chosen.end(), value) != chosen.end()));
    list.push_back(std::move(item));
    first = false;
  }
  d.set("items", std::move(list));
  d.set("inline", MustacheBool(options.inline_items));
  d.set("blank_label", options.blank_label);
  d.set("has_blank", MustacheBool(!options.blank_label.empty()));
  return d;
}

void OrderFieldErrors(Error& error, int (*rank)(const std::string& field)) {
  std::stable_sort(error.fields.begin(), error.fields.end(),
                   [rank](const FieldError& a, const FieldError& b) { return rank(a.field) < rank(b.field); });
}

std::string ReadableTimestamp(const std::string& iso) {
  // Audit and account timestamps are stored as YYYY-MM-DDTHH:MM:SSZ.
  if (iso.size() >= 19 && iso[10] == 'T') return iso.substr(0, 10) + " " + iso.substr(11, 8);
  return iso;
}

}  // namespace hearth::http
