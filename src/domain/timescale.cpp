#include "domain/timescale.hpp"

#include <algorithm>
#include <array>

namespace hearth {
namespace {
// In journey order (INTERCHANGE.md's episode dates), with the referral's date first and the TAF meeting last.
constexpr std::array<std::string_view, 11> kStageDateNames = {
    "received_on",       "opened_on", "allocated_assessment_on", "assessment_completed_on", "brokerage_started_on",
    "plan_completed_on", "panel_on",  "intervention_started_on", "review_started_on",       "closed_on",
    "taf_meeting_on"};
}  // namespace

std::span<const std::string_view> StageDateNames() { return kStageDateNames; }

bool IsStageDateName(std::string_view name) {
  return std::find(kStageDateNames.begin(), kStageDateNames.end(), name) != kStageDateNames.end();
}

Date DueDate(const Timescale& timescale, Date from, const WorkingCalendar& calendar) {
  if (timescale.unit == Timescale::Unit::kWorkingDays) return calendar.AddWorkingDays(from, timescale.amount);
  return from.AddDays(timescale.amount);
}

}  // namespace hearth
