// A team's part of the service history, for the report's team filter (the dashboard, the API and `hearth report
// service --team`). METRICS.md defines the report for the whole service; a team's report is the same computation
// over the episodes whose `team` is that team and only the records that belong to them (docs/api.md, "A team's
// report"):
// - referrals: the referral of each of those episodes (other referrals never reached a team);
// - assignments, appraisals, actions, contacts, assessments, ACEs, feedback, oversight and audits of those episodes;
// - statutory involvement of the families those episodes belong to.
// An episode has a team from intervention on, so a team's front-door and assessment figures count the episodes that
// went on to that team.
#pragma once
#include <string_view>

#include "domain/service_history.hpp"

namespace hearth {

ServiceHistory TeamPartOf(const ServiceHistory& all, std::string_view team);

}  // namespace hearth
