#include "demo/history_episode.hpp"

#include <algorithm>

namespace hearth::demo {
namespace {

// Days from the referral to allocation: METRICS.md counts these by week (0, 1, 2, 3, 4+).
constexpr std::array<WeightedValue<std::pair<int, int>>, 5> kAllocationDays{
    {{{0, 6}, 38}, {{7, 13}, 27}, {{14, 20}, 15}, {{21, 27}, 10}, {{28, 70}, 10}}};

// Days spent reaching each stage from the one before (index = the stage reached; 0 and 1 are handled apart).
constexpr std::array<std::pair<int, int>, kStageCount> kStageDays{
    {{0, 0}, {0, 0}, {3, 24}, {0, 6}, {4, 28}, {1, 14}, {0, 16}, {28, 70}}};

// Percent of episodes that close before reaching each stage, and why.
constexpr std::array<int, kStageCount> kCloseBefore{{0, 3, 6, 1, 3, 2, 2, 9}};
constexpr std::array<WeightedValue<std::string_view>, 5> kEarlyReasons{
    {{"consent_withdrawn", 30}, {"disengaged", 30}, {"stepped_up", 15}, {"moved_away", 15}, {"other", 10}}};
constexpr std::array<WeightedValue<std::string_view>, 6> kInterventionReasons{{{"disengaged", 40},
                                                                               {"stepped_up", 25},
                                                                               {"consent_withdrawn", 15},
                                                                               {"moved_away", 10},
                                                                               {"other", 5},
                                                                               {"outcomes_met", 5}}};
constexpr std::array<WeightedValue<std::string_view>, 6> kReviewReasons{{{"outcomes_met", 74},
                                                                         {"disengaged", 7},
                                                                         {"stepped_up", 6},
                                                                         {"moved_away", 4},
                                                                         {"consent_withdrawn", 3},
                                                                         {"other", 6}}};

std::string_view EarlyReason(DemoRandom& rng, std::size_t next_stage) {
  // Once the intervention has started, families mostly leave by disengaging or being stepped up.
  return next_stage == static_cast<std::size_t>(Stage::kReview) ? PickFrom(rng, kInterventionReasons)
                                                                : PickFrom(rng, kEarlyReasons);
}

Day NextStageDay(DemoRandom& rng, const EpisodePlan& plan, std::size_t stage, Day previous) {
  if (stage == static_cast<std::size_t>(Stage::kAllocated)) {
    const auto band = PickFrom(rng, kAllocationDays);
    return std::max(previous, plan.received + rng.Between(band.first, band.second));
  }
  const auto [lo, hi] = kStageDays[stage];
  return previous + rng.Between(lo, hi);
}

}  // namespace

EpisodePlan PlanEpisode(DemoRandom& rng, Day received, Day history_end) {
  EpisodePlan plan;
  plan.received = received;
  Day day = std::min(history_end, received + (rng.Percent(70) ? 0 : rng.Between(1, 5)));
  plan.stages[0] = day;

  for (std::size_t stage = 1; stage < kStageCount; ++stage) {
    const Day next = NextStageDay(rng, plan, stage, day);
    if (rng.Percent(kCloseBefore[stage])) {
      plan.closed = day + rng.Between(0, std::max(1, next - day));
      plan.closure_reason = EarlyReason(rng, stage);
      break;
    }
    if (next > history_end) break;  // still at the previous stage when the history ends
    plan.stages[stage] = next;
    day = next;
  }
  if (!plan.closed && plan.Reached(Stage::kReview)) {
    plan.closed = day + rng.Between(7, 56);
    plan.closure_reason = PickFrom(rng, kReviewReasons);
  }
  if (plan.closed && *plan.closed > history_end) {
    plan.closed.reset();
    plan.closure_reason = {};
  }
  return plan;
}

}  // namespace hearth::demo
