#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "storage/sqlite/migrations.hpp"
#include "unit/support/temp_database.hpp"

namespace hearth {
namespace {

// A version-4 database whose directory already holds two entries differing only in case and spacing: migration 5
// must not fail on them nor rename either, and must refuse a third from then on.
TEST(ServiceNamesMigration, KeepsExistingDuplicatesAndRefusesNewOnes) {
  const auto path = std::filesystem::temp_directory_path() / ("hearth_unit_v4_" + std::to_string(::getpid()) + ".db");
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
                     sqlite::kMigration0003Journey, sqlite::kMigration0004Drafts})
      ASSERT_EQ(raw.Exec(std::string(sql)), SQLITE_OK) << raw.last_error();
    ASSERT_EQ(raw.Exec("INSERT INTO schema_migrations VALUES (1, 'a', 'x'), (2, 'b', 'x'), (3, 'c', 'x'), "
                       "  (4, 'd', 'x');"
                       "INSERT INTO services (id, name, kind) VALUES (3, 'Housing', 'housing'), "
                       "  (5, ' housing ', ''), (8, 'Debt advice', '');"),
              SQLITE_OK)
        << raw.last_error();
  }
  {
    auto db = sqlite::OpenSqlite(path.string());
    ASSERT_EQ(db->SchemaVersion(), 4);
    EXPECT_EQ(db->Migrate(), static_cast<int>(sqlite::AllMigrations().size()) - 4);
    {
      auto uow = db->BeginRead();
      auto list = uow->Casework().ListServices();
      ASSERT_EQ(list.size(), 3u);
      auto found = uow->Casework().FindServiceByName("HOUSING");
      ASSERT_TRUE(found);
      EXPECT_EQ(found->id, 3);  // the first of the two keeps the plain key
      EXPECT_EQ(uow->Casework().FindServiceByName("debt advice")->id, 8);
    }
    auto uow = db->BeginWrite();
    EXPECT_ANY_THROW(uow->Casework().InsertService({0, "housing", ""}));
  }
  testing::RawSqlite raw(path);
  EXPECT_EQ(raw.Scalar("SELECT name FROM services WHERE id = 5"), " housing ");
  remove_files();
}

}  // namespace
}  // namespace hearth
