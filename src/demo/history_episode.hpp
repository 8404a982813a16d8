// The stage dates of one generated episode: how far it got by the end of the history, and whether and why it
// closed. Planned before any record is written, so that every record of the episode can be dated inside it.
#pragma once
#include <array>
#include <optional>
#include <string_view>

#include "demo/demo_random.hpp"
#include "demo/json_lines_writer.hpp"

namespace hearth::demo {

// INTERCHANGE.md's stage dates, in their required order.
enum class Stage { kOpened, kAllocated, kAssessed, kBrokerage, kPlanned, kPanel, kIntervention, kReview };
inline constexpr std::size_t kStageCount = 8;

struct EpisodePlan {
  Day received = 0;  // the referral's received_on
  std::array<std::optional<Day>, kStageCount> stages;
  std::optional<Day> closed;
  std::string_view closure_reason;  // an INTERCHANGE.md closure reason when closed

  Day Opened() const { return *stages[0]; }
  bool Reached(Stage stage) const { return stages[static_cast<std::size_t>(stage)].has_value(); }
  Day At(Stage stage) const { return *stages[static_cast<std::size_t>(stage)]; }
  // The last day anything happens on the episode: its closure, or the end of the history while it is open.
  Day LastDay(Day history_end) const { return closed.value_or(history_end); }
  bool SteppedUp() const { return closed.has_value() && closure_reason == "stepped_up"; }
};

// Plans an episode for a referral received on `received`, cut off at `history_end`: stages that would fall after
// it are absent, and so is a closure after it. Durations are those of a service that mostly meets its timescales
// (assessment in 10 and plans in 15 working days, review 6 weeks into a 12-week intervention) and sometimes not.
EpisodePlan PlanEpisode(DemoRandom& rng, Day received, Day history_end);

}  // namespace hearth::demo
