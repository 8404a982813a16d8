// A request for support received at the front door, its consent and the screening decision; and the
// episode of early help that an early-help decision opens.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/family.hpp"

namespace hearth {

struct Consent {
  // nullopt: not recorded; false: the family did not consent.
  std::optional<bool> given;
  std::string given_by;               // who gave it (e.g. "Mother")
  std::optional<Date> given_on;
  std::vector<Agency> share_with;     // the partner agencies the family agreed may see their record
};

struct Referral {
  RecordId id = 0;
  RecordId family_id = 0;
  Date received_on;
  ReferralSource source = ReferralSource::kOther;
  std::vector<OutcomeArea> reasons;
  Consent consent;
  ReferralDecision decision = ReferralDecision::kNoFurtherAction;
  std::string rationale;
  RecordId recorded_by = 0;  // user id
  int version = 0;

  // A referral from children's social care is a step-down (DESIGN.md §2).
  bool IsStepDown() const { return source == ReferralSource::kChildrenSocialCare; }
};

// One period of early help with one family (DESIGN.md §2). The stage dates are INTERCHANGE.md's, in its order;
// journey.hpp holds the rules that move an episode from one stage to the next.
struct Episode {
  RecordId id = 0;
  RecordId family_id = 0;
  RecordId referral_id = 0;
  Date opened_on;
  EpisodeStage stage = EpisodeStage::kAwaitingAllocation;
  std::optional<Date> allocated_assessment_on;
  RecordId ea_officer_id = 0;
  std::optional<Date> assessment_completed_on;
  std::optional<Date> brokerage_started_on;
  RecordId br_officer_id = 0;
  std::optional<Date> plan_completed_on;
  std::optional<Date> panel_on;
  std::optional<Date> intervention_started_on;
  RecordId team_id = 0;
  RecordId worker_id = 0;  // the intervention worker the panel allocated (changes are assignments)
  std::optional<Date> review_started_on;
  std::optional<Date> closed_on;
  std::optional<ClosureReason> closure_reason;
  std::string closure_summary;
  std::string exit_plan;  // the community and universal services the family will use, and how they were introduced
  // The current lead professional (practitioner directory): the choice of the latest TAF meeting. Kept by TAF
  // meetings, not by the stage steps, so it is not one of the stage fields and does not change the version.
  RecordId lead_practitioner_id = 0;
  int version = 0;

  bool IsOpen() const { return !closed_on.has_value(); }
};

// Only an early-help decision opens an episode; it starts awaiting allocation on the day it was received.
std::optional<Episode> EpisodeOpenedBy(const Referral& referral);

}  // namespace hearth
