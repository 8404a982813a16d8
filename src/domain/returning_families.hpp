// METRICS.md "returning families": of the episodes closed twelve to twenty-three months before a month, how many
// stayed free of early help and statutory care for the 365 days after they closed.
#pragma once
#include <vector>

#include "domain/service_history.hpp"
#include "domain/service_report.hpp"

namespace hearth {

// One entry per month m of [first_month, last_month] (MonthNumber values), ascending.
std::vector<ReturningMonth> ReturningFamiliesByMonth(const ServiceHistory& history, int first_month,
                                                     int last_month);

}  // namespace hearth
