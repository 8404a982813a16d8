// The Supporting Families claim conditions (issue 4; docs/supporting_families.md): which closed episodes a
// council can claim for, which will qualify once six months have passed, and why the others cannot.
#pragma once
#include <optional>
#include <string>

#include "common/date.hpp"
#include "domain/family.hpp"

namespace hearth {

// The national framework's thresholds.
inline constexpr int kClaimMinimumNeedAreas = 3;    // needs in at least three of the ten outcome areas
inline constexpr int kClaimSustainedDays = 183;     // six months after closure, counted in calendar days

// What the rule needs to know about one closed episode and its family afterwards.
struct ClaimFacts {
  RecordId episode_id = 0;
  RecordId family_id = 0;
  Date closed_on;
  int need_areas = 0;          // outcome areas with a need identified at assessment
  int needs_improved = 0;      // of those, recorded at closure as improved
  int needs_not_improved = 0;  // … and as not improved (the rest have no outcome recorded)
  bool whole_family_assessment = false;  // the assessment stage was completed
  bool plan = false;                     // the family plan was completed
  bool lead_practitioner = false;        // a TAF lead professional or an allocated intervention worker
  std::optional<Date> next_early_help_on;  // the first new episode (or early help referral) on or after closure
  std::optional<Date> next_statutory_on;   // the first statutory involvement starting on or after closure
};

enum class ClaimStatus { kMeets, kWillMeet, kCannot };

struct ClaimDecision {
  ClaimStatus status = ClaimStatus::kCannot;
  Date sustained_on;   // closure + 183 days: the date it met (kMeets) or will meet (kWillMeet)
  std::string reason;  // kCannot only: the catalogue key supporting_families.reason.<reason>
};

// The day the outcomes have been sustained for six months: a return within [closed_on, SustainedOn) breaks it.
Date SustainedOn(const Date& closed_on);

// Decides one episode as of `today`. The first condition that fails is the reason, in the order the framework lists
// them: too few needs, no whole-family assessment, no plan, no lead practitioner, a need without an outcome, a need
// not improved, a return to early help, statutory involvement.
ClaimDecision DecideClaim(const ClaimFacts& facts, const Date& today);

}  // namespace hearth
