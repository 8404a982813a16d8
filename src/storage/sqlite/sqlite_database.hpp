// The embedded SQLite database: a small pool of connections, each used by one unit of work at a time.
#pragma once
#include <memory>
#include <mutex>
#include <vector>

#include "ports/database.hpp"
#include "storage/sqlite/connection.hpp"

namespace hearth::sqlite {

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(Options options);
  ~SqliteDatabase() override;

  std::unique_ptr<UnitOfWork> BeginRead() override;
  std::unique_ptr<UnitOfWork> BeginWrite() override;
  int Migrate() override;
  int SchemaVersion() override;
  bool Healthy() override;

  // Used by units of work to hand their connection back.
  void Release(std::unique_ptr<Connection> connection);

 private:
  std::unique_ptr<Connection> Acquire();
  std::unique_ptr<UnitOfWork> Begin(bool write);

  Options options_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

// Opens (creating if needed) the database at `path` with Hearth's defaults.
std::unique_ptr<Database> OpenSqlite(const std::string& path);

}  // namespace hearth::sqlite
