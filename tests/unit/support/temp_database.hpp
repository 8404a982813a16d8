// Test support: a migrated SQLite database in a file of its own, removed (with its WAL and shared-memory files)
// when the test ends; plus small builders for inputs, users and families. Header-only because the unit test
// target compiles only tests/unit/**/*_test.cpp.
#pragma once
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/principal.hpp"
#include "common/secrets.hpp"
#include "unit/support/inputs.hpp"
#include "ports/database.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace hearth::testing {

class TempDatabase {
 public:
  TempDatabase() : path_(UniquePath()) {
    InitialiseCrypto();
    Remove();
    db_ = sqlite::OpenSqlite(path_.string());
    db_->Migrate();
  }
  ~TempDatabase() {
    db_.reset();
    Remove();
  }
  TempDatabase(const TempDatabase&) = delete;
  TempDatabase& operator=(const TempDatabase&) = delete;

  Database& db() { return *db_; }
  const std::filesystem::path& path() const { return path_; }
  // Options for a connection of a test's own to this database (SQLite's defaults otherwise).
  sqlite::Options ConnectionOptions() const {
    sqlite::Options o;
    o.path = path_.string();
    return o;
  }

 private:
  static std::filesystem::path UniquePath() {
    static std::atomic<int> counter{0};
    std::string name = "hearth_unit_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    if (const auto* info = ::testing::UnitTest::GetInstance()->current_test_info())
      name += std::string("_") + info->test_suite_name() + "_" + info->name();
    return std::filesystem::temp_directory_path() / (name + ".db");
  }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path_.string() + suffix);
  }

  std::filesystem::path path_;
  std::unique_ptr<Database> db_;
};

// A second, raw connection to the same file, for checks the application's ports deliberately cannot express
// (the audit table refusing changes, what the sessions table holds).
class RawSqlite {
 public:
  explicit RawSqlite(const std::filesystem::path& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
      ADD_FAILURE() << "cannot open " << path << ": " << sqlite3_errmsg(db_);
    sqlite3_busy_timeout(db_, 5000);
  }
  ~RawSqlite() { sqlite3_close_v2(db_); }
  RawSqlite(const RawSqlite&) = delete;
  RawSqlite& operator=(const RawSqlite&) = delete;

  // The result code of running `sql` (SQLITE_OK on success); the message is kept in last_error().
  int Exec(const std::string& sql) {
    char* err = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
    last_error_ = err ? err : "";
    sqlite3_free(err);
    return rc;
  }
  // The first column of every row of `sql`, as text ("" for NULL).
  std::vector<std::string> Column(const std::string& sql) {
    std::vector<std::string> out;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << "prepare failed: " << sqlite3_errmsg(db_) << " in " << sql;
      return out;
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
      const auto* text = sqlite3_column_text(st, 0);
      out.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
    }
    sqlite3_finalize(st);
    return out;
  }
  std::string Scalar(const std::string& sql) {
    auto rows = Column(sql);
    return rows.empty() ? std::string() : rows.front();
  }
  const std::string& last_error() const { return last_error_; }

 private:
  sqlite3* db_ = nullptr;
  std::string last_error_;
};

// A database file as an older Hearth left it: migrations 1..`version` applied by hand and recorded, nothing opened
// through the application yet, so a test can put rows in place before the newer migrations run over them. The file,
// its WAL files and its access log are removed before and after.
class OlderDatabase {
 public:
  OlderDatabase(std::string_view name, int version)
      : path_(std::filesystem::temp_directory_path() /
              (std::string(name) + "_" + std::to_string(::getpid()) + ".db")) {
    Remove();
    std::ofstream(path_).close();
    RawSqlite raw(path_);
    EXPECT_EQ(raw.Exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                       "applied_at TEXT NOT NULL)"),
              SQLITE_OK);
    for (const auto& m : sqlite::AllMigrations()) {
      if (m.version > version) break;
      EXPECT_EQ(raw.Exec(std::string(m.sql)), SQLITE_OK) << raw.last_error();
      EXPECT_EQ(raw.Exec("INSERT INTO schema_migrations VALUES (" + std::to_string(m.version) + ", 'old', 'x')"),
                SQLITE_OK);
    }
  }
  ~OlderDatabase() { Remove(); }
  OlderDatabase(const OlderDatabase&) = delete;
  OlderDatabase& operator=(const OlderDatabase&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  void Remove() {
    const auto access = sqlite::AccessLogPath(path_.string());
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path_.string() + suffix);
      std::filesystem::remove(access + suffix);
    }
  }
  std::filesystem::path path_;
};

// A user row written straight through the port: fast (no argon2id), for tests that do not sign in.
inline RecordId InsertUser(Database& db, const std::string& username, Role role,
                           std::optional<Agency> agency = std::nullopt) {
  auto uow = db.BeginWrite();
  User u;
  u.username = username;
  u.role = role;
  u.agency = agency;
  u.password_hash = "not-a-real-hash";
  u.created_at = "2026-01-01T00:00:00Z";
  const RecordId id = uow->Users().Insert(u);
  uow->Commit();
  return id;
}

// The principal a signed-in user with `role` would have.
inline Principal PrincipalFor(RecordId user_id, const std::string& username, Role role,
                              std::optional<Agency> agency = std::nullopt) {
  Principal p;
  p.user_id = user_id;
  p.username = username;
  p.role = role;
  p.agency = agency;
  return p;
}

inline RecordId InsertFamily(Database& db, const std::string& postcode = "", const std::string& area = "West") {
  auto uow = db.BeginWrite();
  Family f;
  f.area = area;
  f.postcode = postcode;
  const RecordId id = uow->Families().Insert(f);
  uow->Commit();
  return id;
}

inline RecordId InsertPerson(Database& db, RecordId family_id, const std::string& given, const std::string& family,
                             std::optional<std::string> date_of_birth = std::nullopt,
                             MemberRole role = MemberRole::kChild) {
  auto uow = db.BeginWrite();
  Person p;
  p.family_id = family_id;
  p.given_name = given;
  p.family_name = family;
  if (date_of_birth) p.date_of_birth = Date::Parse(*date_of_birth);
  p.role = role;
  const RecordId id = uow->People().Insert(p);
  uow->Commit();
  return id;
}

// A referral for `family_id` with the given consent and sharing; returns the referral id.
inline RecordId InsertReferral(Database& db, RecordId family_id, std::optional<bool> consent,
                               std::vector<Agency> share_with = {},
                               ReferralDecision decision = ReferralDecision::kEarlyHelp) {
  auto uow = db.BeginWrite();
  Referral r;
  r.family_id = family_id;
  r.received_on = *Date::Parse("2025-03-10");
  r.source = ReferralSource::kSchool;
  r.reasons = {OutcomeArea::kEducation};
  r.consent.given = consent;
  if (consent == true) {
    r.consent.given_by = "Parent";
    r.consent.given_on = r.received_on;
  }
  r.consent.share_with = std::move(share_with);
  r.decision = decision;
  r.rationale = "test";
  const RecordId id = uow->Referrals().Insert(r);
  uow->Commit();
  return id;
}

// An open episode for `family_id` (opened by `referral_id`); returns the episode id.
inline RecordId InsertEpisode(Database& db, RecordId family_id, RecordId referral_id) {
  auto uow = db.BeginWrite();
  Episode e;
  e.family_id = family_id;
  e.referral_id = referral_id;
  e.opened_on = *Date::Parse("2025-03-10");
  const RecordId id = uow->Referrals().InsertEpisode(e);
  uow->Commit();
  return id;
}

inline void AssignToCaseload(Database& db, RecordId episode_id, RecordId user_id, Role role) {
  auto uow = db.BeginWrite();
  uow->Referrals().InsertAssignment(episode_id, user_id, role, *Date::Parse("2025-03-11"));
  uow->Commit();
}

}  // namespace hearth::testing
