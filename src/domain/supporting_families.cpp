#include "domain/supporting_families.hpp"

namespace hearth {

Date SustainedOn(const Date& closed_on) { return closed_on.AddDays(kClaimSustainedDays); }

namespace {
// Whether `on` falls in the six months that must pass without a return: from the day of closure (a step-up on the
// day the episode closes counts) up to, not including, the day the outcome counts as sustained.
bool WithinSustainWindow(const std::optional<Date>& on, const Date& closed_on) {
  return on && *on >= closed_on && *on < SustainedOn(closed_on);
}

ClaimDecision Cannot(std::string reason) { return ClaimDecision{ClaimStatus::kCannot, Date{}, std::move(reason)}; }
}  // namespace

ClaimDecision DecideClaim(const ClaimFacts& f, const Date& today) {
  if (f.need_areas < kClaimMinimumNeedAreas) return Cannot("too_few_needs");
  if (!f.whole_family_assessment) return Cannot("no_assessment");
  if (!f.plan) return Cannot("no_plan");
  if (!f.lead_practitioner) return Cannot("no_lead_practitioner");
  if (f.needs_improved + f.needs_not_improved < f.need_areas) return Cannot("outcome_not_recorded");
  if (f.needs_not_improved > 0) return Cannot("need_not_improved");
  if (WithinSustainWindow(f.next_early_help_on, f.closed_on)) return Cannot("returned_to_early_help");
  if (WithinSustainWindow(f.next_statutory_on, f.closed_on)) return Cannot("statutory_involvement");
  const Date sustained = SustainedOn(f.closed_on);
  return ClaimDecision{today >= sustained ? ClaimStatus::kMeets : ClaimStatus::kWillMeet, sustained, ""};
}

}  // namespace hearth
