#include "linkage/dates.hpp"

#include <chrono>
#include <cstdio>

namespace hearth::linkage {

namespace {
constexpr const char* kMonths[12] = {"january", "february", "march",     "april",   "may",      "june",
                                     "july",    "august",   "september", "october", "november", "december"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// Reads between min and max digits at `pos`.
bool ReadNumber(std::string_view text, size_t& pos, size_t min, size_t max, int& value) {
  size_t start = pos;
  value = 0;
  while (pos < text.size() && pos - start < max && IsDigit(text[pos])) value = value * 10 + (text[pos++] - '0');
  return pos - start >= min;
}

// A month name or its first three (or more) letters.
bool ReadMonthName(std::string_view text, size_t& pos, int& month) {
  size_t start = pos;
  while (pos < text.size() && ((text[pos] >= 'a' && text[pos] <= 'z') || (text[pos] >= 'A' && text[pos] <= 'Z'))) ++pos;
  size_t len = pos - start;
  if (len < 3) return false;
  for (int m = 0; m < 12; ++m) {
    std::string_view name = kMonths[m];
    if (len > name.size()) continue;
    bool same = true;
    for (size_t i = 0; i < len && same; ++i) same = Lower(text[start + i]) == name[i];
    if (same) {
      month = m + 1;
      return true;
    }
  }
  return false;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

int CurrentYear() {
  auto now = std::chrono::system_clock::now();
  auto days = std::chrono::floor<std::chrono::days>(now);
  return static_cast<int>(std::chrono::year_month_day(days).year());
}
}  // namespace

const std::vector<std::string>& DefaultDateFormats() {
  static const std::vector<std::string> kDefaults = {"%Y-%m-%d", "%d/%m/%Y", "%Y%m%d",   "%d-%m-%Y",
                                                     "%d.%m.%Y", "%Y/%m/%d", "%d %b %Y"};
  return kDefaults;
}

int32_t DaysFromCivil(int year, unsigned month, unsigned day) {
  // Howard Hinnant's days_from_civil.
  year -= month <= 2;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const auto yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int32_t>(doe) - 719468;
}

std::optional<DateParts> ParseDateWith(std::string_view text, std::string_view format, int pivot_year) {
  int year = -1, month = -1, day = -1;
  size_t pos = 0;
  for (size_t f = 0; f < format.size(); ++f) {
    char fc = format[f];
    if (fc != '%' || f + 1 == format.size()) {
      if (fc == ' ') {  // one space in a format matches any run of spaces
        if (pos >= text.size() || text[pos] != ' ') return std::nullopt;
        while (pos < text.size() && text[pos] == ' ') ++pos;
        continue;
      }
      if (pos >= text.size() || Lower(text[pos]) != Lower(fc)) return std::nullopt;
      ++pos;
      continue;
    }
    char directive = format[++f];
    int value = 0;
    switch (directive) {
      case 'Y':
        if (!ReadNumber(text, pos, 4, 4, value)) return std::nullopt;
        year = value;
        break;
      case 'y': {
        if (!ReadNumber(text, pos, 2, 2, value)) return std::nullopt;
        int pivot = pivot_year > 0 ? pivot_year : CurrentYear();
        year = (pivot / 100) * 100 + value;
        if (year > pivot) year -= 100;
        break;
      }
      case 'm':
        if (!ReadNumber(text, pos, 1, 2, value)) return std::nullopt;
        month = value;
        break;
      case 'd':
        if (!ReadNumber(text, pos, 1, 2, value)) return std::nullopt;
        day = value;
        break;
      case 'b':
      case 'B':
        if (!ReadMonthName(text, pos, value)) return std::nullopt;
        month = value;
        break;
      case '%':
        if (pos >= text.size() || text[pos] != '%') return std::nullopt;
        ++pos;
        break;
      default:
        return std::nullopt;
    }
  }
  if (pos != text.size() || year < 0 || month < 1 || month > 12 || day < 1) return std::nullopt;
  if (year < 1800 || year > 2200 || day > DaysInMonth(year, month)) return std::nullopt;
  DateParts d;
  d.year = static_cast<int16_t>(year);
  d.month = static_cast<uint8_t>(month);
  d.day = static_cast<uint8_t>(day);
  d.day_number = DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return d;
}

std::optional<DateParts> ParseDate(std::string_view text, const std::vector<std::string>& formats, int pivot_year) {
  for (const auto& f : formats) {
    if (auto d = ParseDateWith(text, f, pivot_year)) return d;
  }
  return std::nullopt;
}

bool IsValidDateFormat(std::string_view format) {
  bool y = false, m = false, d = false;
  for (size_t f = 0; f < format.size(); ++f) {
    if (format[f] != '%') continue;
    if (f + 1 == format.size()) return false;
    switch (format[++f]) {
      case 'Y':
      case 'y':
        y = true;
        break;
      case 'm':
      case 'b':
      case 'B':
        m = true;
        break;
      case 'd':
        d = true;
        break;
      case '%':
        break;
      default:
        return false;
    }
  }
  return y && m && d;
}

std::string FormatIsoDate(const DateParts& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year), static_cast<unsigned>(d.month),
                static_cast<unsigned>(d.day));
  return buf;
}

}  // namespace hearth::linkage
