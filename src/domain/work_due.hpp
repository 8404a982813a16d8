// What is due on an open episode, by the service's timescale targets (config/timescales.toml): the assessment and
// plan from the referral, the review and the end of the intervention from its start, the next Team Around the
// Family meeting from the last one. Each item is overdue, due soon (within a few working days) or upcoming.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/casework.hpp"
#include "domain/referral.hpp"
#include "domain/timescale.hpp"

namespace hearth {

enum class DueStatus { kOverdue, kDueSoon, kUpcoming };

struct DueItem {
  std::string what;  // the timescale's name: assessment, plan, review, intervention, taf_meeting
  Date due_on;
  DueStatus status = DueStatus::kUpcoming;
};

// The dates an episode's timescales count from, beside the episode's own.
struct DueFacts {
  Date referral_received_on;
  std::optional<Date> last_taf_on;       // the family's latest TAF meeting, if a TAF is held
  std::optional<Date> next_taf_on;       // the date that meeting set for the next one
};

// The facts of an episode from its referral date and its TAF meetings (any order): the latest meeting, and the
// next meeting date it set. The episode page and the family page use it, so both mark what the work list marks.
DueFacts DueFactsFrom(const Date& referral_received_on, const std::vector<TafMeeting>& meetings);

// "Due soon": due within this many working days from today.
inline constexpr int kDueSoonWorkingDays = 5;

// What is due next on `episode` (nothing once it is closed), most urgent first.
std::vector<DueItem> DueItems(const Episode& episode, const DueFacts& facts, const Timescales& timescales,
                              const WorkingCalendar& calendar, const Date& today);

}  // namespace hearth
