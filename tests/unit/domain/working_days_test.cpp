// Expected dates here are not derived from the code under test: the bank holiday lists are those GOV.UK publishes
// (gov.uk/bank-holidays, and the proclamations for the one-off holidays of METRICS.md), and the Easter dates are
// published church calendars. Working-day counts were counted by hand on a calendar.
#include "domain/working_days.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hearth {
namespace {

Date D(const char* text) {
  auto d = Date::Parse(text);
  if (!d) ADD_FAILURE() << "bad test date " << text;
  return d.value_or(Date());
}

std::vector<std::string> Strings(const std::vector<Date>& dates) {
  std::vector<std::string> out;
  for (const Date& d : dates) out.push_back(d.ToString());
  return out;
}

// GOV.UK's list of the bank holidays of `year`, as "MM-DD".
std::vector<std::string> Published(int year, std::vector<std::string> month_days) {
  for (auto& md : month_days) md = std::to_string(year) + "-" + md;
  return month_days;
}

const WorkingCalendar& Calendar() {
  static const WorkingCalendar calendar;
  return calendar;
}

void ExpectHolidays(int year, std::vector<std::string> month_days) {
  const auto expected = Published(year, std::move(month_days));
  EXPECT_EQ(Strings(Calendar().HolidaysIn(year)), expected) << year;
  EXPECT_EQ(Strings(EnglandAndWalesBankHolidays(year)), expected) << year;
  for (const auto& text : expected) {
    EXPECT_TRUE(Calendar().IsBankHoliday(D(text.c_str()))) << text;
    EXPECT_FALSE(Calendar().IsWorkingDay(D(text.c_str()))) << text;
  }
}

TEST(EasterSunday, GivesKnownGoodFridays) {
  for (const char* good_friday : {"2024-03-29", "2025-04-18", "2019-04-19", "2000-04-21", "2038-04-23", "2008-03-21",
                                  "1913-03-21", "1943-04-23", "2100-03-26", "1900-04-13"}) {
    const Date friday = D(good_friday);
    EXPECT_EQ(EasterSunday(friday.Year()), friday.AddDays(2)) << good_friday;
    EXPECT_TRUE(Calendar().IsBankHoliday(friday)) << good_friday;
    EXPECT_TRUE(Calendar().IsBankHoliday(friday.AddDays(3))) << "Easter Monday after " << good_friday;
  }
}

TEST(EasterSunday, ReachesTheEarliestAndLatestPossibleDates) {
  EXPECT_EQ(EasterSunday(2285).ToString(), "2285-03-22");  // the earliest possible, next reached in 2285
  EXPECT_EQ(EasterSunday(1818).ToString(), "1818-03-22");
  EXPECT_EQ(EasterSunday(1943).ToString(), "1943-04-25");  // the latest possible
  EXPECT_EQ(EasterSunday(2038).ToString(), "2038-04-25");
}

TEST(BankHolidays, MatchThePublishedListsOfOrdinaryYears) {
  ExpectHolidays(2010, {"01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"});
  ExpectHolidays(2015, {"01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"});
  ExpectHolidays(2016, {"01-01", "03-25", "03-28", "05-02", "05-30", "08-29", "12-26", "12-27"});
  ExpectHolidays(2017, {"01-02", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"});
  ExpectHolidays(2021, {"01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"});
  ExpectHolidays(2024, {"01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"});
  ExpectHolidays(2025, {"01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"});
  ExpectHolidays(2026, {"01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"});
  ExpectHolidays(2027, {"01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"});
}

TEST(BankHolidays, MovesTheMayHolidayTo8MayIn1995And2020) {
  ExpectHolidays(1995, {"01-02", "04-14", "04-17", "05-08", "05-29", "08-28", "12-25", "12-26"});
  ExpectHolidays(2020, {"01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"});
  EXPECT_TRUE(Calendar().IsWorkingDay(D("1995-05-01")));  // the first Monday, a working day that year
  EXPECT_TRUE(Calendar().IsWorkingDay(D("2020-05-04")));
}

TEST(BankHolidays, MovesTheLateMayHolidayInJubileeYears) {
  ExpectHolidays(2002, {"01-01", "03-29", "04-01", "05-06", "06-03", "06-04", "08-26", "12-25", "12-26"});
  ExpectHolidays(2012, {"01-02", "04-06", "04-09", "05-07", "06-04", "06-05", "08-27", "12-25", "12-26"});
  ExpectHolidays(2022, {"01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19", "12-26", "12-27"});
  for (const char* last_monday_in_may : {"2002-05-27", "2012-05-28", "2022-05-30"})
    EXPECT_TRUE(Calendar().IsWorkingDay(D(last_monday_in_may))) << last_monday_in_may;
}

TEST(BankHolidays, IncludesEveryOneOffHolidayOfMetrics) {
  for (const char* one_off :
       {"2011-04-29", "2002-06-03", "2012-06-05", "2022-06-03", "2022-09-19", "2023-05-08", "1999-12-31"})
    EXPECT_TRUE(Calendar().IsBankHoliday(D(one_off))) << one_off;
  ExpectHolidays(1999, {"01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28", "12-31"});
  ExpectHolidays(2011, {"01-03", "04-22", "04-25", "04-29", "05-02", "05-30", "08-29", "12-26", "12-27"});
  ExpectHolidays(2023, {"01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"});
  // The one-offs are of their year only.
  for (const char* ordinary : {"2010-04-29", "2003-06-03", "2013-06-05", "2021-09-20", "2024-05-08", "2000-12-29"})
    EXPECT_TRUE(Calendar().IsWorkingDay(D(ordinary))) << ordinary;
}

TEST(WeekendSubstitution, ChristmasOnSaturdayGivesMondayAndTuesday) {
  EXPECT_EQ(Strings(Calendar().HolidaysIn(2021)).back(), "2021-12-28");
  for (const char* text : {"2021-12-27", "2021-12-28", "2010-12-27", "2010-12-28", "2027-12-27", "2027-12-28"})
    EXPECT_TRUE(Calendar().IsBankHoliday(D(text))) << text;
  // The weekend days themselves are not the holidays: the substitutes are.
  EXPECT_FALSE(Calendar().IsBankHoliday(D("2021-12-25")));
  EXPECT_FALSE(Calendar().IsBankHoliday(D("2021-12-26")));
  EXPECT_TRUE(Calendar().IsWorkingDay(D("2021-12-29")));
}

TEST(WeekendSubstitution, ChristmasOnSundayGivesTuesdayAfterBoxingDay) {
  for (const char* text : {"2022-12-26", "2022-12-27", "2016-12-26", "2016-12-27", "2011-12-26", "2011-12-27"})
    EXPECT_TRUE(Calendar().IsBankHoliday(D(text))) << text;
  EXPECT_TRUE(Calendar().IsWorkingDay(D("2022-12-28")));
}

TEST(WeekendSubstitution, BoxingDayOnSaturdayGivesMonday) {
  for (const char* text : {"2020-12-28", "2015-12-28", "2026-12-28"})
    EXPECT_TRUE(Calendar().IsBankHoliday(D(text))) << text;
  EXPECT_TRUE(Calendar().IsWorkingDay(D("2020-12-29")));
}

TEST(WeekendSubstitution, NewYearOnSaturdayOrSundayGivesMonday) {
  EXPECT_TRUE(Calendar().IsBankHoliday(D("2022-01-03")));  // 1 January 2022 was a Saturday
  EXPECT_TRUE(Calendar().IsBankHoliday(D("2011-01-03")));
  EXPECT_TRUE(Calendar().IsBankHoliday(D("2000-01-03")));
  EXPECT_TRUE(Calendar().IsBankHoliday(D("2023-01-02")));  // a Sunday
  EXPECT_TRUE(Calendar().IsBankHoliday(D("2017-01-02")));
  EXPECT_TRUE(Calendar().IsWorkingDay(D("2022-01-04")));
  EXPECT_TRUE(Calendar().IsWorkingDay(D("2023-01-03")));
}

TEST(WorkingDay, IsMondayToFridayOutsideHolidays) {
  EXPECT_TRUE(Calendar().IsWorkingDay(D("2024-06-07")));   // Friday
  EXPECT_FALSE(Calendar().IsWorkingDay(D("2024-06-08")));  // Saturday
  EXPECT_FALSE(Calendar().IsWorkingDay(D("2024-06-09")));  // Sunday
  EXPECT_TRUE(Calendar().IsWorkingDay(D("2024-06-10")));   // Monday
  EXPECT_FALSE(Calendar().IsBankHoliday(D("2024-06-08")));
}

TEST(AddWorkingDays, SkipsEasterAndTheWeekendBetween) {
  // Wednesday 27 March 2024 + 10: Thu 28 (1), Good Friday, weekend, Easter Monday, 2-5 April (2-5),
  // 8-12 April (6-10).
  EXPECT_EQ(Calendar().AddWorkingDays(D("2024-03-27"), 10).ToString(), "2024-04-12");
  EXPECT_EQ(Calendar().AddWorkingDays(D("2024-03-28"), 1).ToString(), "2024-04-02");
}

TEST(AddWorkingDays, SkipsChristmasAndItsSubstitute) {
  // Wednesday 23 December 2020 + 3: Thu 24 (1), Fri 25 Christmas, weekend, Mon 28 Boxing Day's substitute,
  // Tue 29 (2), Wed 30 (3).
  EXPECT_EQ(Calendar().AddWorkingDays(D("2020-12-23"), 3).ToString(), "2020-12-30");
}

TEST(AddWorkingDays, CrossesAWeekend) {
  EXPECT_EQ(Calendar().AddWorkingDays(D("2024-06-07"), 1).ToString(), "2024-06-10");
  EXPECT_EQ(Calendar().AddWorkingDays(D("2024-06-08"), 1).ToString(), "2024-06-10");  // from a Saturday
  EXPECT_EQ(Calendar().AddWorkingDays(D("2024-06-03"), 5).ToString(), "2024-06-10");
}

TEST(AddWorkingDays, DoesNotCountTheStartDay) {
  EXPECT_EQ(Calendar().AddWorkingDays(D("2024-06-10"), 0).ToString(), "2024-06-10");
  EXPECT_EQ(Calendar().AddWorkingDays(D("2024-12-25"), 0).ToString(), "2024-12-25");  // even a holiday
  EXPECT_EQ(Calendar().AddWorkingDays(D("2024-12-25"), 1).ToString(), "2024-12-27");
  EXPECT_EQ(Calendar().AddWorkingDays(D("2024-06-10"), -3).ToString(), "2024-06-10");
}

TEST(AddWorkingDays, CrossesTheJubileeHolidaysOf2022) {
  // The plan target, 15 working days, from Wednesday 25 May 2022: 30 May is a working day that year, 2 and 3 June
  // are not.
  EXPECT_EQ(Calendar().AddWorkingDays(D("2022-05-25"), 15).ToString(), "2022-06-17");
}

TEST(WorkingDaysBetween, IsZeroWhenTheEndIsNotAfterTheStart) {
  EXPECT_EQ(Calendar().WorkingDaysBetween(D("2024-06-10"), D("2024-06-10")), 0);
  EXPECT_EQ(Calendar().WorkingDaysBetween(D("2024-06-11"), D("2024-06-10")), 0);
  EXPECT_EQ(Calendar().WorkingDaysBetween(D("2025-01-01"), D("2024-01-01")), 0);
}

TEST(WorkingDaysBetween, CountsTheEndButNotTheStart) {
  EXPECT_EQ(Calendar().WorkingDaysBetween(D("2024-06-10"), D("2024-06-11")), 1);  // Monday to Tuesday
  EXPECT_EQ(Calendar().WorkingDaysBetween(D("2024-06-07"), D("2024-06-10")), 1);  // Friday to Monday
  EXPECT_EQ(Calendar().WorkingDaysBetween(D("2024-06-07"), D("2024-06-08")), 0);  // Friday to Saturday
  EXPECT_EQ(Calendar().WorkingDaysBetween(D("2024-06-08"), D("2024-06-09")), 0);
}

TEST(WorkingDaysBetween, SkipsChristmas) {
  // 25 Dec (Fri) and 28 Dec (Mon) 2020 are holidays: of 25-31 December only 29, 30 and 31 are worked.
  EXPECT_EQ(Calendar().WorkingDaysBetween(D("2020-12-24"), D("2020-12-31")), 3);
  // 2021: 27 and 28 December are holidays; 24 and 29-31 are worked.
  EXPECT_EQ(Calendar().WorkingDaysBetween(D("2021-12-23"), D("2022-01-04")), 5);
}

TEST(WorkingDaysBetween, CountsWholeYears) {
  // 2024: 262 weekdays less 8 bank holidays; 2023: 260 weekdays less 9 (the coronation).
  EXPECT_EQ(Calendar().WorkingDaysBetween(D("2023-12-31"), D("2024-12-31")), 254);
  EXPECT_EQ(Calendar().WorkingDaysBetween(D("2022-12-31"), D("2023-12-31")), 251);
}

TEST(WorkingCalendar, AddAndBetweenAgreeWithADayByDayCount) {
  // The calendar answers from a running-count table; this checks it against counting IsWorkingDay one day at a time.
  for (Date start = D("2019-12-20"); start <= D("2023-01-10"); start = start.AddDays(3)) {
    for (int n : {0, 1, 2, 5, 10, 15, 23}) {
      const Date due = Calendar().AddWorkingDays(start, n);
      int counted = 0;
      for (Date d = start.AddDays(1); d <= due; d = d.AddDays(1))
        if (Calendar().IsWorkingDay(d)) ++counted;
      EXPECT_EQ(counted, n) << start.ToString() << " + " << n;
      if (n > 0) {
        EXPECT_TRUE(Calendar().IsWorkingDay(due)) << start.ToString() << " + " << n;
      }
      EXPECT_EQ(Calendar().WorkingDaysBetween(start, due), n) << start.ToString() << " + " << n;
    }
  }
}

TEST(WorkingCalendar, AnswersBeyondThe1900To2100Table) {
  // 30 December 2100 is a Thursday; 1 January 2101 a Saturday, so its holiday is Monday 3 January.
  EXPECT_EQ(Calendar().AddWorkingDays(D("2100-12-30"), 2).ToString(), "2101-01-04");
  EXPECT_EQ(Calendar().WorkingDaysBetween(D("2100-12-30"), D("2100-12-30").AddDays(5)), 2);
  EXPECT_TRUE(Calendar().IsBankHoliday(D("2100-12-30").AddDays(4)));
  // Christmas 1899 was a Monday: from Friday 22 December the next working day is Wednesday 27.
  const Date friday_1899 = D("1900-01-01").AddDays(-10);
  EXPECT_EQ(friday_1899.Day(), 22u);
  EXPECT_EQ(Calendar().AddWorkingDays(friday_1899, 1), friday_1899.AddDays(5));
}

TEST(ExtraHolidays, AreNotWorkingDays) {
  const WorkingCalendar calendar({D("2024-07-05")});
  EXPECT_TRUE(calendar.IsBankHoliday(D("2024-07-05")));
  EXPECT_FALSE(calendar.IsWorkingDay(D("2024-07-05")));
  EXPECT_EQ(calendar.AddWorkingDays(D("2024-07-04"), 1).ToString(), "2024-07-08");
  EXPECT_EQ(Calendar().AddWorkingDays(D("2024-07-04"), 1).ToString(), "2024-07-05");
  EXPECT_EQ(calendar.WorkingDaysBetween(D("2024-07-01"), D("2024-07-08")), 4);
  EXPECT_EQ(Calendar().WorkingDaysBetween(D("2024-07-01"), D("2024-07-08")), 5);
  EXPECT_EQ(Strings(calendar.HolidaysIn(2024)),
            Published(2024, {"01-01", "03-29", "04-01", "05-06", "05-27", "07-05", "08-26", "12-25", "12-26"}));
}

TEST(ExtraHolidays, OnAWeekendOrAnExistingHolidayChangeNothing) {
  const WorkingCalendar calendar({D("2024-07-06"), D("2021-12-27"), D("2021-12-27")});
  EXPECT_EQ(calendar.WorkingDaysBetween(D("2024-07-01"), D("2024-07-31")),
            Calendar().WorkingDaysBetween(D("2024-07-01"), D("2024-07-31")));
  EXPECT_EQ(Strings(calendar.HolidaysIn(2021)), Strings(Calendar().HolidaysIn(2021)));
  EXPECT_TRUE(calendar.IsWorkingDay(D("2021-12-29")));
}

}  // namespace
}  // namespace hearth
