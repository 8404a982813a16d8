#include <map>
#include <algorithm>

#include "common/date.hpp"
#include "storage/sqlite/episode_rows.hpp"
#include "storage/sqlite/repositories.hpp"

namespace hearth::sqlite {
namespace {
const std::string kSelectEpisode = "SELECT " + std::string(kEpisodeColumns) + " FROM episodes e WHERE e.id = ?1";
// The stage fields bind to ?1 … ?16; the id and the version the edit started from follow.
const std::string kUpdateEpisode = [] {
  std::string sql = "UPDATE episodes SET (" + std::string(kEpisodeStageFieldNames) + ") = (" +
                    NumberedParameters(1, kEpisodeStageFieldCount) + "), version = version + 1 WHERE id = ?" +
                    std::to_string(kEpisodeStageFieldCount + 1) + " AND version = ?" +
                    std::to_string(kEpisodeStageFieldCount + 2);
  return sql;
}();
const std::string kListInStage = "SELECT " + std::string(kEpisodeColumns) +
                                 " FROM episodes e WHERE e.stage = ?1 AND e.closed_on IS NULL "
                                 "ORDER BY e.opened_on, e.id LIMIT ?2 OFFSET ?3";

constexpr std::string_view kInsertAssignment =
    "INSERT INTO episode_assignments (episode_id, user_id, role, from_on, to_on, reason) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr std::string_view kEndAssignments =
    "UPDATE episode_assignments SET to_on = ?2, reason = ?3 WHERE episode_id = ?1 AND to_on IS NULL";
constexpr std::string_view kEndAssignmentsOfRole =
    "UPDATE episode_assignments SET to_on = ?2, reason = ?3 WHERE episode_id = ?1 AND to_on IS NULL AND role = ?4";
constexpr std::string_view kListAssignments =
    "SELECT a.id, a.episode_id, a.user_id, u.username, COALESCE(u.team_id, 0), a.role, a.from_on, a.to_on, a.reason "
    "FROM episode_assignments a JOIN users u ON u.id = a.user_id WHERE a.episode_id = ?1 ORDER BY a.from_on, a.id";

constexpr std::string_view kSetLeadPractitioner = "UPDATE episodes SET lead_practitioner_id = ?2 WHERE id = ?1";
constexpr std::string_view kInsertWorkerChange =
    "INSERT INTO worker_changes (episode_id, from_user_id, to_user_id, role, changed_on, reason, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr std::string_view kListWorkerChanges =
    "SELECT episode_id, COALESCE(from_user_id, 0), COALESCE(to_user_id, 0), role, changed_on, reason "
    "FROM worker_changes WHERE episode_id = ?1 ORDER BY changed_on, id";

// The work list in one query driven by the open assignments of the users asked about (an index range per user):
// the referral's date and the latest TAF meeting come from lookups on indexed columns, so the cost follows the rows
// listed. An episode held by two of the users comes twice (once per holder) and is merged in ListWork. The
// household's names are not read here: only the rows shown on a page need them (FamilyLabels).
// The user ids fill IN (…) placeholders; the count is rounded up to a power of two (repeating the last id) so
// that the statement cache holds a handful of texts however many workers a manager has.
constexpr std::string_view kListWorkHead = "SELECT r.received_on, a.user_id, t.held_on, t.next_meeting_on, ";
constexpr std::string_view kListWorkBody =
    " FROM episode_assignments a JOIN episodes e ON e.id = a.episode_id JOIN referrals r ON r.id = e.referral_id "
    "LEFT JOIN taf_meetings t ON t.id = (SELECT id FROM taf_meetings WHERE episode_id = e.id "
    "  ORDER BY held_on DESC, id DESC LIMIT 1) "
    "WHERE a.to_on IS NULL AND e.closed_on IS NULL AND a.user_id IN (";
constexpr std::string_view kListWorkTail = ") ORDER BY r.received_on, e.id";
constexpr int kListWorkFirstEpisodeColumn = 4;

// "Given Family, Given Family" for each household, as the family search list names them.
constexpr std::string_view kFamilyLabelHead =
    "SELECT family_id, group_concat(given_name || ' ' || family_name, ', ') FROM "
    "(SELECT family_id, given_name, family_name FROM people WHERE family_id IN (";
constexpr std::string_view kFamilyLabelTail = ") ORDER BY family_id, id) GROUP BY family_id";

std::string ListWorkSql(std::size_t placeholders) {
  std::string sql = std::string(kListWorkHead) + std::string(kEpisodeColumns) + std::string(kListWorkBody);
  for (std::size_t i = 0; i < placeholders; ++i) sql += i == 0 ? "?" : ", ?";
  return sql + std::string(kListWorkTail);
}

std::size_t RoundUpToPowerOfTwo(std::size_t n) {
  std::size_t p = 1;
  while (p < n) p *= 2;
  return p;
}
}  // namespace

std::optional<Episode> SqliteEpisodes::FindById(RecordId id) {
  auto st = c_.Prepare(kSelectEpisode);
  st.Bind(1, id);
  if (!st.Step()) return std::nullopt;
  return ReadEpisode(st);
}

bool SqliteEpisodes::Update(const Episode& episode) {
  auto st = c_.Prepare(kUpdateEpisode);
  BindEpisodeStageFields(st, episode, 1);
  st.Bind(kEpisodeStageFieldCount + 1, episode.id).Bind(kEpisodeStageFieldCount + 2, episode.version);
  st.Run();
  return c_.Changes() == 1;
}

std::vector<Episode> SqliteEpisodes::ListInStage(EpisodeStage stage, int offset, int limit) {
  std::vector<Episode> out;
  auto st = c_.Prepare(kListInStage);
  st.Bind(1, ToString(stage)).Bind(2, limit).Bind(3, offset);
  while (st.Step()) out.push_back(ReadEpisode(st));
  return out;
}

RecordId SqliteEpisodes::InsertAssignment(const Assignment& a) {
  auto st = c_.Prepare(kInsertAssignment);
  st.Bind(1, a.episode_id).Bind(2, a.user_id).Bind(3, ToString(a.role)).Bind(4, a.from_on.ToString());
  BindDate(st, 5, a.to_on);
  st.Bind(6, a.reason);
  st.Run();
  return c_.LastInsertId();
}

void SqliteEpisodes::EndAssignments(RecordId episode_id, std::optional<Role> role, const Date& on,
                                    const std::string& reason) {
  auto st = c_.Prepare(role ? kEndAssignmentsOfRole : kEndAssignments);
  st.Bind(1, episode_id).Bind(2, on.ToString()).Bind(3, reason);
  if (role) st.Bind(4, ToString(*role));
  st.Run();
}

std::vector<Assignment> SqliteEpisodes::ListAssignments(RecordId episode_id) {
  std::vector<Assignment> out;
  auto st = c_.Prepare(kListAssignments);
  st.Bind(1, episode_id);
  while (st.Step()) {
    Assignment a;
    a.id = st.Int(0);
    a.episode_id = st.Int(1);
    a.user_id = st.Int(2);
    a.username = st.Text(3);
    a.team_id = st.Int(4);
    a.role = ParseEnum<Role>(st.Text(5)).value_or(Role::kEaOfficer);
    a.from_on = ReadRequiredDate(st, 6);
    a.to_on = ReadDate(st, 7);
    a.reason = st.Text(8);
    out.push_back(std::move(a));
  }
  return out;
}

void SqliteEpisodes::SetLeadPractitioner(RecordId episode_id, RecordId practitioner_id) {
  auto st = c_.Prepare(kSetLeadPractitioner);
  st.Bind(1, episode_id);
  BindId(st, 2, practitioner_id);
  st.Run();
}

void SqliteEpisodes::InsertWorkerChange(const WorkerChange& change) {
  auto st = c_.Prepare(kInsertWorkerChange);
  st.Bind(1, change.episode_id);
  BindId(st, 2, change.from_user_id);
  BindId(st, 3, change.to_user_id);
  st.Bind(4, ToString(change.role)).Bind(5, change.on.ToString()).Bind(6, change.reason).Bind(7, UtcTimestampNow());
  st.Run();
}

std::vector<WorkerChange> SqliteEpisodes::ListWorkerChanges(RecordId episode_id) {
  std::vector<WorkerChange> out;
  auto st = c_.Prepare(kListWorkerChanges);
  st.Bind(1, episode_id);
  while (st.Step()) {
    WorkerChange w;
    w.episode_id = st.Int(0);
    w.from_user_id = st.Int(1);
    w.to_user_id = st.Int(2);
    w.role = ParseEnum<Role>(st.Text(3)).value_or(Role::kInterventionWorker);
    w.on = ReadRequiredDate(st, 4);
    w.reason = st.Text(5);
    out.push_back(std::move(w));
  }
  return out;
}

std::vector<WorkItem> SqliteEpisodes::ListWork(const std::vector<RecordId>& user_ids) {
  std::vector<WorkItem> out;
  if (user_ids.empty()) return out;
  const std::size_t slots = RoundUpToPowerOfTwo(user_ids.size());
  auto st = c_.Prepare(ListWorkSql(slots));
  for (std::size_t i = 0; i < slots; ++i) st.Bind(static_cast<int>(i + 1), user_ids[std::min(i, user_ids.size() - 1)]);
  while (st.Step()) {
    const RecordId holder = st.Int(1);
    // Rows come ordered by (received_on, episode id): another holder of the same episode is the row just before.
    const RecordId episode_id = st.Int(kListWorkFirstEpisodeColumn);
    if (!out.empty() && out.back().episode.id == episode_id) {
      auto& holders = out.back().worker_ids;
      if (std::find(holders.begin(), holders.end(), holder) == holders.end()) holders.push_back(holder);
      continue;
    }
    WorkItem item;
    item.referral_received_on = ReadRequiredDate(st, 0);
    item.worker_ids.push_back(holder);
    item.last_taf_on = ReadDate(st, 2);
    item.next_taf_on = ReadDate(st, 3);
    item.episode = ReadEpisode(st, kListWorkFirstEpisodeColumn);
    out.push_back(std::move(item));
  }
  return out;
}

std::map<RecordId, std::string> SqliteEpisodes::FamilyLabels(const std::vector<RecordId>& family_ids) {
  std::map<RecordId, std::string> out;
  if (family_ids.empty()) return out;
  const std::size_t slots = RoundUpToPowerOfTwo(family_ids.size());
  std::string sql(kFamilyLabelHead);
  for (std::size_t i = 0; i < slots; ++i) sql += i == 0 ? "?" : ", ?";
  sql += kFamilyLabelTail;
  auto st = c_.Prepare(sql);
  for (std::size_t i = 0; i < slots; ++i)
    st.Bind(static_cast<int>(i + 1), family_ids[std::min(i, family_ids.size() - 1)]);
  while (st.Step()) out[st.Int(0)] = st.Text(1);
  return out;
}

}  // namespace hearth::sqlite
