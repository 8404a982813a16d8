// Counting comparison patterns: a few thousand distinct patterns among millions of pairs, so a small
// open-addressing table per thread, merged at the end. Each pattern is counted together with the set of blocking
// rules whose blocks hold the pair, so that training can look at any one rule's pairs without comparing again.
#pragma once
#include <algorithm>
#include <cstdint>
#include <tuple>
#include <utility>
#include <vector>

#include "linkage/comparison.hpp"
#include "linkage/hash.hpp"

namespace hearth::linkage {

using PatternCounts = std::vector<std::pair<Pattern, uint64_t>>;

class PatternCounter {
 public:
  struct Entry {
    Pattern pattern = 0;
    uint32_t rules = 0;  // bit r: the pair is in a block of rule r
    uint32_t used = 0;
    uint64_t count = 0;
  };
  PatternCounter() : slots_(1024) {}
  void Add(Pattern p, uint32_t rules = 0, uint64_t n = 1) {
    const size_t mask = slots_.size() - 1;
    for (size_t i = Mix64(p ^ (static_cast<uint64_t>(rules) * 0x9E3779B97F4A7C15ULL)) & mask;; i = (i + 1) & mask) {
      Entry& e = slots_[i];
      if (e.used && e.pattern == p && e.rules == rules) {
        e.count += n;
        return;
      }
      if (!e.used) {
        e = Entry{p, rules, 1, n};
        if (++used_ * 2 > slots_.size()) Grow();
        return;
      }
    }
  }
  void Merge(const PatternCounter& other) {
    for (const Entry& e : other.slots_)
      if (e.used) Add(e.pattern, e.rules, e.count);
  }
  // Patterns of the pairs in rule r's blocks (r < 0: every pair), sorted so that training is deterministic.
  PatternCounts Items(int rule = -1) const {
    std::vector<std::pair<Pattern, uint64_t>> raw;
    for (const Entry& e : slots_)
      if (e.used && (rule < 0 || ((e.rules >> rule) & 1))) raw.emplace_back(e.pattern, e.count);
    std::sort(raw.begin(), raw.end());
    PatternCounts out;
    for (const auto& [p, n] : raw) {
      if (!out.empty() && out.back().first == p) {
        out.back().second += n;
      } else {
        out.emplace_back(p, n);
      }
    }
    return out;
  }

 private:
  void Grow() {
    std::vector<Entry> old(slots_.size() * 2);
    old.swap(slots_);
    used_ = 0;
    for (const Entry& e : old)
      if (e.used) Add(e.pattern, e.rules, e.count);
  }
  std::vector<Entry> slots_;
  size_t used_ = 0;
};

}  // namespace hearth::linkage
