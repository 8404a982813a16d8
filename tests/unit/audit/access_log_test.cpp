#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

#include "storage/sqlite/sqlite_database.hpp"

namespace hearth {
namespace {

AuditEvent Access(RecordId family, std::string action) {
  AuditEvent e;
  e.at = "2026-11-22T10:00:00Z";
  e.role = "front_door_coordinator";
  e.action = std::move(action);
  e.record_type = "family";
  e.record_id = family;
  e.family_id = family;
  e.outcome = "ok";
  return e;
}

class AccessLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("hearth-access-log-" + std::to_string(::getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    Remove();
    db_ = sqlite::OpenSqlite(path_);
    db_->Migrate();
  }
  void TearDown() override {
    db_.reset();
    Remove();
  }
  void Remove() {
    for (const auto& base : {path_, sqlite::AccessLogPath(path_)})
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(base + suffix);
  }
  std::string path_;
  std::unique_ptr<Database> db_;
};

TEST(AccessLogPath, SitsBesideTheDatabase) {
  EXPECT_EQ(sqlite::AccessLogPath("var/hearth.db"), "var/hearth-access.db");
  EXPECT_EQ(sqlite::AccessLogPath("/tmp/records"), "/tmp/records-access");
}

TEST_F(AccessLogTest, AccessRowsAndChangeRowsReadAsOneTrail) {
  {
    auto uow = db_->BeginWrite();
    uow->Audit().Append(Access(7, "update"));
    uow->Commit();
  }
  db_->AppendAccessEvents({Access(7, "view"), Access(7, "view"), Access(8, "view")});
  auto uow = db_->BeginRead();
  EXPECT_EQ(uow->Audit().CountForFamily(7), 3);
  EXPECT_EQ(uow->Audit().Count(), 4);
  const auto rows = uow->Audit().ListForFamily(7, 0, 10);
  ASSERT_EQ(rows.size(), 3u);
  int views = 0;
  for (const auto& r : rows) views += r.action == "view";
  EXPECT_EQ(views, 2);
  EXPECT_FALSE(std::filesystem::exists(path_ + "-access")) << "named by AccessLogPath, not appended";
  EXPECT_TRUE(std::filesystem::exists(sqlite::AccessLogPath(path_)));
}

TEST_F(AccessLogTest, AccessRowsCannotBeChangedOrDeleted) {
  db_->AppendAccessEvents({Access(7, "view")});
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(sqlite::AccessLogPath(path_).c_str(), &raw), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(raw, "UPDATE access_events SET outcome = 'denied'", nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(raw, "DELETE FROM access_events", nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(raw,
                         "INSERT OR REPLACE INTO access_events (id, at, role, action, record_type, outcome) "
                         "SELECT id, 'x', 'x', 'forged', 'family', 'ok' FROM access_events",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  auto uow = db_->BeginRead();
  const auto rows = uow->Audit().ListForFamily(7, 0, 10);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].action, "view");
  EXPECT_EQ(rows[0].outcome, "ok");
}

}  // namespace
}  // namespace hearth
