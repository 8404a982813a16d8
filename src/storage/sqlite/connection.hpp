// A thin, owned wrapper over one sqlite3 connection and its prepared statements. Nothing here leaves
// src/storage: driver errors become hearth errors at the repository boundary.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

struct sqlite3;
struct sqlite3_stmt;

namespace hearth::sqlite {

struct Options {
  std::string path;
  bool synchronous_full = true;  // FULL: an acknowledged write survives power loss (DESIGN.md §6)
  int busy_timeout_ms = 5000;
  std::string attach_access;  // non-empty: the access-log database file, attached as schema "access"
};

// Thrown by this layer when SQLite reports an error it cannot turn into a value (disk full, corruption).
class StorageError : public std::runtime_error {
 public:
  StorageError(const std::string& what, int code) : std::runtime_error(what), code_(code) {}
  int code() const { return code_; }
  bool IsConstraint() const;

 private:
  int code_;
};

class Statement {
 public:
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();  // resets (the statement stays cached)

  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view value);
  Statement& Bind(int index, const std::string& value) { return Bind(index, std::string_view(value)); }
  Statement& Bind(int index, const char* value) { return Bind(index, std::string_view(value)); }
  Statement& BindNull(int index);
  template <class T>
  Statement& Bind(int index, const std::optional<T>& value) {
    return value ? Bind(index, *value) : BindNull(index);
  }

  // Advances to the next row; false when done. Throws StorageError on failure.
  bool Step();
  // Runs a statement that returns no rows.
  void Run();

  std::int64_t Int(int column) const;
  double Real(int column) const;
  std::string Text(int column) const;
  // The column's text without a copy: valid until the next Step() (for bulk reads).
  std::string_view TextView(int column) const;
  std::optional<std::string> OptionalText(int column) const;
  std::optional<std::int64_t> OptionalInt(int column) const;
  bool IsNull(int column) const;
  int ColumnCount() const;
  std::string_view ColumnName(int column) const;  // the column's alias ("AS name")

 private:
  sqlite3_stmt* stmt_;
};

class Connection {
 public:
  explicit Connection(const Options& options);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // A cached prepared statement for `sql` (use named constants: the cache is keyed by the text).
  Statement Prepare(std::string_view sql);
  // The same for SQL text that lives as long as the program (constants, function statics): cached by its address,
  // so a statement run millions of times (an import's inserts) is found without copying and hashing its text.
  Statement PrepareStatic(std::string_view sql);
  void Execute(std::string_view sql);  // one or more statements, no results
  // One statement through the prepared-statement cache: for BEGIN/COMMIT/ROLLBACK, run on every request.
  void Run(std::string_view sql) { Prepare(sql).Run(); }
  std::int64_t LastInsertId() const;
  int Changes() const;
  // True once this connection has a transaction open on its main database file: after BEGIN, only from the first
  // statement that reads it (a deferred BEGIN pins no snapshot by itself).
  bool HasOpenTransaction() const;

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
  std::map<std::pair<const char*, std::size_t>, sqlite3_stmt*> static_cache_;  // statements owned by cache_
};

// Lends further connections to the same database file (the pool), for work that one unit of work splits across
// threads; each is handed back when done.
class ConnectionSource {
 public:
  virtual ~ConnectionSource() = default;
  virtual std::unique_ptr<Connection> Borrow() = 0;
  virtual void GiveBack(std::unique_ptr<Connection> connection) = 0;
};

}  // namespace hearth::sqlite
