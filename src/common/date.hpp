// Calendar dates as the service records them: "YYYY-MM-DD", between 1900-01-01 and 2100-12-31.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace hearth {

class Date {
 public:
  Date() = default;
  explicit Date(std::chrono::year_month_day ymd) : ymd_(ymd) {}
  static Date FromDays(std::chrono::sys_days days) { return Date(std::chrono::year_month_day(days)); }

  // Strict: exactly YYYY-MM-DD, a real calendar date, inside the supported range.
  static std::optional<Date> Parse(std::string_view text);
  static Date TodayUtc();

  std::string ToString() const;
  std::chrono::sys_days Days() const { return std::chrono::sys_days(ymd_); }
  int Year() const { return int(ymd_.year()); }
  unsigned Month() const { return unsigned(ymd_.month()); }
  unsigned Day() const { return unsigned(ymd_.day()); }
  Date AddDays(int n) const { return FromDays(Days() + std::chrono::days(n)); }
  // Whole years between this date (a birth date) and `on`.
  int AgeOn(const Date& on) const;

  auto operator<=>(const Date&) const = default;

 private:
  std::chrono::year_month_day ymd_{std::chrono::year(1970), std::chrono::month(1), std::chrono::day(1)};
};

// Days between two dates (b - a), as METRICS.md counts them.
inline long DaysBetween(const Date& a, const Date& b) { return (b.Days() - a.Days()).count(); }

// ISO-8601 UTC timestamp of now, e.g. 2026-11-22T10:15:30Z (for audit rows and record metadata).
std::string UtcTimestampNow();
// Seconds since the Unix epoch, the unit sessions and throttling use.
long long UnixSecondsNow();

}  // namespace hearth
