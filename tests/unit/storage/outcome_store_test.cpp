// The outcome store's reads (migration 8): needs and their outcomes, the facts of the oversight and audit work
// lists and of the Supporting Families claim. Only `final` instrument rows count.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "unit/storage/journey_fixture.hpp"

namespace hearth {
namespace {

using testing::D;

class OutcomeStoreTest : public testing::JourneyFixture {
 protected:
  void Exec(const std::string& sql) {
    sqlite3* handle = nullptr;
    ASSERT_EQ(sqlite3_open(temp_.path().c_str(), &handle), SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &error);
    EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(handle);
  }
  RecordId FamilyOf(RecordId episode_id) { return Find(episode_id).family_id; }
  // Assessment and plan completed, `areas` needs recorded, closed on `closed_on`.
  void CompleteAndClose(RecordId episode_id, const char* closed_on, std::vector<OutcomeArea> areas) {
    {
      auto uow = db().BeginWrite();
      FamilyAssessment a;
      a.episode_id = episode_id;
      for (OutcomeArea area : areas) a.needs[area] = "a need";
      ASSERT_TRUE(uow->Casework().SaveAssessment(a));
      uow->Commit();
    }
    const std::string id = std::to_string(episode_id);
    Exec("UPDATE episodes SET assessment_completed_on = '2025-01-20', plan_completed_on = '2025-02-10', stage = "
         "'closed', closed_on = '" + std::string(closed_on) + "', closure_reason = 'outcomes_met' WHERE id = " + id);
  }
  void SetOutcomes(RecordId episode_id, std::map<OutcomeArea, NeedOutcome> outcomes) {
    auto uow = db().BeginWrite();
    uow->Outcomes().SetNeedOutcomes(episode_id, outcomes);
    uow->Commit();
  }
  std::vector<ClaimFacts> Claims(const char* from, const char* to) {
    auto uow = db().BeginRead();
    return uow->Outcomes().ListClaimFacts(D(from), D(to));
  }
};

TEST_F(OutcomeStoreTest, NeedOutcomesAreKeptWhenTheAssessmentIsEditedAgain) {
  const RecordId id = AddEpisode("2025-01-02");
  CompleteAndClose(id, "2025-05-01", {OutcomeArea::kHousing, OutcomeArea::kHealth});
  SetOutcomes(id, {{OutcomeArea::kHousing, NeedOutcome::kImproved}});
  {
    auto uow = db().BeginWrite();
    auto a = *uow->Casework().FindAssessment(id);
    a.needs[OutcomeArea::kHousing] = "reworded";
    a.needs.erase(OutcomeArea::kHealth);
    ASSERT_TRUE(uow->Casework().SaveAssessment(a));
    uow->Commit();
  }
  auto uow = db().BeginRead();
  const auto needs = uow->Outcomes().ListNeeds(id);
  ASSERT_EQ(needs.size(), 1u);
  EXPECT_EQ(needs[0].area, OutcomeArea::kHousing);
  EXPECT_EQ(needs[0].need, "reworded");
  EXPECT_EQ(needs[0].outcome, NeedOutcome::kImproved);
}

TEST_F(OutcomeStoreTest, ClaimFactsCountNeedsOutcomesAndTheLeadPractitioner) {
  const RecordId id = AddEpisode("2025-01-02");
  const RecordId worker = AddUser("wil", Role::kInterventionWorker);
  Assign(id, worker, Role::kInterventionWorker, "2025-02-20", D("2025-05-01"));
  CompleteAndClose(id, "2025-05-01", {OutcomeArea::kHousing, OutcomeArea::kHealth, OutcomeArea::kCrime});
  SetOutcomes(id, {{OutcomeArea::kHousing, NeedOutcome::kImproved},
                   {OutcomeArea::kHealth, NeedOutcome::kImproved},
                   {OutcomeArea::kCrime, NeedOutcome::kNotImproved}});
  const auto facts = Claims("2025-05-01", "2025-05-01");
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].episode_id, id);
  EXPECT_EQ(facts[0].closed_on, D("2025-05-01"));
  EXPECT_EQ(facts[0].need_areas, 3);
  EXPECT_EQ(facts[0].needs_improved, 2);
  EXPECT_EQ(facts[0].needs_not_improved, 1);
  EXPECT_TRUE(facts[0].whole_family_assessment);
  EXPECT_TRUE(facts[0].plan);
  EXPECT_TRUE(facts[0].lead_practitioner);
  EXPECT_FALSE(facts[0].next_early_help_on);
  EXPECT_FALSE(facts[0].next_statutory_on);
  EXPECT_TRUE(Claims("2025-05-02", "2025-12-31").empty());  // the period filters on the closure date
}

TEST_F(OutcomeStoreTest, ClaimFactsFindTheFamilysNextEpisodeAndStatutoryInvolvementAfterClosure) {
  const RecordId id = AddEpisode("2025-01-02");
  CompleteAndClose(id, "2025-05-01", {OutcomeArea::kHousing});
  const std::string family = std::to_string(FamilyOf(id));
  Exec("INSERT INTO statutory_involvements (family_id, kind, started_on, created_at) VALUES (" + family +
       ", 'child_in_need', '2024-06-01', 't'), (" + family + ", 'child_protection', '2025-08-01', 't');"
       "INSERT INTO referrals (family_id, received_on, source, decision, created_at) VALUES (" + family +
       ", '2025-09-01', 'school', 'early_help', 't'), (" + family + ", '2025-06-01', 'school', 'advice', 't');");
  const auto facts = Claims("2025-01-01", "2025-12-31");
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].next_statutory_on, D("2025-08-01"));  // not the one that started before closure
  EXPECT_EQ(facts[0].next_early_help_on, D("2025-09-01"));  // an advice referral is no return to early help
  EXPECT_FALSE(facts[0].lead_practitioner);
}

TEST_F(OutcomeStoreTest, OversightFactsUseTheLatestFinalRecordOnly) {
  const RecordId manager = AddUser("mary", Role::kManager), worker = AddUser("wil", Role::kInterventionWorker);
  const RecordId id = AddEpisode("2025-01-02");
  Assign(id, worker, Role::kInterventionWorker);
  const std::string e = std::to_string(id), m = std::to_string(manager);
  Exec("INSERT INTO oversight_records (episode_id, recorded_on, manager_id, considered_plan_effectiveness, status, "
       "created_at, updated_at) VALUES (" + e + ", '2025-02-01', " + m + ", 1, 'final', 't', 't'), (" + e +
       ", '2025-03-01', " + m + ", 1, 'draft', 't', 't'), (" + e + ", '2025-03-05', " + m +
       ", 1, 'superseded', 't', 't')");
  auto uow = db().BeginRead();
  const auto facts = uow->Outcomes().ListOversightFacts({worker});
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].opened_on, D("2025-01-02"));
  EXPECT_EQ(facts[0].last_oversight_on, D("2025-02-01"));
  EXPECT_EQ(facts[0].worker_ids, std::vector<RecordId>{worker});
  EXPECT_TRUE(uow->Outcomes().ListOversightFacts({manager}).empty());
}

TEST_F(OutcomeStoreTest, AuditsDueAreOpenEpisodesWithAPlanAndNoFinalAudit) {
  const RecordId auditor = AddUser("ada", Role::kAuditor);
  const RecordId audited = AddEpisode("2025-01-02"), draft_only = AddEpisode("2025-01-03"),
                 no_plan = AddEpisode("2025-01-04"), later_plan = AddEpisode("2025-01-05");
  for (RecordId id : {audited, draft_only})
    Exec("UPDATE episodes SET plan_completed_on = '2025-02-01' WHERE id = " + std::to_string(id));
  Exec("UPDATE episodes SET plan_completed_on = '2025-03-01' WHERE id = " + std::to_string(later_plan));
  const std::string a = std::to_string(auditor);
  Exec("INSERT INTO quality_audits (episode_id, audited_on, auditor_id, grade, shared_with_worker, status, "
       "created_at, updated_at) VALUES (" + std::to_string(audited) + ", '2025-03-10', " + a +
       ", 'good', 1, 'final', 't', 't'), (" + std::to_string(draft_only) + ", '2025-03-10', " + a +
       ", 'good', 1, 'draft', 't', 't')");
  auto uow = db().BeginRead();
  const auto due = uow->Outcomes().ListAuditsDue(D("2025-02-01"));
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].episode_id, draft_only);
  EXPECT_EQ(due[0].plan_agreed_on, D("2025-02-01"));
  EXPECT_EQ(uow->Outcomes().ListAuditsDue(D("2025-03-01")).size(), 2u);
  (void)no_plan;
}

TEST_F(OutcomeStoreTest, TheFamilyPageReadsFinalAcesAndOutcomeEvents) {
  const RecordId manager = AddUser("mary", Role::kManager);
  const RecordId id = AddEpisode("2025-01-02");
  const std::string e = std::to_string(id), family = std::to_string(FamilyOf(id));
  Exec("INSERT INTO aces (episode_id, person_id, ace, identified_on, improved, status, created_at, updated_at) "
       "SELECT " + e + ", id, 'parental_separation', '2025-01-10', 1, 'final', 't', 't' FROM people WHERE family_id = " +
       family + "; INSERT INTO aces (episode_id, person_id, ace, identified_on, status, created_at, updated_at) "
       "SELECT " + e + ", id, 'domestic_violence', '2025-01-11', 'draft', 't', 't' FROM people WHERE family_id = " +
       family + "; INSERT INTO feedback (episode_id, given_on, form, status, created_at, updated_at) VALUES (" + e +
       ", '2025-04-01', 'relationship', 'final', 't', 't');"
       "INSERT INTO oversight_records (episode_id, recorded_on, manager_id, considered_plan_effectiveness, status, "
       "created_at, updated_at) VALUES (" + e + ", '2025-02-01', " + std::to_string(manager) + ", 1, 'final', 't', 't')");
  auto uow = db().BeginRead();
  const auto aces = uow->Outcomes().ListAces(FamilyOf(id));
  ASSERT_EQ(aces.size(), 1u);
  EXPECT_EQ(aces[0].ace, AceType::kParentalSeparation);
  EXPECT_EQ(aces[0].improved, true);
  const auto events = uow->Outcomes().ListOutcomeEvents(FamilyOf(id));
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, "feedback");
  EXPECT_EQ(events[0].detail, "relationship");
  EXPECT_EQ(events[1].kind, "oversight");
  EXPECT_EQ(events[1].on, D("2025-02-01"));
}

}  // namespace
}  // namespace hearth
