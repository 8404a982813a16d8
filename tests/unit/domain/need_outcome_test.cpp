// Reading the outcome of each need at closure.
#include <gtest/gtest.h>

#include "domain/need_outcome.hpp"

namespace hearth {
namespace {

std::vector<NeedRecord> TwoNeeds() {
  return {{OutcomeArea::kHousing, "Rent arrears", std::nullopt}, {OutcomeArea::kHealth, "Asthma", std::nullopt}};
}

TEST(NeedOutcomes, ReadsOneOutcomePerNeed) {
  Input in;
  in.Add("need_outcome.housing", "improved");
  in.Add("need_outcome.health", "not_improved");
  in.Add("need_outcome.crime", "improved");  // no need in this area: ignored
  std::vector<FieldError> errors;
  const auto outcomes = NeedOutcomesFromInput(in, TwoNeeds(), errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(outcomes, (std::map<OutcomeArea, NeedOutcome>{{OutcomeArea::kHealth, NeedOutcome::kNotImproved},
                                                          {OutcomeArea::kHousing, NeedOutcome::kImproved}}));
}

TEST(NeedOutcomes, EveryNeedMustBeAnsweredWithAKnownOutcome) {
  Input in;
  in.Add("need_outcome.housing", "better");
  std::vector<FieldError> errors;
  const auto outcomes = NeedOutcomesFromInput(in, TwoNeeds(), errors);
  EXPECT_TRUE(outcomes.empty());
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "need_outcome.housing");
  EXPECT_EQ(errors[0].message_key, "error.choice_invalid");
  EXPECT_EQ(errors[1].field, "need_outcome.health");
  EXPECT_EQ(errors[1].message_key, "error.need_outcome_required");
}

TEST(NeedOutcomes, NoNeedsNeedNoAnswers) {
  std::vector<FieldError> errors;
  EXPECT_TRUE(NeedOutcomesFromInput(Input{}, {}, errors).empty());
  EXPECT_TRUE(errors.empty());
}

}  // namespace
}  // namespace hearth
