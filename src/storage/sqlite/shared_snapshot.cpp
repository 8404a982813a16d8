#include "storage/sqlite/shared_snapshot.hpp"

namespace hearth::sqlite {
namespace {

// A read of the main database file (its schema table): the statement that starts a read transaction and so fixes
// the connection's snapshot.
constexpr std::string_view kFirstRead = "SELECT count(*) FROM main.sqlite_schema";

void FirstRead(Connection& c) {
  Statement s = c.Prepare(kFirstRead);
  s.Step();
}

void RollbackQuietly(Connection& c) {
  try {
    c.Run("ROLLBACK");
  } catch (const StorageError&) {  // no transaction was open: nothing to undo
  }
}

}  // namespace

bool ShareSnapshot(Connection& reader, Connection& helper, Connection& lock,
                   const std::function<void()>& while_locked) {
  if (reader.HasOpenTransaction()) return false;
  try {
    lock.Run("BEGIN IMMEDIATE");
  } catch (const StorageError&) {  // busy: a writer kept the lock past the busy timeout
    return false;
  }
  try {
    FirstRead(reader);
    if (while_locked) while_locked();
    helper.Run("BEGIN");
    FirstRead(helper);
  } catch (...) {
    RollbackQuietly(helper);
    RollbackQuietly(lock);
    throw;
  }
  lock.Run("ROLLBACK");
  return true;
}

}  // namespace hearth::sqlite
