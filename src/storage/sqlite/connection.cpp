#include "storage/sqlite/connection.hpp"

#include <mutex>

#include <sqlite3.h>

namespace hearth::sqlite {
namespace {
[[noreturn]] void Fail(sqlite3* db, int code, std::string_view during) {
  // The message names the failure, never the bound values (they may be personal data).
  throw StorageError(std::string(during) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(code)), code);
}
}  // namespace

bool StorageError::IsConstraint() const { return (code_ & 0xff) == SQLITE_CONSTRAINT; }

Statement::~Statement() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Statement& Statement::Bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}
Statement& Statement::Bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}
Statement& Statement::Bind(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

bool Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Fail(sqlite3_db_handle(stmt_), rc, "step");
}

void Statement::Run() {
  while (Step()) {
  }
}

std::int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::Real(int column) const { return sqlite3_column_double(stmt_, column); }
bool Statement::IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

int Statement::ColumnCount() const { return sqlite3_column_count(stmt_); }
std::string_view Statement::ColumnName(int column) const {
  const char* name = sqlite3_column_name(stmt_, column);
  return name ? std::string_view(name) : std::string_view();
}

// Text is read through sqlite3_column_blob, which hands back a stored TEXT value's bytes where they lie (SQLite's
// "TEXT -> BLOB: no change"). sqlite3_column_text must give a NUL-terminated string, and a value read in place from
// a page has none, so it copies each one into a fresh allocation first: over the service report's ten-year load,
// millions of dates, a malloc and a copy each. Integers and reals still come back converted to text; NULL and the
// empty string both come back empty, as before. The database's encoding is UTF-8, so the bytes are the text.
std::string_view Statement::TextView(int column) const {
  const auto* p = sqlite3_column_blob(stmt_, column);
  if (p == nullptr) return {};
  return std::string_view(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}
std::string Statement::Text(int column) const { return std::string(TextView(column)); }
std::optional<std::string> Statement::OptionalText(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}
std::optional<std::int64_t> Statement::OptionalInt(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Int(column);
}

namespace {
// SQLite keeps memory statistics behind one process-wide mutex taken on every allocation; with several worker
// threads each on its own connection that mutex was the busiest lock in the server (perf: futex waits around
// sqlite3Malloc). Hearth never reads those statistics, so they are turned off before the library initialises.
void ConfigureSqliteOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);  // SQLITE_MISUSE if already initialised: harmless, then it stays on
  });
}
}  // namespace

Connection::Connection(const Options& options) {
  ConfigureSqliteOnce();
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(options.path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = "cannot open database " + options.path + ": " + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
    sqlite3_close(db_);
    db_ = nullptr;
    throw StorageError(msg, rc);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, options.busy_timeout_ms);
  Execute("PRAGMA journal_mode=WAL");
  Execute(options.synchronous_full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
  Execute("PRAGMA foreign_keys=ON");
  // So that INSERT OR REPLACE fires delete triggers too: the audit trail's "no delete" trigger cannot be bypassed.
  Execute("PRAGMA recursive_triggers=ON");
  // A larger page cache per pooled connection (the default is 2 MiB): the working set of a busy service fits.
  Execute("PRAGMA cache_size=-16384");
  if (!options.attach_access.empty()) Prepare("ATTACH DATABASE ?1 AS access").Bind(1, options.attach_access).Run();
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

Statement Connection::Prepare(std::string_view sql) {
  std::string key(sql);
  auto it = cache_.find(key);
  if (it != cache_.end()) return Statement(it->second);
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                                    nullptr);
  if (rc != SQLITE_OK) Fail(db_, rc, "prepare");
  cache_.emplace(std::move(key), stmt);
  return Statement(stmt);
}

Statement Connection::PrepareStatic(std::string_view sql) {
  const std::pair key(sql.data(), sql.size());
  if (auto it = static_cache_.find(key); it != static_cache_.end()) return Statement(it->second);
  Prepare(sql);  // into cache_, which owns it
  const auto stmt = cache_.find(std::string(sql))->second;
  static_cache_.emplace(key, stmt);
  return Statement(stmt);
}

void Connection::Execute(std::string_view sql) {
  std::string text(sql);
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    throw StorageError("exec: " + msg, rc);
  }
}

std::int64_t Connection::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
int Connection::Changes() const { return sqlite3_changes(db_); }
bool Connection::HasOpenTransaction() const { return sqlite3_txn_state(db_, "main") != SQLITE_TXN_NONE; }

}  // namespace hearth::sqlite
