// The family page's Resilience outcome table (seed 002): for each episode, and for each young person's assessment
// in it, every domain's initial score, evaluation score and change, and the combined total; drawn as a chart from
// the table by web/static/dashboard.js, so the table alone works without JavaScript.
#pragma once
#include <vector>

#include "domain/family.hpp"
#include "domain/referral.hpp"
#include "http/routes.hpp"
#include "http/template_engine.hpp"

namespace hearth::http {

// Data of web/templates/families/_outcomes.mustache. Reads each episode's results (an audited view of each).
mustache::data FamilyOutcomesData(RequestContext& ctx, RouteDeps deps, const std::vector<Episode>& episodes,
                                  const std::vector<Person>& members);

}  // namespace hearth::http
