// Two connections put on one snapshot (the service report's load on two threads): both see the same commits, and
// a writer that tries to commit while they take their snapshots is kept out, not half seen.
#include <gtest/gtest.h>

#include "storage/sqlite/shared_snapshot.hpp"
#include "unit/support/temp_database.hpp"

namespace hearth::sqlite {
namespace {

std::int64_t Count(Connection& c) {
  Statement s = c.Prepare("SELECT count(*) FROM families");
  EXPECT_TRUE(s.Step());
  return s.Int(0);
}

void AddFamily(Connection& c) {
  c.Execute("INSERT INTO families (area, created_at, updated_at) VALUES ('West', 't', 't')");
}

Options Quick(const std::filesystem::path& path) {
  Options o;
  o.path = path.string();
  o.busy_timeout_ms = 0;  // busy is reported at once: the tests never wait
  return o;
}

TEST(SharedSnapshot, BothReadersSeeTheSameCommitsWhileAnotherConnectionCommits) {
  testing::TempDatabase temp;
  Connection reader(Quick(temp.path())), helper(Quick(temp.path())), lock(Quick(temp.path())),
      writer(Quick(temp.path()));
  AddFamily(writer);
  reader.Run("BEGIN");
  EXPECT_FALSE(reader.HasOpenTransaction());  // a deferred BEGIN pins nothing yet
  AddFamily(writer);                           // committed before the snapshot: both must see it
  bool writer_kept_out = false;
  ASSERT_TRUE(ShareSnapshot(reader, helper, lock, [&] {
    // Between the two first reads: a commit here would put the helper on a newer snapshot than the reader.
    try {
      AddFamily(writer);
    } catch (const StorageError&) {
      writer_kept_out = true;
    }
  }));
  EXPECT_TRUE(writer_kept_out);
  EXPECT_FALSE(lock.HasOpenTransaction());
  AddFamily(writer);  // committed after: neither sees it
  EXPECT_EQ(Count(reader), 2);
  EXPECT_EQ(Count(helper), 2);
  EXPECT_EQ(Count(writer), 3);
  reader.Run("ROLLBACK");
  helper.Run("ROLLBACK");
}

TEST(SharedSnapshot, RefusesAReaderThatHasAlreadyRead) {
  testing::TempDatabase temp;
  Connection reader(Quick(temp.path())), helper(Quick(temp.path())), lock(Quick(temp.path()));
  reader.Run("BEGIN");
  Count(reader);
  EXPECT_FALSE(ShareSnapshot(reader, helper, lock));
  EXPECT_FALSE(helper.HasOpenTransaction());
  EXPECT_FALSE(lock.HasOpenTransaction());
  reader.Run("ROLLBACK");
}

TEST(SharedSnapshot, RefusesWhileAWriterHoldsTheLock) {
  testing::TempDatabase temp;
  Connection reader(Quick(temp.path())), helper(Quick(temp.path())), lock(Quick(temp.path())),
      writer(Quick(temp.path()));
  writer.Run("BEGIN IMMEDIATE");
  AddFamily(writer);
  reader.Run("BEGIN");
  EXPECT_FALSE(ShareSnapshot(reader, helper, lock));
  EXPECT_FALSE(reader.HasOpenTransaction());  // untouched: it takes its snapshot on its own later
  EXPECT_FALSE(helper.HasOpenTransaction());
  writer.Run("COMMIT");
  EXPECT_EQ(Count(reader), 1);
  reader.Run("ROLLBACK");
}

}  // namespace
}  // namespace hearth::sqlite
