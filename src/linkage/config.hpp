// The linkage configuration (a TOML file; see docs/linkage.md): which columns to use and as what type, the
// comparison levels and blocking rules (derived from the types unless given), and the model settings.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace hearth::linkage {

enum class ColumnType {
  kGivenName,
  kFamilyName,
  kFullName,
  kDate,
  kPostcode,
  kHouseNumber,
  kAddressText,
  kCode,
  kCategory,
  kText,
};
std::string_view ToString(ColumnType type);
bool ParseColumnType(std::string_view text, ColumnType& type);
std::string ColumnTypeList();  // "given_name, family_name, ..." for messages
bool IsNameType(ColumnType type);

// One comparison level: the first level (in order) a pair satisfies is its level; "null" (either value missing)
// and "else" (no level satisfied) are implicit.
enum class LevelKind {
  kExact,             // same standardised value
  kNickname,          // given names: same canonical form (Bob/Robert) or same first word
  kSwapped,           // given name equals the other record's family name and vice versa
  kJaroWinkler,       // similarity >= threshold
  kLevenshtein,       // distance <= threshold
  kDamerau,           // distance <= threshold, a transposition counting as one edit
  kInitial,           // same first letter
  kDayMonthSwapped,   // dates: day and month exchanged
  kYearMonth,         // dates: same year and month
  kTwoOfThree,        // dates: two of year, month and day agree
  kWithinDays,        // dates: at most threshold days apart
  kPostcodeSector,    // postcodes: same sector (SW1A 1)
  kPostcodeDistrict,  // postcodes: same district (SW1A)
  kPostcodeArea,      // postcodes: same area (SW)
};

struct Level {
  LevelKind kind = LevelKind::kExact;
  double threshold = 0;
  std::string label;  // as written in configuration and model files, e.g. "jaro_winkler>=0.92"
};
// Parses "exact", "jaro_winkler>=0.9", "damerau<=1", "within_days<=365", ...; false when not a level.
bool ParseLevel(std::string_view text, Level& level);

struct ColumnConfig {
  std::string name;  // header name in the input
  ColumnType type = ColumnType::kText;
  std::vector<std::string> date_formats;  // dates only
  std::vector<Level> levels;              // strongest first
  bool term_frequency = false;            // u of the exact level from the value's frequency
  // Address parts are compared given whether the postcode agrees: the name of that column ("" = not
  // conditioned). Default for address_text and house_number: the first postcode column. See comparison.hpp.
  std::string conditional_on;
  bool conditional_default = true;  // not set explicitly: derived from the column types
  int line = 0;                     // where it was configured, for messages
};

enum class KeyTransform {
  kExact,
  kNickname,         // canonical given name
  kInitial,          // first letter
  kNicknameInitial,  // first letter of the canonical given name
  kSoundex,
  kPrefix,  // first `length` characters
  kYear,
  kYearMonth,
  kMonthDay,  // month and day without the year: survives a wrong year digit
  kSector,
  kDistrict,
  kArea,
  // Not a key but a condition on the pair (KeyPart in BlockingRule::conditions): either record lacks the value, or
  // the two agree loosely — dates share the year or the month and day, given names the initial of the canonical
  // name, family names the initial, other columns the value. See Blocker::ConditionsHold.
  kCompatible,
};

// One part of a blocking key: a column (or, written {a,b}, an unordered pair of columns, so that swapped given and
// family names meet) after a transform.
struct KeyPart {
  std::vector<int> columns;  // indexes into LinkageConfig::columns; one, or two for an unordered pair
  KeyTransform transform = KeyTransform::kExact;
  int length = 0;  // kPrefix only
};

struct BlockingRule {
  std::string text;  // as written, e.g. "dob & {first,last}:initial"
  std::vector<KeyPart> parts;
  // Parts written `column:compatible`: a pair in one of the rule's blocks is the rule's candidate only when these
  // hold. They cut the namesakes out of blocks keyed on names or places (different dates of birth, neither
  // missing) without a key of their own, which would lose the pairs whose date is missing on one side.
  std::vector<KeyPart> conditions;
};

struct LinkageConfig {
  std::string path;
  std::string id_column;
  int id_column_line = 0;
  char delimiter = ',';
  double threshold = 0.5;
  std::vector<ColumnConfig> columns;
  std::vector<BlockingRule> blocking;  // derived from the column types unless [blocking] rules are given
  uint32_t max_block_size = 2000;      // blocks with more records are skipped and reported
  std::string nicknames;               // path of the name,canonical table; "" = config/linkage/nicknames.csv
  uint64_t u_sample_pairs = 300'000;
  int em_max_iterations = 200;
  double cluster_min_density = 0.8;  // see Cluster() in cluster.hpp

  int ColumnIndex(std::string_view name) const;
};

// Reads and checks a configuration. Errors name the file, the line and the key:
// "people.toml:7: columns.dob: unknown column type 'dates' (one of given_name, ...)".
Result<LinkageConfig> LoadConfig(const std::string& path);
Result<LinkageConfig> ParseConfig(std::string_view text, const std::string& path);

// Comparison levels and blocking rules that follow from the column types.
std::vector<Level> DefaultLevels(ColumnType type, bool has_family_name);
std::vector<BlockingRule> DefaultBlocking(const std::vector<ColumnConfig>& columns);
// Parses one blocking rule against the configured columns; on failure `error` says why.
bool ParseBlockingRule(std::string_view text, const std::vector<ColumnConfig>& columns, BlockingRule& rule,
                       std::string& error);

}  // namespace hearth::linkage
