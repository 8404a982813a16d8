#include "domain/service_directory.hpp"

#include "domain/field_rules.hpp"

namespace hearth {

Result<Service> ServiceFromInput(const Input& in) {
  std::vector<FieldError> errors;
  Service s;
  s.name = rules::RequiredText(in, "name", rules::kNameMax, errors);
  s.kind = rules::OptionalText(in, "kind", rules::kNameMax, errors);
  // The shared wording labels fields by name alone, and "kind" already means a relationship's kind there.
  for (auto& e : errors) {
    if (e.message_key == "error.required" || e.message_key == "error.too_long")
      e.message_key = "error.service_" + e.field + (e.message_key == "error.required" ? "_required" : "_too_long");
  }
  if (!errors.empty()) return Error::Validation(std::move(errors));
  return s;
}

std::string ServiceNameKey(std::string_view name) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  std::string key;
  bool pending_space = false;
  for (char c : name) {
    if (is_space(c)) {
      pending_space = !key.empty();
      continue;
    }
    if (pending_space) key += ' ';
    pending_space = false;
    key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return key;
}

}  // namespace hearth
