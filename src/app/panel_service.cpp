#include "app/panel_service.hpp"

#include "app/audit_log.hpp"

namespace hearth {
namespace {

// How many held meetings the decision form offers: a decision is recorded at, or soon after, its meeting.
constexpr int kDecisionMeetingChoices = 12;
// Families waiting for the panel, at most: a weekly panel hears tens.
constexpr int kWaitingLimit = 500;

}  // namespace

Result<PanelMeetingList> PanelService::Meetings(const Principal& who, int page, int page_size) {
  if (!who.Can(Capability::kAllocateCases)) return Error::Forbidden("panel meetings");
  const Date today = Date::TodayUtc();
  PanelMeetingList list;
  list.page = page < 1 ? 1 : page;
  list.page_size = page_size;
  auto uow = db_.BeginRead();
  auto& meetings = uow->PanelMeetings();
  // Today's meeting is among those held: decisions can be recorded within it from its day.
  const Date tomorrow = today.AddDays(1);
  list.upcoming = meetings.ListFrom(tomorrow, page_size);
  list.recent = meetings.ListBefore(tomorrow, (list.page - 1) * page_size, page_size);
  list.recent_total = meetings.CountBefore(tomorrow);
  return list;
}

Result<RecordId> PanelService::CreateMeeting(const Principal& who, const Input& in) {
  if (!who.Can(Capability::kAllocateCases)) {
    AuditSeparately(db_, sink_, who, "create", {"panel_meeting", 0, 0}, "denied");
    return Error::Forbidden("panel meetings");
  }
  auto meeting = PanelMeetingFromInput(in);
  if (!meeting) return meeting.error();
  auto uow = db_.BeginWrite();
  const RecordId id = uow->PanelMeetings().Insert(*meeting, who.user_id);
  Audit(*uow, who, "create", {"panel_meeting", id, 0});
  uow->Commit();
  return id;
}

Result<PanelMeetingFile> PanelService::ViewMeeting(const Principal& who, RecordId meeting_id) {
  if (!who.Can(Capability::kAllocateCases)) {
    AuditSeparately(db_, sink_, who, "view", {"panel_meeting", meeting_id, 0}, "denied");
    return Error::Forbidden("panel meetings");
  }
  PanelMeetingFile file;
  {
    auto uow = db_.BeginRead();
    auto meeting = uow->PanelMeetings().FindById(meeting_id);
    if (!meeting) return Error::NotFound("panel meeting");
    file.meeting = *meeting;
    file.decisions = uow->PanelMeetings().ListDecisions(meeting_id);
    file.waiting = uow->Episodes().ListInStage(EpisodeStage::kPanel, 0, kWaitingLimit);
  }
  file.can_decide = MeetingCanDecide(file.meeting, Date::TodayUtc());
  // The page lists families (by episode), so the view is on the record like the panel list's.
  AuditSeparately(db_, sink_, who, "view", {"panel_meeting", meeting_id, 0}, "ok");
  return file;
}

Result<PanelMeeting> PanelService::GetMeeting(const Principal& who, RecordId meeting_id) {
  if (!who.Can(Capability::kAllocateCases)) return Error::Forbidden("panel meetings");
  auto uow = db_.BeginRead();
  auto meeting = uow->PanelMeetings().FindById(meeting_id);
  if (!meeting) return Error::NotFound("panel meeting");
  return *meeting;
}

Result<PanelMeeting> PanelService::UpdateMeeting(const Principal& who, RecordId meeting_id, const Input& in,
                                                 int version) {
  if (!who.Can(Capability::kAllocateCases)) {
    AuditSeparately(db_, sink_, who, "update", {"panel_meeting", meeting_id, 0}, "denied");
    return Error::Forbidden("panel meetings");
  }
  auto changed = PanelMeetingFromInput(in);
  if (!changed) return changed.error();
  auto uow = db_.BeginWrite();
  auto& meetings = uow->PanelMeetings();
  auto stored = meetings.FindById(meeting_id);
  if (!stored) return Error::NotFound("panel meeting");
  if (stored->version != version) return Error::Stale("panel meeting");
  if (changed->on != stored->on && !meetings.ListDecisions(meeting_id).empty())
    return Error::Validation({{"on", "error.panel_meeting_has_decisions"}});
  changed->id = meeting_id;
  changed->version = version;
  if (!meetings.Update(*changed)) return Error::Stale("panel meeting");
  Audit(*uow, who, "update", {"panel_meeting", meeting_id, 0});
  uow->Commit();
  ++changed->version;
  return *changed;
}

Result<std::vector<PanelMeeting>> PanelService::DecisionMeetings(const Principal& who) {
  if (!who.Can(Capability::kAllocateCases)) return Error::Forbidden("panel meetings");
  auto uow = db_.BeginRead();
  return uow->PanelMeetings().ListBefore(Date::TodayUtc().AddDays(1), 0, kDecisionMeetingChoices);
}

}  // namespace hearth
