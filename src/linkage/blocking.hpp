// Candidate pairs: the union of several blocking rules without duplicates. Each rule gives every record a 64-bit
// key (0 when a part is missing); records with equal keys form a block and every pair in a block is a candidate.
// A pair from rule k is skipped when an earlier rule already produced it, which is decided by comparing the two
// records' blocks under the earlier rules (kept row-major, one cache line per record) — no global sort or hash set
// of pairs.
// Blocks larger than the cap are skipped and reported; their records' keys are cleared so that IsCandidate()
// answers exactly "did blocking produce this pair".
#pragma once
#include "linkage/big_vector.hpp"
#include <cstdint>
#include <string>
#include <vector>

#include "linkage/config.hpp"
#include "linkage/dataset.hpp"

namespace hearth::linkage {

struct RuleStats {
  std::string text;
  uint64_t keyed_records = 0;  // records with a key (no part missing)
  uint64_t blocks = 0;         // blocks of two or more records
  uint64_t largest_block = 0;
  uint64_t skipped_blocks = 0;  // over the cap
  uint64_t skipped_records = 0;
  uint64_t skipped_pairs = 0;
  uint64_t new_pairs = 0;  // candidates this rule added (pairs no earlier rule produced); filled by the caller
};

// The key of every record under one rule (0 = the record has no key under this rule).
std::vector<uint64_t> RuleKeys(const Dataset& data, const BlockingRule& rule);
// The same into reusable buffers (t1, t2: per-value transforms).
void RuleKeys(const Dataset& data, const BlockingRule& rule, BigVector<uint64_t>& keys, std::vector<uint32_t>& t1,
              std::vector<uint32_t>& t2);
// The key of one record (the same as RuleKeys gives it).
uint64_t RecordKey(const Dataset& data, const BlockingRule& rule, uint32_t record);
// A value's part of a key under a transform (0: no key). `across`: the part pairs two columns, so text is hashed
// rather than identified by value id.
uint32_t TransformValue(const Column& column, const KeyPart& part, bool across, uint32_t value);

// A value's loose forms for a `compatible` condition (0: no value): the year and the month and day of a date; the
// initial of a (canonical) name; otherwise the value itself, second 0.
std::pair<uint32_t, uint32_t> LooseValues(const Column& column, uint32_t value);
// One condition on two records' LooseValues: either lacks the value, or a loose form agrees.
inline bool LooselyAgree(uint32_t first_a, uint32_t second_a, uint32_t first_b, uint32_t second_b) {
  return first_a == 0 || first_b == 0 || first_a == first_b || (second_a != 0 && second_a == second_b);
}
// Whether the rule's conditions hold for the pair: for each, either record lacks the value or a loose form agrees.
bool ConditionsHold(const Dataset& data, const BlockingRule& rule, uint32_t a, uint32_t b);

// A record's key under one rule, for sorting records into blocks.
struct KeyRecord {
  uint64_t key;
  uint32_t record;
};

class Blocker {
 public:
  Blocker(const Dataset& data, const std::vector<BlockingRule>& rules, uint32_t max_block_size, unsigned threads);

  // Candidate pairs are visited in work units (a run of blocks of one rule, about the same number of pairs each)
  // so that threads can share them out; unit order, and pair order within a unit, are deterministic.
  size_t UnitCount() const { return units_.size(); }
  size_t RuleOfUnit(size_t unit) const { return units_[unit].rule; }
  // Calls visit(a, b) for each new candidate pair of the unit: a < b, and in a link a is from the first file.
  // With every_pair, every pair in the unit's blocks is visited: those an earlier rule produced and those the
  // rule's conditions refuse too (training looks at each rule's own blocks).
  template <class Visit>
  void VisitUnit(size_t unit, Visit&& visit, bool every_pair = false) const {
    VisitUnit(unit, visit, every_pair, [](uint32_t, int) {});
  }
  // As above; ahead(record, distance) is called for the records of the blocks `distance` (1 or 2) ahead of the
  // one being visited, so that the caller can prefetch what it will read (comparisons are bound by memory
  // latency: each block's records lie anywhere in the arrays).
  template <class Visit, class Ahead>
  void VisitUnit(size_t unit, Visit&& visit, bool every_pair, Ahead&& ahead) const;
  // Units [first, second) belong to the rule.
  std::pair<size_t, size_t> UnitsOfRule(size_t rule) const { return rule_units_[rule]; }
  // Pairs in the rule's blocks (including pairs other rules also produce).
  uint64_t PairsOfRule(size_t rule) const { return rule_pairs_[rule]; }
  // Pairs in the unit's blocks: an upper bound on the candidates it yields.
  uint64_t PairsOfUnit(size_t unit) const { return units_[unit].pairs; }

  // Whether blocking produced this pair (either order).
  bool IsCandidate(uint32_t a, uint32_t b) const;
  // Bit r set when rule r produces the pair (they share its key and its conditions hold).
  uint32_t RuleMask(uint32_t a, uint32_t b) const {
    const uint32_t* ka = &keys_[static_cast<size_t>(a) * stride_];
    const uint32_t* kb = &keys_[static_cast<size_t>(b) * stride_];
    uint32_t mask = 0;
    for (size_t r = 0; r < rule_count_; ++r)
      if (ka[r] != 0 && ka[r] == kb[r] && ConditionsHold(r, a, b)) mask |= 1u << r;
    return mask;
  }
  // Whether this rule produces the pair: the two records share its key (after skipping oversized blocks) and its
  // conditions hold.
  bool SharesKey(uint32_t a, uint32_t b, size_t rule) const {
    const uint32_t ka = keys_[static_cast<size_t>(a) * stride_ + rule];
    return ka != 0 && ka == keys_[static_cast<size_t>(b) * stride_ + rule] && ConditionsHold(rule, a, b);
  }
  // The rule's `compatible` conditions, from each record's loose values computed once per column.
  bool ConditionsHold(size_t rule, uint32_t a, uint32_t b) const {
    for (uint32_t i : rule_conditions_[rule]) {
      const Loose& c = loose_[i];
      if (!LooselyAgree(c.first[a], c.second[a], c.first[b], c.second[b])) return false;
    }
    return true;
  }
  const std::vector<RuleStats>& Stats() const { return stats_; }
  // Pairs that blocks hold in all (with duplicates across rules), an upper bound on the candidate count.
  uint64_t PairsInBlocks() const { return pairs_in_blocks_; }

 private:
  struct Block {
    uint32_t begin, size;  // into members_[rule]
  };
  struct Unit {
    size_t rule;
    size_t first_block, end_block;
    uint64_t pairs;
  };
  struct Loose {  // a condition column's LooseValues per record
    int column;
    BigVector<uint32_t> first, second;
  };
  struct Scratch {
    BigVector<uint64_t> keys;
    BigVector<KeyRecord> items, buffer;
    std::vector<uint32_t> t1, t2;
  };
  // Sorts the rule's keys (scratch.keys) into blocks.
  void BuildRule(size_t rule, Scratch& scratch, uint32_t max_block_size);
  void FillBlockIds(size_t records, unsigned threads);
  static Loose LooseOfColumn(const Dataset& data, int column);

  const Dataset& data_;
  size_t rule_count_ = 0;
  size_t stride_ = 0;  // words per record in keys_: the rule count rounded up to a power of two (16 at most: one
                       // 64-byte line), beyond 16 to a multiple of 16
  uint32_t left_ = 0;
  bool link_ = false;
  // keys_[record * stride_ + rule]: the record's block under the rule (index + 1; 0 = none, or a skipped block).
  // Equal block ids mean equal keys, in four bytes rather than eight.
  BigVector<uint32_t> keys_;
  std::vector<BigVector<uint32_t>> members_;  // per rule: records sorted by key
  std::vector<std::vector<Block>> blocks_;      // per rule
  std::vector<Unit> units_;
  std::vector<std::pair<size_t, size_t>> rule_units_;
  std::vector<uint64_t> rule_pairs_;
  std::vector<RuleStats> stats_;
  std::vector<Loose> loose_;                            // one per column some rule has a condition on
  std::vector<std::vector<uint32_t>> rule_conditions_;  // per rule: indexes into loose_
  uint64_t pairs_in_blocks_ = 0;
};

template <class Visit, class Ahead>
void Blocker::VisitUnit(size_t unit, Visit&& visit, bool every_pair, Ahead&& ahead) const {
  const Unit& u = units_[unit];
  const size_t rule = every_pair ? 0 : u.rule;  // rule 0 never skips a pair
  const size_t rc = stride_;
  const uint32_t* members = members_[u.rule].data();
  const auto& blocks = blocks_[u.rule];
  const bool conditional = !every_pair && !rule_conditions_[u.rule].empty();
  auto seen_before = [&](uint32_t a, uint32_t b) {
    const uint32_t* ka = &keys_[static_cast<size_t>(a) * rc];
    const uint32_t* kb = &keys_[static_cast<size_t>(b) * rc];
    for (size_t r = 0; r < rule; ++r)
      if (ka[r] != 0 && ka[r] == kb[r] && ConditionsHold(r, a, b)) return true;
    return false;
  };
  // The conditions are checked first: they read one word per record and reject most pairs of a conditional rule.
  auto produced = [&](uint32_t a, uint32_t b) {
    return (!conditional || ConditionsHold(u.rule, a, b)) && (rule == 0 || !seen_before(a, b));
  };
  auto look_ahead = [&](size_t bi, int distance) {
    if (bi >= u.end_block) return;
    const Block& block = blocks[bi];
    for (uint32_t i = 0; i < block.size; ++i) ahead(members[block.begin + i], distance);
  };
  // The duplicate checks read each record's row of block ids (anywhere in memory); blocks hold a few records and
  // their checks take a few nanoseconds, so the rows are asked for kRowsAhead blocks early to arrive in time.
  constexpr size_t kRowsAhead = 8;
  auto prefetch_rows = [&](size_t bi) {
    if (bi >= u.end_block || (rule == 0 && !conditional)) return;
    const Block& block = blocks[bi];
    for (uint32_t i = 0; i < block.size; ++i) {
      const uint32_t record = members[block.begin + i];
      __builtin_prefetch(&keys_[static_cast<size_t>(record) * rc]);
      for (uint32_t c : rule_conditions_[u.rule]) __builtin_prefetch(&loose_[c].first[record]);
    }
  };
  for (size_t bi = u.first_block; bi < u.first_block + kRowsAhead; ++bi) prefetch_rows(bi);
  look_ahead(u.first_block, 2);
  look_ahead(u.first_block, 1);
  look_ahead(u.first_block + 1, 2);
  for (size_t bi = u.first_block; bi < u.end_block; ++bi) {
    prefetch_rows(bi + kRowsAhead);
    look_ahead(bi + 2, 2);
    look_ahead(bi + 1, 1);
    const Block& block = blocks[bi];
    const uint32_t* m = members + block.begin;
    if (!link_) {
      for (uint32_t i = 0; i + 1 < block.size; ++i)
        for (uint32_t j = i + 1; j < block.size; ++j)
          if (produced(m[i], m[j])) visit(m[i], m[j]);
    } else {
      // Members are in record order, so the first file's records come first.
      uint32_t split = 0;
      while (split < block.size && m[split] < left_) ++split;
      for (uint32_t i = 0; i < split; ++i)
        for (uint32_t j = split; j < block.size; ++j)
          if (produced(m[i], m[j])) visit(m[i], m[j]);
    }
  }
}

}  // namespace hearth::linkage
