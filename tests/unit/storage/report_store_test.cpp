// The SQLite loader of the service history: episodes carry their referral's date and source, records are tied to
// the episode's position, teams and services are named by their interchange ids, and the period narrows only the
// tables whose figures count records in it.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "unit/support/temp_database.hpp"

namespace hearth {
namespace {

void Exec(const std::filesystem::path& path, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
  EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

constexpr const char* kHistory = R"SQL(
INSERT INTO teams (id, external_id, name) VALUES (7, 'team-west', 'West');
INSERT INTO services (id, external_id, name, name_key) VALUES (3, 'svc-food', 'Food bank', 'food bank');
INSERT INTO families (id, area, created_at, updated_at) VALUES (11, 'West', 't', 't'), (12, 'East', 't', 't');
INSERT INTO referrals (id, family_id, received_on, source, decision, created_at) VALUES
  (21, 11, '2024-01-10', 'school', 'early_help', 't'),
  (22, 12, '2024-02-01', 'children_social_care', 'early_help', 't'),
  (23, 12, '2024-02-20', 'police', 'advice', 't');
INSERT INTO episodes (id, external_id, family_id, referral_id, opened_on, stage, created_at) VALUES
  (40, 'ep-b', 12, 22, '2024-02-02', 'intervention', 't');
INSERT INTO episodes (id, external_id, family_id, referral_id, opened_on, stage, created_at,
                      allocated_assessment_on, ea_officer_id, closed_on, closure_reason) VALUES
  (31, 'ep-a', 11, 21, '2024-01-11', 'closed', 't', '2024-01-17', 5, '2024-03-01', 'disengaged');
UPDATE episodes SET intervention_started_on = '2024-02-20', team_id = 7 WHERE id = 40;
INSERT INTO objectives (id, episode_id, outcome, measure, who, target_on, created_at) VALUES
  (1, 40, 'o', 'm', 'w', '2024-06-01', 't');
INSERT INTO actions (episode_id, objective_id, description, service_id, status, created_at, updated_at) VALUES
  (40, 1, 'a', 3, 'in_progress', 't', 't'), (40, 1, 'b', NULL, 'completed', 't', 't');
INSERT INTO contacts (episode_id, occurred_on, kind, created_at) VALUES
  (40, '2024-02-21', 'phone', 't'), (40, '2024-04-02', 'phone', 't');
INSERT INTO episode_assignments (episode_id, user_id, role, from_on) VALUES (40, 9, 'intervention_worker', '2024-02-20');
INSERT INTO appraisals (episode_id, family_id, kind, requested_on, due_on, created_at, updated_at) VALUES
  (40, 12, 'housing', '2024-02-10', '2024-02-20', 't', 't'), (40, 12, 'health', '2024-05-01', '2024-05-10', 't', 't');
INSERT INTO statutory_involvements (family_id, kind, started_on, created_at) VALUES (11, 'child_in_need', '2024-05-01', 't');
INSERT INTO people (id, family_id, given_name, family_name, given_name_key, family_name_key, sex, role, created_at,
                    updated_at) VALUES (51, 12, 'A', 'B', 'a', 'b', 'female', 'child', 't', 't');
INSERT INTO resilience_assessments (external_id, episode_id, instrument, stage, assessed_on, environment, adversity,
                                    resilience, vulnerability, status, created_at, updated_at) VALUES
  ('as-1', 40, 'resilience', 'initial', '2024-02-21', 20, 21, 22, 23, 'final', 't', 't'),
  ('as-2', 40, 'resilience', 'evaluation', '2024-03-21', 10, 11, 12, 13, 'draft', 't', 't'),
  ('as-3', 40, 'young_person_resilience', 'evaluation', '2024-03-22', 10, 11, 12, 13, 'superseded', 't', 't');
INSERT INTO aces (episode_id, person_id, ace, identified_on, improved, created_at, updated_at) VALUES
  (40, 51, 'domestic_violence', '2023-12-01', 1, 't', 't'), (40, 51, 'parental_separation', '2024-02-22', NULL, 't', 't');
INSERT INTO feedback (episode_id, given_on, form, satisfaction, created_at, updated_at) VALUES
  (40, '2024-03-01', 'service_user', 'happy', 't', 't'), (40, '2024-04-01', 'service_user', 'unhappy', 't', 't'),
  (40, '2024-03-02', 'relationship', NULL, 't', 't');
INSERT INTO oversight_records (episode_id, recorded_on, manager_id, considered_plan_effectiveness, created_at,
                               updated_at) VALUES
  (40, '2023-12-31', 8, 1, 't', 't'), (40, '2024-03-30', 8, 0, 't', 't');
INSERT INTO quality_audits (episode_id, audited_on, auditor_id, grade, shared_with_worker, created_at, updated_at)
  VALUES (40, '2024-03-15', 8, 'requires_improvement', 1, 't', 't'), (40, '2024-05-15', 8, 'good', 0, 't', 't');
)SQL";

TEST(ReportStore, LoadsEpisodesWithTheirReferralAndTiesRecordsToTheirPosition) {
  testing::TempDatabase temp;
  Exec(temp.path(), kHistory);
  auto uow = temp.db().BeginRead();
  const ServiceHistory h = uow->Reports().LoadServiceHistory(*Date::Parse("2024-01-01"), *Date::Parse("2024-03-31"));

  ASSERT_EQ(h.referrals.size(), 3u);  // every referral, whatever its decision
  ASSERT_EQ(h.episodes.size(), 2u);
  std::size_t a = h.episodes[0].id == "ep-a" ? 0 : 1, b = 1 - a;
  EXPECT_EQ(h.episodes[a].received_on.ToString(), "2024-01-10");
  EXPECT_EQ(h.episodes[a].source, ReferralSource::kSchool);
  EXPECT_EQ(h.episodes[a].allocated_assessment_on->ToString(), "2024-01-17");
  EXPECT_EQ(h.episodes[a].ea_officer, GroupKey{5});  // the officer's user row id
  EXPECT_EQ(h.episodes[a].closure_reason, ClosureReason::kDisengaged);
  EXPECT_EQ(h.episodes[b].source, ReferralSource::kChildrenSocialCare);
  EXPECT_EQ(h.episodes[b].team, "team-west");
  EXPECT_FALSE(h.episodes[b].closed_on.has_value());
  EXPECT_NE(h.episodes[a].family, h.episodes[b].family);

  ASSERT_EQ(h.actions.size(), 2u);
  for (const auto& action : h.actions) EXPECT_EQ(action.episode, b);
  const bool first_named = h.actions[0].service != kNoService;
  EXPECT_EQ(h.services.at(h.actions[first_named ? 0 : 1].service), "svc-food");
  EXPECT_EQ(h.actions[first_named ? 1 : 0].service, kNoService);

  ASSERT_EQ(h.contacts.size(), 1u);  // the April contact is outside the period, where no figure counts it
  EXPECT_EQ(h.contacts[0].episode, b);
  ASSERT_EQ(h.appraisals.size(), 1u);  // requested after TO: in no figure
  EXPECT_EQ(h.appraisals[0].kind, Agency::kHousing);
  ASSERT_EQ(h.assignments.size(), 1u);
  EXPECT_EQ(h.assignments[0].role, Role::kInterventionWorker);
  ASSERT_EQ(h.statutory.size(), 1u);  // statutory starts count after the period too (returning families)
  EXPECT_EQ(h.statutory[0].family, h.episodes[a].family);

  ASSERT_EQ(h.assessments.size(), 1u);  // only final results are reported
  EXPECT_EQ(h.assessments[0].id, "as-1");
  EXPECT_EQ(h.assessments[0].episode, b);
  EXPECT_EQ(h.assessments[0].stage, AssessmentStage::kInitial);
  EXPECT_EQ(h.assessments[0].scores, (std::array<int, 4>{20, 21, 22, 23}));
  ASSERT_EQ(h.aces.size(), 2u);  // ACEs count for improvement whenever identified
  for (const auto& ace : h.aces) EXPECT_EQ(ace.episode, b);
  ASSERT_EQ(h.feedback.size(), 2u);  // in the period only
  ASSERT_EQ(h.oversight.size(), 1u);
  EXPECT_EQ(h.oversight[0].on.ToString(), "2024-03-30");
  EXPECT_FALSE(h.oversight[0].considered_plan_effectiveness);
  ASSERT_EQ(h.audits.size(), 1u);
  EXPECT_EQ(h.audits[0].grade, AuditGrade::kRequiresImprovement);
  EXPECT_TRUE(h.audits[0].shared_with_worker);
}

TEST(ReportStore, OversightJustBeforeAShortPeriodStillCountsAsRecent) {
  testing::TempDatabase temp;
  Exec(temp.path(), kHistory);
  auto uow = temp.db().BeginRead();
  // P = 31 March alone: the record of 30 March is before P but inside the 28 days up to it.
  const ServiceHistory h = uow->Reports().LoadServiceHistory(*Date::Parse("2024-03-31"), *Date::Parse("2024-03-31"));
  ASSERT_EQ(h.oversight.size(), 1u);
  EXPECT_EQ(h.feedback.size(), 0u);
}

TEST(ReportStore, AUnitOfWorkThatHasReadLoadsOnOneConnectionTheSameHistory) {
  testing::TempDatabase temp;
  Exec(temp.path(), kHistory);
  const Date from = *Date::Parse("2024-01-01"), to = *Date::Parse("2024-03-31");
  ServiceHistory two, one;
  {
    auto uow = temp.db().BeginRead();  // has read nothing: the load runs on two connections
    two = uow->Reports().LoadServiceHistory(from, to);
  }
  {
    auto uow = temp.db().BeginRead();
    uow->Reports().LoadNames();  // its snapshot is taken: the load stays on this connection
    one = uow->Reports().LoadServiceHistory(from, to);
  }
  ASSERT_EQ(two.episodes.size(), one.episodes.size());
  for (std::size_t i = 0; i < one.episodes.size(); ++i) EXPECT_EQ(two.episodes[i].id, one.episodes[i].id);
  ASSERT_EQ(two.actions.size(), one.actions.size());
  for (std::size_t i = 0; i < one.actions.size(); ++i) {
    EXPECT_EQ(two.actions[i].episode, one.actions[i].episode);
    EXPECT_EQ(two.actions[i].service, one.actions[i].service);
  }
  ASSERT_EQ(two.contacts.size(), one.contacts.size());
  for (std::size_t i = 0; i < one.contacts.size(); ++i) EXPECT_EQ(two.contacts[i].episode, one.contacts[i].episode);
  ASSERT_EQ(two.assessments.size(), one.assessments.size());
  for (std::size_t i = 0; i < one.assessments.size(); ++i)
    EXPECT_EQ(two.assessments[i].episode, one.assessments[i].episode);
  ASSERT_EQ(two.aces.size(), one.aces.size());
  for (std::size_t i = 0; i < one.aces.size(); ++i) EXPECT_EQ(two.aces[i].episode, one.aces[i].episode);
  ASSERT_EQ(two.oversight.size(), one.oversight.size());
  EXPECT_EQ(two.statutory.size(), one.statutory.size());
  EXPECT_EQ(two.assignments.size(), one.assignments.size());
  EXPECT_EQ(two.services, one.services);
}

}  // namespace
}  // namespace hearth
