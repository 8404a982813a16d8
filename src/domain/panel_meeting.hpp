// A weekly meeting of the multi-agency allocation panel (DESIGN.md §2 stage 5): its date, who chaired it, notes.
// The panel's decision on each family is recorded within a meeting (PanelDecision::meeting_id).
#pragma once
#include <string>

#include "common/date.hpp"
#include "common/error.hpp"
#include "domain/family.hpp"
#include "domain/input.hpp"

namespace hearth {

struct PanelMeeting {
  RecordId id = 0;
  Date on;
  std::string chair;  // optional
  std::string notes;  // optional
  int version = 1;
};

// on* (any real date: meetings are arranged ahead), chair (one line, at most 100), notes (at most 4000).
Result<PanelMeeting> PanelMeetingFromInput(const Input& in);

// Decisions are taken at a meeting that has happened, on its date: a meeting later than `today` cannot hold one.
bool MeetingCanDecide(const PanelMeeting& meeting, const Date& today);

}  // namespace hearth
