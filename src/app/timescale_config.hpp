// The service's timescale targets and extra holidays, read from config/timescales.toml.
//
// This lives in app, not common: reading a file is I/O, which the domain does not do, and what the file describes
// (Timescale, the calendar's holidays) are domain types, which common may not depend on (DESIGN.md §4).
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.hpp"
#include "domain/timescale.hpp"

namespace hearth {

struct TimescaleConfig {
  Timescales timescales;
  std::vector<Date> extra_holidays;  // for WorkingCalendar, besides the bank holidays of METRICS.md
};

// Reads `file`. Every timescale (assessment, plan, review, intervention, taf_meeting_earliest, taf_meeting_latest)
// must be given in full; extra_holidays may be left out. Throws FatalError "<file>:<line>: <key>: <problem>" on the
// first thing wrong (a syntax error, an unknown key, a missing timescale or setting, an unknown unit or stage date,
// an amount that is not a whole number from 1 to 3660, a bad date), so a configuration is used whole or not at all.
TimescaleConfig LoadTimescaleConfig(const std::filesystem::path& file);

// The same, from text already read; `file` names it in errors.
TimescaleConfig ParseTimescaleConfig(std::string_view text, const std::string& file);

}  // namespace hearth
