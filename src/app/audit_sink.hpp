// Group commit for audit rows that are not part of a change: views, searches and refusals.
//
// A durable commit costs a disk flush (about 3 ms here), so writing each view's audit row in its own transaction
// would cap the service at a few hundred page views a second. The sink queues rows from every request and one
// writer thread commits them in batches. The web server does not send a page until the audit row of that view is
// committed (it waits without holding a worker thread, see http/server.cpp), so "shown" always implies "audited".
// Audit rows of changes are written in the change's own transaction and do not pass through here.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "ports/database.hpp"

namespace hearth {

class AuditSink {
 public:
  explicit AuditSink(Database& db);
  ~AuditSink();  // commits what is queued, then stops the writer
  AuditSink(const AuditSink&) = delete;
  AuditSink& operator=(const AuditSink&) = delete;

  // Queues `event`; returns its sequence number and records it as the calling thread's ticket.
  std::uint64_t Enqueue(AuditEvent event);
  // Runs `done(committed)` once every event up to `seq` is committed (true) or could not be (false). May run at
  // once, on the calling thread, or later on the writer thread: it must be quick and must not block.
  void OnCommitted(std::uint64_t seq, std::function<void(bool)> done);
  // Blocks until everything queued so far is committed; false if a batch failed.
  bool Flush();

  // The highest sequence number this thread queued since the last call (0 if none), and forgets it.
  static std::uint64_t TakeThreadTicket();

 private:
  void WriterLoop();

  Database& db_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<AuditEvent> queue_;
  std::uint64_t next_seq_ = 1;
  std::uint64_t committed_seq_ = 0;
  std::uint64_t failed_through_ = 0;  // events up to here were in a batch that failed
  std::multimap<std::uint64_t, std::function<void(bool)>> waiters_;
  bool stopping_ = false;
  std::thread writer_;
};

}  // namespace hearth
