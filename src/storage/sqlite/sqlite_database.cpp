#include "storage/sqlite/sqlite_database.hpp"

#include <filesystem>

#include "common/date.hpp"
#include "common/error.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/repositories.hpp"

namespace hearth::sqlite {
namespace {

constexpr std::size_t kMaxIdleConnections = 16;

class SqliteUnitOfWork final : public UnitOfWork {
 public:
  SqliteUnitOfWork(SqliteDatabase& owner, std::unique_ptr<Connection> connection, bool write)
      : owner_(owner),
        connection_(std::move(connection)),
        users_(*connection_),
        sessions_(*connection_),
        throttle_(*connection_),
        families_(*connection_),
        people_(*connection_),
        referrals_(*connection_),
        audit_(*connection_) {
    // Writers take the write lock up front so two writers never deadlock upgrading a read lock.
    connection_->Run(write ? "BEGIN IMMEDIATE" : "BEGIN");
  }
  ~SqliteUnitOfWork() override {
    if (!done_) {
      try {
        connection_->Run("ROLLBACK");
      } catch (const StorageError&) {
        connection_.reset();  // an unusable connection is dropped, not pooled
      }
    }
    if (connection_) owner_.Release(std::move(connection_));
  }

  UserRepository& Users() override { return users_; }
  SessionRepository& Sessions() override { return sessions_; }
  SignInThrottleRepository& Throttle() override { return throttle_; }
  FamilyRepository& Families() override { return families_; }
  PersonRepository& People() override { return people_; }
  ReferralRepository& Referrals() override { return referrals_; }
  AuditRepository& Audit() override { return audit_; }
  void Commit() override {
    connection_->Run("COMMIT");
    done_ = true;
  }

 private:
  SqliteDatabase& owner_;
  std::unique_ptr<Connection> connection_;
  SqliteUsers users_;
  SqliteSessions sessions_;
  SqliteThrottle throttle_;
  SqliteFamilies families_;
  SqlitePeople people_;
  SqliteReferrals referrals_;
  SqliteAudit audit_;
  bool done_ = false;
};

constexpr std::string_view kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
    "applied_at TEXT NOT NULL)";
constexpr std::string_view kSelectSchemaVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr std::string_view kInsertMigration =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)";

}  // namespace

SqliteDatabase::SqliteDatabase(Options options) : options_(std::move(options)) {
  auto parent = std::filesystem::path(options_.path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  Release(Acquire());  // fail now, not on the first request, if the file cannot be opened
}

SqliteDatabase::~SqliteDatabase() = default;

std::unique_ptr<Connection> SqliteDatabase::Acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return c;
    }
  }
  return std::make_unique<Connection>(options_);
}

void SqliteDatabase::Release(std::unique_ptr<Connection> connection) {
  std::lock_guard lock(mutex_);
  if (idle_.size() < kMaxIdleConnections) idle_.push_back(std::move(connection));
}

std::unique_ptr<UnitOfWork> SqliteDatabase::Begin(bool write) {
  try {
    return std::make_unique<SqliteUnitOfWork>(*this, Acquire(), write);
  } catch (const StorageError& e) {
    throw FatalError(std::string("database unavailable: ") + e.what());
  }
}

std::unique_ptr<UnitOfWork> SqliteDatabase::BeginRead() { return Begin(false); }
std::unique_ptr<UnitOfWork> SqliteDatabase::BeginWrite() { return Begin(true); }

int SqliteDatabase::SchemaVersion() {
  auto c = Acquire();
  c->Execute(kCreateMigrationsTable);
  int version = 0;
  {
    auto st = c->Prepare(kSelectSchemaVersion);
    if (st.Step()) version = static_cast<int>(st.Int(0));
  }
  Release(std::move(c));
  return version;
}

int SqliteDatabase::Migrate() {
  auto c = Acquire();
  c->Execute(kCreateMigrationsTable);
  int applied = 0;
  for (const auto& m : AllMigrations()) {
    // Each migration and its record commit together, so a crash leaves either all of it or none.
    c->Execute("BEGIN IMMEDIATE");
    try {
      int current = 0;
      {
        auto st = c->Prepare(kSelectSchemaVersion);
        if (st.Step()) current = static_cast<int>(st.Int(0));
      }
      if (m.version <= current) {
        c->Execute("ROLLBACK");
        continue;
      }
      c->Execute(m.sql);
      c->Prepare(kInsertMigration).Bind(1, m.version).Bind(2, m.name).Bind(3, UtcTimestampNow()).Run();
      c->Execute("COMMIT");
      ++applied;
    } catch (const StorageError& e) {
      c->Execute("ROLLBACK");
      throw FatalError("migration " + std::to_string(m.version) + " failed: " + e.what());
    }
  }
  Release(std::move(c));
  return applied;
}

bool SqliteDatabase::Healthy() {
  try {
    auto c = Acquire();
    bool ok = false;
    {
      auto st = c->Prepare("SELECT 1");
      ok = st.Step() && st.Int(0) == 1;
    }
    Release(std::move(c));
    return ok;
  } catch (const StorageError&) {
    return false;
  }
}

std::unique_ptr<Database> OpenSqlite(const std::string& path) {
  Options options;
  options.path = path;
  return std::make_unique<SqliteDatabase>(options);
}

}  // namespace hearth::sqlite
