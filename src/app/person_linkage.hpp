// The record linkage engine (src/linkage) over every person in the database, for the front door's "is this
// family already known?": a PersonIndex built once at start-up from the people table, and kept current by
// catching up, before each lookup, with people added since (by id) and people or households edited since (by the
// database's log of such edits, migration 0011, so edits by other processes such as `hearth import --update` count).
// The app depends on the linkage library directly (see docs/architecture.md, "Linkage in the front door"): the engine
// has no I/O of its own to hide behind a port, and it reads no database.
//
// Nothing here checks who may see whom: Rank answers with person ids, and ReferralService keeps only the people
// the caller may see before anything about them leaves the app.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "app/match_explanation.hpp"
#include "common/error.hpp"
#include "domain/family.hpp"
#include "linkage/linkage.hpp"
#include "ports/database.hpp"

namespace hearth {

struct LinkageSettings {
  std::string config_path;     // the columns and types (config/linkage/people.toml)
  std::string nicknames_path;  // British given-name variants (config/linkage/nicknames.csv)
  std::string model_path;      // a trained model (model.toml); empty: train on the stored people at start-up
  double offer_at = 0.2;       // the lowest match probability the front door offers as a possible match
};

struct RankedPerson {
  RecordId person_id = 0;
  double probability = 0;
  MatchExplanation explanation;
};

class PersonLinkage {
 public:
  // Reads every stored person and indexes them (training a model on them when settings.model_path is empty).
  static Result<std::unique_ptr<PersonLinkage>> Start(Database& db, const LinkageSettings& settings);

  // Stored people most likely to be `probe` living at `household`'s address, most likely first: at most `limit`,
  // each at or above settings.offer_at. Every stored person is a candidate, whoever may see them.
  std::vector<RankedPerson> Rank(const Person& probe, const Family& household, std::size_t limit);

  std::size_t Size() const;
  double OfferAt() const { return settings_.offer_at; }

 private:
  PersonLinkage(Database& db, LinkageSettings settings, linkage::LinkageConfig config, linkage::NameVariants variants)
      : db_(db), settings_(std::move(settings)), config_(std::move(config)), variants_(std::move(variants)) {}
  linkage::PersonRecord RecordOf(const Person& person, const std::string& postcode,
                                 const std::string& address_line_1) const;
  void CatchUp();
  MatchExplanation Describe(const linkage::Explanation& e) const;

  Database& db_;
  LinkageSettings settings_;
  linkage::LinkageConfig config_;
  linkage::NameVariants variants_;
  std::unique_ptr<linkage::PersonIndex> index_;
  RecordId last_seen_ = 0;        // the highest person id indexed
  std::int64_t last_change_ = 0;  // the last logged edit applied
  mutable std::mutex mutex_;      // one Rank (catch-up and lookup) at a time
};

// The plain-words key of an engine level label: "jaro_winkler>=0.92" -> "similar", "null" -> "missing", ...
std::string LevelWord(const std::string& label);

}  // namespace hearth
