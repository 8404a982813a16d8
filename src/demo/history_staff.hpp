// The service a generated history belongs to: its teams (one of each kind, several intervention teams), the workers
// in them (every role, in numbers that grow with the size of the history) and the services named by plan actions.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "demo/demo_random.hpp"
#include "demo/json_lines_writer.hpp"

namespace hearth::demo {

struct InterventionTeam {
  std::string id;
  std::vector<std::string> workers;  // intervention_worker
  std::vector<std::string> aides;    // family_aide
  std::vector<std::string> managers;
};

struct HistoryStaff {
  std::vector<InterventionTeam> intervention_teams;
  std::vector<std::string> front_door, ea_officers, br_officers, social_workers, managers, auditors;
  std::vector<std::string> services;
};

// Writes the team, worker and service records for a service that opens about `episodes_per_year` episodes a
// year, and returns who is who for the episodes to draw on.
HistoryStaff WriteHistoryStaff(DemoRandom& rng, JsonLinesWriter& out, int episodes_per_year);

// The intervention team a family in `area` is most likely allocated to (the locality team), or another.
const InterventionTeam& TeamForArea(DemoRandom& rng, const HistoryStaff& staff, std::string_view area);

}  // namespace hearth::demo
