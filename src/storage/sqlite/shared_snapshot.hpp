// Two connections reading one snapshot of the database, so that one unit of work's reads can be split across two
// threads and still see exactly the same committed records (the service report's load, on both cores).
#pragma once
#include <functional>

#include "storage/sqlite/connection.hpp"

namespace hearth::sqlite {

// Puts `reader` (inside a deferred BEGIN that has read nothing yet) and `helper` (no transaction) on one snapshot:
// afterwards both are in a read transaction that sees the same commits, whatever other connections commit later.
// `lock` is a third connection, used only while this runs.
//
// Debian's SQLite is built without SQLITE_ENABLE_SNAPSHOT (sqlite3_snapshot_open), so a second connection cannot
// be opened on a given snapshot. In WAL mode a reader's snapshot is fixed by its first read and is the newest
// commit at that moment; so `lock` takes the write lock (BEGIN IMMEDIATE: no other connection can commit while it
// holds it), both connections make their first read, and `lock` lets go (ROLLBACK: it wrote nothing). Writers wait
// for the length of two one-row reads.
//
// Returns false, leaving `helper` without a transaction and `reader` as it was, when that cannot be done: `reader`
// has already read (its snapshot may be older than the newest commit, and no other connection can join it), or the
// write lock was not free within the busy timeout (a long write). The caller then reads on `reader` alone.
// `while_locked`, if given, runs between the two first reads, with the write lock held (for tests).
bool ShareSnapshot(Connection& reader, Connection& helper, Connection& lock,
                   const std::function<void()>& while_locked = {});

}  // namespace hearth::sqlite
