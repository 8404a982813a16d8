#include "linkage/config.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>
#include <toml++/toml.h>

#include "linkage/dates.hpp"

namespace hearth::linkage {

namespace {
struct TypeName {
  ColumnType type;
  std::string_view name;
};
constexpr TypeName kTypeNames[] = {
    {ColumnType::kGivenName, "given_name"},     {ColumnType::kFamilyName, "family_name"},
    {ColumnType::kFullName, "full_name"},       {ColumnType::kDate, "date"},
    {ColumnType::kPostcode, "postcode"},        {ColumnType::kHouseNumber, "house_number"},
    {ColumnType::kAddressText, "address_text"}, {ColumnType::kCode, "code"},
    {ColumnType::kCategory, "category"},        {ColumnType::kText, "text"},
};

struct TransformName {
  KeyTransform transform;
  std::string_view name;
};
constexpr TransformName kTransformNames[] = {
    {KeyTransform::kExact, "exact"},
    {KeyTransform::kNickname, "nickname"},
    {KeyTransform::kInitial, "initial"},
    {KeyTransform::kNicknameInitial, "nickname_initial"},
    {KeyTransform::kSoundex, "soundex"},
    {KeyTransform::kYear, "year"},
    {KeyTransform::kYearMonth, "year_month"},
    {KeyTransform::kMonthDay, "month_day"},
    {KeyTransform::kSector, "sector"},
    {KeyTransform::kDistrict, "district"},
    {KeyTransform::kArea, "area"},
    {KeyTransform::kCompatible, "compatible"},
};

}  // namespace

std::string ColumnTypeList() {
  std::string s;
  for (const auto& t : kTypeNames) s += (s.empty() ? "" : ", ") + std::string(t.name);
  return s;
}

bool ParseColumnType(std::string_view text, ColumnType& type) {
  for (const auto& t : kTypeNames) {
    if (t.name == text) {
      type = t.type;
      return true;
    }
  }
  return false;
}

namespace {
std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool ParseNumber(std::string_view text, double& value) {
  text = TrimSpaces(text);
  if (text.empty()) return false;
  // std::from_chars for double is in GCC 11+; keep to it rather than locale-dependent strtod.
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

// Splits "name>=0.9" / "name<=2" / "name" into its parts.
bool SplitLevel(std::string_view text, std::string_view& name, std::string_view& op, double& value) {
  for (std::string_view candidate : {">=", "<="}) {
    auto at = text.find(candidate);
    if (at != std::string_view::npos) {
      name = TrimSpaces(text.substr(0, at));
      op = candidate;
      return ParseNumber(text.substr(at + 2), value);
    }
  }
  name = TrimSpaces(text);
  op = "";
  return true;
}
}  // namespace

std::string_view ToString(ColumnType type) {
  for (const auto& t : kTypeNames)
    if (t.type == type) return t.name;
  return "text";
}

bool IsNameType(ColumnType type) {
  return type == ColumnType::kGivenName || type == ColumnType::kFamilyName || type == ColumnType::kFullName;
}

bool ParseLevel(std::string_view text, Level& level) {
  std::string_view name, op;
  double value = 0;
  if (!SplitLevel(text, name, op, value)) return false;
  struct Simple {
    std::string_view name;
    LevelKind kind;
  };
  static constexpr Simple kSimple[] = {
      {"exact", LevelKind::kExact},           {"nickname", LevelKind::kNickname},
      {"swapped", LevelKind::kSwapped},       {"initial", LevelKind::kInitial},
      {"day_month_swapped", LevelKind::kDayMonthSwapped}, {"year_month", LevelKind::kYearMonth},
      {"two_of_three", LevelKind::kTwoOfThree}, {"sector", LevelKind::kPostcodeSector},
      {"district", LevelKind::kPostcodeDistrict}, {"area", LevelKind::kPostcodeArea},
  };
  struct Measured {
    std::string_view name;
    std::string_view op;
    LevelKind kind;
  };
  static constexpr Measured kMeasured[] = {
      {"jaro_winkler", ">=", LevelKind::kJaroWinkler}, {"levenshtein", "<=", LevelKind::kLevenshtein},
      {"damerau", "<=", LevelKind::kDamerau},          {"within_days", "<=", LevelKind::kWithinDays},
  };
  for (const auto& s : kSimple) {
    if (s.name == name && op.empty()) {
      level = Level{s.kind, 0, std::string(s.name)};
      return true;
    }
  }
  for (const auto& m : kMeasured) {
    if (m.name == name && m.op == op) {
      if (m.kind == LevelKind::kJaroWinkler && (value <= 0 || value > 1)) return false;
      if (m.kind != LevelKind::kJaroWinkler && (value < 0 || value != static_cast<double>(static_cast<int>(value))))
        return false;
      std::ostringstream label;
      label << name << op << value;
      level = Level{m.kind, value, label.str()};
      return true;
    }
  }
  return false;
}

std::vector<Level> DefaultLevels(ColumnType type, bool has_family_name) {
  std::vector<std::string_view> texts;
  switch (type) {
    // Names: one typo (Damerau) is the commonest error, then Jaro–Winkler bands for the rest; below 0.8 two names
    // are usually different names (Claire and Caroline score 0.85, Jason and Joan 0.78). Given names also get
    // "damerau<=2": two typos in a short name (Harry and Hzrrn) fall below 0.8, and without the level they landed
    // in "else" beside twins, whose names differ completely (the "twins" correction keys on "else").
    case ColumnType::kGivenName:
      texts = {"exact", "nickname"};
      if (has_family_name) texts.push_back("swapped");
      texts.insert(texts.end(), {"damerau<=1", "jaro_winkler>=0.92", "jaro_winkler>=0.8", "damerau<=2"});
      break;
    case ColumnType::kFamilyName:
    case ColumnType::kFullName:
      texts = {"exact", "damerau<=1", "jaro_winkler>=0.92", "jaro_winkler>=0.8"};
      break;
    case ColumnType::kDate:
      texts = {"exact", "day_month_swapped", "year_month", "two_of_three", "within_days<=365"};
      break;
    case ColumnType::kPostcode:
      texts = {"exact", "sector", "district", "area"};
      break;
    // Address lines: the same line with a typo, or the next house on the same street, scores above 0.92; below
    // that two lines are different addresses, and a lower band carried no information in our measurements.
    case ColumnType::kAddressText:
      texts = {"exact", "jaro_winkler>=0.92"};
      break;
    case ColumnType::kCode:
      texts = {"exact", "damerau<=1"};
      break;
    case ColumnType::kText:
      texts = {"exact", "jaro_winkler>=0.88"};
      break;
    case ColumnType::kHouseNumber:
    case ColumnType::kCategory:
      texts = {"exact"};
      break;
  }
  std::vector<Level> levels;
  for (auto t : texts) {
    Level l;
    ParseLevel(t, l);
    levels.push_back(l);
  }
  return levels;
}

int LinkageConfig::ColumnIndex(std::string_view name) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == name) return static_cast<int>(i);
  return -1;
}

bool ParseBlockingRule(std::string_view text, const std::vector<ColumnConfig>& columns, BlockingRule& rule,
                       std::string& error) {
  rule = BlockingRule{std::string(TrimSpaces(text)), {}, {}};
  auto find = [&](std::string_view name) -> int {
    for (size_t i = 0; i < columns.size(); ++i)
      if (columns[i].name == name) return static_cast<int>(i);
    return -1;
  };
  std::string_view rest = text;
  while (!TrimSpaces(rest).empty()) {
    auto amp = rest.find('&');
    std::string_view part = TrimSpaces(rest.substr(0, amp));
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    KeyPart key;
    std::string_view names = part, transform = "exact";
    auto colon = part.rfind(':');
    if (colon != std::string_view::npos && part.find('}', colon) == std::string_view::npos) {
      names = TrimSpaces(part.substr(0, colon));
      transform = TrimSpaces(part.substr(colon + 1));
    }
    std::vector<std::string_view> list;
    if (names.size() >= 2 && names.front() == '{' && names.back() == '}') {
      std::string_view inner = names.substr(1, names.size() - 2);
      auto comma = inner.find(',');
      if (comma == std::string_view::npos) {
        error = "'{…}' needs two columns separated by a comma: " + std::string(part);
        return false;
      }
      list = {TrimSpaces(inner.substr(0, comma)), TrimSpaces(inner.substr(comma + 1))};
    } else {
      list = {names};
    }
    for (auto n : list) {
      int index = find(n);
      if (index < 0) {
        error = "unknown column '" + std::string(n) + "' (blocking rules name columns listed in [columns])";
        return false;
      }
      key.columns.push_back(index);
    }
    bool known = false;
    for (const auto& t : kTransformNames) {
      if (t.name == transform) {
        key.transform = t.transform;
        known = true;
      }
    }
    if (!known && transform.substr(0, 6) == "prefix") {
      int n = 0;
      auto digits = transform.substr(6);
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
      if (ec == std::errc() && end == digits.data() + digits.size() && n > 0 && n < 64) {
        key.transform = KeyTransform::kPrefix;
        key.length = n;
        known = true;
      }
    }
    if (!known) {
      error = "unknown key transform '" + std::string(transform) +
              "' (exact, nickname, initial, nickname_initial, soundex, prefixN, year, year_month, sector, district, "
              "area; or compatible, a condition)";
      return false;
    }
    if (key.transform == KeyTransform::kCompatible) {
      if (key.columns.size() != 1) {
        error = "'compatible' is a condition on one column, not on a pair: " + std::string(part);
        return false;
      }
      rule.conditions.push_back(key);
    } else {
      rule.parts.push_back(key);
    }
  }
  if (rule.parts.empty()) {
    error = rule.conditions.empty() ? "empty blocking rule"
                                    : "a blocking rule needs a key besides its conditions: " + rule.text;
    return false;
  }
  return true;
}

}  // namespace hearth::linkage

namespace hearth::linkage {

std::vector<BlockingRule> DefaultBlocking(const std::vector<ColumnConfig>& columns) {
  auto first = [&](ColumnType type) -> std::string {
    for (const auto& c : columns)
      if (c.type == type) return c.name;
    return "";
  };
  const std::string given = first(ColumnType::kGivenName), family = first(ColumnType::kFamilyName);
  const std::string full = first(ColumnType::kFullName), date = first(ColumnType::kDate);
  const std::string postcode = first(ColumnType::kPostcode), house = first(ColumnType::kHouseNumber);
  // An address line goes with the house number when that has a column of its own ("Oak Place" alone is a street).
  const std::string address = first(ColumnType::kAddressText).empty()
                                  ? ""
                                  : first(ColumnType::kAddressText) + (house.empty() ? "" : " & " + house);
  // A person's initials, in forms that survive a nickname (Bob → r), a missing name (one initial at a time) and
  // swapped given and family names (the unordered pair).
  std::vector<std::string> initials;
  if (!given.empty()) initials.push_back(given + ":nickname_initial");
  if (!family.empty()) initials.push_back(family + ":initial");
  if (!given.empty() && !family.empty()) initials.push_back("{" + given + "," + family + "}:nickname_initial");
  if (given.empty() && family.empty() && !full.empty()) initials.push_back(full + ":initial");
  std::vector<std::string> texts;
  for (const auto& c : columns)
    if (c.type == ColumnType::kCode) texts.push_back(c.name);
  // Each strong single field (date of birth, postcode, address) with each form of the initials: a pair is found
  // when one of these fields and one initial survive the errors. At an address the family initial alone gathers
  // whole households, so there it goes with the categories (sex) too: household members mostly differ in them.
  std::string categories;
  for (const auto& c : columns)
    if (c.type == ColumnType::kCategory) categories += " & " + c.name;
  // Rules not keyed on the date keep a pair only when its dates could be one person's: either missing, or the same
  // year or the same day and month (one error in a date leaves one of them). In blocks keyed on a name or a place
  // most pairs are namesakes or neighbours with unrelated dates: nine in ten of these rules' pairs on generated
  // files, and fewer than one true match in 10,000 of them (docs/performance.md, session 9).
  const std::string compatible_date = date.empty() ? "" : " & " + date + ":compatible";
  for (const std::string& anchor : {date, postcode, address}) {
    if (anchor.empty()) continue;
    if (initials.empty()) texts.push_back(anchor);
    for (size_t i = 0; i < initials.size(); ++i) {
      if (anchor == address && i == 2) continue;  // the address rarely survives along with a swap
      const bool family_initial = !family.empty() && initials[i] == family + ":initial";
      texts.push_back(anchor + " & " + initials[i] + (anchor != date && family_initial ? categories : "") +
                      (anchor != date ? compatible_date : ""));
    }
  }
  // Both names without the date or the address (the date wrong and the person moved), in either order.
  if (!given.empty() && !family.empty()) {
    texts.push_back("{" + given + "," + family + "}:nickname" + compatible_date);
  } else if (!full.empty()) {
    texts.push_back(date.empty() ? full : full + ":soundex & " + date + ":year");
  }
  // A wrong year digit and a move: a name with the day and month of birth (the family name alone, or the given
  // name with the family initial, since given names are few and blocks on them alone would be large).
  if (!date.empty() && !family.empty()) texts.push_back(family + " & " + date + ":month_day");
  if (!date.empty() && !given.empty() && !family.empty())
    texts.push_back(given + ":nickname & " + family + ":initial & " + date + ":month_day");
  // A moved person whose date is wrong or missing and one name has a typo: the other name with the first's initial,
  // near the old address (half of all moves stay in the district).
  if (!given.empty() && !family.empty() && !postcode.empty()) {
    texts.push_back(family + " & " + given + ":nickname_initial & " + postcode + ":district" + compatible_date);
    texts.push_back(given + ":nickname & " + family + ":initial & " + postcode + ":district" + compatible_date);
  }
  // Neither name usable: two strong fields. The date with the postcode district (half of all moves stay in it:
  // about 650 districts per million records, so blocks stay small), or with the address line; the place and the
  // address line together are a household, a small block.
  if (!date.empty() && !postcode.empty()) texts.push_back(date + " & " + postcode + ":district");
  if (!date.empty() && !address.empty()) texts.push_back(date + " & " + address);
  if (!postcode.empty() && !address.empty()) texts.push_back(postcode + " & " + address + compatible_date);
  std::vector<BlockingRule> rules;
  for (const auto& t : texts) {
    BlockingRule rule;
    std::string error;
    if (ParseBlockingRule(t, columns, rule, error)) rules.push_back(std::move(rule));
  }
  return rules;
}

}  // namespace hearth::linkage
