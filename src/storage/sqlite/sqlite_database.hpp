// The embedded SQLite database: a small pool of connections, each used by one unit of work at a time.
#pragma once
#include <memory>
#include <mutex>
#include <vector>

#include "ports/database.hpp"
#include "storage/sqlite/connection.hpp"

namespace hearth::sqlite {

class SqliteDatabase final : public Database, public ConnectionSource {
 public:
  explicit SqliteDatabase(Options options);
  ~SqliteDatabase() override;

  std::unique_ptr<UnitOfWork> BeginRead() override;
  std::unique_ptr<UnitOfWork> BeginWrite() override;
  std::unique_ptr<UnitOfWork> BeginBulkWrite() override;
  void AppendAccessEvents(const std::vector<AuditEvent>& events) override;
  int Migrate() override;
  int SchemaVersion() override;
  bool Healthy() override;

  // Used by units of work to hand their connection back.
  void Release(std::unique_ptr<Connection> connection);
  // ConnectionSource: a unit of work's extra connections (the report's second reader) come from the same pool.
  std::unique_ptr<Connection> Borrow() override { return Acquire(); }
  void GiveBack(std::unique_ptr<Connection> connection) override { Release(std::move(connection)); }

 private:
  std::unique_ptr<Connection> Acquire();
  std::unique_ptr<UnitOfWork> Begin(bool write, bool bulk = false);

  int MigrateAccessLog();

  Options options_;
  // Views, searches and refusals are recorded in a second file beside the database (hearth-access.db for
  // hearth.db): every commit to a SQLite database empties the page cache of every reader of it, and the access
  // log commits many times a second. Its own writer connection keeps those commits away from the records.
  std::string access_path_;
  std::mutex access_mutex_;
  std::unique_ptr<Connection> access_writer_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

// The access-log file that goes with database `path`: "var/hearth.db" -> "var/hearth-access.db".
std::string AccessLogPath(const std::string& path);

// Opens (creating if needed) the database at `path` with Hearth's defaults.
std::unique_ptr<Database> OpenSqlite(const std::string& path);

}  // namespace hearth::sqlite
