#include "domain/resilience_outcome.hpp"

#include <gtest/gtest.h>

namespace hearth {
namespace {

const std::vector<std::string> kDomains{"environment", "adversity"};

InstrumentResult Result(RecordId id, InstrumentStage stage, const char* on, int environment, int adversity,
                        ResultStatus status = ResultStatus::kFinal, std::optional<RecordId> person = std::nullopt) {
  InstrumentResult r;
  r.id = id;
  r.instrument = person ? "young_person_resilience" : "resilience";
  r.person_id = person;
  r.stage = stage;
  r.assessed_on = *Date::Parse(on);
  r.status = status;
  r.domain_totals = {{"environment", environment}, {"adversity", adversity}};
  return r;
}

TEST(ResilienceOutcomes, ComparesTheLatestFinalInitialWithTheLatestFinalEvaluation) {
  const std::vector<InstrumentResult> results{
      Result(1, InstrumentStage::kInitial, "2025-03-01", 20, 25),
      Result(2, InstrumentStage::kInitial, "2025-03-05", 18, 24),                                // later: counts
      Result(3, InstrumentStage::kInitial, "2025-03-09", 5, 5, ResultStatus::kDraft),            // a draft: never
      Result(4, InstrumentStage::kEvaluation, "2025-06-01", 12, 30, ResultStatus::kSuperseded),  // never
      Result(5, InstrumentStage::kEvaluation, "2025-06-01", 10, 20),
  };
  const auto outcomes = ResilienceOutcomes(results, "resilience", kDomains);
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].initial->id, 2);
  EXPECT_EQ(outcomes[0].evaluation->id, 5);
  ASSERT_EQ(outcomes[0].rows.size(), 3u);
  EXPECT_EQ(outcomes[0].rows[0].domain, "environment");
  EXPECT_EQ(outcomes[0].rows[0].Change(), -8);
  EXPECT_EQ(outcomes[0].rows[1].Change(), -4);
  EXPECT_EQ(outcomes[0].rows[2].domain, "");  // the combined total
  EXPECT_EQ(outcomes[0].rows[2].initial, 42);
  EXPECT_EQ(outcomes[0].rows[2].evaluation, 30);
  EXPECT_EQ(outcomes[0].rows[2].Change(), -12);
}

TEST(ResilienceOutcomes, OnTheSameDayTheLaterRecordCounts) {
  const std::vector<InstrumentResult> results{Result(7, InstrumentStage::kInitial, "2025-03-01", 20, 20),
                                              Result(6, InstrumentStage::kInitial, "2025-03-01", 10, 10)};
  EXPECT_EQ(ResilienceOutcomes(results, "resilience", kDomains)[0].initial->id, 7);
}

TEST(ResilienceOutcomes, WithoutAnEvaluationThereIsNoChange) {
  const std::vector<InstrumentResult> results{Result(1, InstrumentStage::kInitial, "2025-03-01", 20, 25)};
  const auto outcomes = ResilienceOutcomes(results, "resilience", kDomains);
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].evaluation, nullptr);
  EXPECT_EQ(outcomes[0].rows[0].initial, 20);
  EXPECT_FALSE(outcomes[0].rows[0].evaluation.has_value());
  EXPECT_FALSE(outcomes[0].rows[2].Change().has_value());
}

TEST(ResilienceOutcomes, EachYoungPersonHasTheirOwnSeries) {
  const std::vector<InstrumentResult> results{
      Result(1, InstrumentStage::kInitial, "2025-03-01", 20, 25, ResultStatus::kFinal, 11),
      Result(2, InstrumentStage::kInitial, "2025-03-01", 10, 12, ResultStatus::kFinal, 12),
      Result(3, InstrumentStage::kEvaluation, "2025-06-01", 8, 9, ResultStatus::kFinal, 12),
      Result(4, InstrumentStage::kInitial, "2025-03-01", 30, 30),  // the family's form is another series
  };
  const auto outcomes = ResilienceOutcomes(results, "young_person_resilience", kDomains);
  ASSERT_EQ(outcomes.size(), 2u);
  EXPECT_EQ(outcomes[0].person_id, 11);
  EXPECT_EQ(outcomes[1].person_id, 12);
  EXPECT_EQ(outcomes[1].rows[2].Change(), -5);
}

TEST(ResilienceOutcomes, NoFinalResultNoOutcome) {
  const std::vector<InstrumentResult> results{
      Result(1, InstrumentStage::kInitial, "2025-03-01", 20, 25, ResultStatus::kDraft)};
  EXPECT_TRUE(ResilienceOutcomes(results, "resilience", kDomains).empty());
}

}  // namespace
}  // namespace hearth
