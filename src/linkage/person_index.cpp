#include <algorithm>
#include <iterator>

#include "linkage/blocking.hpp"
#include "linkage/linkage.hpp"
#include "linkage/parallel.hpp"
#include "linkage/pipeline.hpp"

namespace hearth::linkage {

namespace {
// Value counts and totals for term frequencies, once every record is in.
void CountValues(Dataset& data) {
  for (auto& column : data.columns) {
    column.counts.assign(column.values.Size(), 0);
    for (uint32_t v : column.ids) ++column.counts[v];
    column.non_null = column.ids.size() - column.counts[0];
    column.counts[0] = 0;
  }
}
}  // namespace

Result<std::unique_ptr<PersonIndex>> PersonIndex::Build(const LinkageConfig& config, const NameVariants& variants,
                                                        const std::vector<PersonRecord>& people,
                                                        std::optional<Model> model, unsigned threads) {
  Dataset data;
  data.columns.resize(config.columns.size());
  for (size_t c = 0; c < config.columns.size(); ++c) InitColumn(data.columns[c], config.columns[c]);
  LinkPartners(data);
  std::vector<std::string_view> raw;
  for (const PersonRecord& p : people) {
    raw.assign(p.values.begin(), p.values.end());
    data.AppendRecord(p.id, raw, variants);
  }
  CountValues(data);
  return std::unique_ptr<PersonIndex>(new PersonIndex(config, variants, std::move(data), std::move(model), threads));
}

Result<std::unique_ptr<PersonIndex>> PersonIndex::FromCsv(const LinkageConfig& config, const NameVariants& variants,
                                                          const std::string& path, std::optional<Model> model,
                                                          unsigned threads) {
  auto file = CsvFile::Open(path, config.delimiter);
  if (!file) return file.error();
  DatasetBuilder builder(config, variants, threads > 0 ? threads : DefaultThreads());
  auto added = builder.AddFile(*file);
  if (!added) return added.error();
  Dataset data = builder.Finish(threads > 0 ? threads : DefaultThreads());
  return std::unique_ptr<PersonIndex>(new PersonIndex(config, variants, std::move(data), std::move(model), threads));
}

PersonIndex::PersonIndex(const LinkageConfig& config, const NameVariants& variants, Dataset data,
                         std::optional<Model> model, unsigned threads)
    : config_(config), variants_(variants), data_(std::move(data)) {
  size_ = data_.Size();
  model_ = model ? std::move(*model) : TrainOn(data_, config_, threads);
  comparator_ = std::make_unique<Comparator>(data_);
  scorer_ = std::make_unique<Scorer>(model_, *comparator_, /*small_population_floor=*/true);
  for (const BlockingRule& rule : config_.blocking) {
    const auto keys = RuleKeys(data_, rule);
    BigVector<KeyedRecord> sorted;
    for (uint32_t r = 0; r < size_; ++r)
      if (keys[r] != 0) sorted.push_back({keys[r], r});
    std::sort(sorted.begin(), sorted.end(), [](const KeyedRecord& a, const KeyedRecord& b) {
      return a.key != b.key ? a.key < b.key : a.record < b.record;
    });
    // Blocks over the cap are left out, as in a dedupe: a key shared by thousands says little.
    BigVector<KeyedRecord> kept;
    for (size_t i = 0; i < sorted.size();) {
      size_t j = i;
      while (j < sorted.size() && sorted[j].key == sorted[i].key) ++j;
      if (j - i <= config_.max_block_size) kept.insert(kept.end(), sorted.begin() + static_cast<std::ptrdiff_t>(i),
                                                      sorted.begin() + static_cast<std::ptrdiff_t>(j));
      i = j;
    }
    keys_.push_back(std::move(kept));
  }
  added_keys_.resize(config_.blocking.size());
  retired_.assign(size_, false);
  // The first probe grows every per-record array past its exact size (a copy of each); do it now rather than in
  // someone's lookup.
  (void)Lookup(PersonRecord{"", std::vector<std::string>(config_.columns.size())}, 1, 0.5);
}

std::vector<KnownPerson> PersonIndex::Lookup(const PersonRecord& probe, size_t limit, double min_probability) const {
  std::lock_guard lock(mutex_);
  std::vector<std::string_view> raw(probe.values.begin(), probe.values.end());
  const uint32_t me = data_.AppendRecord(probe.id, raw, variants_);
  comparator_->Sync();
  scorer_->Sync();
  std::vector<uint32_t> candidates;
  for (size_t r = 0; r < config_.blocking.size(); ++r) {
    const uint64_t key = RecordKey(data_, config_.blocking[r], me);
    if (key == 0) continue;
    const auto& keys = keys_[r];
    const BlockingRule& rule = config_.blocking[r];
    // As in a dedupe, a record in the rule's block is its candidate only when the rule's conditions hold.
    auto add = [&](uint32_t record) {
      if (rule.conditions.empty() || ConditionsHold(data_, rule, me, record)) candidates.push_back(record);
    };
    auto it = std::lower_bound(keys.begin(), keys.end(), key, [](const KeyedRecord& k, uint64_t v) { return k.key < v; });
    for (; it != keys.end() && it->key == key; ++it) add(it->record);
    for (const KeyedRecord& k : added_keys_[r])
      if (k.key == key) add(k.record);
  }
  std::erase_if(candidates, [&](uint32_t c) { return retired_[c]; });
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  CompareScratch scratch(comparator_->Columns(), 8);
  const float min_weight = static_cast<float>(Scorer::WeightOf(min_probability));
  std::vector<std::pair<float, uint32_t>> scored;
  for (uint32_t c : candidates) {
    const float w = scorer_->Weight(c, comparator_->Compare(c, me, scratch));
    if (w >= min_weight) scored.emplace_back(w, c);
  }
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  if (scored.size() > limit) scored.resize(limit);
  std::vector<KnownPerson> out;
  for (const auto& [w, c] : scored) {
    KnownPerson k;
    k.id = std::string(data_.Id(c));
    k.weight = w;
    k.probability = Scorer::Probability(w);
    k.explanation = Explain(*comparator_, *scorer_, model_, c, me);
    out.push_back(std::move(k));
  }
  data_.PopRecord();
  comparator_->Sync();
  return out;
}

int64_t PersonIndex::FindCurrent(const std::string& id) const {
  // From the newest: an edited person's current entry is the last one with the id. A linear scan (a few ms at
  // 1,000,000 people) because edits are rare and a map of every id would cost more memory than the index's keys.
  for (uint32_t r = size_; r-- > 0;)
    if (!retired_[r] && data_.Id(r) == id) return r;
  return -1;
}

void PersonIndex::Retire(uint32_t record) {
  retired_[record] = true;
  ++retired_count_;
  for (auto& column : data_.columns)
    if (const uint32_t v = column.ids[record]; v != 0 && column.counts[v] > 0) --column.counts[v];
}

bool PersonIndex::Remove(const std::string& id) {
  std::lock_guard lock(mutex_);
  const int64_t found = FindCurrent(id);
  if (found < 0) return false;
  Retire(static_cast<uint32_t>(found));
  return true;
}

void PersonIndex::Add(const PersonRecord& person, bool known_new) {
  std::lock_guard lock(mutex_);
  if (const int64_t found = known_new ? -1 : FindCurrent(person.id); found >= 0) Retire(static_cast<uint32_t>(found));
  std::vector<std::string_view> raw(person.values.begin(), person.values.end());
  const uint32_t record = data_.AppendRecord(person.id, raw, variants_);
  for (auto& column : data_.columns) {
    column.counts.resize(column.values.Size(), 0);
    if (const uint32_t v = column.ids[record]; v != 0) ++column.counts[v];
  }
  size_ = data_.Size();
  retired_.push_back(false);
  comparator_->Sync();
  scorer_->Sync();
  for (size_t r = 0; r < config_.blocking.size(); ++r)
    if (const uint64_t key = RecordKey(data_, config_.blocking[r], record); key != 0)
      added_keys_[r].push_back({key, record});
  if (++added_since_merge_ >= kMergeAddedAt) MergeAddedKeys();
}

void PersonIndex::MergeAddedKeys() {
  const auto by_key = [](const KeyedRecord& a, const KeyedRecord& b) {
    return a.key != b.key ? a.key < b.key : a.record < b.record;
  };
  for (size_t r = 0; r < keys_.size(); ++r) {
    auto& added = added_keys_[r];
    std::sort(added.begin(), added.end(), by_key);
    BigVector<KeyedRecord> merged;
    merged.reserve(keys_[r].size() + added.size());
    std::merge(keys_[r].begin(), keys_[r].end(), added.begin(), added.end(), std::back_inserter(merged), by_key);
    keys_[r] = std::move(merged);
    added.clear();
  }
  added_since_merge_ = 0;
}

}  // namespace hearth::linkage
