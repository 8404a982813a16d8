#include <gtest/gtest.h>


#include "storage/sqlite/migrations.hpp"
#include "unit/support/temp_database.hpp"

namespace hearth {
namespace {

// A version-4 database whose directory already holds two entries differing only in case and spacing: migration 5
// must not fail on them nor rename either, and must refuse a third from then on.
TEST(ServiceNamesMigration, KeepsExistingDuplicatesAndRefusesNewOnes) {
  const testing::OlderDatabase older("hearth_unit_v4", 4);
  const auto& path = older.path();
  {
    testing::RawSqlite raw(path);
    ASSERT_EQ(raw.Exec("INSERT INTO services (id, name, kind) VALUES (3, 'Housing', 'housing'), "
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
}

}  // namespace
}  // namespace hearth
