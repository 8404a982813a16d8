#include "domain/timescale.hpp"

#include <gtest/gtest.h>

namespace hearth {
namespace {

Date D(const char* text) { return Date::Parse(text).value(); }

TEST(DueDate, CountsWorkingDaysOverHolidays) {
  const WorkingCalendar calendar;
  const Timescale assessment{"assessment", "received_on", 10, Timescale::Unit::kWorkingDays};
  // From Wednesday 27 March 2024, over Easter (29 March and 1 April): Friday 12 April.
  EXPECT_EQ(DueDate(assessment, D("2024-03-27"), calendar).ToString(), "2024-04-12");
}

TEST(DueDate, CountsCalendarDaysWithoutRegardToHolidays) {
  const WorkingCalendar calendar;
  const Timescale review{"review", "intervention_started_on", 42, Timescale::Unit::kCalendarDays};
  EXPECT_EQ(DueDate(review, D("2024-01-10"), calendar).ToString(), "2024-02-21");
  EXPECT_EQ(DueDate(review, D("2020-11-20"), calendar).ToString(), "2021-01-01");  // lands on a bank holiday
}

TEST(DueDate, UsesTheConfiguredExtraHolidays) {
  const WorkingCalendar calendar({D("2024-07-05")});
  const Timescale target{"plan", "received_on", 1, Timescale::Unit::kWorkingDays};
  EXPECT_EQ(DueDate(target, D("2024-07-04"), calendar).ToString(), "2024-07-08");
}

TEST(StageDateNames, AreTheInterchangeDatesAndTheTafMeeting) {
  for (const char* name :
       {"received_on", "opened_on", "allocated_assessment_on", "assessment_completed_on", "brokerage_started_on",
        "plan_completed_on", "panel_on", "intervention_started_on", "review_started_on", "closed_on", "taf_meeting_on"})
    EXPECT_TRUE(IsStageDateName(name)) << name;
  EXPECT_EQ(StageDateNames().size(), 11u);
  EXPECT_FALSE(IsStageDateName("received"));
  EXPECT_FALSE(IsStageDateName(""));
}

}  // namespace
}  // namespace hearth
