// Comparing pairs in batches: blocking hands pairs over in an order that jumps about the record arrays, and a batch
// lets the rows and texts of pairs a few places ahead be prefetched while the current pair is compared. Pairs are
// compared, and handed to `use`, in the order they were added.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>

#include "linkage/comparison.hpp"

namespace hearth::linkage {

template <class Use>
class PairBatch {
 public:
  PairBatch(const Comparator& comparator, CompareScratch& scratch, Use& use)
      : comparator_(comparator), scratch_(scratch), use_(use) {}
  void Add(uint32_t a, uint32_t b) {
    pairs_[size_++] = {a, b};
    if (size_ == kSize) Flush();
  }
  void Flush() {
    constexpr size_t kRowsAhead = 12, kTextAhead = 6;
    for (size_t i = 0; i < std::min(size_, kRowsAhead); ++i) Prefetch(i, 2);
    for (size_t i = 0; i < std::min(size_, kTextAhead); ++i) Prefetch(i, 1);
    for (size_t i = 0; i < size_; ++i) {
      if (i + kRowsAhead < size_) Prefetch(i + kRowsAhead, 2);
      if (i + kTextAhead < size_) Prefetch(i + kTextAhead, 1);
      const auto [a, b] = pairs_[i];
      use_(a, b, comparator_.Compare(a, b, scratch_));
    }
    size_ = 0;
  }

 private:
  static constexpr size_t kSize = 256;
  void Prefetch(size_t i, int distance) {
    comparator_.Prefetch(pairs_[i].first, distance);
    comparator_.Prefetch(pairs_[i].second, distance);
  }
  const Comparator& comparator_;
  CompareScratch& scratch_;
  Use& use_;
  std::pair<uint32_t, uint32_t> pairs_[kSize];
  size_t size_ = 0;
};

}  // namespace hearth::linkage
