// The outcome records of one demo episode (issue 4): Resilience Assessments (initial and evaluation, and a young
// person's for a child of 11 or more), ACEs per child, the outcome of each need at closure, both feedback forms,
// management oversight (most families in time, some overdue) and quality assurance audits (some acknowledged,
// some still due). Scores mostly improve; some do not.
#pragma once
#include <vector>

#include "demo/demo_journey.hpp"
#include "ports/database.hpp"

namespace hearth::demo {

// Writes the records of `episode` (already inserted, with its id). Its randomness comes from its own stream,
// seeded by `seed` and the episode's id, so the rest of the demo history is the same with or without it.
void WriteOutcomes(UnitOfWork& uow, const JourneyStaff& staff, unsigned seed, const Episode& episode,
                   const std::vector<Person>& members, RecordId worker_id, const Date& today);

}  // namespace hearth::demo
