#include "storage/sqlite/sqlite_database.hpp"

#include <filesystem>
#include <optional>
#include <string>

#include "common/date.hpp"
#include "common/error.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/interchange_store.hpp"
#include "storage/sqlite/repositories.hpp"

namespace hearth::sqlite {
namespace {

constexpr std::size_t kMaxIdleConnections = 16;
constexpr int kSynchronousFull = 2;

std::string PragmaValue(Connection& c, std::string_view sql) {
  auto st = c.Prepare(sql);
  return st.Step() ? st.Text(0) : std::string();
}

// A bulk load into a mostly new file is written once through a rollback journal, which copies only the pages the
// file held before the load (few, into an empty database), instead of twice in WAL mode: into the WAL at the commit
// and again into the file at the checkpoint. Leaving WAL needs the file to itself: while any other connection has
// it open SQLite refuses at once (SQLITE_BUSY) and the load stays in WAL. With a rollback journal, synchronous=EXTRA
// also syncs the directory once the journal is deleted at the commit: without that, a power cut just after the
// commit could bring the journal back and undo the load, which WAL's FULL does not allow. Returns the synchronous
// level to restore, or nothing if the connection stays in WAL.
std::optional<std::string> LeaveWal(Connection& c) {
  const auto synchronous = PragmaValue(c, "PRAGMA main.synchronous");
  try {
    if (PragmaValue(c, "PRAGMA main.journal_mode=DELETE") != "delete") return std::nullopt;
  } catch (const StorageError&) {
    return std::nullopt;  // another connection has the file open
  }
  if (synchronous == std::to_string(kSynchronousFull)) c.Execute("PRAGMA main.synchronous=EXTRA");
  return synchronous;
}

// Every connection opens the file in WAL mode anyway (Connection's constructor), and after a crash during the load
// the first one to open it rolls the load back from the journal before switching.
void BackToWal(Connection& c, const std::string& synchronous) {
  if (PragmaValue(c, "PRAGMA main.journal_mode=WAL") != "wal") throw StorageError("journal mode not restored", 0);
  c.Execute("PRAGMA main.synchronous=" + synchronous);
}

class SqliteUnitOfWork final : public UnitOfWork {
 public:
  SqliteUnitOfWork(SqliteDatabase& owner, std::unique_ptr<Connection> connection, bool write, bool bulk)
      : owner_(owner),
        connection_(std::move(connection)),
        users_(*connection_),
        sessions_(*connection_),
        throttle_(*connection_),
        families_(*connection_),
        people_(*connection_),
        referrals_(*connection_),
        episodes_(*connection_),
        casework_(*connection_),
        panel_meetings_(*connection_),
        practitioners_(*connection_),
        audit_(*connection_),
        drafts_(*connection_),
        reports_(*connection_, &owner_),
        assessments_(*connection_),
        instrument_results_(*connection_),
        interchange_(*connection_),
        outcomes_(*connection_),
        bulk_(bulk) {
    // A bulk load checks its own references. With foreign keys on, SQLite looks up the parent of every reference
    // of every row and, worse, runs each insert inside a statement savepoint whose journal copies every page the
    // insert touches (a 200,000-episode import wrote 5.7 million pages to a temporary file). The pragma only takes
    // effect outside a transaction, so it is set before BEGIN and restored when the unit of work ends.
    if (bulk_) {
      connection_->Execute("PRAGMA foreign_keys=OFF");
      wal_synchronous_ = LeaveWal(*connection_);
    }
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
    if (connection_ && bulk_) {
      try {
        connection_->Execute("PRAGMA foreign_keys=ON");
      } catch (const StorageError&) {
        connection_.reset();  // never pooled with its checks off
      }
    }
    if (connection_ && wal_synchronous_) {
      try {
        BackToWal(*connection_, *wal_synchronous_);
      } catch (const StorageError&) {
        connection_.reset();  // not pooled out of WAL; the next connection opened puts the file back in WAL
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
  EpisodeRepository& Episodes() override { return episodes_; }
  CaseworkRepository& Casework() override { return casework_; }
  PanelMeetingRepository& PanelMeetings() override { return panel_meetings_; }
  PractitionerRepository& Practitioners() override { return practitioners_; }
  AuditRepository& Audit() override { return audit_; }
  DraftRepository& Drafts() override { return drafts_; }
  ReportRepository& Reports() override { return reports_; }
  AssessmentRepository& Assessments() override { return assessments_; }
  InstrumentResultRepository& InstrumentResults() override { return instrument_results_; }
  InterchangeRepository& Interchange() override { return interchange_; }
  OutcomeRepository& Outcomes() override { return outcomes_; }
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
  SqliteEpisodes episodes_;
  SqliteCasework casework_;
  SqlitePanelMeetings panel_meetings_;
  SqlitePractitioners practitioners_;
  SqliteAudit audit_;
  SqliteDrafts drafts_;
  SqliteReports reports_;
  SqliteAssessments assessments_;
  SqliteInstrumentResults instrument_results_;
  SqliteInterchange interchange_;
  SqliteOutcomes outcomes_;
  bool bulk_ = false;
  std::optional<std::string> wal_synchronous_;  // set while a bulk write has left WAL (LeaveWal)
  bool done_ = false;
};

constexpr std::string_view kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
    "applied_at TEXT NOT NULL)";
constexpr std::string_view kSelectSchemaVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr std::string_view kInsertMigration =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)";

}  // namespace

std::string AccessLogPath(const std::string& path) {
  constexpr std::string_view kSuffix = ".db";
  if (path.size() > kSuffix.size() && path.ends_with(kSuffix))
    return path.substr(0, path.size() - kSuffix.size()) + "-access.db";
  return path + "-access";
}

SqliteDatabase::SqliteDatabase(Options options) : options_(std::move(options)) {
  auto parent = std::filesystem::path(options_.path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  access_path_ = AccessLogPath(options_.path);
  options_.attach_access = access_path_;
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

std::unique_ptr<UnitOfWork> SqliteDatabase::Begin(bool write, bool bulk) {
  try {
    return std::make_unique<SqliteUnitOfWork>(*this, Acquire(), write, bulk);
  } catch (const StorageError& e) {
    throw FatalError(std::string("database unavailable: ") + e.what());
  }
}

std::unique_ptr<UnitOfWork> SqliteDatabase::BeginRead() { return Begin(false); }
std::unique_ptr<UnitOfWork> SqliteDatabase::BeginWrite() { return Begin(true); }
std::unique_ptr<UnitOfWork> SqliteDatabase::BeginBulkWrite() { return Begin(true, true); }

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

namespace {
constexpr std::string_view kCreateAccessLog = R"SQL(
CREATE TABLE IF NOT EXISTS access_events (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id INTEGER,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  record_type TEXT NOT NULL,
  record_id INTEGER,
  family_id INTEGER,
  outcome TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS access_events_family ON access_events(family_id, id);
CREATE TRIGGER IF NOT EXISTS access_events_no_update BEFORE UPDATE ON access_events
BEGIN SELECT RAISE(ABORT, 'audit rows cannot be changed'); END;
CREATE TRIGGER IF NOT EXISTS access_events_no_delete BEFORE DELETE ON access_events
BEGIN SELECT RAISE(ABORT, 'audit rows cannot be deleted'); END;
CREATE TRIGGER IF NOT EXISTS access_events_no_replace BEFORE INSERT ON access_events
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM access_events WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'audit rows cannot be replaced'); END;
)SQL";
constexpr std::string_view kInsertAccessEvent =
    "INSERT INTO access_events (at, user_id, role, action, record_type, record_id, family_id, outcome) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
}  // namespace

// The access log's schema is created whole and idempotently (its tables and triggers say IF NOT EXISTS); a change
// to it later will get a versioned migration like the main file's.
int SqliteDatabase::MigrateAccessLog() {
  std::lock_guard lock(access_mutex_);
  if (!access_writer_) {
    Options o = options_;
    o.path = access_path_;
    o.attach_access.clear();
    access_writer_ = std::make_unique<Connection>(o);
  }
  access_writer_->Execute("BEGIN IMMEDIATE");
  try {
    access_writer_->Execute(kCreateAccessLog);
    access_writer_->Execute("COMMIT");
  } catch (const StorageError& e) {
    access_writer_->Execute("ROLLBACK");
    throw FatalError(std::string("access log migration failed: ") + e.what());
  }
  return 0;
}

void SqliteDatabase::AppendAccessEvents(const std::vector<AuditEvent>& events) {
  if (!access_writer_) MigrateAccessLog();
  std::lock_guard lock(access_mutex_);
  Connection& c = *access_writer_;
  c.Run("BEGIN IMMEDIATE");
  try {
    for (const auto& e : events) {
      auto st = c.Prepare(kInsertAccessEvent);
      st.Bind(1, e.at);
      if (e.user_id != 0) st.Bind(2, e.user_id); else st.BindNull(2);
      st.Bind(3, e.role).Bind(4, e.action).Bind(5, e.record_type);
      if (e.record_id != 0) st.Bind(6, e.record_id); else st.BindNull(6);
      if (e.family_id != 0) st.Bind(7, e.family_id); else st.BindNull(7);
      st.Bind(8, e.outcome);
      st.Run();
    }
    c.Run("COMMIT");
  } catch (const StorageError&) {
    c.Run("ROLLBACK");
    throw;
  }
}

int SqliteDatabase::Migrate() {
  MigrateAccessLog();
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
