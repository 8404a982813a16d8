// Small checks shared by every record's validation. Each appends a FieldError and returns false on failure.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "common/error.hpp"
#include "domain/enum_names.hpp"
#include "domain/input.hpp"

namespace hearth::rules {

using RecordIdValue = long long;

inline constexpr std::size_t kNameMax = 100;
inline constexpr std::size_t kLineMax = 200;
inline constexpr std::size_t kTextMax = 4000;

enum class Lines { kOne, kMany };

// A required text field, trimmed, at most `max` bytes, valid UTF-8 without control characters (line breaks and
// tabs only where `lines` is kMany: names and addresses are one line).
std::string RequiredText(const Input& in, const std::string& field, std::size_t max, std::vector<FieldError>& errors,
                         Lines lines = Lines::kOne);
std::string OptionalText(const Input& in, const std::string& field, std::size_t max, std::vector<FieldError>& errors,
                         Lines lines = Lines::kOne);
// A date field; `required` decides whether empty is an error. Dates after `not_after` (if given) are refused.
std::optional<Date> DateField(const Input& in, const std::string& field, bool required, std::optional<Date> not_after,
                              std::vector<FieldError>& errors);
std::string Trim(const std::string& s);
// A record id chosen from a list (a positive integer); 0 when empty and not required.
RecordIdValue IdField(const Input& in, const std::string& field, bool required, std::vector<FieldError>& errors);
// Every value of a repeated id field (e.g. the children seen at a contact); an invalid one is an error.
std::vector<RecordIdValue> IdListField(const Input& in, const std::string& field, std::vector<FieldError>& errors);

template <class E>
std::optional<E> EnumField(const Input& in, const std::string& field, bool required, std::vector<FieldError>& errors) {
  const std::string value = Trim(in.Get(field));
  if (value.empty()) {
    if (required) errors.push_back({field, "error.choose"});
    return std::nullopt;
  }
  auto parsed = ParseEnum<E>(value);
  if (!parsed) errors.push_back({field, "error.choice_invalid"});
  return parsed;
}

// Every value of a repeated field must name a member of E; duplicates are dropped.
template <class E>
std::vector<E> EnumListField(const Input& in, const std::string& field, std::vector<FieldError>& errors) {
  std::vector<E> out;
  for (const auto& raw : in.GetAll(field)) {
    auto parsed = ParseEnum<E>(Trim(raw));
    if (!parsed) {
      errors.push_back({field, "error.choice_invalid"});
      return {};
    }
    bool seen = false;
    for (E e : out) seen = seen || e == *parsed;
    if (!seen) out.push_back(*parsed);
  }
  return out;
}

}  // namespace hearth::rules
