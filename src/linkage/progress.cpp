#include "linkage/progress.hpp"

#include <sys/resource.h>

#include <cstdio>
#include <ostream>

namespace hearth::linkage {

Progress::Progress(std::ostream& out, bool bar, bool quiet) : out_(out), bar_(bar), quiet_(quiet) {}

void Progress::Begin(const std::string& stage, uint64_t total) {
  stage_ = stage;
  total_ = total;
  done_ = 0;
  last_draw_ = 0;
  start_ = std::chrono::steady_clock::now();
  if (bar_ && !quiet_) Draw(0);
}

void Progress::Advance(uint64_t n) {
  const uint64_t done = done_.fetch_add(n) + n;
  if (!bar_ || quiet_) return;
  const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now().time_since_epoch())
                          .count();
  int64_t last = last_draw_.load();
  if (now - last < 100 || !last_draw_.compare_exchange_strong(last, now)) return;
  std::unique_lock lock(draw_mutex_, std::try_to_lock);
  if (lock) Draw(done);
}

void Progress::Draw(uint64_t done) {
  constexpr int kWidth = 30;
  const double fraction = total_ == 0 ? 0.0 : std::min(1.0, static_cast<double>(done) / static_cast<double>(total_));
  const int filled = static_cast<int>(fraction * kWidth);
  char line[128];
  std::snprintf(line, sizeof line, "\r  %-12s [%s%s] %3d%%", stage_.c_str(), std::string(static_cast<size_t>(filled), '#').c_str(),
                std::string(static_cast<size_t>(kWidth - filled), '.').c_str(), static_cast<int>(fraction * 100));
  out_ << line << std::flush;
}

double Progress::End(const std::string& detail) {
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (quiet_) return seconds;
  char line[160];
  std::snprintf(line, sizeof line, "  %-12s %7.2f s", stage_.c_str(), seconds);
  if (bar_) out_ << "\r\033[K";
  out_ << line << (detail.empty() ? "" : "  " + detail) << "\n" << std::flush;
  return seconds;
}

uint64_t PeakMemoryBytes() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<uint64_t>(usage.ru_maxrss) * 1024;  // Linux reports kilobytes
}

}  // namespace hearth::linkage
