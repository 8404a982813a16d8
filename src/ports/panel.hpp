// Port: the allocation panel's meetings and the decisions taken at each (domain/panel_meeting.hpp).
#pragma once
#include <optional>
#include <vector>

#include "domain/casework.hpp"
#include "domain/panel_meeting.hpp"

namespace hearth {

class PanelMeetingRepository {
 public:
  virtual ~PanelMeetingRepository() = default;
  virtual RecordId Insert(const PanelMeeting& meeting, RecordId created_by) = 0;
  virtual std::optional<PanelMeeting> FindById(RecordId id) = 0;
  // Writes date, chair and notes; false when the stored version is not meeting.version. Bumps the version.
  virtual bool Update(const PanelMeeting& meeting) = 0;
  // Meetings on or after `on`, soonest first.
  virtual std::vector<PanelMeeting> ListFrom(const Date& on, int limit) = 0;
  // Meetings before `on`, latest first, a page at a time; CountBefore for the pagination.
  virtual std::vector<PanelMeeting> ListBefore(const Date& on, int offset, int limit) = 0;
  virtual int CountBefore(const Date& on) = 0;
  // The decisions taken at the meeting, in the order they were recorded.
  virtual std::vector<PanelDecision> ListDecisions(RecordId meeting_id) = 0;
};

}  // namespace hearth
