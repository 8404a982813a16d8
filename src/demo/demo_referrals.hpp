// The front-door history of one household: when it was referred, by whom, why, and what was decided.
#pragma once
#include <vector>

#include "common/date.hpp"
#include "demo/demo_household.hpp"
#include "demo/demo_random.hpp"
#include "domain/referral.hpp"

namespace hearth::demo {

// One to three dates in [start, today], ascending, at least 160 days apart: far enough that an earlier episode
// has closed before the family returns.
std::vector<Date> PlanReferralDates(DemoRandom& rng, const Date& start, const Date& today);

// A referral received on `received_on`, with source, reasons, consent, decision and rationale filled in;
// family_id and recorded_by are left for the caller.
Referral PlanReferral(DemoRandom& rng, const Household& household, const Date& received_on);

}  // namespace hearth::demo
