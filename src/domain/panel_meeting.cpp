#include "domain/panel_meeting.hpp"

#include "domain/field_rules.hpp"

namespace hearth {

Result<PanelMeeting> PanelMeetingFromInput(const Input& in) {
  std::vector<FieldError> errors;
  PanelMeeting m;
  // A meeting is usually arranged for a coming week, so a future date is allowed here; decisions wait for the day.
  if (auto on = rules::DateField(in, "on", true, std::nullopt, errors)) m.on = *on;
  m.chair = rules::OptionalText(in, "chair", rules::kNameMax, errors);
  m.notes = rules::OptionalText(in, "notes", rules::kTextMax, errors, rules::Lines::kMany);
  if (!errors.empty()) return Error::Validation(std::move(errors));
  return m;
}

bool MeetingCanDecide(const PanelMeeting& meeting, const Date& today) { return meeting.on <= today; }

}  // namespace hearth
