// `hearth demo`: fills an empty database with a made-up but realistic service history (families, referrals,
// episodes and the staff who hold them) so the service can be shown and tried without real data.
#pragma once
#include <functional>

#include "common/date.hpp"
#include "common/error.hpp"
#include "domain/instrument.hpp"
#include "ports/database.hpp"

namespace hearth {

struct DemoOptions {
  int families = 5000;
  unsigned seed = 20261122;       // the same seed, options and today give the same history
  Date today = Date::TodayUtc();  // the history ends here
  int years = 3;                  // and starts this many years before
  // Intervention workers in each families team: accounts are added to the listed staff until each team has this
  // many (0 or fewer than listed: the listed staff only). A manager's view of a large team is benchmarked with it.
  int team_size = 0;
  // The forms the demo's Resilience Assessments are made with (config/instruments); none: no assessments.
  const Instrument* resilience = nullptr;
  const Instrument* young_person = nullptr;
};

struct DemoSummary {
  int families = 0, people = 0, referrals = 0, episodes = 0, staff = 0;
};

// Fills an empty database with a realistic service history. Refuses (returns an Error with code kConflict,
// message_key "demo.not_empty") when the database already holds families. `progress` is called with the
// number of families written so far after each batch.
Result<DemoSummary> GenerateDemo(Database& db, const DemoOptions& options,
                                 std::function<void(int done, int total)> progress = {});

}  // namespace hearth
