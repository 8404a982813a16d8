// Nicknames and spelling variants of given names (config/linkage/nicknames.csv: name,canonical), so that Bob,
// Robbie and Robert meet at one canonical form. A name may have several canonical forms (Sam: Samuel, Samantha).
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/error.hpp"

namespace hearth::linkage {

class NameVariants {
 public:
  // Reads a name,canonical CSV (header optional); names are standardised as given-name values are.
  static Result<NameVariants> Load(const std::string& path);
  void Add(std::string_view name, std::string_view canonical);

  // The canonical forms of a standardised given name: the table's entries for it, else for its first word, else
  // the first word itself ("mary ann" → mary; "bob" → robert).
  void Canonicals(std::string_view folded, std::vector<std::string_view>& out) const;
  size_t Size() const { return map_.size(); }

 private:
  std::unordered_map<std::string, std::vector<std::string>> map_;
};

}  // namespace hearth::linkage
