// The Supporting Families claim conditions (docs/supporting_families.md): three needs, assessment, plan, lead
// practitioner, every need improved, sustained 183 days with no return to early help and no statutory involvement.
#include <gtest/gtest.h>

#include "domain/supporting_families.hpp"

namespace hearth {
namespace {

Date D(const char* text) { return *Date::Parse(text); }

// An episode closed on 2025-01-10 that meets every condition but the passing of time.
ClaimFacts Qualifying() {
  ClaimFacts f;
  f.episode_id = 7;
  f.family_id = 3;
  f.closed_on = D("2025-01-10");
  f.need_areas = 3;
  f.needs_improved = 3;
  f.whole_family_assessment = true;
  f.plan = true;
  f.lead_practitioner = true;
  return f;
}

TEST(SupportingFamilies, SixMonthsAre183DaysAfterClosure) {
  EXPECT_EQ(SustainedOn(D("2025-01-10")), D("2025-07-12"));
}

TEST(SupportingFamilies, MeetsOnTheDaySixMonthsHavePassedAndWillMeetTheDayBefore) {
  const ClaimFacts f = Qualifying();
  const auto before = DecideClaim(f, D("2025-07-11"));
  EXPECT_EQ(before.status, ClaimStatus::kWillMeet);
  EXPECT_EQ(before.sustained_on, D("2025-07-12"));
  const auto on = DecideClaim(f, D("2025-07-12"));
  EXPECT_EQ(on.status, ClaimStatus::kMeets);
  EXPECT_EQ(on.sustained_on, D("2025-07-12"));
  EXPECT_EQ(DecideClaim(f, D("2026-03-01")).status, ClaimStatus::kMeets);
}

TEST(SupportingFamilies, NeedsInThreeAreasQualifyButTwoDoNot) {
  ClaimFacts f = Qualifying();
  f.need_areas = 2;
  f.needs_improved = 2;
  const auto two = DecideClaim(f, D("2026-01-01"));
  EXPECT_EQ(two.status, ClaimStatus::kCannot);
  EXPECT_EQ(two.reason, "too_few_needs");
  f.need_areas = 3;
  f.needs_improved = 3;
  EXPECT_EQ(DecideClaim(f, D("2026-01-01")).status, ClaimStatus::kMeets);
}

TEST(SupportingFamilies, EveryNeedMustHaveImproved) {
  ClaimFacts f = Qualifying();
  f.need_areas = 4;
  f.needs_improved = 3;
  f.needs_not_improved = 1;
  EXPECT_EQ(DecideClaim(f, D("2026-01-01")).reason, "need_not_improved");
  f.needs_not_improved = 0;  // one need without an outcome recorded
  EXPECT_EQ(DecideClaim(f, D("2026-01-01")).reason, "outcome_not_recorded");
}

TEST(SupportingFamilies, AssessmentPlanAndLeadPractitionerAreEachRequired) {
  ClaimFacts f = Qualifying();
  f.whole_family_assessment = false;
  EXPECT_EQ(DecideClaim(f, D("2026-01-01")).reason, "no_assessment");
  f = Qualifying();
  f.plan = false;
  EXPECT_EQ(DecideClaim(f, D("2026-01-01")).reason, "no_plan");
  f = Qualifying();
  f.lead_practitioner = false;
  EXPECT_EQ(DecideClaim(f, D("2026-01-01")).reason, "no_lead_practitioner");
}

TEST(SupportingFamilies, AReturnToEarlyHelpWithinSixMonthsBreaksTheClaim) {
  ClaimFacts f = Qualifying();
  f.next_early_help_on = D("2025-07-11");  // 182 days after closure
  const auto broken = DecideClaim(f, D("2026-01-01"));
  EXPECT_EQ(broken.status, ClaimStatus::kCannot);
  EXPECT_EQ(broken.reason, "returned_to_early_help");
  f.next_early_help_on = D("2025-01-10");  // the day of closure
  EXPECT_EQ(DecideClaim(f, D("2026-01-01")).reason, "returned_to_early_help");
  f.next_early_help_on = D("2025-07-12");  // exactly 183 days: the outcome was sustained
  EXPECT_EQ(DecideClaim(f, D("2026-01-01")).status, ClaimStatus::kMeets);
}

TEST(SupportingFamilies, StatutoryInvolvementWithinSixMonthsBreaksTheClaim) {
  ClaimFacts f = Qualifying();
  f.next_statutory_on = D("2025-03-01");
  const auto broken = DecideClaim(f, D("2025-04-01"));  // even before the six months are up
  EXPECT_EQ(broken.status, ClaimStatus::kCannot);
  EXPECT_EQ(broken.reason, "statutory_involvement");
  f.next_statutory_on = D("2025-07-11");
  EXPECT_EQ(DecideClaim(f, D("2026-01-01")).reason, "statutory_involvement");
  f.next_statutory_on = D("2025-07-12");
  EXPECT_EQ(DecideClaim(f, D("2026-01-01")).status, ClaimStatus::kMeets);
}

TEST(SupportingFamilies, TheFirstFailedConditionIsTheReason) {
  ClaimFacts f = Qualifying();
  f.need_areas = 1;
  f.needs_improved = 0;
  f.plan = false;
  f.next_statutory_on = D("2025-02-01");
  EXPECT_EQ(DecideClaim(f, D("2026-01-01")).reason, "too_few_needs");
}

}  // namespace
}  // namespace hearth
