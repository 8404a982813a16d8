// Working days as METRICS.md defines them: Monday to Friday, except England and Wales bank holidays (with the
// historical exceptions METRICS.md lists) and any extra holidays a deployment configures.
#pragma once
#include <cstdint>
#include <vector>

#include "common/date.hpp"

namespace hearth {

// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).
Date EasterSunday(int year);

// The England and Wales bank holidays of `year` by the rules of METRICS.md, ascending, without configured extras:
// New Year's Day, Good Friday, Easter Monday, the first and last Mondays in May, the last Monday in August,
// Christmas Day and Boxing Day, each moved off a weekend to the next weekday not already a holiday; and the
// exceptions (May holiday on 8 May in 1995 and 2020; late-May holiday on 4 June 2002, 4 June 2012, 2 June 2022) and
// one-off holidays METRICS.md lists. The same rules apply to every year: METRICS.md does not model the different
// holidays England kept before 1978.
std::vector<Date> EnglandAndWalesBankHolidays(int year);

// Answers working-day questions quickly: the holidays of 1900-2100 (the range Date::Parse accepts) are worked out
// once, in the constructor, into a per-day table with running counts. Nothing changes after construction, so one
// calendar may be shared by any number of threads. Dates outside the table are still answered, by the same rules,
// only more slowly.
class WorkingCalendar {
 public:
  // `extra_holidays`: days the service is closed besides the bank holidays (from configuration). They are taken as
  // given: one on a weekend changes nothing, and none of them moves a bank holiday.
  explicit WorkingCalendar(const std::vector<Date>& extra_holidays = {});

  // A bank holiday of METRICS.md, or a configured extra holiday.
  bool IsBankHoliday(Date d) const;
  // Monday to Friday and not a bank holiday.
  bool IsWorkingDay(Date d) const;
  // METRICS.md add_working_days(d, n): the date reached by moving forward n working days from d, d itself not
  // counted (so n = 0 gives d, working day or not). n must be 0 or more; a negative n is treated as 0.
  Date AddWorkingDays(Date d, int n) const;
  // METRICS.md working_days_between(a, b): the number of working days w with a < w <= b (0 when b <= a).
  int WorkingDaysBetween(Date a, Date b) const;
  // The bank holidays and configured extras falling in `year`, ascending.
  std::vector<Date> HolidaysIn(int year) const;

 private:
  bool InTable(Date d) const;
  std::size_t Index(Date d) const;  // position of d in the table; only for InTable(d)

  std::vector<Date> extra_holidays_;          // sorted, for dates outside the table
  std::vector<std::uint8_t> holiday_;         // per day of the table: 1 when a holiday
  std::vector<std::int32_t> working_before_;  // [i] = working days among the table's first i days; size days + 1
};

}  // namespace hearth
