#include "app/timescale_config.hpp"

#include <toml++/toml.h>

#include <fstream>
#include <initializer_list>
#include <sstream>

#include "common/error.hpp"

namespace hearth {
namespace {
// Ten years: far beyond any service target, and small enough that a due date stays a representable date.
constexpr std::int64_t kMaxAmount = 3660;

struct Slot {
  std::string_view name;
  Timescale Timescales::*member;
};
constexpr Slot kSlots[] = {{"assessment", &Timescales::assessment},
                           {"plan", &Timescales::plan},
                           {"review", &Timescales::review},
                           {"intervention", &Timescales::intervention},
                           {"taf_meeting_earliest", &Timescales::taf_meeting_earliest},
                           {"taf_meeting_latest", &Timescales::taf_meeting_latest}};

[[noreturn]] void Fail(const std::string& file, const toml::node* node, const std::string& key,
                       const std::string& problem) {
  std::string where = file;
  if (node != nullptr && node->source().begin.line > 0) where += ":" + std::to_string(node->source().begin.line);
  throw FatalError(where + ": " + key + ": " + problem);
}

std::string SlotNames() {
  std::string names;
  for (const Slot& slot : kSlots) names += (names.empty() ? "" : ", ") + std::string(slot.name);
  return names;
}

std::string StageDateList() {
  std::string names;
  for (std::string_view name : StageDateNames()) names += (names.empty() ? "" : ", ") + std::string(name);
  return names;
}

const toml::node& Required(const std::string& file, const toml::table& table, std::string_view name,
                           const std::string& key, const std::string& what) {
  const toml::node* node = table.get(name);
  if (node == nullptr) Fail(file, &table, key, "missing: " + what);
  return *node;
}

Timescale ParseTimescale(const std::string& file, std::string_view name, const toml::node& node) {
  const std::string key(name);
  const toml::table* table = node.as_table();
  if (table == nullptr) Fail(file, &node, key, "must be a table with from, amount and unit");
  for (const auto& [k, value] : *table)
    if (k.str() != "from" && k.str() != "amount" && k.str() != "unit")
      Fail(file, &value, key + "." + std::string(k.str()), "unknown key (expected from, amount or unit)");

  Timescale timescale;
  timescale.name = key;

  const toml::node& from = Required(file, *table, "from", key + ".from", "the stage date it counts from");
  const auto* from_text = from.as_string();
  if (from_text == nullptr || !IsStageDateName(from_text->get()))
    Fail(file, &from, key + ".from",
         (from_text == nullptr ? std::string("must be a string") : "unknown stage date '" + from_text->get() + "'") +
             " (expected one of " + StageDateList() + ")");
  timescale.from = from_text->get();

  const toml::node& amount = Required(file, *table, "amount", key + ".amount", "the number of days");
  const auto* amount_value = amount.as_integer();
  if (amount_value == nullptr) Fail(file, &amount, key + ".amount", "must be a whole number of days");
  if (amount_value->get() < 0) Fail(file, &amount, key + ".amount", "must not be negative");
  if (amount_value->get() < 1 || amount_value->get() > kMaxAmount)
    Fail(file, &amount, key + ".amount", "must be from 1 to " + std::to_string(kMaxAmount) + " days");
  timescale.amount = static_cast<int>(amount_value->get());

  const toml::node& unit = Required(file, *table, "unit", key + ".unit", "working_days or calendar_days");
  const auto* unit_text = unit.as_string();
  const std::string unit_name = unit_text == nullptr ? std::string() : unit_text->get();
  if (unit_name == "working_days") {
    timescale.unit = Timescale::Unit::kWorkingDays;
  } else if (unit_name == "calendar_days") {
    timescale.unit = Timescale::Unit::kCalendarDays;
  } else {
    Fail(file, &unit, key + ".unit",
         (unit_text == nullptr ? std::string("must be a string") : "unknown unit '" + unit_name + "'") +
             " (expected working_days or calendar_days)");
  }
  return timescale;
}

std::vector<Date> ParseExtraHolidays(const std::string& file, const toml::node& node) {
  const toml::array* array = node.as_array();
  if (array == nullptr) Fail(file, &node, "extra_holidays", "must be a list of dates, e.g. [\"2023-05-08\"]");
  std::vector<Date> holidays;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& item = *array->get(i);
    const std::string key = "extra_holidays[" + std::to_string(i) + "]";
    const auto* text = item.as_string();
    if (text == nullptr) Fail(file, &item, key, "must be a date written as a string, \"YYYY-MM-DD\"");
    const auto date = Date::Parse(text->get());
    if (!date) Fail(file, &item, key, "'" + text->get() + "' is not a date YYYY-MM-DD between 1900 and 2100");
    holidays.push_back(*date);
  }
  return holidays;
}
}  // namespace

TimescaleConfig ParseTimescaleConfig(std::string_view text, const std::string& file) {
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    throw FatalError(file + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
  }

  TimescaleConfig config;
  for (const auto& [k, value] : root) {
    if (k.str() == "extra_holidays") {
      config.extra_holidays = ParseExtraHolidays(file, value);
      continue;
    }
    const Slot* slot = nullptr;
    for (const Slot& s : kSlots)
      if (s.name == k.str()) slot = &s;
    if (slot == nullptr)
      Fail(file, &value, std::string(k.str()), "unknown key (expected extra_holidays, " + SlotNames() + ")");
    config.timescales.*(slot->member) = ParseTimescale(file, slot->name, value);
  }
  for (const Slot& slot : kSlots)
    if (!root.contains(slot.name))
      Fail(file, nullptr, std::string(slot.name), "missing: every timescale must be configured (" + SlotNames() + ")");

  const Timescale& earliest = config.timescales.taf_meeting_earliest;
  const Timescale& latest = config.timescales.taf_meeting_latest;
  if (earliest.unit == latest.unit && earliest.amount > latest.amount)
    Fail(file, root.get("taf_meeting_earliest"), "taf_meeting_earliest.amount",
         "must not be more than taf_meeting_latest.amount");
  return config;
}

TimescaleConfig LoadTimescaleConfig(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw FatalError(file.string() + ": cannot read the timescale configuration");
  std::ostringstream text;
  text << in.rdbuf();
  return ParseTimescaleConfig(text.str(), file.string());
}

}  // namespace hearth
