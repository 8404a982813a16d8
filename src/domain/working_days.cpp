#include "domain/working_days.hpp"

#include <algorithm>
#include <chrono>

namespace hearth {
namespace {
namespace chr = std::chrono;

// The table covers the years Date::Parse accepts, so every recorded date is answered from it.
constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2100;
const chr::sys_days kTableFirst = chr::sys_days(chr::year(kFirstYear) / chr::January / 1);
const chr::sys_days kTableLast = chr::sys_days(chr::year(kLastYear) / chr::December / 31);

Date Ymd(int y, unsigned m, unsigned d) { return Date(chr::year_month_day{chr::year(y), chr::month(m), chr::day(d)}); }

bool IsWeekend(Date d) {
  const chr::weekday wd(d.Days());
  return wd == chr::Saturday || wd == chr::Sunday;
}

Date NthMonday(int y, unsigned m, unsigned n) {
  return Date::FromDays(chr::sys_days(chr::year(y) / chr::month(m) / chr::Monday[n]));
}

Date LastMonday(int y, unsigned m) {
  return Date::FromDays(chr::sys_days(chr::year(y) / chr::month(m) / chr::Monday[chr::last]));
}

// METRICS.md: "the May holiday was on 8 May in 1995 and 2020" (the VE Day anniversaries).
Date EarlyMayHoliday(int y) { return y == 1995 || y == 2020 ? Ymd(y, 5, 8) : NthMonday(y, 5, 1); }

// METRICS.md: "the late-May holiday was on 4 June 2002, 4 June 2012 and 2 June 2022" (the jubilees).
Date LateMayHoliday(int y) {
  if (y == 2002 || y == 2012) return Ymd(y, 6, 4);
  if (y == 2022) return Ymd(y, 6, 2);
  return LastMonday(y, 5);
}

// METRICS.md's one-off holidays: a royal wedding, jubilees, a state funeral, a coronation and the millennium.
struct OneOff {
  int year;
  unsigned month;
  unsigned day;
};
constexpr OneOff kOneOffHolidays[] = {{1999, 12, 31}, {2002, 6, 3},  {2011, 4, 29}, {2012, 6, 5},
                                      {2022, 6, 3},   {2022, 9, 19}, {2023, 5, 8}};

// Moves each holiday that falls on a weekend to the next weekday not already a holiday, in date order, so that
// Christmas on a Saturday gives Monday 27 and Boxing Day (Sunday) then Tuesday 28.
std::vector<Date> MoveOffWeekends(std::vector<Date> nominal) {
  std::sort(nominal.begin(), nominal.end());
  std::vector<Date> taken;
  for (const Date& d : nominal)
    if (!IsWeekend(d)) taken.push_back(d);
  for (const Date& d : nominal) {
    if (!IsWeekend(d)) continue;
    Date substitute = d;
    while (IsWeekend(substitute) || std::find(taken.begin(), taken.end(), substitute) != taken.end())
      substitute = substitute.AddDays(1);
    taken.push_back(substitute);
  }
  std::sort(taken.begin(), taken.end());
  taken.erase(std::unique(taken.begin(), taken.end()), taken.end());
  return taken;
}
}  // namespace

Date EasterSunday(int year) {
  // Meeus/Jones/Butcher (Meeus, Astronomical Algorithms, ch. 8): a is the year's place in the 19-year lunar cycle,
  // h places the Paschal full moon, l counts on from it to the next Sunday, and m corrects the rare years in which
  // the first two would land after 25 April. Valid for every Gregorian year.
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return Ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::vector<Date> EnglandAndWalesBankHolidays(int year) {
  const Date easter = EasterSunday(year);
  std::vector<Date> nominal = {Ymd(year, 1, 1),      easter.AddDays(-2),  easter.AddDays(1), EarlyMayHoliday(year),
                               LateMayHoliday(year), LastMonday(year, 8), Ymd(year, 12, 25), Ymd(year, 12, 26)};
  for (const OneOff& o : kOneOffHolidays)
    if (o.year == year) nominal.push_back(Ymd(o.year, o.month, o.day));
  return MoveOffWeekends(std::move(nominal));
}

WorkingCalendar::WorkingCalendar(const std::vector<Date>& extra_holidays) : extra_holidays_(extra_holidays) {
  std::sort(extra_holidays_.begin(), extra_holidays_.end());
  extra_holidays_.erase(std::unique(extra_holidays_.begin(), extra_holidays_.end()), extra_holidays_.end());

  const auto days = static_cast<std::size_t>((kTableLast - kTableFirst).count() + 1);
  holiday_.assign(days, 0);
  for (int year = kFirstYear; year <= kLastYear; ++year)
    for (const Date& d : EnglandAndWalesBankHolidays(year)) holiday_[Index(d)] = 1;
  for (const Date& d : extra_holidays_)
    if (InTable(d)) holiday_[Index(d)] = 1;

  working_before_.assign(days + 1, 0);
  for (std::size_t i = 0; i < days; ++i) {
    const bool working = holiday_[i] == 0 && !IsWeekend(Date::FromDays(kTableFirst + chr::days(i)));
    working_before_[i + 1] = working_before_[i] + (working ? 1 : 0);
  }
}

bool WorkingCalendar::InTable(Date d) const { return d.Days() >= kTableFirst && d.Days() <= kTableLast; }

std::size_t WorkingCalendar::Index(Date d) const { return static_cast<std::size_t>((d.Days() - kTableFirst).count()); }

bool WorkingCalendar::IsBankHoliday(Date d) const {
  if (InTable(d)) return holiday_[Index(d)] != 0;
  if (std::binary_search(extra_holidays_.begin(), extra_holidays_.end(), d)) return true;
  const std::vector<Date> holidays = EnglandAndWalesBankHolidays(d.Year());
  return std::binary_search(holidays.begin(), holidays.end(), d);
}

bool WorkingCalendar::IsWorkingDay(Date d) const { return !IsWeekend(d) && !IsBankHoliday(d); }

Date WorkingCalendar::AddWorkingDays(Date d, int n) const {
  if (n <= 0) return d;
  if (InTable(d)) {
    // The running count only rises on working days, so the first day whose count (through itself) reaches the
    // target is the working day we want.
    const std::int32_t target = working_before_[Index(d) + 1] + n;
    if (target <= working_before_.back()) {
      const auto from = working_before_.begin() + static_cast<std::ptrdiff_t>(Index(d) + 1);
      const auto found = std::lower_bound(from, working_before_.end(), target);
      return Date::FromDays(kTableFirst + chr::days(found - working_before_.begin() - 1));
    }
  }
  Date day = d;
  for (int left = n; left > 0;) {
    day = day.AddDays(1);
    if (IsWorkingDay(day)) --left;
  }
  return day;
}

int WorkingCalendar::WorkingDaysBetween(Date a, Date b) const {
  if (b <= a) return 0;
  if (InTable(a) && InTable(b)) return working_before_[Index(b) + 1] - working_before_[Index(a) + 1];
  int count = 0;
  for (Date d = a.AddDays(1); d <= b; d = d.AddDays(1))
    if (IsWorkingDay(d)) ++count;
  return count;
}

std::vector<Date> WorkingCalendar::HolidaysIn(int year) const {
  std::vector<Date> holidays = EnglandAndWalesBankHolidays(year);
  for (const Date& d : extra_holidays_)
    if (d.Year() == year) holidays.push_back(d);
  std::sort(holidays.begin(), holidays.end());
  holidays.erase(std::unique(holidays.begin(), holidays.end()), holidays.end());
  return holidays;
}

}  // namespace hearth
