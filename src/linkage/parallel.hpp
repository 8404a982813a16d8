// Running independent tasks on a few threads: tasks are taken in order from a shared counter, so uneven tasks
// balance themselves, and results indexed by task keep the output deterministic whatever the thread count.
#pragma once
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace hearth::linkage {

// Calls fn(task, worker) for every task in [0, tasks) on up to `threads` threads (worker in [0, threads)).
// The first exception thrown by a task is rethrown here after all threads have stopped.
template <class Fn>
void ParallelFor(size_t tasks, unsigned threads, Fn&& fn) {
  threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(std::max<size_t>(tasks, 1))));
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&](unsigned worker) {
    try {
      for (size_t t; (t = next.fetch_add(1)) < tasks;) fn(t, worker);
    } catch (...) {
      std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next = tasks;
    }
  };
  if (threads == 1) {
    work(0);
  } else {
    std::vector<std::thread> pool;
    for (unsigned w = 1; w < threads; ++w) pool.emplace_back(work, w);
    work(0);
    for (auto& t : pool) t.join();
  }
  if (failure) std::rethrow_exception(failure);
}

unsigned DefaultThreads();

}  // namespace hearth::linkage
