// Comparison vectors: for a pair of records, the level each column agrees at. A column's level is a small code:
// 0 = null (either value missing), 1..K = the configured levels (1 strongest), K+1 = else. Codes are packed four
// bits per column into a 64-bit pattern, so a pair's whole comparison is one integer.
//
// A column compared given another (family name and address text given the postcode) has a second set of codes,
// K+2..2K+2, used when the two records are at the same place: the postcode agrees exactly or to the sector, or, for
// the family name, the address line is identical. Members of a household share a surname and an address, and
// street and postcode say much the same thing; modelling P(surname level | same postcode or not) and likewise for
// the street stops a household from counting as three independent agreements, the main source of false matches.
//
// Speed: record values are copied row-major (one cache line per record for up to 16 columns), equal values are
// recognised by id, and string similarities — for given names the whole level, every measure of it — are memoised
// per (value id, value id) in a small direct-mapped cache per thread and column, so frequent name pairs are
// measured once. Nothing is allocated per pair.
#pragma once
#include "linkage/big_vector.hpp"
#include <cstdint>
#include <string>
#include <vector>

#include "linkage/dataset.hpp"

namespace hearth::linkage {

using Pattern = uint64_t;
constexpr int kBitsPerColumn = 4;

inline int GammaOf(Pattern p, size_t column) {
  return static_cast<int>((p >> (column * kBitsPerColumn)) & 0xF);
}
inline Pattern WithGamma(Pattern p, size_t column, int gamma) {
  const Pattern mask = Pattern{0xF} << (column * kBitsPerColumn);
  return (p & ~mask) | (static_cast<Pattern>(gamma) << (column * kBitsPerColumn));
}

// Per-thread scratch: the level caches.
class CompareScratch {
 public:
  explicit CompareScratch(size_t columns, unsigned cache_bits = 14);
  // The cached level code (0..15) for the value pair (lo, hi) in column c, or computes and stores it. Value ids
  // of 28 bits or more are not cached. One 64-bit word a slot: both ids and the code, so a lookup is one access.
  template <class Fn>
  int Level(size_t c, uint32_t lo, uint32_t hi, Fn&& compute) {
    if ((lo | hi) >> 28) return compute();
    const uint64_t key = (static_cast<uint64_t>(lo) << 36) | (static_cast<uint64_t>(hi) << 8);
    const size_t slot = c * size_ + static_cast<size_t>(((key >> 8) * 0x9E3779B97F4A7C15ULL) >> shift_);
    const uint64_t entry = levels_[slot];
    if ((entry & ~uint64_t{0xFF}) == key && (entry & 0xFF) != 0) {
      ++hits_;
      return static_cast<int>(entry & 0xFF) - 1;
    }
    const int code = compute();
    levels_[slot] = key | static_cast<uint64_t>(code + 1);
    return code;
  }
  uint64_t Hits() const { return hits_; }

 private:
  size_t size_;
  unsigned shift_;
  std::vector<uint64_t> levels_;  // Level(): (lo << 36) | (hi << 8) | (code + 1); 0 = empty
  uint64_t hits_ = 0;
};

class Comparator {
 public:
  explicit Comparator(const Dataset& data);

  size_t Columns() const { return columns_.size(); }
  // Codes a column can take: null, its configured levels, else.
  int Codes(size_t c) const { return columns_[c].split > 0 ? 2 * columns_[c].split + 1 : columns_[c].split + ElseCode(c) + 1; }
  int ElseCode(size_t c) const { return static_cast<int>(columns_[c].levels.size()) + 1; }
  // For a conditioned column: codes above this are "given the other column agrees" (0 when not conditioned).
  int Split(size_t c) const { return columns_[c].split; }
  int Condition(size_t c) const { return columns_[c].condition; }
  // The level label of a code: "null", a configured label, or "else".
  std::string Label(size_t c, int code) const;
  const Dataset& Data() const { return data_; }

  Pattern Compare(uint32_t a, uint32_t b, CompareScratch& scratch) const;
  // Catches up with records and values added to the dataset since (Dataset::AppendRecord), or drops rows of
  // records removed.
  void Sync();
  uint32_t Value(uint32_t record, size_t c) const { return rows_[static_cast<size_t>(record) * stride_ + c]; }
  // Prefetching for a record about to be compared: distance 2 fetches its row of value ids, distance 1 (the row
  // being in cache by then) the text of its values that string measures will read.
  void Prefetch(uint32_t record, int distance) const {
    const uint32_t* row = &rows_[static_cast<size_t>(record) * stride_];
    if (distance == 2) {
      __builtin_prefetch(row);
      return;
    }
    for (size_t c : prefetched_columns_) __builtin_prefetch(&short_text_[c][row[c]]);
  }

 private:
  struct ColumnPlan {
    const Column* column = nullptr;
    std::vector<Level> levels;
    int swapped_code = 0;  // code of the "swapped" level, 0 if none
    size_t partner = 0;  // valid when swapped_code > 0
    int condition = -1;  // column this one is compared given (its exact agreement), -1 if none
    int split = 0;       // K+1 when conditioned
    uint32_t agree_codes = 0;         // codes of the condition column that count as the same place
    std::vector<size_t> also_exact;   // columns whose exact agreement also counts as the same place
    bool exact_first = false;
    bool memo_levels = false;  // given names: few distinct values, so value pairs recur; their levels are memoised
    // Columns whose levels are all exact or string measures (family names, address lines): a signature of each
    // value (its length and letters) rides in a spare word of the record's row, so that an unlike pair is known to
    // reach none of the levels without reading either text (most candidate pairs differ in these columns, and the
    // texts lie anywhere in memory). -1: no signature.
    int signature_slot = -1;
    float lowest_similarity = 2.0f;  // the lowest Jaro–Winkler threshold of its levels (2: none)
    int highest_edits = -1;          // the largest edit distance of its Levenshtein/Damerau levels (-1: none)
  };
  int CompareColumn(size_t c, const uint32_t* ra, const uint32_t* rb, CompareScratch& scratch) const;
  // The first level the pair satisfies, in order; with skip_swapped the "swapped" level is passed over, so that
  // the answer depends on the column's two values alone (and can be memoised).
  int SearchLevels(size_t c, const uint32_t* ra, const uint32_t* rb, bool skip_swapped) const;
  bool Swapped(size_t c, uint32_t va, uint32_t vb, uint32_t fa, uint32_t fb) const;
  bool TypoedNickname(size_t c, uint32_t va, uint32_t vb) const;
  // A value's text in one 32-byte slot (no indirection through the pool's offsets) when it is short enough, with
  // the set of characters it uses, from which a cheap upper bound on Jaro–Winkler rules out most unlike pairs.
  struct alignas(32) ShortText {
    uint64_t characters = 0;
    uint8_t length = 0;  // 255: too long, read the pool
    char text[23] = {};
  };
  // An upper bound on Jaro–Winkler from the lengths and character sets alone.
  float JaroWinklerBound(size_t c, uint32_t va, uint32_t vb) const;
  // Whether two values' signatures prove that no string level of the column can hold (0 signatures prove nothing).
  bool RuledOut(const ColumnPlan& plan, uint32_t sa, uint32_t sb) const;
  std::string_view Text(size_t c, uint32_t v) const {
    const ShortText& s = short_text_[c][v];
    if (s.length != 255) return std::string_view(s.text, s.length);
    return columns_[c].column->values.Get(v);
  }

  const Dataset& data_;
  std::vector<ColumnPlan> columns_;
  bool conditioned_ = false;
  size_t stride_ = 0;
  BigVector<uint32_t> rows_;  // row-major copy of every record's value ids
  std::vector<size_t> text_columns_;  // columns with a string-measure level
  // Text columns whose texts are prefetched: not those with a signature (most of their pairs are ruled out on it,
  // and fetching their texts anyway costs memory traffic), unless a swap check reads them (family names).
  std::vector<size_t> prefetched_columns_;
  std::vector<BigVector<ShortText>> short_text_;  // per column (empty unless a text column), per value id
  std::vector<std::vector<uint32_t>> signatures_;  // per column with a signature slot, per value id
};

// A value's signature for the rule-out: its length (1..31) in the top 5 bits and in the low 27 one bit per letter
// a-z plus one shared by every other byte; 0 (unknown: empty or longer than 31 bytes) rules nothing out.
uint32_t TextSignature(std::string_view text);
// Lower bound on the edit distance (Levenshtein or Damerau, on bytes) of two texts from their signatures: each
// edit changes the length by at most one and removes at most one byte, so one letter bit, missing from the other.
int EditsAtLeast(uint32_t sa, uint32_t sb);
// Upper bound on Jaro–Winkler from two signatures (Winkler's prefix bonus taken at its largest); 1 when unknown.
float JaroWinklerAtMost(uint32_t sa, uint32_t sb);

}  // namespace hearth::linkage
