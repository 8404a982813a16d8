// Nicknames and spelling variants of given names (config/linkage/nicknames.csv: name,canonical), so that Bob,
// Robbie and Robert meet at one canonical form. A name may have several canonical forms (Sam: Samuel, Samantha).
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/error.hpp"

namespace hearth::linkage {

class NameVariants {
 public:
  // Reads a name,canonical CSV (header optional); names are standardised as given-name values are.
  static Result<NameVariants> Load(const std::string& path);
  void Add(std::string_view name, std::string_view canonical);

  // The canonical forms of a standardised given name: the table's entries for it, else for its first word, else
  // the first word itself ("mary ann" → mary; "bob" → robert). A one-word name of three letters or more that is in
  // the table neither as a name nor as a canonical form (most often a typo) also gets the canonical forms of the
  // table's names within one edit of it ("rtchie" → rtchie, richard): a nickname with a typo then still meets its
  // formal name, where before it fell to "else" and looked like another person.
  void Canonicals(std::string_view folded, std::vector<std::string_view>& out) const;
  size_t Size() const { return map_.size(); }

 private:
  void AddNearCanonicals(std::string_view folded, std::vector<std::string_view>& out) const;
  std::unordered_map<std::string, std::vector<std::string>> map_;
  std::unordered_set<std::string> canonicals_;
  // Each table name, and each of its one-letter deletions, to the names it came from: names within one edit
  // (insertion, deletion, substitution or transposition) of a query share a key with one of the query's.
  std::unordered_map<std::string, std::vector<std::string>> near_;
};

}  // namespace hearth::linkage
