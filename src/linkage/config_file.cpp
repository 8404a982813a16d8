// Reading the TOML configuration, with errors that name the file, the line and the key.
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <toml++/toml.h>

#include "linkage/config.hpp"
#include "linkage/dates.hpp"

namespace hearth::linkage {

namespace {
Error ConfigError(const std::string& path, const toml::node* node, const std::string& key, const std::string& what) {
  std::string where = path;
  if (node != nullptr && node->source().begin.line > 0) where += ":" + std::to_string(node->source().begin.line);
  std::string message = where + ": " + (key.empty() ? "" : key + ": ") + what;
  return Error{ErrorCode::kValidation, message, "linkage.config_error", {}};
}

// Refuses keys the format does not have, so a misspelt setting is reported rather than ignored.
Result<bool> CheckKeys(const std::string& path, const toml::table& table, const std::string& prefix,
                       std::initializer_list<std::string_view> known) {
  for (const auto& [k, node] : table) {
    if (std::find(known.begin(), known.end(), k.str()) == known.end()) {
      std::string list;
      for (auto n : known) list += (list.empty() ? "" : ", ") + std::string(n);
      return ConfigError(path, &node, prefix + std::string(k.str()), "unknown key (expected one of " + list + ")");
    }
  }
  return true;
}

Result<std::vector<std::string>> StringList(const std::string& path, const toml::node& node, const std::string& key) {
  const auto* array = node.as_array();
  if (array == nullptr) return ConfigError(path, &node, key, "must be a list of strings");
  std::vector<std::string> out;
  for (const auto& item : *array) {
    const auto* s = item.as_string();
    if (s == nullptr) return ConfigError(path, &item, key, "must be a list of strings");
    out.push_back(s->get());
  }
  return out;
}

Result<ColumnConfig> ParseColumn(const std::string& path, const std::string& name, const toml::node& node) {
  ColumnConfig column;
  column.name = name;
  column.line = static_cast<int>(node.source().begin.line);
  const std::string key = "columns." + name;
  std::string type_text;
  const toml::table* options = node.as_table();
  if (const auto* s = node.as_string()) {
    type_text = s->get();
  } else if (options != nullptr) {
    auto r = CheckKeys(path, *options, key + ".", {"type", "formats", "levels", "term_frequency", "conditional_on"});
    if (!r) return r.error();
    const auto* t = options->get("type");
    if (t == nullptr || !t->is_string()) return ConfigError(path, &node, key + ".type", "required: the column type");
    type_text = t->as_string()->get();
  } else {
    return ConfigError(path, &node, key, "must be a type name or a table with a type");
  }
  if (!ParseColumnType(type_text, column.type))
    return ConfigError(path, &node, key, "unknown column type '" + type_text + "' (one of " + ColumnTypeList() + ")");
  column.term_frequency = IsNameType(column.type) || column.type == ColumnType::kPostcode;
  if (column.type == ColumnType::kDate) column.date_formats = DefaultDateFormats();
  if (options == nullptr) return column;
  if (const auto* f = options->get("formats")) {
    if (column.type != ColumnType::kDate) return ConfigError(path, f, key + ".formats", "only date columns have formats");
    auto list = StringList(path, *f, key + ".formats");
    if (!list) return list.error();
    for (const auto& format : *list)
      if (!IsValidDateFormat(format))
        return ConfigError(path, f, key + ".formats",
                           "'" + format + "' is not a date format (use %Y %y %m %d %b, with a year, month and day)");
    if (list->empty()) return ConfigError(path, f, key + ".formats", "give at least one format");
    column.date_formats = *list;
  }
  if (const auto* l = options->get("levels")) {
    auto list = StringList(path, *l, key + ".levels");
    if (!list) return list.error();
    for (const auto& text : *list) {
      Level level;
      if (!ParseLevel(text, level))
        return ConfigError(path, l, key + ".levels",
                           "'" + text + "' is not a comparison level (see docs/linkage.md: exact, nickname, swapped, "
                           "jaro_winkler>=X, levenshtein<=N, damerau<=N, initial, day_month_swapped, year_month, "
                           "two_of_three, within_days<=N, sector, district, area)");
      column.levels.push_back(level);
    }
    if (column.levels.empty() || column.levels.size() > 14)
      return ConfigError(path, l, key + ".levels", "give between 1 and 14 levels");
  }
  if (const auto* cond = options->get("conditional_on")) {
    if (!cond->is_string()) return ConfigError(path, cond, key + ".conditional_on", "must be a column name or \"\"");
    column.conditional_on = cond->as_string()->get();
    column.conditional_default = false;
  }
  if (const auto* tf = options->get("term_frequency")) {
    if (!tf->is_boolean()) return ConfigError(path, tf, key + ".term_frequency", "must be true or false");
    column.term_frequency = tf->as_boolean()->get();
  }
  return column;
}

template <class T>
Result<T> Number(const std::string& path, const toml::table& table, const std::string& key, std::string_view name,
                 T fallback, double min, double max) {
  const auto* node = table.get(name);
  if (node == nullptr) return fallback;
  double value = 0;
  if (const auto* i = node->as_integer()) {
    value = static_cast<double>(i->get());
  } else if (const auto* d = node->as_floating_point()) {
    value = d->get();
  } else {
    return ConfigError(path, node, key, "must be a number");
  }
  if (value < min || value > max) {
    std::ostringstream range;
    range << "must be between " << min << " and " << max;
    return ConfigError(path, node, key, range.str());
  }
  return static_cast<T>(value);
}

Result<bool> ParseTop(const std::string& path, const toml::table& root, LinkageConfig& config) {
  auto keys = CheckKeys(path, root, "",
                        {"id_column", "delimiter", "threshold", "nicknames", "columns", "blocking", "model", "clusters"});
  if (!keys) return keys.error();
  const auto* id = root.get("id_column");
  if (id == nullptr) return ConfigError(path, nullptr, "id_column", "required: the header of the record id column");
  if (!id->is_string() || id->as_string()->get().empty())
    return ConfigError(path, id, "id_column", "must be a column name");
  config.id_column = id->as_string()->get();
  config.id_column_line = static_cast<int>(id->source().begin.line);
  if (const auto* d = root.get("delimiter")) {
    if (!d->is_string()) return ConfigError(path, d, "delimiter", "must be a string of one character");
    std::string text = d->as_string()->get();
    if (text == "\\t" || text == "tab") text = "\t";
    if (text.size() != 1 || text[0] == '"' || text[0] == '\n' || text[0] == '\r')
      return ConfigError(path, d, "delimiter", "must be one character (not a quote or line end)");
    config.delimiter = text[0];
  }
  auto threshold = Number<double>(path, root, "threshold", "threshold", 0.5, 0.0, 1.0);
  if (!threshold) return threshold.error();
  config.threshold = *threshold;
  if (const auto* n = root.get("nicknames")) {
    if (!n->is_string()) return ConfigError(path, n, "nicknames", "must be a file path");
    config.nicknames = n->as_string()->get();
  }
  return true;
}

Result<bool> ParseColumns(const std::string& path, const toml::table& root, LinkageConfig& config) {
  const auto* node = root.get("columns");
  if (node == nullptr || !node->is_table() || node->as_table()->empty())
    return ConfigError(path, node, "columns", "required: a [columns] table naming each column to use and its type");
  std::vector<std::pair<uint32_t, ColumnConfig>> ordered;
  for (const auto& [k, value] : *node->as_table()) {
    std::string name(k.str());
    if (name == config.id_column)
      return ConfigError(path, &value, "columns." + name, "the id column is not compared; list only columns to compare");
    auto column = ParseColumn(path, name, value);
    if (!column) return column.error();
    ordered.emplace_back(value.source().begin.line, std::move(*column));
  }
  if (ordered.size() > 16) return ConfigError(path, node, "columns", "at most 16 columns can be compared");
  // toml++ keeps keys sorted; the file's order is the natural order for reports and explanations.
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [line, c] : ordered) config.columns.push_back(std::move(c));
  bool has_family = false;
  std::string postcode;
  for (const auto& c : config.columns) {
    has_family = has_family || c.type == ColumnType::kFamilyName;
    if (postcode.empty() && c.type == ColumnType::kPostcode) postcode = c.name;
  }
  // Where people live is told by the postcode (else the address text); the other household columns (family name,
  // address text, house number) are compared given whether it agrees. See comparison.hpp.
  std::string anchor = postcode;
  for (const auto& c : config.columns)
    if (anchor.empty() && c.type == ColumnType::kAddressText) anchor = c.name;
  for (auto& c : config.columns) {
    const bool household = c.type == ColumnType::kAddressText || c.type == ColumnType::kHouseNumber ||
                           c.type == ColumnType::kFamilyName;
    if (c.conditional_default) c.conditional_on = household && c.name != anchor ? anchor : "";
  }
  for (const auto& c : config.columns) {
    if (c.conditional_on.empty()) continue;
    const std::string key = "columns." + c.name + ".conditional_on";
    int target = config.ColumnIndex(c.conditional_on);
    if (target < 0 || c.conditional_on == c.name)
      return ConfigError(path, node, key, "'" + c.conditional_on + "' is not another column listed in [columns]");
    const ColumnConfig& t = config.columns[static_cast<size_t>(target)];
    if (!t.conditional_on.empty())
      return ConfigError(path, node, key, "'" + t.name + "' is itself conditioned on another column");
    if (t.levels.empty() ? DefaultLevels(t.type, has_family)[0].kind != LevelKind::kExact
                         : t.levels[0].kind != LevelKind::kExact)
      return ConfigError(path, node, key, "'" + t.name + "' must have \"exact\" as its first level");
  }
  for (auto& c : config.columns) {
    if (c.levels.empty()) c.levels = DefaultLevels(c.type, has_family);
    if (!c.conditional_on.empty() && c.levels.size() > 6)
      return ConfigError(path, node, "columns." + c.name + ".levels",
                         "a column compared given another column's agreement has at most 6 levels");
    bool swapped = std::any_of(c.levels.begin(), c.levels.end(), [](const Level& l) { return l.kind == LevelKind::kSwapped; });
    if (swapped && (c.type != ColumnType::kGivenName || !has_family))
      return ConfigError(path, node, "columns." + c.name + ".levels",
                         "'swapped' needs a given_name column and a family_name column");
  }
  return true;
}

Result<bool> ParseSections(const std::string& path, const toml::table& root, LinkageConfig& config) {
  config.blocking = DefaultBlocking(config.columns);
  if (const auto* node = root.get("blocking")) {
    const auto* table = node->as_table();
    if (table == nullptr) return ConfigError(path, node, "blocking", "must be a table");
    auto keys = CheckKeys(path, *table, "blocking.", {"rules", "max_block_size"});
    if (!keys) return keys.error();
    auto cap = Number<uint32_t>(path, *table, "blocking.max_block_size", "max_block_size", 2000, 2, 1e7);
    if (!cap) return cap.error();
    config.max_block_size = *cap;
    if (const auto* r = table->get("rules")) {
      auto list = StringList(path, *r, "blocking.rules");
      if (!list) return list.error();
      if (list->empty()) return ConfigError(path, r, "blocking.rules", "give at least one rule");
      config.blocking.clear();
      for (const auto& text : *list) {
        BlockingRule rule;
        std::string error;
        if (!ParseBlockingRule(text, config.columns, rule, error))
          return ConfigError(path, r, "blocking.rules", "'" + text + "': " + error);
        config.blocking.push_back(std::move(rule));
      }
    }
  }
  if (config.blocking.empty())
    return ConfigError(path, nullptr, "blocking.rules", "no blocking rule follows from the column types; give some");
  if (config.blocking.size() > 32) return ConfigError(path, nullptr, "blocking.rules", "at most 32 rules");
  if (const auto* node = root.get("model")) {
    const auto* table = node->as_table();
    if (table == nullptr) return ConfigError(path, node, "model", "must be a table");
    auto keys = CheckKeys(path, *table, "model.", {"u_sample_pairs", "em_max_iterations"});
    if (!keys) return keys.error();
    auto u = Number<uint64_t>(path, *table, "model.u_sample_pairs", "u_sample_pairs", config.u_sample_pairs, 1000, 1e9);
    if (!u) return u.error();
    config.u_sample_pairs = *u;
    auto em = Number<int>(path, *table, "model.em_max_iterations", "em_max_iterations", config.em_max_iterations, 1, 10000);
    if (!em) return em.error();
    config.em_max_iterations = *em;
  }
  if (const auto* node = root.get("clusters")) {
    const auto* table = node->as_table();
    if (table == nullptr) return ConfigError(path, node, "clusters", "must be a table");
    auto keys = CheckKeys(path, *table, "clusters.", {"min_density"});
    if (!keys) return keys.error();
    auto density = Number<double>(path, *table, "clusters.min_density", "min_density", config.cluster_min_density, 0.0, 1.0);
    if (!density) return density.error();
    config.cluster_min_density = *density;
  }
  return true;
}
}  // namespace

Result<LinkageConfig> ParseConfig(std::string_view text, const std::string& path) {
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    return Error{ErrorCode::kValidation,
                 path + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()),
                 "linkage.config_error",
                 {}};
  }
  LinkageConfig config;
  config.path = path;
  for (auto step : {ParseTop, ParseColumns, ParseSections}) {
    auto r = step(path, root, config);
    if (!r) return r.error();
  }
  return config;
}

Result<LinkageConfig> LoadConfig(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorCode::kValidation, path + ": cannot open the configuration file", "linkage.config_error", {}};
  std::stringstream buffer;
  buffer << in.rdbuf();
  return ParseConfig(buffer.str(), path);
}

}  // namespace hearth::linkage
