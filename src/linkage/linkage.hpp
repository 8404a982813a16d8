// The record linkage engine for the rest of Hearth: "is this person already known?" An index of stored people
// answers a probe record with the people most likely to be the same, each with its match probability and the
// explanation of every comparison (the waterfall), so a practitioner can see why.
//
//   auto config = LoadConfig("config/linkage/people.toml");            // columns, types, blocking, threshold
//   auto variants = NameVariants::Load("config/linkage/nicknames.csv");
//   auto index = PersonIndex::Build(*config, *variants, people);        // trains a model unless one is given
//   auto known = (*index)->Lookup({"probe", {"Bob", "Smith", "1980-02-01", "M", "SW1A 1AA", "1 Main St"}});
//
// A lookup computes the probe's blocking keys, finds the stored people sharing any of them by binary search in
// per-rule sorted key arrays, and compares and scores only those (typically tens to hundreds), so it answers in
// well under a millisecond against 1,000,000 people (see docs/linkage.md for the measured figure). Lookups are
// serialised by a mutex: a probe's new values briefly join the index's dictionaries.
//
// Add keeps the index current without a rebuild: a person added (or added again after an edit, which retires the
// earlier entry with the same id) joins the dictionaries and a small unsorted list of keys per blocking rule that
// every lookup also scans; once that list is long it is merged into the sorted keys. The model and the
// term-frequency weights of values already seen stay as trained; a new value counts as seen once.
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "linkage/big_vector.hpp"
#include "linkage/comparison.hpp"
#include "linkage/config.hpp"
#include "linkage/dataset.hpp"
#include "linkage/explain.hpp"
#include "linkage/model.hpp"
#include "linkage/name_variants.hpp"
#include "linkage/scoring.hpp"

namespace hearth::linkage {

// One person: an id and one raw value per configured column, in the configuration's order ("" = missing).
struct PersonRecord {
  std::string id;
  std::vector<std::string> values;
};

struct KnownPerson {
  std::string id;
  double probability = 0;
  double weight = 0;  // match weight, log2 of the odds
  Explanation explanation;
};

class PersonIndex {
 public:
  // Indexes the people. Without a model, one is trained on the people themselves, as `hearth link dedupe` does.
  static Result<std::unique_ptr<PersonIndex>> Build(const LinkageConfig& config, const NameVariants& variants,
                                                    const std::vector<PersonRecord>& people,
                                                    std::optional<Model> model = std::nullopt, unsigned threads = 0);
  // The same from a CSV file laid out as the configuration says.
  static Result<std::unique_ptr<PersonIndex>> FromCsv(const LinkageConfig& config, const NameVariants& variants,
                                                      const std::string& path, std::optional<Model> model = std::nullopt,
                                                      unsigned threads = 0);

  // The stored people most likely to be the probe, most likely first: at most `limit`, each at or above
  // `min_probability`.
  std::vector<KnownPerson> Lookup(const PersonRecord& probe, size_t limit = 10, double min_probability = 0.05) const;

  // Adds a person; one already indexed under the same id is replaced (an edit). Finding that earlier entry is a
  // scan of the ids (milliseconds at 1,000,000), so a caller that knows the id is new says so with `known_new`.
  void Add(const PersonRecord& person, bool known_new = false);
  // Takes a person out (no longer stored); false when the id is not indexed.
  bool Remove(const std::string& id);

  // People indexed (current entries only).
  uint32_t Size() const {
    std::lock_guard lock(mutex_);
    return size_ - retired_count_;
  }
  const Model& TrainedModel() const { return model_; }

 private:
  PersonIndex(const LinkageConfig& config, const NameVariants& variants, Dataset data, std::optional<Model> model,
              unsigned threads);
  struct KeyedRecord {
    uint64_t key;
    uint32_t record;
  };

  LinkageConfig config_;
  NameVariants variants_;
  mutable Dataset data_;  // a lookup appends the probe for the time of the lookup
  uint32_t size_ = 0;     // stored records, retired ones included
  Model model_;
  std::unique_ptr<Comparator> comparator_;
  std::unique_ptr<Scorer> scorer_;
  std::vector<BigVector<KeyedRecord>> keys_;  // per blocking rule, sorted by key (blocks over the cap left out)
  std::vector<std::vector<KeyedRecord>> added_keys_;  // per blocking rule: records added since, unsorted
  std::vector<bool> retired_;                          // per record: replaced by a later Add, or removed
  uint32_t retired_count_ = 0;
  size_t added_since_merge_ = 0;
  static constexpr size_t kMergeAddedAt = 4096;
  int64_t FindCurrent(const std::string& id) const;  // the current record with this id, or -1
  void Retire(uint32_t record);
  void MergeAddedKeys();
  mutable std::mutex mutex_;
};

}  // namespace hearth::linkage
