// Episodes in SQLite as they move through their stages: every stage field, stale edits, the stage lists,
// assignments, worker changes and the work list.
#include <gtest/gtest.h>

#include "unit/storage/journey_fixture.hpp"

namespace hearth {
namespace {

using testing::D;

class EpisodeStoreTest : public testing::JourneyFixture {};

// An episode with every stage field set to a distinct value.
Episode FullyWorked(Episode e, RecordId ea, RecordId br, RecordId team, RecordId worker) {
  e.stage = EpisodeStage::kClosed;
  e.allocated_assessment_on = D("2025-03-12");
  e.ea_officer_id = ea;
  e.assessment_completed_on = D("2025-03-20");
  e.brokerage_started_on = D("2025-03-21");
  e.br_officer_id = br;
  e.plan_completed_on = D("2025-04-01");
  e.panel_on = D("2025-04-03");
  e.intervention_started_on = D("2025-04-07");
  e.team_id = team;
  e.worker_id = worker;
  e.review_started_on = D("2025-05-19");
  e.closed_on = D("2025-07-01");
  e.closure_reason = ClosureReason::kOutcomesMet;
  e.closure_summary = "Attendance back to 95%";
  e.exit_plan = "Youth club on Tuesdays";
  return e;
}

void ExpectSameStageFields(const Episode& a, const Episode& b) {
  EXPECT_EQ(a.stage, b.stage);
  EXPECT_EQ(a.allocated_assessment_on, b.allocated_assessment_on);
  EXPECT_EQ(a.ea_officer_id, b.ea_officer_id);
  EXPECT_EQ(a.assessment_completed_on, b.assessment_completed_on);
  EXPECT_EQ(a.brokerage_started_on, b.brokerage_started_on);
  EXPECT_EQ(a.br_officer_id, b.br_officer_id);
  EXPECT_EQ(a.plan_completed_on, b.plan_completed_on);
  EXPECT_EQ(a.panel_on, b.panel_on);
  EXPECT_EQ(a.intervention_started_on, b.intervention_started_on);
  EXPECT_EQ(a.team_id, b.team_id);
  EXPECT_EQ(a.worker_id, b.worker_id);
  EXPECT_EQ(a.review_started_on, b.review_started_on);
  EXPECT_EQ(a.closed_on, b.closed_on);
  EXPECT_EQ(a.closure_reason, b.closure_reason);
  EXPECT_EQ(a.closure_summary, b.closure_summary);
  EXPECT_EQ(a.exit_plan, b.exit_plan);
}

TEST_F(EpisodeStoreTest, ANewEpisodeReadsBackAwaitingAllocationWithNoStageDates) {
  const RecordId id = AddEpisode("2025-03-10");
  const Episode e = Find(id);
  EXPECT_EQ(e.id, id);
  EXPECT_EQ(e.opened_on, D("2025-03-10"));
  EXPECT_EQ(e.stage, EpisodeStage::kAwaitingAllocation);
  EXPECT_EQ(e.version, 1);
  EXPECT_FALSE(e.allocated_assessment_on);
  EXPECT_EQ(e.ea_officer_id, 0);
  EXPECT_EQ(e.team_id, 0);
  EXPECT_FALSE(e.closed_on);
  EXPECT_FALSE(e.closure_reason);
  EXPECT_EQ(e.exit_plan, "");
}

TEST_F(EpisodeStoreTest, UpdateRoundTripsEveryStageFieldAndBumpsTheVersion) {
  const RecordId team = AddTeam("Families Team West");
  const RecordId ea = AddUser("ea", Role::kEaOfficer), br = AddUser("br", Role::kBrOfficer);
  const RecordId worker = AddUser("worker", Role::kInterventionWorker, team);
  const RecordId id = AddEpisode("2025-03-10");
  const Episode changed = FullyWorked(Find(id), ea, br, team, worker);
  {
    auto uow = db().BeginWrite();
    ASSERT_TRUE(uow->Episodes().Update(changed));
    uow->Commit();
  }
  const Episode stored = Find(id);
  ExpectSameStageFields(stored, changed);
  EXPECT_EQ(stored.version, 2);
  EXPECT_EQ(stored.opened_on, D("2025-03-10"));

  // The family's episode list reads through the same row reader.
  auto uow = db().BeginRead();
  auto listed = uow->Referrals().ListEpisodes(stored.family_id);
  ASSERT_EQ(listed.size(), 1u);
  ExpectSameStageFields(listed[0], changed);
  EXPECT_EQ(listed[0].version, 2);
}

TEST_F(EpisodeStoreTest, InsertEpisodeWritesTheStageFieldsItIsGiven) {
  const RecordId team = AddTeam("Families Plus");
  const RecordId ea = AddUser("ea", Role::kEaOfficer), br = AddUser("br", Role::kBrOfficer);
  const RecordId worker = AddUser("worker", Role::kInterventionWorker);
  const Episode first = Find(AddEpisode("2025-03-10"));
  Episode imported = FullyWorked(first, ea, br, team, worker);
  RecordId id = 0;
  {
    auto uow = db().BeginWrite();
    id = uow->Referrals().InsertEpisode(imported);
    uow->Commit();
  }
  const Episode stored = Find(id);
  ExpectSameStageFields(stored, imported);
  EXPECT_EQ(stored.version, 1);
}

TEST_F(EpisodeStoreTest, UpdateFromAStaleVersionIsRefusedAndChangesNothing) {
  const RecordId ea = AddUser("ea", Role::kEaOfficer);
  const RecordId id = AddEpisode("2025-03-10");
  Episode mine = Find(id), theirs = Find(id);
  theirs.stage = EpisodeStage::kAssessment;
  theirs.allocated_assessment_on = D("2025-03-12");
  theirs.ea_officer_id = ea;
  {
    auto uow = db().BeginWrite();
    ASSERT_TRUE(uow->Episodes().Update(theirs));
    uow->Commit();
  }
  mine.stage = EpisodeStage::kClosed;
  mine.closed_on = D("2025-03-13");
  mine.closure_reason = ClosureReason::kDisengaged;
  {
    auto uow = db().BeginWrite();
    EXPECT_FALSE(uow->Episodes().Update(mine));
    uow->Commit();
  }
  const Episode stored = Find(id);
  EXPECT_EQ(stored.version, 2);
  ExpectSameStageFields(stored, theirs);
}

TEST_F(EpisodeStoreTest, UpdateOfAMissingEpisodeReportsFalse) {
  Episode e;
  e.id = 4242;
  e.version = 1;
  auto uow = db().BeginWrite();
  EXPECT_FALSE(uow->Episodes().Update(e));
  EXPECT_FALSE(uow->Episodes().FindById(4242));
}

TEST_F(EpisodeStoreTest, ListInStageGivesOpenEpisodesOfThatStageOldestFirstInPages) {
  const RecordId newer = AddEpisode("2025-04-02");
  const RecordId older = AddEpisode("2025-03-01");
  const RecordId middle = AddEpisode("2025-03-15");
  const RecordId elsewhere = AddEpisode("2025-02-01");
  const RecordId closed = AddEpisode("2025-01-01");
  {
    auto uow = db().BeginWrite();
    for (RecordId id : {newer, older, middle, closed}) {
      Episode e = *uow->Episodes().FindById(id);
      e.stage = EpisodeStage::kPanel;
      if (id == closed) {
        e.closed_on = D("2025-05-01");
        e.closure_reason = ClosureReason::kMovedAway;
      }
      ASSERT_TRUE(uow->Episodes().Update(e));
    }
    uow->Commit();
  }
  auto uow = db().BeginRead();
  auto all = uow->Episodes().ListInStage(EpisodeStage::kPanel, 0, 10);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].id, older);
  EXPECT_EQ(all[1].id, middle);
  EXPECT_EQ(all[2].id, newer);
  auto second_page = uow->Episodes().ListInStage(EpisodeStage::kPanel, 1, 1);
  ASSERT_EQ(second_page.size(), 1u);
  EXPECT_EQ(second_page[0].id, middle);
  auto waiting = uow->Episodes().ListInStage(EpisodeStage::kAwaitingAllocation, 0, 10);
  ASSERT_EQ(waiting.size(), 1u);
  EXPECT_EQ(waiting[0].id, elsewhere);
}

TEST_F(EpisodeStoreTest, AssignmentsRoundTripWithTheUsersNameAndTeam) {
  const RecordId team = AddTeam("Families Team East");
  const RecordId ea = AddUser("e.ash", Role::kEaOfficer);
  const RecordId worker = AddUser("w.bell", Role::kInterventionWorker, team);
  const RecordId id = AddEpisode("2025-03-10");
  Assign(id, ea, Role::kEaOfficer, "2025-03-11", D("2025-03-20"));
  RecordId worker_assignment = 0;
  {
    auto uow = db().BeginWrite();
    Assignment a;
    a.episode_id = id;
    a.user_id = worker;
    a.role = Role::kInterventionWorker;
    a.from_on = D("2025-04-07");
    a.reason = "allocated by panel";
    worker_assignment = uow->Episodes().InsertAssignment(a);
    uow->Commit();
  }
  auto uow = db().BeginRead();
  auto list = uow->Episodes().ListAssignments(id);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].user_id, ea);
  EXPECT_EQ(list[0].username, "e.ash");
  EXPECT_EQ(list[0].team_id, 0);
  EXPECT_EQ(list[0].role, Role::kEaOfficer);
  EXPECT_EQ(list[0].from_on, D("2025-03-11"));
  EXPECT_EQ(list[0].to_on, D("2025-03-20"));
  EXPECT_EQ(list[1].id, worker_assignment);
  EXPECT_EQ(list[1].episode_id, id);
  EXPECT_EQ(list[1].username, "w.bell");
  EXPECT_EQ(list[1].team_id, team);
  EXPECT_EQ(list[1].role, Role::kInterventionWorker);
  EXPECT_FALSE(list[1].to_on);
  EXPECT_EQ(list[1].reason, "allocated by panel");
}

TEST_F(EpisodeStoreTest, EndAssignmentsOfARoleEndsOnlyThatRolesOpenAssignments) {
  const RecordId ea = AddUser("ea", Role::kEaOfficer), br = AddUser("br", Role::kBrOfficer);
  const RecordId earlier_br = AddUser("br0", Role::kBrOfficer);
  const RecordId id = AddEpisode("2025-03-10");
  const RecordId other = AddEpisode("2025-03-10");
  Assign(id, ea, Role::kEaOfficer);
  Assign(id, earlier_br, Role::kBrOfficer, "2025-03-12", D("2025-03-15"));
  Assign(id, br, Role::kBrOfficer, "2025-03-16");
  Assign(other, br, Role::kBrOfficer, "2025-03-16");
  {
    auto uow = db().BeginWrite();
    uow->Episodes().EndAssignments(id, Role::kBrOfficer, D("2025-04-01"), "plan completed");
    uow->Commit();
  }
  auto uow = db().BeginRead();
  auto list = uow->Episodes().ListAssignments(id);
  ASSERT_EQ(list.size(), 3u);
  EXPECT_FALSE(list[0].to_on) << "the E&A officer's assignment is another role";
  EXPECT_EQ(list[1].to_on, D("2025-03-15")) << "an ended assignment keeps its end";
  EXPECT_EQ(list[1].reason, "");
  EXPECT_EQ(list[2].to_on, D("2025-04-01"));
  EXPECT_EQ(list[2].reason, "plan completed");
  EXPECT_FALSE(uow->Episodes().ListAssignments(other)[0].to_on) << "another episode is untouched";
}

TEST_F(EpisodeStoreTest, EndAssignmentsWithoutARoleEndsEveryOpenAssignment) {
  const RecordId ea = AddUser("ea", Role::kEaOfficer), br = AddUser("br", Role::kBrOfficer);
  const RecordId id = AddEpisode("2025-03-10");
  Assign(id, ea, Role::kEaOfficer);
  Assign(id, br, Role::kBrOfficer);
  {
    auto uow = db().BeginWrite();
    uow->Episodes().EndAssignments(id, std::nullopt, D("2025-05-01"), "closed");
    uow->Commit();
  }
  auto uow = db().BeginRead();
  for (const auto& a : uow->Episodes().ListAssignments(id)) {
    EXPECT_EQ(a.to_on, D("2025-05-01"));
    EXPECT_EQ(a.reason, "closed");
  }
}

TEST_F(EpisodeStoreTest, WorkerChangesRoundTripInDateOrder) {
  const RecordId a = AddUser("a", Role::kInterventionWorker), b = AddUser("b", Role::kInterventionWorker);
  const RecordId id = AddEpisode("2025-03-10");
  {
    auto uow = db().BeginWrite();
    uow->Episodes().InsertWorkerChange({id, b, a, Role::kInterventionWorker, D("2025-06-01"), "returned"});
    uow->Episodes().InsertWorkerChange({id, a, b, Role::kFamilyAide, D("2025-05-01"), "sickness"});
    uow->Commit();
  }
  auto uow = db().BeginRead();
  auto changes = uow->Episodes().ListWorkerChanges(id);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].episode_id, id);
  EXPECT_EQ(changes[0].from_user_id, a);
  EXPECT_EQ(changes[0].to_user_id, b);
  EXPECT_EQ(changes[0].role, Role::kFamilyAide);
  EXPECT_EQ(changes[0].on, D("2025-05-01"));
  EXPECT_EQ(changes[0].reason, "sickness");
  EXPECT_EQ(changes[1].reason, "returned");
  EXPECT_TRUE(uow->Episodes().ListWorkerChanges(id + 1).empty());
}

}  // namespace
}  // namespace hearth
