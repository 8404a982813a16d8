#include "domain/referral.hpp"

namespace hearth {

std::optional<Episode> EpisodeOpenedBy(const Referral& referral) {
  if (referral.decision != ReferralDecision::kEarlyHelp) return std::nullopt;
  Episode episode;
  episode.family_id = referral.family_id;
  episode.referral_id = referral.id;
  episode.opened_on = referral.received_on;
  episode.stage = EpisodeStage::kAwaitingAllocation;
  return episode;
}

}  // namespace hearth
