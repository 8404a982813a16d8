#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "storage/sqlite/migrations.hpp"
#include "unit/support/temp_database.hpp"

namespace hearth {
namespace {

// Migration 6 gives every exportable record an interchange id: rows made before it get one when it runs, rows made
// after get one at insert, and a row that arrives with an id (an import) keeps it.
TEST(InterchangeIdsMigration, BackfillsOldRowsAndNamesNewOnesAndKeepsImportedIds) {
  const auto path = std::filesystem::temp_directory_path() / ("hearth_unit_v5_" + std::to_string(::getpid()) + ".db");
  const auto access = sqlite::AccessLogPath(path.string());
  auto remove_files = [&] {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path.string() + suffix);
      std::filesystem::remove(access + suffix);
    }
  };
  remove_files();
  std::ofstream(path).close();
  {
    testing::RawSqlite raw(path);
    ASSERT_EQ(raw.Exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                       "applied_at TEXT NOT NULL)"),
              SQLITE_OK);
    for (auto sql : {sqlite::kMigration0001Initial, sqlite::kMigration0002AuditNoReplace,
                     sqlite::kMigration0003Journey, sqlite::kMigration0004Drafts, sqlite::kMigration0005ServiceNames})
      ASSERT_EQ(raw.Exec(std::string(sql)), SQLITE_OK) << raw.last_error();
    ASSERT_EQ(raw.Exec("INSERT INTO schema_migrations VALUES (1, 'a', 'x'), (2, 'b', 'x'), (3, 'c', 'x'), "
                       "  (4, 'd', 'x'), (5, 'e', 'x');"
                       "INSERT INTO families (id, area, created_at, updated_at) VALUES (7, 'West', 'x', 'x');"
                       "INSERT INTO families (id, external_id, area, created_at, updated_at) "
                       "  VALUES (8, 'F-legacy', 'East', 'x', 'x');"),
              SQLITE_OK)
        << raw.last_error();
  }
  {
    auto db = sqlite::OpenSqlite(path.string());
    ASSERT_EQ(db->SchemaVersion(), 5);
    EXPECT_EQ(db->Migrate(), static_cast<int>(sqlite::AllMigrations().size()) - 5);
  }
  testing::RawSqlite raw(path);
  const std::string prefix = raw.Scalar("SELECT prefix FROM instance_identity");
  EXPECT_TRUE(std::regex_match(prefix, std::regex("h[0-9a-f]{8}"))) << prefix;
  EXPECT_EQ(raw.Scalar("SELECT external_id FROM families WHERE id = 7"), prefix + "-family-7");
  EXPECT_EQ(raw.Scalar("SELECT external_id FROM families WHERE id = 8"), "F-legacy");

  ASSERT_EQ(raw.Exec("INSERT INTO families (id, area, created_at, updated_at) VALUES (9, 'North', 'x', 'x');"
                     "INSERT INTO families (id, external_id, area, created_at, updated_at) "
                     "  VALUES (10, 'F-imported', 'South', 'x', 'x');"
                     "INSERT INTO teams (id, name) VALUES (3, 'Team A');"
                     "INSERT INTO users (id, username, role, password_hash, created_at) "
                     "  VALUES (4, 'sam', 'manager', '!', 'x');"),
            SQLITE_OK)
      << raw.last_error();
  EXPECT_EQ(raw.Scalar("SELECT external_id FROM families WHERE id = 9"), prefix + "-family-9");
  EXPECT_EQ(raw.Scalar("SELECT external_id FROM families WHERE id = 10"), "F-imported");
  EXPECT_EQ(raw.Scalar("SELECT external_id FROM teams WHERE id = 3"), prefix + "-team-3");
  EXPECT_EQ(raw.Scalar("SELECT external_id FROM users WHERE id = 4"), prefix + "-worker-4");
  // An imported id that is already taken is refused, not overwritten.
  EXPECT_NE(raw.Exec("INSERT INTO families (id, external_id, area, created_at, updated_at) "
                     "  VALUES (11, 'F-imported', 'South', 'x', 'x')"),
            SQLITE_OK);
  remove_files();
}

}  // namespace
}  // namespace hearth
