// Issue 4's use cases that read outcomes: the need outcomes asked at closure, the manager's overdue oversight and
// the auditor's audits due on My work (boundaries at 28 and 42 days), and the Supporting Families claim list with
// its access rule.
#include <gtest/gtest.h>

#include "app/journey_service.hpp"
#include "app/supporting_families_service.hpp"
#include "app/timescale_config.hpp"
#include "app/work_list.hpp"
#include "unit/storage/journey_fixture.hpp"

namespace hearth {
namespace {

using testing::D;
using testing::MakeInput;
using testing::PrincipalFor;

class OutcomeListsTest : public testing::JourneyFixture {
 protected:
  void SetUp() override {
    team_ = AddTeam("Families Team West");
    Principal manager = PrincipalFor(AddUser("mary", Role::kManager, team_), "mary", Role::kManager);
    manager.team_id = team_;
    manager_ = manager;
    worker_id_ = AddUser("wil", Role::kInterventionWorker, team_);
    auditor_ = PrincipalFor(AddUser("ada", Role::kAuditor), "ada", Role::kAuditor);
    social_worker_ = PrincipalFor(AddUser("sol", Role::kSocialWorker), "sol", Role::kSocialWorker);
  }
  void Exec(const std::string& sql) {
    testing::RawSqlite raw(temp_.path());
    ASSERT_EQ(raw.Exec(sql), SQLITE_OK) << raw.last_error();
  }
  RecordId OpenedDaysAgo(int days) {
    const RecordId id = AddEpisode(today_.AddDays(-days).ToString().c_str());
    Assign(id, worker_id_, Role::kInterventionWorker, today_.AddDays(-days).ToString().c_str());
    return id;
  }
  void Oversight(RecordId episode, int days_ago, const char* status = "final") {
    Exec("INSERT INTO oversight_records (episode_id, recorded_on, manager_id, considered_plan_effectiveness, status, "
         "created_at, updated_at) VALUES (" + std::to_string(episode) + ", '" + today_.AddDays(-days_ago).ToString() +
         "', " + std::to_string(manager_.user_id) + ", 1, '" + status + "', 't', 't')");
  }
  void PlanCompletedDaysAgo(RecordId episode, int days) {
    Exec("UPDATE episodes SET plan_completed_on = '" + today_.AddDays(-days).ToString() + "' WHERE id = " +
         std::to_string(episode));
  }
  std::vector<RecordId> OversightIds(const WorkList& list) {
    std::vector<RecordId> out;
    for (const auto& r : list.oversight) out.push_back(r.episode_id);
    return out;
  }
  WorkListService Work() {
    return WorkListService(db(), nullptr, LoadTimescaleConfig(std::string(HEARTH_SOURCE_ROOT) + "/config/timescales.toml"));
  }
  // Needs in `areas`, assessment and plan completed, an intervention worker: closable with outcomes.
  RecordId ReadyToClose(std::vector<OutcomeArea> areas) {
    const RecordId id = OpenedDaysAgo(120);
    auto uow = db().BeginWrite();
    FamilyAssessment a;
    a.episode_id = id;
    for (OutcomeArea area : areas) a.needs[area] = "a need";
    EXPECT_TRUE(uow->Casework().SaveAssessment(a));
    uow->Commit();
    Exec("UPDATE episodes SET stage = 'review', allocated_assessment_on = '" + today_.AddDays(-119).ToString() +
         "', assessment_completed_on = '" + today_.AddDays(-110).ToString() + "', brokerage_started_on = '" +
         today_.AddDays(-109).ToString() + "', plan_completed_on = '" + today_.AddDays(-100).ToString() +
         "', panel_on = '" + today_.AddDays(-99).ToString() + "', intervention_started_on = '" +
         today_.AddDays(-98).ToString() + "', review_started_on = '" + today_.AddDays(-10).ToString() +
         "', ea_officer_id = " + std::to_string(worker_id_) + ", br_officer_id = " + std::to_string(worker_id_) +
         ", team_id = " + std::to_string(team_) + " WHERE id = " + std::to_string(id));
    return id;
  }
  Result<Episode> Close(RecordId id, std::vector<std::pair<std::string, std::string>> outcomes, int days_ago = 0) {
    Input in = MakeInput({{"on", today_.AddDays(-days_ago).ToString()},
                          {"closure_reason", "outcomes_met"},
                          {"closure_summary", "Goals met"},
                          {"exit_plan", "Children's centre"}});
    for (auto& [field, value] : outcomes) in.Add(field, value);
    return JourneyService(db()).Close(social_worker_, id, in, Find(id).version);
  }

  const Date today_ = Date::TodayUtc();
  RecordId team_ = 0;
  RecordId worker_id_ = 0;
  Principal manager_, auditor_, social_worker_;
};

TEST_F(OutcomeListsTest, ClosureAsksWhetherEachNeedImproved) {
  const RecordId id = ReadyToClose({OutcomeArea::kHousing, OutcomeArea::kHealth});
  auto refused = Close(id, {{"need_outcome.housing", "improved"}});
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "need_outcome.health");
  EXPECT_EQ(Find(id).stage, EpisodeStage::kReview);  // nothing changed
  ASSERT_TRUE(Close(id, {{"need_outcome.housing", "improved"}, {"need_outcome.health", "not_improved"}}));
  auto uow = db().BeginRead();
  const auto needs = uow->Outcomes().ListNeeds(id);
  ASSERT_EQ(needs.size(), 2u);
  EXPECT_EQ(needs[0].area, OutcomeArea::kHealth);
  EXPECT_EQ(needs[0].outcome, NeedOutcome::kNotImproved);
  EXPECT_EQ(needs[1].outcome, NeedOutcome::kImproved);
}

TEST_F(OutcomeListsTest, OversightIsOverdueAfterTwentyEightDaysWithoutAFinalRecord) {
  const RecordId in_time = OpenedDaysAgo(28), overdue = OpenedDaysAgo(29);
  const RecordId overseen = OpenedDaysAgo(100), draft_only = OpenedDaysAgo(100);
  Oversight(overseen, 28);
  Oversight(draft_only, 10, "draft");
  Oversight(draft_only, 40);
  auto list = Work().MyWork(manager_, today_);
  ASSERT_TRUE(list);
  EXPECT_TRUE(list->team_view);
  EXPECT_EQ(OversightIds(*list), (std::vector<RecordId>{draft_only, overdue}));  // longest overdue first
  EXPECT_EQ(list->oversight_total, 2);
  EXPECT_EQ(list->oversight[0].last_oversight_on, today_.AddDays(-40));
  EXPECT_EQ(list->oversight[1].due_on, today_.AddDays(-1));
  EXPECT_EQ(list->oversight[1].workers, "wil");
  (void)in_time;
}

TEST_F(OutcomeListsTest, OnlyManagersSeeOversightAndOnlyAuditorsSeeAudits) {
  OpenedDaysAgo(60);
  auto worker = Work().MyWork(PrincipalFor(worker_id_, "wil", Role::kInterventionWorker), today_);
  ASSERT_TRUE(worker);
  EXPECT_FALSE(worker->team_view);
  EXPECT_FALSE(worker->audit_view);
  EXPECT_TRUE(worker->oversight.empty());
  auto analyst = Work().MyWork(PrincipalFor(AddUser("ana", Role::kAnalyst), "ana", Role::kAnalyst), today_);
  EXPECT_FALSE(analyst);
}

TEST_F(OutcomeListsTest, AuditsAreDueFortyTwoDaysAfterThePlanAndListedTwoWeeksAhead) {
  const RecordId not_yet = OpenedDaysAgo(90), listed = OpenedDaysAgo(90), due_today = OpenedDaysAgo(90),
                 overdue = OpenedDaysAgo(90), audited = OpenedDaysAgo(90);
  PlanCompletedDaysAgo(not_yet, 27);
  PlanCompletedDaysAgo(listed, 28);
  PlanCompletedDaysAgo(due_today, 42);
  PlanCompletedDaysAgo(overdue, 43);
  PlanCompletedDaysAgo(audited, 60);
  Exec("INSERT INTO quality_audits (episode_id, audited_on, auditor_id, grade, shared_with_worker, status, "
       "created_at, updated_at) VALUES (" + std::to_string(audited) + ", '" + today_.ToString() + "', " +
       std::to_string(auditor_.user_id) + ", 'good', 1, 'final', 't', 't')");
  auto list = Work().MyWork(auditor_, today_);
  ASSERT_TRUE(list);
  EXPECT_TRUE(list->audit_view);
  ASSERT_EQ(list->audits.size(), 3u);
  EXPECT_EQ(list->audits[0].episode_id, overdue);
  EXPECT_TRUE(list->audits[0].overdue);
  EXPECT_EQ(list->audits[1].episode_id, due_today);
  EXPECT_FALSE(list->audits[1].overdue);
  EXPECT_EQ(list->audits[1].due_on, today_);
  EXPECT_EQ(list->audits[2].episode_id, listed);
  EXPECT_EQ(list->audits_overdue, 1);
}

TEST_F(OutcomeListsTest, ClaimListSortsClosedEpisodesIntoTheThreeLists) {
  const auto all_three = std::vector<OutcomeArea>{OutcomeArea::kHousing, OutcomeArea::kHealth, OutcomeArea::kCrime};
  const std::vector<std::pair<std::string, std::string>> improved{
      {"need_outcome.housing", "improved"}, {"need_outcome.health", "improved"}, {"need_outcome.crime", "improved"}};
  const RecordId long_ago = ReadyToClose(all_three);
  ASSERT_TRUE(Close(long_ago, improved, 0));
  Exec("UPDATE episodes SET closed_on = '" + today_.AddDays(-183).ToString() + "' WHERE id = " +
       std::to_string(long_ago));
  const RecordId recent = ReadyToClose(all_three);
  ASSERT_TRUE(Close(recent, improved, 1));
  const RecordId two_needs = ReadyToClose({OutcomeArea::kHousing, OutcomeArea::kHealth});
  ASSERT_TRUE(Close(two_needs, {{"need_outcome.housing", "improved"}, {"need_outcome.health", "improved"}}));

  SupportingFamiliesService claims(db(), nullptr);
  const ReportPeriod period{today_.AddDays(-400), today_};
  Principal lead = manager_;
  auto meets = claims.List(lead, period, ClaimStatus::kMeets, 1, 25, today_);
  ASSERT_TRUE(meets);
  EXPECT_EQ(meets->totals, (std::array<int, 3>{1, 1, 1}));
  ASSERT_EQ(meets->rows.size(), 1u);
  EXPECT_EQ(meets->rows[0].facts.episode_id, long_ago);
  EXPECT_EQ(meets->rows[0].decision.sustained_on, today_);
  EXPECT_EQ(meets->rows[0].family_label, "Olivia Hughes");
  auto will = claims.List(lead, period, ClaimStatus::kWillMeet, 1, 25, today_);
  ASSERT_TRUE(will);
  ASSERT_EQ(will->rows.size(), 1u);
  EXPECT_EQ(will->rows[0].decision.sustained_on, today_.AddDays(182));
  auto cannot = claims.Export(lead, period, today_);
  ASSERT_TRUE(cannot);
  ASSERT_EQ(cannot->size(), 3u);
  EXPECT_EQ(cannot->back().decision.reason, "too_few_needs");
}

TEST_F(OutcomeListsTest, ClaimListIsRefusedToRolesWithoutReportsOrWithoutEveryFamily) {
  SupportingFamiliesService claims(db(), nullptr);
  const ReportPeriod period{today_.AddDays(-30), today_};
  const auto analyst = PrincipalFor(AddUser("ana", Role::kAnalyst), "ana", Role::kAnalyst);
  const auto worker = PrincipalFor(worker_id_, "wil", Role::kInterventionWorker);
  for (const Principal& who : {analyst, worker, auditor_}) {
    auto refused = claims.List(who, period, ClaimStatus::kMeets, 1, 25, today_);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  }
  EXPECT_TRUE(claims.List(PrincipalFor(AddUser("root", Role::kAdministrator), "root", Role::kAdministrator), period,
                          ClaimStatus::kCannot, 1, 25, today_));
}

}  // namespace
}  // namespace hearth
