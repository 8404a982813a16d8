// How often each kind of error is put into a generated record. Every rate is a probability per record (per field
// where it says so), applied independently to every copy of a person, so two copies of one person differ in a
// field roughly twice as often as the rate. docs/linkage.md lists the values of each level.
#pragma once
#include <optional>
#include <string_view>

namespace hearth::linkage::generate {

enum class ErrorLevel { kLow, kModerate, kHigh };

struct ErrorRates {
  double name_typo = 0;       // per name field (given, family): one insertion, deletion, substitution or transposition
  double second_typo = 0;     // given one typo in a field, the chance of a second in the same field
  double nickname = 0;        // the given name replaced by a nickname or variant (when the name has one)
  double swap_names = 0;      // given and family names exchanged
  double dob_transpose = 0;   // day and month exchanged (only where the result is a different valid date)
  double dob_year_digit = 0;  // one of the last two digits of the year changed
  double move = 0;            // the record shows the person's other address (new postcode and street)
  double postcode_typo = 0;   // one character of the postcode substituted, or two adjacent ones transposed
  double street_typo = 0;     // a typo in the street
  double missing = 0;         // per field (given, family, date of birth, postcode, street); sex at half this rate
  double noise = 0;           // per field: case, punctuation, spacing or abbreviation noise
};

ErrorRates RatesFor(ErrorLevel level);
std::optional<ErrorLevel> ParseErrorLevel(std::string_view text);
std::string_view ToString(ErrorLevel level);

}  // namespace hearth::linkage::generate
