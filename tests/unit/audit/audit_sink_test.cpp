#include "app/audit_sink.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "storage/sqlite/sqlite_database.hpp"

namespace hearth {
namespace {

class AuditSinkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("hearth-audit-sink-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
    db_ = sqlite::OpenSqlite(path_.string());
    db_->Migrate();
  }
  void TearDown() override {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }
  int AuditCount() {
    auto uow = db_->BeginRead();
    return uow->Audit().Count();
  }
  static AuditEvent View(RecordId family) {
    AuditEvent e;
    e.at = "2026-11-22T10:00:00Z";
    e.role = "front_door_coordinator";
    e.action = "view";
    e.record_type = "family";
    e.record_id = family;
    e.family_id = family;
    e.outcome = "ok";
    return e;
  }

  std::filesystem::path path_;
  std::unique_ptr<Database> db_;
};

TEST_F(AuditSinkTest, CommitsEveryQueuedRowBeforeReportingIt) {
  AuditSink sink(*db_);
  std::uint64_t last = 0;
  for (int i = 1; i <= 50; ++i) last = sink.Enqueue(View(i));
  std::atomic<bool> reported{false}, committed{false};
  sink.OnCommitted(last, [&](bool ok) {
    committed = ok;
    reported = true;
  });
  ASSERT_TRUE(sink.Flush());
  EXPECT_TRUE(reported);
  EXPECT_TRUE(committed);
  EXPECT_EQ(AuditCount(), 50);
}

TEST_F(AuditSinkTest, ReportsAtOnceForRowsAlreadyCommitted) {
  AuditSink sink(*db_);
  const auto seq = sink.Enqueue(View(1));
  ASSERT_TRUE(sink.Flush());
  bool ok = false;
  sink.OnCommitted(seq, [&](bool r) { ok = r; });
  EXPECT_TRUE(ok);
}

TEST_F(AuditSinkTest, TicketIsTheHighestSequenceThisThreadQueued) {
  AuditSink sink(*db_);
  AuditSink::TakeThreadTicket();
  sink.Enqueue(View(1));
  const auto second = sink.Enqueue(View(2));
  std::uint64_t other_thread_seq = 0;
  std::thread([&] { other_thread_seq = sink.Enqueue(View(3)); }).join();
  EXPECT_EQ(AuditSink::TakeThreadTicket(), second);
  EXPECT_EQ(AuditSink::TakeThreadTicket(), 0u) << "taking the ticket forgets it";
  EXPECT_GT(other_thread_seq, second);
}

TEST_F(AuditSinkTest, ManyThreadsLoseNoRow) {
  AuditSink sink(*db_);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 100; ++i) sink.Enqueue(View(t * 1000 + i + 1));
    });
  for (auto& th : threads) th.join();
  ASSERT_TRUE(sink.Flush());
  EXPECT_EQ(AuditCount(), 800);
}

TEST_F(AuditSinkTest, DestructorCommitsWhatIsQueued) {
  {
    AuditSink sink(*db_);
    for (int i = 1; i <= 20; ++i) sink.Enqueue(View(i));
  }
  EXPECT_EQ(AuditCount(), 20);
}

}  // namespace
}  // namespace hearth
