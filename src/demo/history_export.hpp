// `hearth demo --export FILE`: a generated service history written as Hearth Interchange JSON Lines
// (INTERCHANGE.md), large and varied enough to load-test the importer and exercise every figure of the service
// report (METRICS.md). Records are built one family at a time and streamed out, so memory stays small whatever
// the size of the history; the same options give the same file byte for byte.
#pragma once
#include <functional>
#include <map>
#include <ostream>
#include <string>

#include "common/date.hpp"
#include "common/error.hpp"

namespace hearth {

struct HistoryOptions {
  int years = 10;         // the history covers this many years up to `to`
  int episodes = 200000;  // families are added until this many episodes have been written
  unsigned seed = 20261122;
  Date to = Date::TodayUtc();  // nothing is dated after this day
};

struct HistorySummary {
  long long lines = 0;  // the header and every record
  long long families = 0, episodes = 0;
  std::map<std::string, long long> records_by_type;
};

// Writes the history to `out`. A validation Error (message key "demo.export_too_early") when the history would
// start before 1960 (its oldest people would then be born before 1900, outside the format's dates), and
// "demo.export_unwritable" when the stream fails. `progress` is called with (episodes written, episodes wanted)
// now and then, and once at the end.
Result<HistorySummary> WriteHistory(std::ostream& out, const HistoryOptions& options,
                                    const std::function<void(long long done, long long total)>& progress = {});

}  // namespace hearth
