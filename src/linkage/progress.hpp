// Progress for long runs: a bar redrawn in place on a terminal, plain lines when output is a file or pipe.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <mutex>
#include <string>

namespace hearth::linkage {

class Progress {
 public:
  // `bar`: draw a bar (stderr is a terminal); `quiet`: print nothing at all.
  Progress(std::ostream& out, bool bar, bool quiet = false);
  void Begin(const std::string& stage, uint64_t total);
  void Advance(uint64_t n);  // thread-safe
  // Ends the stage; returns its seconds.
  double End(const std::string& detail = "");

 private:
  void Draw(uint64_t done);
  std::ostream& out_;
  bool bar_, quiet_;
  std::string stage_;
  uint64_t total_ = 0;
  std::atomic<uint64_t> done_{0};
  std::atomic<int64_t> last_draw_{0};
  std::mutex draw_mutex_;
  std::chrono::steady_clock::time_point start_;
};

// Peak resident memory of this process, in bytes (getrusage).
uint64_t PeakMemoryBytes();

}  // namespace hearth::linkage
