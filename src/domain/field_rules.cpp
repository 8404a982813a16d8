#include "domain/field_rules.hpp"

namespace hearth::rules {

std::string Trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

namespace {
// Valid UTF-8 with no control characters: C0 (line breaks and tabs allowed only in multi-line text), DEL and C1.
bool ValidUtf8NoControls(const std::string& s, Lines lines) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
    const bool line_break = c == '\n' || c == '\r' || c == '\t';
    if (len == 1 && (c < 0x20 || c == 0x7f) && !(line_break && lines == Lines::kMany)) return false;
    if (len == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) return false;  // U+0080..U+009F
    i += len;
  }
  return true;
}
}  // namespace

std::string OptionalText(const Input& in, const std::string& field, std::size_t max, std::vector<FieldError>& errors,
                         Lines lines) {
  std::string value = Trim(in.Get(field));
  if (!ValidUtf8NoControls(value, lines)) {
    errors.push_back({field, "error.text_invalid"});
    return {};
  }
  if (value.size() > max) errors.push_back({field, "error.too_long"});
  return value;
}

std::string RequiredText(const Input& in, const std::string& field, std::size_t max, std::vector<FieldError>& errors,
                         Lines lines) {
  const std::size_t before = errors.size();
  std::string value = OptionalText(in, field, max, errors, lines);
  if (value.empty() && errors.size() == before) errors.push_back({field, "error.required"});
  return value;
}

std::optional<Date> DateField(const Input& in, const std::string& field, bool required, std::optional<Date> not_after,
                              std::vector<FieldError>& errors) {
  const std::string value = Trim(in.Get(field));
  if (value.empty()) {
    if (required) errors.push_back({field, "error.required"});
    return std::nullopt;
  }
  auto date = Date::Parse(value);
  if (!date) {
    errors.push_back({field, "error.date_invalid"});
    return std::nullopt;
  }
  if (not_after && *date > *not_after) {
    errors.push_back({field, "error.date_future"});
    return std::nullopt;
  }
  return date;
}

namespace {
std::optional<RecordIdValue> ParseId(const std::string& text) {
  try {
    std::size_t used = 0;
    const long long id = std::stoll(text, &used);
    if (used == text.size() && id > 0) return id;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}
}  // namespace

RecordIdValue IdField(const Input& in, const std::string& field, bool required, std::vector<FieldError>& errors) {
  const std::string v = Trim(in.Get(field));
  if (v.empty()) {
    if (required) errors.push_back({field, "error.choose"});
    return 0;
  }
  if (auto id = ParseId(v)) return *id;
  errors.push_back({field, "error.choice_invalid"});
  return 0;
}

std::vector<RecordIdValue> IdListField(const Input& in, const std::string& field, std::vector<FieldError>& errors) {
  std::vector<RecordIdValue> out;
  for (const auto& raw : in.GetAll(field)) {
    const std::string v = Trim(raw);
    if (v.empty()) continue;
    auto id = ParseId(v);
    if (!id) {
      errors.push_back({field, "error.choice_invalid"});
      return {};
    }
    out.push_back(*id);
  }
  return out;
}

}  // namespace hearth::rules
