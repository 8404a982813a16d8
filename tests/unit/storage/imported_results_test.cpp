// Oversight records, audits and feedback that came in through the interchange (or the demo) have no answers
// object: the result pages and the API read their answers from the columns the interchange fills, so they do not
// show as unanswered.
#include <gtest/gtest.h>

#include "unit/storage/journey_fixture.hpp"

namespace hearth {
namespace {

using testing::D;

class ImportedResultsTest : public testing::JourneyFixture {
 protected:
  void SetUp() override {
    const RecordId team = AddTeam("Valleys");
    manager_ = AddUser("manager", Role::kManager, team);
    worker_ = AddUser("worker", Role::kInterventionWorker, team);
    episode_ = AddEpisode("2025-01-02");
  }
  InstrumentResult FindResult(std::string_view instrument, RecordId id) {
    auto uow = db().BeginRead();
    auto found = uow->InstrumentResults().Find(instrument, id);
    EXPECT_TRUE(found.has_value());
    return found.value_or(InstrumentResult{});
  }
  RecordId manager_ = 0;
  RecordId worker_ = 0;
  RecordId episode_ = 0;
};

TEST_F(ImportedResultsTest, OversightWithoutAnswersReadsItsColumns) {
  OversightEntry entry;
  entry.episode_id = episode_;
  entry.on = D("2025-03-01");
  entry.manager_id = manager_;
  entry.worker_id = worker_;
  entry.considered_plan_effectiveness = false;
  entry.decisions = "Step down to universal services";
  entry.actions = "";
  {
    auto uow = db().BeginWrite();
    uow->Outcomes().InsertFinalOversight(entry);
    uow->Commit();
  }
  const InstrumentResult r = FindResult("management_oversight", 1);
  EXPECT_EQ(r.answers.at("oversight_on"), "2025-03-01");
  EXPECT_EQ(r.answers.at("worker"), std::to_string(worker_));
  EXPECT_EQ(r.answers.at("considered_plan_effectiveness"), "no");
  EXPECT_EQ(r.answers.at("decisions"), "Step down to universal services");
  EXPECT_FALSE(r.answers.contains("actions"));  // empty in the record: unanswered, not ""
}

TEST_F(ImportedResultsTest, AuditWithoutDetailsReadsItsGradeAndFeedback) {
  AuditEntry entry;
  entry.episode_id = episode_;
  entry.on = D("2025-04-01");
  entry.auditor_id = manager_;
  entry.grade = AuditGrade::kRequiresImprovement;
  entry.feedback = "Record the child's own words";
  {
    auto uow = db().BeginWrite();
    uow->Outcomes().InsertFinalAudit(entry);
    uow->Commit();
  }
  const InstrumentResult r = FindResult("quality_audit", 1);
  EXPECT_EQ(r.answers.at("audited_on"), "2025-04-01");
  EXPECT_EQ(r.answers.at("overall_grade"), "requires_improvement");
  EXPECT_EQ(r.answers.at("feedback_to_worker"), "Record the child's own words");
}

TEST_F(ImportedResultsTest, FeedbackAnswersWithoutSatisfactionTakeItFromItsColumn) {
  {
    auto uow = db().BeginWrite();
    uow->Outcomes().InsertFinalFeedback(episode_, D("2025-05-01"), FeedbackForm::kServiceUser, Satisfaction::kHappy,
                                        R"({"comments":"Kind and on time"})", worker_);
    uow->Commit();
  }
  const InstrumentResult r = FindResult("service_user_feedback", 1);
  EXPECT_EQ(r.answers.at("satisfaction"), "happy");
  EXPECT_EQ(r.answers.at("comments"), "Kind and on time");
}

}  // namespace
}  // namespace hearth
