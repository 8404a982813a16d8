// The allocation panel's meetings and the decisions taken at each.
#include "common/date.hpp"
#include "storage/sqlite/episode_rows.hpp"
#include "storage/sqlite/repositories.hpp"

namespace hearth::sqlite {
namespace {
constexpr std::string_view kInsertMeeting =
    "INSERT INTO panel_meetings (held_on, chair, notes, version, created_by, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, 1, ?4, ?5, ?5)";
constexpr std::string_view kUpdateMeeting =
    "UPDATE panel_meetings SET held_on = ?2, chair = ?3, notes = ?4, version = version + 1, updated_at = ?5 "
    "WHERE id = ?1 AND version = ?6";
constexpr std::string_view kMeetingColumns = "SELECT id, held_on, chair, notes, version FROM panel_meetings ";
const std::string kSelectMeeting = std::string(kMeetingColumns) + "WHERE id = ?1";
const std::string kListFrom = std::string(kMeetingColumns) + "WHERE held_on >= ?1 ORDER BY held_on, id LIMIT ?2";
const std::string kListBefore =
    std::string(kMeetingColumns) + "WHERE held_on < ?1 ORDER BY held_on DESC, id DESC LIMIT ?2 OFFSET ?3";
constexpr std::string_view kCountBefore = "SELECT COUNT(*) FROM panel_meetings WHERE held_on < ?1";
constexpr std::string_view kListMeetingDecisions =
    "SELECT id, episode_id, decided_on, outcome, COALESCE(team_id, 0), COALESCE(worker_id, 0), reasons, meeting_id "
    "FROM panel_decisions WHERE meeting_id = ?1 ORDER BY id";

PanelMeeting ReadMeeting(const Statement& st) {
  PanelMeeting m;
  m.id = st.Int(0);
  m.on = ReadRequiredDate(st, 1);
  m.chair = st.Text(2);
  m.notes = st.Text(3);
  m.version = static_cast<int>(st.Int(4));
  return m;
}
}  // namespace

RecordId SqlitePanelMeetings::Insert(const PanelMeeting& m, RecordId created_by) {
  auto st = c_.Prepare(kInsertMeeting);
  st.Bind(1, m.on.ToString()).Bind(2, m.chair).Bind(3, m.notes);
  BindId(st, 4, created_by);
  st.Bind(5, UtcTimestampNow());
  st.Run();
  return c_.LastInsertId();
}

std::optional<PanelMeeting> SqlitePanelMeetings::FindById(RecordId id) {
  auto st = c_.Prepare(kSelectMeeting);
  st.Bind(1, id);
  if (!st.Step()) return std::nullopt;
  return ReadMeeting(st);
}

bool SqlitePanelMeetings::Update(const PanelMeeting& m) {
  c_.Prepare(kUpdateMeeting)
      .Bind(1, m.id)
      .Bind(2, m.on.ToString())
      .Bind(3, m.chair)
      .Bind(4, m.notes)
      .Bind(5, UtcTimestampNow())
      .Bind(6, m.version)
      .Run();
  return c_.Changes() == 1;
}

std::vector<PanelMeeting> SqlitePanelMeetings::ListFrom(const Date& on, int limit) {
  std::vector<PanelMeeting> out;
  auto st = c_.Prepare(kListFrom);
  st.Bind(1, on.ToString()).Bind(2, limit);
  while (st.Step()) out.push_back(ReadMeeting(st));
  return out;
}

std::vector<PanelMeeting> SqlitePanelMeetings::ListBefore(const Date& on, int offset, int limit) {
  std::vector<PanelMeeting> out;
  auto st = c_.Prepare(kListBefore);
  st.Bind(1, on.ToString()).Bind(2, limit).Bind(3, offset);
  while (st.Step()) out.push_back(ReadMeeting(st));
  return out;
}

int SqlitePanelMeetings::CountBefore(const Date& on) {
  auto st = c_.Prepare(kCountBefore);
  st.Bind(1, on.ToString());
  return st.Step() ? static_cast<int>(st.Int(0)) : 0;
}

std::vector<PanelDecision> SqlitePanelMeetings::ListDecisions(RecordId meeting_id) {
  std::vector<PanelDecision> out;
  auto st = c_.Prepare(kListMeetingDecisions);
  st.Bind(1, meeting_id);
  while (st.Step()) {
    PanelDecision d;
    d.id = st.Int(0);
    d.episode_id = st.Int(1);
    d.on = ReadRequiredDate(st, 2);
    d.outcome = ParseEnum<PanelOutcome>(st.Text(3)).value_or(PanelOutcome::kAllocate);
    d.team_id = st.Int(4);
    d.worker_id = st.Int(5);
    d.reasons = st.Text(6);
    d.meeting_id = st.Int(7);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace hearth::sqlite
