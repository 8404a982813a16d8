#include "app/audit_sink.hpp"

#include <spdlog/spdlog.h>

namespace hearth {
namespace {
thread_local std::uint64_t t_ticket = 0;
}

AuditSink::AuditSink(Database& db) : db_(db), writer_([this] { WriterLoop(); }) {}

AuditSink::~AuditSink() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  writer_.join();
}

std::uint64_t AuditSink::Enqueue(AuditEvent event) {
  std::uint64_t seq = 0;
  {
    std::lock_guard lock(mutex_);
    seq = next_seq_++;
    queue_.push_back(std::move(event));
  }
  wake_.notify_all();
  t_ticket = std::max(t_ticket, seq);
  return seq;
}

std::uint64_t AuditSink::TakeThreadTicket() { return std::exchange(t_ticket, 0); }

void AuditSink::OnCommitted(std::uint64_t seq, std::function<void(bool)> done) {
  std::unique_lock lock(mutex_);
  if (seq <= committed_seq_) {
    const bool ok = seq > failed_through_;
    lock.unlock();
    done(ok);
    return;
  }
  waiters_.emplace(seq, std::move(done));
}

bool AuditSink::Flush() {
  std::uint64_t target = 0;
  {
    std::lock_guard lock(mutex_);
    target = next_seq_ - 1;
  }
  if (target == 0) return true;
  std::mutex m;
  std::condition_variable cv;
  bool finished = false, result = false;
  OnCommitted(target, [&](bool ok) {
    std::lock_guard lock(m);
    finished = true;
    result = ok;
    cv.notify_all();
  });
  std::unique_lock lock(m);
  cv.wait(lock, [&] { return finished; });
  return result;
}

void AuditSink::WriterLoop() {
  for (;;) {
    std::vector<AuditEvent> batch;
    std::uint64_t through = 0;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty() && stopping_) return;
      batch.swap(queue_);
      through = next_seq_ - 1;
    }
    bool ok = true;
    try {
      db_.AppendAccessEvents(batch);
    } catch (const std::exception& e) {
      ok = false;
      spdlog::error("audit batch of {} rows could not be committed: {}", batch.size(), e.what());
    }
    std::vector<std::pair<std::function<void(bool)>, bool>> ready;
    {
      std::lock_guard lock(mutex_);
      committed_seq_ = through;
      if (!ok) failed_through_ = through;
      auto end = waiters_.upper_bound(through);
      for (auto it = waiters_.begin(); it != end; ++it) ready.emplace_back(std::move(it->second), ok);
      waiters_.erase(waiters_.begin(), end);
    }
    for (auto& [done, result] : ready) done(result);
  }
}

}  // namespace hearth
