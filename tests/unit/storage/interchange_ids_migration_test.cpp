#include <gtest/gtest.h>

#include <regex>

#include "storage/sqlite/migrations.hpp"
#include "unit/support/temp_database.hpp"

namespace hearth {
namespace {

// Migration 6 gives every exportable record an interchange id: rows made before it get one when it runs, rows made
// after get one at insert, and a row that arrives with an id (an import) keeps it.
TEST(InterchangeIdsMigration, BackfillsOldRowsAndNamesNewOnesAndKeepsImportedIds) {
  const testing::OlderDatabase older("hearth_unit_v5", 5);
  const auto& path = older.path();
  {
    testing::RawSqlite raw(path);
    ASSERT_EQ(raw.Exec("INSERT INTO families (id, area, created_at, updated_at) VALUES (7, 'West', 'x', 'x');"
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
}

}  // namespace
}  // namespace hearth
