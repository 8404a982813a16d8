// The work list query (open episodes with an open assignment to any of a set of users) and migration 3 on a
// database that already holds episodes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "storage/sqlite/migrations.hpp"
#include "unit/storage/journey_fixture.hpp"

namespace hearth {
namespace {

using testing::D;

class WorkListTest : public testing::JourneyFixture {
 protected:
  std::vector<RecordId> Ids(const std::vector<WorkItem>& items) {
    std::vector<RecordId> out;
    for (const auto& i : items) out.push_back(i.episode.id);
    return out;
  }
  std::vector<WorkItem> ListWork(const std::vector<RecordId>& users) {
    auto uow = db().BeginRead();
    return uow->Episodes().ListWork(users);
  }
  void AddTaf(RecordId episode_id, const char* on, std::optional<Date> next) {
    auto uow = db().BeginWrite();
    TafMeeting m;
    m.episode_id = episode_id;
    m.on = D(on);
    m.next_meeting_on = next;
    uow->Casework().InsertTafMeeting(m);
    uow->Commit();
  }
};

TEST_F(WorkListTest, ListsOpenEpisodesOfTheUsersByReferralDateThenId) {
  const RecordId ann = AddUser("ann", Role::kInterventionWorker), bob = AddUser("bob", Role::kInterventionWorker);
  const RecordId late = AddEpisode("2025-05-01");
  const RecordId early = AddEpisode("2025-02-01");
  const RecordId same_day_first = AddEpisode("2025-03-01");
  const RecordId same_day_second = AddEpisode("2025-03-01");
  Assign(late, ann, Role::kInterventionWorker);
  Assign(early, bob, Role::kInterventionWorker);
  Assign(same_day_second, ann, Role::kInterventionWorker);
  Assign(same_day_first, bob, Role::kInterventionWorker);
  EXPECT_EQ(Ids(ListWork({ann, bob})), (std::vector<RecordId>{early, same_day_first, same_day_second, late}));
  EXPECT_EQ(Ids(ListWork({ann})), (std::vector<RecordId>{same_day_second, late}));
}

TEST_F(WorkListTest, LeavesOutClosedEpisodesEndedAssignmentsAndOtherUsers) {
  const RecordId ann = AddUser("ann", Role::kEaOfficer), other = AddUser("other", Role::kEaOfficer);
  const RecordId open = AddEpisode("2025-03-01");
  const RecordId closed = AddEpisode("2025-03-02");
  const RecordId handed_on = AddEpisode("2025-03-03");
  const RecordId not_hers = AddEpisode("2025-03-04");
  Assign(open, ann, Role::kEaOfficer);
  Assign(closed, ann, Role::kEaOfficer);
  Assign(handed_on, ann, Role::kEaOfficer, "2025-03-04", D("2025-03-10"));
  Assign(not_hers, other, Role::kEaOfficer);
  {
    auto uow = db().BeginWrite();
    Episode e = *uow->Episodes().FindById(closed);
    e.stage = EpisodeStage::kClosed;
    e.closed_on = D("2025-04-01");
    e.closure_reason = ClosureReason::kOutcomesMet;
    ASSERT_TRUE(uow->Episodes().Update(e));
    uow->Commit();
  }
  EXPECT_EQ(Ids(ListWork({ann})), (std::vector<RecordId>{open}));
  EXPECT_TRUE(ListWork({}).empty());
}

TEST_F(WorkListTest, AnEpisodeWithTwoOfTheUsersIsListedOnce) {
  const RecordId br = AddUser("br", Role::kBrOfficer), worker = AddUser("w", Role::kInterventionWorker);
  const RecordId id = AddEpisode("2025-03-01");
  Assign(id, br, Role::kBrOfficer);
  Assign(id, worker, Role::kInterventionWorker);
  EXPECT_EQ(Ids(ListWork({br, worker})), (std::vector<RecordId>{id}));
}

TEST_F(WorkListTest, ManyUsersAreAllMatched) {
  // Five users take eight placeholders (rounded up to a power of two); each user's episode must still be listed.
  std::vector<RecordId> users, episodes;
  const char* days[] = {"2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04", "2025-03-05"};
  for (int i = 0; i < 5; ++i) {
    users.push_back(AddUser("u" + std::to_string(i), Role::kInterventionWorker));
    episodes.push_back(AddEpisode(days[i]));
    Assign(episodes.back(), users.back(), Role::kInterventionWorker);
  }
  EXPECT_EQ(Ids(ListWork(users)), episodes);
  EXPECT_EQ(Ids(ListWork({users[4], users[0], users[2]})),
            (std::vector<RecordId>{episodes[0], episodes[2], episodes[4]}));
}

TEST_F(WorkListTest, CarriesTheFamilyNamesReferralDateAndTheLatestTafMeeting) {
  const RecordId ann = AddUser("ann", Role::kInterventionWorker);
  const RecordId with_taf = AddEpisode("2025-02-10", "Olivia", "Hughes");
  const RecordId without_taf = AddEpisode("2025-02-11", "Megan", "Evans");
  testing::InsertPerson(db(), Find(with_taf).family_id, "Gareth", "Hughes", "1985-07-19", MemberRole::kParent);
  Assign(with_taf, ann, Role::kInterventionWorker);
  Assign(without_taf, ann, Role::kInterventionWorker);
  AddTaf(with_taf, "2025-04-01", D("2025-05-13"));
  AddTaf(with_taf, "2025-05-13", std::nullopt);     // the latest, with no next meeting set
  AddTaf(with_taf, "2025-03-01", D("2025-04-01"));  // recorded late: not the latest

  auto items = ListWork({ann});
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].episode.id, with_taf);
  EXPECT_EQ(items[0].episode.family_id, Find(with_taf).family_id);
  EXPECT_TRUE(items[0].family_label.empty());  // names are read only for the rows a page shows
  {
    auto uow = db().BeginRead();
    const auto labels = uow->Episodes().FamilyLabels({items[0].episode.family_id, items[1].episode.family_id});
    EXPECT_EQ(labels.at(items[0].episode.family_id), "Olivia Hughes, Gareth Hughes");
    EXPECT_EQ(labels.at(items[1].episode.family_id), "Megan Evans");
    EXPECT_TRUE(uow->Episodes().FamilyLabels({}).empty());
  }
  EXPECT_EQ(items[0].referral_received_on, D("2025-02-10"));
  EXPECT_EQ(items[0].last_taf_on, D("2025-05-13"));
  EXPECT_FALSE(items[0].next_taf_on);
  EXPECT_FALSE(items[1].last_taf_on);
  EXPECT_FALSE(items[1].next_taf_on);
}

TEST_F(WorkListTest, NextMeetingComesFromTheLatestMeeting) {
  const RecordId ann = AddUser("ann", Role::kInterventionWorker);
  const RecordId id = AddEpisode("2025-02-10");
  Assign(id, ann, Role::kInterventionWorker);
  AddTaf(id, "2025-03-01", D("2025-04-12"));
  AddTaf(id, "2025-04-12", D("2025-05-30"));
  auto items = ListWork({ann});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].last_taf_on, D("2025-04-12"));
  EXPECT_EQ(items[0].next_taf_on, D("2025-05-30"));
}

// A database made by a release with migrations 1 and 2 only, holding an episode; migration 3 must keep it.
TEST(JourneyMigration, KeepsTheEpisodesOfAVersionTwoDatabase) {
  const auto path = std::filesystem::temp_directory_path() / ("hearth_unit_v2_" + std::to_string(::getpid()) + ".db");
  const auto access = sqlite::AccessLogPath(path.string());
  auto remove_files = [&] {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path.string() + suffix);
      std::filesystem::remove(access + suffix);
    }
  };
  remove_files();
  std::ofstream(path).close();  // an empty file is an empty database to SQLite
  {
    testing::RawSqlite raw(path);
    ASSERT_EQ(raw.Exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                       "applied_at TEXT NOT NULL)"),
              SQLITE_OK);
    ASSERT_EQ(raw.Exec(std::string(sqlite::kMigration0001Initial)), SQLITE_OK) << raw.last_error();
    ASSERT_EQ(raw.Exec(std::string(sqlite::kMigration0002AuditNoReplace)), SQLITE_OK) << raw.last_error();
    ASSERT_EQ(raw.Exec("INSERT INTO schema_migrations VALUES (1, 'initial', 'x'), (2, 'audit', 'x');"
                       "INSERT INTO families (id, area, created_at, updated_at) VALUES (7, 'West', 'x', 'x');"
                       "INSERT INTO referrals (id, family_id, received_on, source, decision, created_at) "
                       "  VALUES (8, 7, '2024-01-02', 'school', 'early_help', 'x');"
                       "INSERT INTO episodes (id, family_id, referral_id, opened_on, stage, closed_on, "
                       "  closure_reason, version, created_at) "
                       "  VALUES (9, 7, 8, '2024-01-02', 'closed', '2024-06-30', 'outcomes_met', 3, 'x');"
                       "INSERT INTO teams (id, name) VALUES (1, 'West');"
                       "INSERT INTO users (id, username, role, password_hash, created_at) "
                       "  VALUES (5, 'ea', 'ea_officer', 'h', 'x');"
                       "INSERT INTO episode_assignments (episode_id, user_id, role, from_on, to_on) "
                       "  VALUES (9, 5, 'ea_officer', '2024-01-03', '2024-02-01');"),
              SQLITE_OK)
        << raw.last_error();
  }
  {
    auto db = sqlite::OpenSqlite(path.string());
    ASSERT_EQ(db->SchemaVersion(), 2);
    EXPECT_EQ(db->Migrate(), static_cast<int>(sqlite::AllMigrations().size()) - 2);
    auto uow = db->BeginRead();
    auto e = uow->Episodes().FindById(9);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->family_id, 7);
    EXPECT_EQ(e->referral_id, 8);
    EXPECT_EQ(e->opened_on, D("2024-01-02"));
    EXPECT_EQ(e->stage, EpisodeStage::kClosed);
    EXPECT_EQ(e->closed_on, D("2024-06-30"));
    EXPECT_EQ(e->closure_reason, ClosureReason::kOutcomesMet);
    EXPECT_EQ(e->version, 3);
    EXPECT_FALSE(e->allocated_assessment_on);
    EXPECT_EQ(e->closure_summary, "");
    auto assignments = uow->Episodes().ListAssignments(9);
    ASSERT_EQ(assignments.size(), 1u);
    EXPECT_EQ(assignments[0].to_on, D("2024-02-01"));
    EXPECT_EQ(assignments[0].reason, "");
  }
  testing::RawSqlite raw(path);
  EXPECT_EQ(raw.Scalar("SELECT COUNT(*) FROM teams WHERE kind IS NULL"), "1");
  EXPECT_EQ(raw.Scalar("PRAGMA foreign_key_check"), "");
  remove_files();
}

}  // namespace
}  // namespace hearth
