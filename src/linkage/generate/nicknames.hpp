// Nicknames and spelling variants of British given names, for the generator's "Robert appears as Bob" corruption.
// A small table is built in; the engine's table (config/linkage/nicknames.csv) replaces it when present so that
// the generator and the engine agree on what counts as a variant.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hearth::linkage::generate {

class NicknameTable {
 public:
  static NicknameTable BuiltIn();
  // Reads a CSV whose rows each pair a formal name with its variants: "robert,bob,rob" (formal first), or the
  // engine's layout with a header naming the formal column ("name,canonical" then "bob,robert"). Returns nothing
  // when the file cannot be read or holds no pairs.
  static std::optional<NicknameTable> Load(const std::filesystem::path& path);

  // The variants of `name` (any case), in title case ("Bob", "Rob"); empty when it has none.
  std::vector<std::string> VariantsOf(std::string_view name) const;
  std::size_t Size() const { return variants_.size(); }

  // Adds a group of mutual variants (the generator adds formal-informal pairs: Bob and Rob are both Robert's
  // nicknames, not each other's).
  void AddGroup(const std::vector<std::string>& names);

 private:
  std::unordered_map<std::string, std::vector<std::string>> variants_;  // lower-case name -> title-case variants
};

}  // namespace hearth::linkage::generate
