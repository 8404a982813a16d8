// The SQLite engine's own guarantees: migrations, WAL, foreign keys, transactions, an append-only audit trail.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/migrations.hpp"
#include "unit/support/temp_database.hpp"

namespace hearth {
namespace {

using testing::RawSqlite;
using testing::TempDatabase;

TEST(SqliteMigrations, ApplyOnceAndRecordTheSchemaVersion) {
  const auto path = std::filesystem::temp_directory_path() / ("hearth_unit_migrate_" + std::to_string(::getpid()) + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  {
    auto db = sqlite::OpenSqlite(path.string());
    EXPECT_EQ(db->SchemaVersion(), 0);
    EXPECT_EQ(db->Migrate(), static_cast<int>(sqlite::AllMigrations().size()));
    EXPECT_EQ(db->SchemaVersion(), sqlite::AllMigrations().back().version);
    EXPECT_EQ(db->Migrate(), 0);
    EXPECT_EQ(db->SchemaVersion(), sqlite::AllMigrations().back().version);
  }
  {
    auto reopened = sqlite::OpenSqlite(path.string());
    EXPECT_EQ(reopened->Migrate(), 0);
    EXPECT_EQ(reopened->SchemaVersion(), sqlite::AllMigrations().back().version);
    EXPECT_TRUE(reopened->Healthy());
  }
  RawSqlite raw(path);
  EXPECT_EQ(raw.Scalar("SELECT COUNT(*) FROM schema_migrations"), std::to_string(sqlite::AllMigrations().size()));
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

TEST(SqliteMigrations, VersionsAreIncreasingFromOne) {
  int expected = 1;
  for (const auto& m : sqlite::AllMigrations()) {
    EXPECT_EQ(m.version, expected++);
    EXPECT_FALSE(m.name.empty());
    EXPECT_FALSE(m.sql.empty());
  }
}

TEST(SqliteDatabase, UsesWriteAheadLogging) {
  TempDatabase temp;
  testing::InsertFamily(temp.db(), "CF37 1DL");
  // journal_mode=WAL is recorded in the file itself, so a second connection reports it.
  RawSqlite raw(temp.path());
  EXPECT_EQ(raw.Scalar("PRAGMA journal_mode"), "wal");
  EXPECT_TRUE(std::filesystem::exists(temp.path().string() + "-wal"));
}

TEST(SqliteDatabase, EnforcesForeignKeys) {
  TempDatabase temp;
  Person orphan;
  orphan.family_id = 4242;  // no such family
  orphan.given_name = "Nobody";
  orphan.family_name = "Nowhere";
  auto uow = temp.db().BeginWrite();
  EXPECT_THROW(uow->People().Insert(orphan), sqlite::StorageError);
}

// A bulk writer (the import) checks its own references, so SQLite does not; the pooled connection it used must get
// its checks back for the next unit of work, whether the bulk write was committed or rolled back.
TEST(SqliteDatabase, ForeignKeysAreBackOnAfterABulkWrite) {
  TempDatabase temp;
  Person orphan;
  orphan.family_id = 4242;  // no such family
  orphan.given_name = "Nobody";
  orphan.family_name = "Nowhere";
  for (bool commit : {true, false}) {
    {
      auto bulk = temp.db().BeginBulkWrite();
      Family f;
      f.area = "West";
      bulk->Families().Insert(f);
      if (commit) bulk->Commit();
    }
    auto uow = temp.db().BeginWrite();
    EXPECT_THROW(uow->People().Insert(orphan), sqlite::StorageError) << (commit ? "after commit" : "after rollback");
  }
}

// A bulk write that has the file to itself writes through a rollback journal (its pages written once, not into the
// WAL and again at the checkpoint); the file is in WAL again when it ends, committed or not, and no journal is left.
TEST(SqliteDatabase, BulkWriteLeavesWalOnlyWhileItLasts) {
  TempDatabase temp;
  const auto journal = temp.path().string() + "-journal";
  for (bool commit : {true, false}) {
    {
      auto bulk = temp.db().BeginBulkWrite();
      EXPECT_EQ(RawSqlite(temp.path()).Scalar("PRAGMA journal_mode"), "delete");
      Family f;
      f.area = "West";
      bulk->Families().Insert(f);
      EXPECT_TRUE(std::filesystem::exists(journal));
      if (commit) bulk->Commit();
    }
    EXPECT_EQ(RawSqlite(temp.path()).Scalar("PRAGMA journal_mode"), "wal")
        << (commit ? "after commit" : "after rollback");
    EXPECT_FALSE(std::filesystem::exists(journal));
  }
  std::filesystem::remove(temp.path().string() + "-wal");
  testing::InsertFamily(temp.db());  // the pooled connection writes through the WAL again
  EXPECT_TRUE(std::filesystem::exists(temp.path().string() + "-wal"));
  EXPECT_EQ(RawSqlite(temp.path()).Scalar("SELECT count(*) FROM families"), "2");
}

// Another connection holding the file open (a running server) keeps it in WAL: the bulk write goes through the WAL.
TEST(SqliteDatabase, BulkWriteBesideAnotherConnectionStaysInWal) {
  TempDatabase temp;
  RawSqlite other(temp.path());
  ASSERT_EQ(other.Scalar("SELECT count(*) FROM families"), "0");
  {
    auto bulk = temp.db().BeginBulkWrite();
    Family f;
    f.area = "West";
    bulk->Families().Insert(f);
    EXPECT_EQ(RawSqlite(temp.path()).Scalar("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(other.Scalar("SELECT count(*) FROM families"), "0");  // still reads the last commit
    bulk->Commit();
  }
  EXPECT_EQ(other.Scalar("SELECT count(*) FROM families"), "1");
  EXPECT_EQ(other.Scalar("PRAGMA journal_mode"), "wal");
}

TEST(SqliteDatabase, BulkWritesWithoutCommitAreRolledBack) {
  TempDatabase temp;
  {
    auto bulk = temp.db().BeginBulkWrite();
    Family f;
    f.area = "West";
    bulk->Families().Insert(f);
  }
  auto uow = temp.db().BeginRead();
  EXPECT_EQ(uow->Families().Count(), 0);
}

TEST(SqliteDatabase, ForeignKeyViolationIsAConstraintError) {
  TempDatabase temp;
  Referral r;
  r.family_id = 999;
  r.received_on = *Date::Parse("2025-01-01");
  auto uow = temp.db().BeginWrite();
  try {
    uow->Referrals().Insert(r);
    ADD_FAILURE() << "a referral for a missing family was stored";
  } catch (const sqlite::StorageError& e) {
    EXPECT_TRUE(e.IsConstraint()) << e.what();
  }
}

TEST(SqliteDatabase, WritesWithoutCommitAreRolledBack) {
  TempDatabase temp;
  {
    auto uow = temp.db().BeginWrite();
    Family f;
    f.area = "West";
    uow->Families().Insert(f);
    // no Commit()
  }
  auto uow = temp.db().BeginRead();
  EXPECT_EQ(uow->Families().Count(), 0);
}

TEST(SqliteDatabase, CommittedWritesAreVisibleToLaterReaders) {
  TempDatabase temp;
  const RecordId id = testing::InsertFamily(temp.db(), "CF37 1DL", "East");
  auto uow = temp.db().BeginRead();
  auto family = uow->Families().FindById(id);
  ASSERT_TRUE(family);
  EXPECT_EQ(family->area, "East");
  EXPECT_EQ(family->postcode, "CF37 1DL");
  EXPECT_EQ(family->version, 1);
}

AuditEvent SampleEvent() {
  AuditEvent e;
  e.at = "2026-11-22T10:00:00Z";
  e.user_id = 0;
  e.role = "system";
  e.action = "view";
  e.record_type = "family";
  e.record_id = 7;
  e.family_id = 7;
  e.outcome = "ok";
  return e;
}

TEST(SqliteAudit, AppendedRowsCanBeListedForTheirFamily) {
  TempDatabase temp;
  {
    auto uow = temp.db().BeginWrite();
    uow->Audit().Append(SampleEvent());
    auto other = SampleEvent();
    other.family_id = 8;
    other.record_id = 8;
    uow->Audit().Append(other);
    uow->Commit();
  }
  auto uow = temp.db().BeginRead();
  EXPECT_EQ(uow->Audit().Count(), 2);
  EXPECT_EQ(uow->Audit().CountForFamily(7), 1);
  auto events = uow->Audit().ListForFamily(7, 0, 10);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].action, "view");
  EXPECT_EQ(events[0].outcome, "ok");
  EXPECT_EQ(events[0].record_id, 7);
}

TEST(SqliteAudit, RowsCannotBeUpdated) {
  TempDatabase temp;
  {
    auto uow = temp.db().BeginWrite();
    uow->Audit().Append(SampleEvent());
    uow->Commit();
  }
  RawSqlite raw(temp.path());
  EXPECT_NE(raw.Exec("UPDATE audit_events SET outcome = 'denied'"), SQLITE_OK);
  EXPECT_NE(raw.last_error().find("cannot be changed"), std::string::npos) << raw.last_error();
  EXPECT_NE(raw.Exec("UPDATE audit_events SET user_id = 99, action = 'nothing'"), SQLITE_OK);
  EXPECT_EQ(raw.Scalar("SELECT outcome FROM audit_events"), "ok");
  EXPECT_EQ(raw.Scalar("SELECT action FROM audit_events"), "view");
}

TEST(SqliteAudit, RowsCannotBeDeleted) {
  TempDatabase temp;
  {
    auto uow = temp.db().BeginWrite();
    uow->Audit().Append(SampleEvent());
    uow->Audit().Append(SampleEvent());
    uow->Commit();
  }
  RawSqlite raw(temp.path());
  EXPECT_NE(raw.Exec("DELETE FROM audit_events"), SQLITE_OK);
  EXPECT_NE(raw.last_error().find("cannot be deleted"), std::string::npos) << raw.last_error();
  EXPECT_NE(raw.Exec("DELETE FROM audit_events WHERE id = 1"), SQLITE_OK);
  EXPECT_EQ(raw.Scalar("SELECT COUNT(*) FROM audit_events"), "2");
}

// INSERT OR REPLACE deletes the clashing row without firing DELETE triggers (unless recursive_triggers is on),
// so it is a way round the no-delete trigger that must be closed too.
TEST(SqliteAudit, RowsCannotBeOverwrittenByReplace) {
  TempDatabase temp;
  {
    auto uow = temp.db().BeginWrite();
    uow->Audit().Append(SampleEvent());
    uow->Commit();
  }
  RawSqlite raw(temp.path());
  const std::string id = raw.Scalar("SELECT id FROM audit_events");
  raw.Exec("INSERT OR REPLACE INTO audit_events (id, at, role, action, record_type, outcome) VALUES (" + id +
           ", 'x', 'x', 'forged', 'family', 'ok')");
  EXPECT_EQ(raw.Scalar("SELECT action FROM audit_events WHERE id = " + id), "view");
  EXPECT_EQ(raw.Scalar("SELECT COUNT(*) FROM audit_events"), "1");
}

}  // namespace
}  // namespace hearth
