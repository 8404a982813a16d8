#include "linkage/blocking.hpp"

#include <algorithm>

#include "linkage/hash.hpp"
#include "linkage/parallel.hpp"
#include "linkage/text.hpp"

namespace hearth::linkage {

namespace {
constexpr uint64_t kPairsPerUnit = 1 << 18;

uint32_t TextKey(std::string_view s) {
  if (s.empty()) return 0;
  auto h = static_cast<uint32_t>(HashBytes(s));
  return h == 0 ? 1 : h;
}

uint32_t InitialKey(std::string_view s) { return s.empty() ? 0 : static_cast<unsigned char>(s[0]) + 1u; }

}  // namespace

uint32_t TransformValue(const Column& col, const KeyPart& part, bool across, uint32_t v) {
  if (v == 0) return 0;
  std::string_view text = col.values.Get(v);
  const uint32_t canonical = col.canon_begin.empty() ? v : col.PrimaryCanonical(v);
  switch (part.transform) {
    case KeyTransform::kExact:
      return across ? TextKey(text) : v;
    case KeyTransform::kNickname:
      return across ? TextKey(col.values.Get(canonical)) : canonical;
    case KeyTransform::kInitial:
      return InitialKey(text);
    case KeyTransform::kNicknameInitial:
      return InitialKey(col.values.Get(canonical));
    case KeyTransform::kSoundex:
      return SoundexKey(text);
    case KeyTransform::kPrefix:
      return TextKey(text.substr(0, static_cast<size_t>(part.length)));
    case KeyTransform::kYear:
      return col.dates.size() > v ? static_cast<uint32_t>(col.dates[v].year) : TextKey(text);
    case KeyTransform::kYearMonth:
      return col.dates.size() > v ? static_cast<uint32_t>(col.dates[v].year) * 16u + col.dates[v].month : TextKey(text);
    case KeyTransform::kMonthDay:
      return col.dates.size() > v ? static_cast<uint32_t>(col.dates[v].month) * 32u + col.dates[v].day + 1u : TextKey(text);
    case KeyTransform::kSector:
      return col.sector.size() > v ? col.sector[v] : v;
    case KeyTransform::kDistrict:
      return col.district.size() > v ? col.district[v] : v;
    case KeyTransform::kArea:
      return col.area.size() > v ? col.area[v] : v;
    case KeyTransform::kCompatible:  // a condition (BlockingRule::conditions), never part of a key
      return 0;
  }
  return 0;
}

std::pair<uint32_t, uint32_t> LooseValues(const Column& column, uint32_t value) {
  if (value == 0) return {0, 0};
  auto form = [&](KeyTransform t) { return TransformValue(column, KeyPart{{}, t, 0}, false, value); };
  switch (column.config.type) {
    case ColumnType::kDate:
      return {form(KeyTransform::kYear), form(KeyTransform::kMonthDay)};
    case ColumnType::kGivenName:
      return {form(KeyTransform::kNicknameInitial), 0};
    case ColumnType::kFamilyName:
    case ColumnType::kFullName:
      return {form(KeyTransform::kInitial), 0};
    default:
      return {value, 0};
  }
}

bool ConditionsHold(const Dataset& data, const BlockingRule& rule, uint32_t a, uint32_t b) {
  for (const KeyPart& part : rule.conditions) {
    const Column& col = data.columns[static_cast<size_t>(part.columns[0])];
    const auto x = LooseValues(col, col.ids[a]), y = LooseValues(col, col.ids[b]);
    if (!LooselyAgree(x.first, x.second, y.first, y.second)) return false;
  }
  return true;
}

namespace {
// Each value's key under a transform. When a part pairs two columns, values must be comparable across the two
// dictionaries, so text keys are hashes of the text rather than value ids.
void TransformValues(const Column& col, const KeyPart& part, bool across, std::vector<uint32_t>& out) {
  out.assign(col.values.Size(), 0);
  for (uint32_t v = 1; v < col.values.Size(); ++v) out[v] = TransformValue(col, part, across, v);
}

constexpr uint64_t kKeySeed = 0x51ED270B27A3C1F5ULL;


// Groups equal keys, records in order within a key. Keys are hashes, so two radix passes over the top 32 bits
// separate all but a handful; a run whose top halves agree but whose keys differ is then sorted in full.
void RadixSort(BigVector<KeyRecord>& items, BigVector<KeyRecord>& buffer) {
  buffer.resize(items.size());
  std::vector<uint32_t> counts(1 << 16);
  for (int shift = 32; shift < 64; shift += 16) {
    std::fill(counts.begin(), counts.end(), 0);
    for (const auto& it : items) ++counts[(it.key >> shift) & 0xFFFF];
    uint32_t sum = 0;
    for (auto& c : counts) {
      uint32_t t = c;
      c = sum;
      sum += t;
    }
    for (const auto& it : items) buffer[counts[(it.key >> shift) & 0xFFFF]++] = it;
    items.swap(buffer);
  }
  for (size_t i = 0; i < items.size();) {
    size_t j = i + 1;
    bool mixed = false;
    while (j < items.size() && (items[j].key >> 32) == (items[i].key >> 32)) mixed |= items[j++].key != items[i].key;
    if (mixed)
      std::stable_sort(items.begin() + static_cast<std::ptrdiff_t>(i), items.begin() + static_cast<std::ptrdiff_t>(j),
                       [](const KeyRecord& x, const KeyRecord& y) { return x.key < y.key; });
    i = j;
  }
}
}  // namespace

void RuleKeys(const Dataset& data, const BlockingRule& rule, BigVector<uint64_t>& keys, std::vector<uint32_t>& t1,
              std::vector<uint32_t>& t2) {
  const uint32_t n = data.Size();
  keys.assign(n, kKeySeed);
  for (const KeyPart& part : rule.parts) {
    const bool across = part.columns.size() == 2;
    const Column& c1 = data.columns[static_cast<size_t>(part.columns[0])];
    const bool identity = !across && part.transform == KeyTransform::kExact;  // the value id is the key part
    if (!identity) TransformValues(c1, part, across, t1);
    if (!across) {
      for (uint32_t r = 0; r < n; ++r) {
        if (keys[r] == 0) continue;
        const uint32_t x = identity ? c1.ids[r] : t1[c1.ids[r]];
        keys[r] = x == 0 ? 0 : CombineKey(keys[r], x);
      }
      continue;
    }
    const Column& c2 = data.columns[static_cast<size_t>(part.columns[1])];
    TransformValues(c2, part, across, t2);
    for (uint32_t r = 0; r < n; ++r) {
      if (keys[r] == 0) continue;
      uint32_t x = t1[c1.ids[r]], y = t2[c2.ids[r]];
      if (x == 0 || y == 0) {
        keys[r] = 0;
        continue;
      }
      // Unordered: {John, Smith} and {Smith, John} give one key.
      keys[r] = CombineKey(CombineKey(keys[r], std::min(x, y)), std::max(x, y));
    }
  }
}

std::vector<uint64_t> RuleKeys(const Dataset& data, const BlockingRule& rule) {
  BigVector<uint64_t> keys;
  std::vector<uint32_t> t1, t2;
  RuleKeys(data, rule, keys, t1, t2);
  return std::vector<uint64_t>(keys.begin(), keys.end());
}

uint64_t RecordKey(const Dataset& data, const BlockingRule& rule, uint32_t record) {
  uint64_t key = kKeySeed;
  for (const KeyPart& part : rule.parts) {
    const bool across = part.columns.size() == 2;
    const Column& c1 = data.columns[static_cast<size_t>(part.columns[0])];
    const uint32_t x = TransformValue(c1, part, across, c1.ids[record]);
    if (x == 0) return 0;
    if (!across) {
      key = CombineKey(key, x);
      continue;
    }
    const Column& c2 = data.columns[static_cast<size_t>(part.columns[1])];
    const uint32_t y = TransformValue(c2, part, across, c2.ids[record]);
    if (y == 0) return 0;
    key = CombineKey(CombineKey(key, std::min(x, y)), std::max(x, y));
  }
  return key;
}

Blocker::Blocker(const Dataset& data, const std::vector<BlockingRule>& rules, uint32_t max_block_size,
                 unsigned threads)
    : data_(data), rule_count_(rules.size()), left_(data.LeftCount()), link_(data.IsLink()) {
  const size_t n = data.Size();
  members_.resize(rule_count_);
  blocks_.resize(rule_count_);
  stats_.resize(rule_count_);
  rule_pairs_.assign(rule_count_, 0);
  rule_conditions_.resize(rule_count_);
  for (size_t r = 0; r < rule_count_; ++r) {
    for (const KeyPart& part : rules[r].conditions) {
      const int column = part.columns[0];
      size_t i = 0;
      while (i < loose_.size() && loose_[i].column != column) ++i;
      if (i == loose_.size()) loose_.push_back(LooseOfColumn(data, column));
      rule_conditions_[r].push_back(static_cast<uint32_t>(i));
    }
  }
  {
    // Each worker reuses its buffers from rule to rule: fresh pages cost the kernel a zeroing each. They are big
    // vectors (the keys too), so they reuse what standardising gave back, and are freed before FillBlockIds, whose
    // arrays then reuse them in turn.
    std::vector<Scratch> scratch(std::max(1u, threads));
    ParallelFor(rule_count_, threads, [&](size_t r, unsigned worker) {
      stats_[r].text = rules[r].text;
      Scratch& s = scratch[worker];
      RuleKeys(data, rules[r], s.keys, s.t1, s.t2);
      BuildRule(r, s, max_block_size);
    });
  }
  FillBlockIds(n, threads);
  rule_units_.resize(rule_count_);
  for (size_t r = 0; r < rule_count_; ++r) {
    const size_t rule_first_unit = units_.size();
    uint64_t work = 0;
    size_t first = 0;
    for (size_t b = 0; b < blocks_[r].size(); ++b) {
      const uint64_t s = blocks_[r][b].size;
      work += link_ ? s * s / 4 + 1 : s * (s - 1) / 2;  // in a link at most (s/2)^2 pairs cross
      if (work >= kPairsPerUnit) {
        units_.push_back({r, first, b + 1, work});
        first = b + 1;
        work = 0;
      }
    }
    if (first < blocks_[r].size()) units_.push_back({r, first, blocks_[r].size(), work});
    rule_units_[r] = {rule_first_unit, units_.size()};
  }
}

// Each record's loose values, through a table per distinct value (names and dates repeat).
Blocker::Loose Blocker::LooseOfColumn(const Dataset& data, int column) {
  const Column& col = data.columns[static_cast<size_t>(column)];
  std::vector<std::pair<uint32_t, uint32_t>> of_value(col.values.Size());
  for (uint32_t v = 1; v < of_value.size(); ++v) of_value[v] = LooseValues(col, v);
  Loose loose{column, {}, {}};
  loose.first.resize(data.Size());
  loose.second.resize(data.Size());
  for (uint32_t r = 0; r < data.Size(); ++r) {
    const auto& [first, second] = of_value[col.ids[r]];
    loose.first[r] = first;
    loose.second[r] = second;
  }
  return loose;
}

void Blocker::BuildRule(size_t rule, Scratch& scratch, uint32_t max_block_size) {
  RuleStats& stats = stats_[rule];
  const BigVector<uint64_t>& keys = scratch.keys;
  BigVector<KeyRecord>& items = scratch.items;
  items.clear();
  items.reserve(keys.size());
  for (uint32_t r = 0; r < keys.size(); ++r)
    if (keys[r] != 0) items.push_back({keys[r], r});
  stats.keyed_records = items.size();
  RadixSort(items, scratch.buffer);
  auto& members = members_[rule];
  auto& blocks = blocks_[rule];
  members.reserve(items.size());
  uint64_t pairs = 0;
  for (size_t i = 0; i < items.size();) {
    size_t j = i + 1;
    while (j < items.size() && items[j].key == items[i].key) ++j;
    const auto size = static_cast<uint32_t>(j - i);
    uint64_t left = 0;
    if (link_)
      for (size_t k = i; k < j; ++k) left += items[k].record < left_;
    const uint64_t block_pairs = link_ ? left * (size - left) : uint64_t{size} * (size - 1) / 2;
    if (size > max_block_size) {
      ++stats.skipped_blocks;
      stats.skipped_records += size;
      stats.skipped_pairs += block_pairs;
    } else if (block_pairs > 0) {
      blocks.push_back({static_cast<uint32_t>(members.size()), size});
      for (size_t k = i; k < j; ++k) members.push_back(items[k].record);
      ++stats.blocks;
      stats.largest_block = std::max<uint64_t>(stats.largest_block, size);
      pairs += block_pairs;
    }
    // Records of skipped blocks and of blocks with nothing to pair get no block id (FillBlockIds): IsCandidate()
    // and the duplicate checks read only those ids, so the rule's keys need no clearing here.
    i = j;
  }
  // Parallel rules write disjoint words of keys_; the total is summed after the threads join.
  __atomic_fetch_add(&pairs_in_blocks_, pairs, __ATOMIC_RELAXED);
  rule_pairs_[rule] = pairs;
}

// Row-major block ids for the duplicate checks: each rule's ids per record first (its own small array), then one
// transposing pass, rather than scattering words one per cache line over the big array.
void Blocker::FillBlockIds(size_t n, unsigned threads) {
  // A power of two up to 16 keeps each record's row inside one 64-byte line; a blocker of one or two rules (the
  // training-only ones) then takes 4 or 8 bytes a record rather than 64, all of which were zeroed and faulted in.
  stride_ = 1;
  while (stride_ < rule_count_ && stride_ < 16) stride_ *= 2;
  if (rule_count_ > 16) stride_ = (rule_count_ + 15) / 16 * 16;
  // Big vectors: freed here, their pages serve later stages (the candidate lists) without being zeroed again.
  std::vector<BigVector<uint32_t>> block_of(rule_count_);
  ParallelFor(rule_count_, threads, [&](size_t r, unsigned) {
    block_of[r].assign(n, 0);
    const auto& blocks = blocks_[r];
    const auto& members = members_[r];
    for (size_t b = 0; b < blocks.size(); ++b)
      for (uint32_t i = 0; i < blocks[b].size; ++i) block_of[r][members[blocks[b].begin + i]] = static_cast<uint32_t>(b + 1);
  });
  keys_.assign(n * stride_, 0);
  constexpr size_t kChunk = 1 << 16;
  ParallelFor((n + kChunk - 1) / kChunk, threads, [&](size_t chunk, unsigned) {
    const size_t end = std::min(n, (chunk + 1) * kChunk);
    for (size_t i = chunk * kChunk; i < end; ++i)
      for (size_t r = 0; r < rule_count_; ++r) keys_[i * stride_ + r] = block_of[r][i];
  });
}

bool Blocker::IsCandidate(uint32_t a, uint32_t b) const {
  if (a == b) return false;
  if (link_ && (a < left_) == (b < left_)) return false;
  const uint32_t* ka = &keys_[static_cast<size_t>(a) * stride_];
  const uint32_t* kb = &keys_[static_cast<size_t>(b) * stride_];
  for (size_t r = 0; r < rule_count_; ++r)
    if (ka[r] != 0 && ka[r] == kb[r] && ConditionsHold(r, a, b)) return true;
  return false;
}

}  // namespace hearth::linkage
