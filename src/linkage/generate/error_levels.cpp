#include "linkage/generate/error_levels.hpp"

namespace hearth::linkage::generate {

// Keep in step with the table in docs/linkage.md.
ErrorRates RatesFor(ErrorLevel level) {
  ErrorRates r;
  switch (level) {
    case ErrorLevel::kLow:
      r = {.name_typo = 0.02,
           .second_typo = 0.0,
           .nickname = 0.02,
           .swap_names = 0.005,
           .dob_transpose = 0.01,
           .dob_year_digit = 0.01,
           .move = 0.05,
           .postcode_typo = 0.01,
           .street_typo = 0.02,
           .missing = 0.01,
           .noise = 0.05};
      break;
    case ErrorLevel::kModerate:
      r = {.name_typo = 0.05,
           .second_typo = 0.10,
           .nickname = 0.05,
           .swap_names = 0.01,
           .dob_transpose = 0.02,
           .dob_year_digit = 0.02,
           .move = 0.10,
           .postcode_typo = 0.02,
           .street_typo = 0.04,
           .missing = 0.03,
           .noise = 0.10};
      break;
    case ErrorLevel::kHigh:
      r = {.name_typo = 0.10,
           .second_typo = 0.25,
           .nickname = 0.10,
           .swap_names = 0.03,
           .dob_transpose = 0.05,
           .dob_year_digit = 0.05,
           .move = 0.20,
           .postcode_typo = 0.05,
           .street_typo = 0.08,
           .missing = 0.08,
           .noise = 0.20};
      break;
  }
  return r;
}

std::optional<ErrorLevel> ParseErrorLevel(std::string_view text) {
  if (text == "low") return ErrorLevel::kLow;
  if (text == "moderate") return ErrorLevel::kModerate;
  if (text == "high") return ErrorLevel::kHigh;
  return std::nullopt;
}

std::string_view ToString(ErrorLevel level) {
  switch (level) {
    case ErrorLevel::kLow:
      return "low";
    case ErrorLevel::kModerate:
      return "moderate";
    case ErrorLevel::kHigh:
      return "high";
  }
  return "moderate";
}

}  // namespace hearth::linkage::generate
