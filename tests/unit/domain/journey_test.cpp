#include "domain/journey.hpp"

#include <gtest/gtest.h>

namespace hearth {
namespace {

Date D(const char* text) { return *Date::Parse(text); }

Episode Opened() {
  Episode e;
  e.id = 1;
  e.family_id = 2;
  e.referral_id = 3;
  e.opened_on = D("2026-01-05");
  return e;
}

bool HasField(const Error& error, const std::string& field, const std::string& key) {
  for (const auto& f : error.fields)
    if (f.field == field && f.message_key == key) return true;
  return false;
}

TEST(Journey, WalksEveryStageInOrder) {
  auto e = AllocateForAssessment(Opened(), 10, D("2026-01-06"));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->stage, EpisodeStage::kAssessment);
  EXPECT_EQ(e->ea_officer_id, 10);
  e = CompleteAssessment(*e, D("2026-01-15"));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->stage, EpisodeStage::kBrokerage);
  e = AllocateForBrokerage(*e, 11, D("2026-01-16"));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->stage, EpisodeStage::kBrokerage);
  EXPECT_EQ(e->br_officer_id, 11);
  e = CompletePlan(*e, D("2026-01-23"));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->stage, EpisodeStage::kPanel);
  e = PanelAllocate(*e, D("2026-01-27"), 5, 12, D("2026-01-28"));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->stage, EpisodeStage::kIntervention);
  EXPECT_EQ(e->intervention_started_on, D("2026-01-28"));
  e = StartReview(*e, D("2026-03-10"));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->stage, EpisodeStage::kReview);
  e = CloseEpisode(*e, D("2026-04-01"), ClosureReason::kOutcomesMet, "Goals met", "Library group");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->stage, EpisodeStage::kClosed);
  EXPECT_FALSE(e->IsOpen());
  EXPECT_TRUE(StageDateErrors(*e).empty());
}

TEST(Journey, RefusesStepsOutOfOrder) {
  const Episode opened = Opened();
  auto skipped = CompleteAssessment(opened, D("2026-01-06"));
  ASSERT_FALSE(skipped);
  EXPECT_EQ(skipped.error().code, ErrorCode::kConflict);
  EXPECT_EQ(skipped.error().message_key, "error.stage_order");
  EXPECT_TRUE(HasField(skipped.error(), "stage", "error.stage_is.awaiting_allocation"));
  EXPECT_FALSE(PanelAllocate(opened, D("2026-01-06"), 1, 2, D("2026-01-06")));
  EXPECT_FALSE(StartReview(opened, D("2026-01-06")));
  // The plan cannot be completed before a B&R officer has started brokerage.
  auto assessed = CompleteAssessment(*AllocateForAssessment(opened, 10, D("2026-01-06")), D("2026-01-07"));
  ASSERT_TRUE(assessed);
  EXPECT_FALSE(CompletePlan(*assessed, D("2026-01-08")));
  // Brokerage starts once only.
  auto brokered = AllocateForBrokerage(*assessed, 11, D("2026-01-08"));
  ASSERT_TRUE(brokered);
  EXPECT_FALSE(AllocateForBrokerage(*brokered, 12, D("2026-01-09")));
}

TEST(Journey, RefusesDatesBeforeTheStageBefore) {
  auto early = AllocateForAssessment(Opened(), 10, D("2026-01-04"));
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, ErrorCode::kValidation);
  EXPECT_TRUE(HasField(early.error(), "allocated_assessment_on", "error.stage_date_before_earlier"));

  auto allocated = AllocateForAssessment(Opened(), 10, D("2026-01-10"));
  ASSERT_TRUE(allocated);
  auto completed = CompleteAssessment(*allocated, D("2026-01-09"));
  ASSERT_FALSE(completed);
  EXPECT_TRUE(HasField(completed.error(), "assessment_completed_on", "error.stage_date_before_earlier"));

  auto closed = CloseEpisode(*allocated, D("2026-01-09"), ClosureReason::kDisengaged, "No contact", "");
  ASSERT_FALSE(closed);
  EXPECT_TRUE(HasField(closed.error(), "closed_on", "error.stage_date_before_earlier"));
}

TEST(Journey, ClosesFromAnyOpenStageButNotTwice) {
  auto closed = CloseEpisode(Opened(), D("2026-01-05"), ClosureReason::kSteppedUp, "Child protection", "");
  ASSERT_TRUE(closed);
  EXPECT_EQ(closed->closure_reason, ClosureReason::kSteppedUp);
  auto again = CloseEpisode(*closed, D("2026-01-06"), ClosureReason::kOther, "x", "");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST(Journey, PanelSendBackReturnsThePlanToBrokerage) {
  auto e = AllocateForAssessment(Opened(), 10, D("2026-01-06"));
  e = CompleteAssessment(*e, D("2026-01-07"));
  e = AllocateForBrokerage(*e, 11, D("2026-01-08"));
  e = CompletePlan(*e, D("2026-01-09"));
  ASSERT_TRUE(e);
  auto back = PanelSendBack(*e, D("2026-01-13"));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->stage, EpisodeStage::kBrokerage);
  EXPECT_FALSE(back->plan_completed_on);
  auto again = CompletePlan(*back, D("2026-01-14"));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->stage, EpisodeStage::kPanel);
  EXPECT_FALSE(PanelSendBack(*again, D("2026-01-13")));  // a panel before the plan was completed
}

TEST(StageDateErrors, FollowsInterchangeRules) {
  Episode e = Opened();
  e.intervention_started_on = D("2026-02-01");
  e.team_id = 1;
  auto errors = StageDateErrors(e);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "intervention_started_on");
  EXPECT_EQ(errors[0].message_key, "error.stage_date_needs_earlier");

  Episode reason_only = Opened();
  reason_only.closure_reason = ClosureReason::kOther;
  errors = StageDateErrors(reason_only);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "closure_reason");

  Episode no_officer = Opened();
  no_officer.allocated_assessment_on = D("2026-01-06");
  errors = StageDateErrors(no_officer);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "ea_officer_id");

  // Same-day steps are allowed: each date is on or after the one before.
  Episode same_day = Opened();
  same_day.allocated_assessment_on = same_day.opened_on;
  same_day.ea_officer_id = 3;
  same_day.assessment_completed_on = same_day.opened_on;
  EXPECT_TRUE(StageDateErrors(same_day).empty());
}

}  // namespace
}  // namespace hearth
