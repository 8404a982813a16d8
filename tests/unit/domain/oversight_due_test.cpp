// When management oversight (every 28 days) and quality assurance audits (42 days after the plan) fall due.
#include <gtest/gtest.h>

#include "domain/oversight_due.hpp"

namespace hearth {
namespace {

Date D(const char* text) { return *Date::Parse(text); }

TEST(OversightDue, DueTwentyEightDaysAfterOpeningWhenNoOversightYet) {
  EXPECT_EQ(OversightDueOn(D("2025-03-01"), std::nullopt), D("2025-03-29"));
  EXPECT_FALSE(OversightOverdue(D("2025-03-01"), std::nullopt, D("2025-03-29")));  // day 28: still in time
  EXPECT_TRUE(OversightOverdue(D("2025-03-01"), std::nullopt, D("2025-03-30")));   // day 29: overdue
}

TEST(OversightDue, CountsFromTheLaterOfOpeningAndTheLastOversight) {
  EXPECT_EQ(OversightDueOn(D("2025-03-01"), D("2025-04-10")), D("2025-05-08"));
  EXPECT_FALSE(OversightOverdue(D("2025-03-01"), D("2025-04-10"), D("2025-05-08")));
  EXPECT_TRUE(OversightOverdue(D("2025-03-01"), D("2025-04-10"), D("2025-05-09")));
  // Oversight recorded on an earlier episode's date cannot push the due date before the opening.
  EXPECT_EQ(OversightDueOn(D("2025-03-01"), D("2025-02-01")), D("2025-03-29"));
}

TEST(AuditDue, DueFortyTwoDaysAfterThePlanAndOverdueTheDayAfter) {
  EXPECT_EQ(AuditDueOn(D("2025-03-01")), D("2025-04-12"));
  EXPECT_FALSE(AuditOverdue(D("2025-03-01"), D("2025-04-12")));
  EXPECT_TRUE(AuditOverdue(D("2025-03-01"), D("2025-04-13")));
}

TEST(AuditDue, ListedFromTwoWeeksBeforeItIsDue) {
  EXPECT_FALSE(AuditListed(D("2025-03-01"), D("2025-03-28")));
  EXPECT_TRUE(AuditListed(D("2025-03-01"), D("2025-03-29")));
  EXPECT_TRUE(AuditListed(D("2025-03-01"), D("2026-01-01")));
}

}  // namespace
}  // namespace hearth
