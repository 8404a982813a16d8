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

struct Episode {
  RecordId id = 0;
  RecordId family_id = 0;
  RecordId referral_id = 0;
  Date opened_on;
  EpisodeStage stage = EpisodeStage::kAwaitingAllocation;
  std::optional<Date> closed_on;
  std::optional<ClosureReason> closure_reason;
  int version = 0;
};

// Only an early-help decision opens an episode; it starts awaiting allocation on the day it was received.
std::optional<Episode> EpisodeOpenedBy(const Referral& referral);

}  // namespace hearth
