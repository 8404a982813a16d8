// Timescale targets (issue 3): how long a stage of the early help journey may take, counted in working or calendar
// days from a named stage date. The targets themselves live in configuration (config/timescales.toml).
#pragma once
#include <array>
#include <span>
#include <string>
#include <string_view>

#include "common/date.hpp"
#include "domain/working_days.hpp"

namespace hearth {

struct Timescale {
  enum class Unit { kWorkingDays, kCalendarDays };

  std::string name;  // e.g. "assessment"
  std::string from;  // the stage date counted from, one of StageDateNames(), e.g. "received_on"
  int amount = 0;
  Unit unit = Unit::kCalendarDays;
};

// Every target the service reports on. Each is checked as METRICS.md checks it: the stage is in time when its date
// is on or before DueDate(target, from-date).
struct Timescales {
  Timescale assessment;            // assessment_completed_on, from the referral's received_on
  Timescale plan;                  // plan_completed_on, from the referral's received_on
  Timescale review;                // review_started_on, from intervention_started_on
  Timescale intervention;          // closed_on, from intervention_started_on (the longest an intervention runs)
  Timescale taf_meeting_earliest;  // the next Team Around the Family meeting, not before this (from the last one)
  Timescale taf_meeting_latest;    // ... and not after this

  // The six targets in the order above, for loops that treat them alike.
  std::array<const Timescale*, 6> All() const {
    return {&assessment, &plan, &review, &intervention, &taf_meeting_earliest, &taf_meeting_latest};
  }
};

// The dates a timescale may count from: the episode's stage dates of INTERCHANGE.md, the referral's received_on,
// and taf_meeting_on (the date of the family's latest Team Around the Family meeting).
std::span<const std::string_view> StageDateNames();
bool IsStageDateName(std::string_view name);

// The last date that still meets the target: `from` plus `amount` calendar days, or add_working_days(from, amount)
// for working days (METRICS.md: e.g. assessment_completed_on <= add_working_days(received_on, 10)).
Date DueDate(const Timescale& timescale, Date from, const WorkingCalendar& calendar);

}  // namespace hearth
