// Dates in the formats a configuration names (strftime-style: %Y %y %m %d %b %B %%), kept as a day number for
// distances and as year/month/day for the transposition and partial-agreement comparison levels.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth::linkage {

struct DateParts {
  int32_t day_number = 0;  // days since 1970-01-01
  int16_t year = 0;
  uint8_t month = 0;
  uint8_t day = 0;
};

// Formats tried when a date column names none.
const std::vector<std::string>& DefaultDateFormats();

// The date in the first format that matches all of `text`; nullopt when none does or the date does not exist.
// %y takes the century that puts the year at or before `pivot_year` (default: this year).
std::optional<DateParts> ParseDate(std::string_view text, const std::vector<std::string>& formats,
                                   int pivot_year = 0);
std::optional<DateParts> ParseDateWith(std::string_view text, std::string_view format, int pivot_year);

// True when `format` uses only supported directives and has a year, a month and a day.
bool IsValidDateFormat(std::string_view format);

int32_t DaysFromCivil(int year, unsigned month, unsigned day);
std::string FormatIsoDate(const DateParts& d);

}  // namespace hearth::linkage
