// What the family's file, the work lists and the Supporting Families claim read of the outcome records. Only
// `final` rows of the instruments count (drafts are unfinished, superseded ones replaced).
#include <algorithm>

#include "storage/sqlite/episode_rows.hpp"
#include "storage/sqlite/repositories.hpp"

namespace hearth::sqlite {
namespace {

constexpr std::string_view kListNeeds =
    "SELECT outcome_area, need, outcome FROM assessment_needs WHERE episode_id = ?1";
constexpr std::string_view kSetNeedOutcome =
    "UPDATE assessment_needs SET outcome = ?3 WHERE episode_id = ?1 AND outcome_area = ?2";

constexpr std::string_view kListAces =
    "SELECT a.episode_id, a.person_id, a.ace, a.identified_on, a.improved FROM aces a "
    "JOIN episodes e ON e.id = a.episode_id WHERE e.family_id = ?1 AND a.status = 'final' "
    "ORDER BY a.identified_on DESC, a.id DESC";
constexpr std::string_view kListFamilyNeeds =
    "SELECT n.episode_id, n.outcome_area, n.need, n.outcome FROM assessment_needs n "
    "JOIN episodes e ON e.id = n.episode_id WHERE e.family_id = ?1 ORDER BY e.opened_on DESC, e.id DESC";
constexpr std::string_view kListOutcomeEvents =
    "SELECT f.given_on, 'feedback', f.form, f.episode_id FROM feedback f JOIN episodes e ON e.id = f.episode_id "
    "  WHERE e.family_id = ?1 AND f.status = 'final' "
    "UNION ALL SELECT o.recorded_on, 'oversight', '', o.episode_id FROM oversight_records o "
    "  JOIN episodes e ON e.id = o.episode_id WHERE e.family_id = ?1 AND o.status = 'final' "
    "UNION ALL SELECT q.audited_on, 'audit', q.grade, q.episode_id FROM quality_audits q "
    "  JOIN episodes e ON e.id = q.episode_id WHERE e.family_id = ?1 AND q.status = 'final'";

// Driven by the open assignments of the users asked about, like the work list; the latest final oversight is one
// lookup in the partial index oversight_records_episode_final (migration 8).
constexpr std::string_view kOversightHead =
    "SELECT a.user_id, e.id, e.family_id, e.opened_on, "
    "(SELECT MAX(o.recorded_on) FROM oversight_records o WHERE o.episode_id = e.id AND o.status = 'final') "
    "FROM episode_assignments a JOIN episodes e ON e.id = a.episode_id "
    "WHERE a.to_on IS NULL AND e.closed_on IS NULL AND a.user_id IN (";
constexpr std::string_view kOversightTail = ") ORDER BY e.id";

// The plan's agreed date where the plan records one, else the day the plan stage was completed.
constexpr std::string_view kListAuditsDue =
    "SELECT e.id, e.family_id, COALESCE(p.agreed_on, e.plan_completed_on) AS agreed FROM episodes e "
    "LEFT JOIN family_plans p ON p.episode_id = e.id "
    "WHERE e.closed_on IS NULL AND e.plan_completed_on IS NOT NULL AND agreed <= ?1 "
    "AND NOT EXISTS (SELECT 1 FROM quality_audits q WHERE q.episode_id = e.id AND q.status = 'final') "
    "ORDER BY agreed, e.id";

// One row per episode closed in the period. The return to early help is the first later episode of the family,
// or the first early help referral after closure (other than the episode's own), whichever is sooner.
constexpr std::string_view kListClaimFacts =
    "SELECT e.id, e.family_id, e.closed_on, e.assessment_completed_on IS NOT NULL, e.plan_completed_on IS NOT NULL, "
    "(e.lead_practitioner_id IS NOT NULL OR EXISTS (SELECT 1 FROM episode_assignments a WHERE a.episode_id = e.id "
    "  AND a.role IN ('intervention_worker', 'family_aide'))), "
    "(SELECT COUNT(*) FROM assessment_needs n WHERE n.episode_id = e.id), "
    "(SELECT COUNT(*) FROM assessment_needs n WHERE n.episode_id = e.id AND n.outcome = 'improved'), "
    "(SELECT COUNT(*) FROM assessment_needs n WHERE n.episode_id = e.id AND n.outcome = 'not_improved'), "
    "(SELECT MIN(d) FROM (SELECT o.opened_on AS d FROM episodes o WHERE o.family_id = e.family_id AND o.id <> e.id "
    "  AND o.opened_on >= e.closed_on UNION ALL SELECT r.received_on FROM referrals r WHERE r.family_id = e.family_id "
    "  AND r.id <> e.referral_id AND r.decision = 'early_help' AND r.received_on >= e.closed_on)), "
    "(SELECT MIN(s.started_on) FROM statutory_involvements s WHERE s.family_id = e.family_id "
    "  AND s.started_on >= e.closed_on) "
    "FROM episodes e WHERE e.closed_on IS NOT NULL AND e.closed_on >= ?1 AND e.closed_on <= ?2 "
    "ORDER BY e.closed_on, e.id";

constexpr std::string_view kInsertAce =
    "INSERT INTO aces (episode_id, person_id, ace, identified_on, improved, status, recorded_by, created_at, "
    "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 'final', ?6, ?7, ?7)";
constexpr std::string_view kInsertFeedback =
    "INSERT INTO feedback (episode_id, given_on, form, satisfaction, answers, status, recorded_by, created_at, "
    "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 'final', ?6, ?7, ?7)";
constexpr std::string_view kInsertOversight =
    "INSERT INTO oversight_records (episode_id, recorded_on, manager_id, worker_id, considered_plan_effectiveness, "
    "decisions, actions, status, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'final', ?8, ?8)";
constexpr std::string_view kInsertAudit =
    "INSERT INTO quality_audits (episode_id, audited_on, auditor_id, grade, shared_with_worker, feedback_text, "
    "worker_acknowledged_on, manager_acknowledged_on, status, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'final', ?9, ?9)";

NeedRecord ReadNeed(const Statement& st, int first) {
  NeedRecord n;
  n.area = ParseEnum<OutcomeArea>(st.Text(first)).value_or(OutcomeArea::kEducation);
  n.need = st.Text(first + 1);
  if (auto outcome = st.OptionalText(first + 2)) n.outcome = ParseEnum<NeedOutcome>(*outcome);
  return n;
}

void SortByArea(std::vector<NeedRecord>& needs) {
  std::sort(needs.begin(), needs.end(), [](const auto& a, const auto& b) { return a.area < b.area; });
}

// The number of IN (…) slots, rounded up to a power of two so that few statement texts are cached.
std::size_t Slots(std::size_t n) {
  std::size_t p = 1;
  while (p < n) p *= 2;
  return p;
}
}  // namespace

std::vector<NeedRecord> SqliteOutcomes::ListNeeds(RecordId episode_id) {
  std::vector<NeedRecord> out;
  auto st = c_.Prepare(kListNeeds);
  st.Bind(1, episode_id);
  while (st.Step()) out.push_back(ReadNeed(st, 0));
  SortByArea(out);
  return out;
}

void SqliteOutcomes::SetNeedOutcomes(RecordId episode_id, const std::map<OutcomeArea, NeedOutcome>& outcomes) {
  for (const auto& [area, outcome] : outcomes)
    c_.Prepare(kSetNeedOutcome).Bind(1, episode_id).Bind(2, ToString(area)).Bind(3, ToString(outcome)).Run();
}

std::vector<AceEntry> SqliteOutcomes::ListAces(RecordId family_id) {
  std::vector<AceEntry> out;
  auto st = c_.Prepare(kListAces);
  st.Bind(1, family_id);
  while (st.Step()) {
    auto ace = ParseEnum<AceType>(st.Text(2));
    if (!ace) continue;
    AceEntry a;
    a.episode_id = st.Int(0);
    a.person_id = st.Int(1);
    a.ace = *ace;
    a.identified_on = ReadRequiredDate(st, 3);
    if (auto improved = st.OptionalInt(4)) a.improved = *improved != 0;
    out.push_back(a);
  }
  return out;
}

std::vector<EpisodeNeeds> SqliteOutcomes::ListFamilyNeeds(RecordId family_id) {
  std::vector<EpisodeNeeds> out;
  auto st = c_.Prepare(kListFamilyNeeds);
  st.Bind(1, family_id);
  while (st.Step()) {
    const RecordId episode_id = st.Int(0);
    if (out.empty() || out.back().episode_id != episode_id) out.push_back({episode_id, {}});
    out.back().needs.push_back(ReadNeed(st, 1));
  }
  for (auto& e : out) SortByArea(e.needs);
  return out;
}

std::vector<OutcomeEvent> SqliteOutcomes::ListOutcomeEvents(RecordId family_id) {
  std::vector<OutcomeEvent> out;
  auto st = c_.Prepare(kListOutcomeEvents);
  st.Bind(1, family_id);
  while (st.Step()) out.push_back({ReadRequiredDate(st, 0), st.Text(1), st.Text(2), st.Int(3)});
  return out;
}

std::vector<OversightDueFacts> SqliteOutcomes::ListOversightFacts(const std::vector<RecordId>& user_ids) {
  std::vector<OversightDueFacts> out;
  if (user_ids.empty()) return out;
  const std::size_t slots = Slots(user_ids.size());
  std::string sql(kOversightHead);
  for (std::size_t i = 0; i < slots; ++i) sql += i == 0 ? "?" : ", ?";
  sql += kOversightTail;
  auto st = c_.Prepare(sql);
  for (std::size_t i = 0; i < slots; ++i) st.Bind(static_cast<int>(i + 1), user_ids[std::min(i, user_ids.size() - 1)]);
  while (st.Step()) {
    const RecordId holder = st.Int(0);
    const RecordId episode_id = st.Int(1);
    // Rows come by episode: another holder of the same episode is the row just before.
    if (!out.empty() && out.back().episode_id == episode_id) {
      auto& holders = out.back().worker_ids;
      if (std::find(holders.begin(), holders.end(), holder) == holders.end()) holders.push_back(holder);
      continue;
    }
    out.push_back({episode_id, st.Int(2), ReadRequiredDate(st, 3), ReadDate(st, 4), {holder}});
  }
  return out;
}

std::vector<AuditDueFacts> SqliteOutcomes::ListAuditsDue(const Date& plan_agreed_by) {
  std::vector<AuditDueFacts> out;
  auto st = c_.Prepare(kListAuditsDue);
  st.Bind(1, plan_agreed_by.ToString());
  while (st.Step()) out.push_back({st.Int(0), st.Int(1), ReadRequiredDate(st, 2)});
  return out;
}

std::vector<ClaimFacts> SqliteOutcomes::ListClaimFacts(const Date& from, const Date& to) {
  std::vector<ClaimFacts> out;
  auto st = c_.Prepare(kListClaimFacts);
  st.Bind(1, from.ToString()).Bind(2, to.ToString());
  while (st.Step()) {
    ClaimFacts f;
    f.episode_id = st.Int(0);
    f.family_id = st.Int(1);
    f.closed_on = ReadRequiredDate(st, 2);
    f.whole_family_assessment = st.Int(3) != 0;
    f.plan = st.Int(4) != 0;
    f.lead_practitioner = st.Int(5) != 0;
    f.need_areas = static_cast<int>(st.Int(6));
    f.needs_improved = static_cast<int>(st.Int(7));
    f.needs_not_improved = static_cast<int>(st.Int(8));
    f.next_early_help_on = ReadDate(st, 9);
    f.next_statutory_on = ReadDate(st, 10);
    out.push_back(f);
  }
  return out;
}

void SqliteOutcomes::InsertFinalAce(const AceEntry& a, RecordId recorded_by) {
  auto st = c_.Prepare(kInsertAce);
  st.Bind(1, a.episode_id).Bind(2, a.person_id).Bind(3, ToString(a.ace)).Bind(4, a.identified_on.ToString());
  if (a.improved)
    st.Bind(5, *a.improved ? 1 : 0);
  else
    st.BindNull(5);
  BindId(st, 6, recorded_by);
  st.Bind(7, UtcTimestampNow()).Run();
}

void SqliteOutcomes::InsertFinalFeedback(RecordId episode_id, const Date& on, FeedbackForm form,
                                         std::optional<Satisfaction> satisfaction, const std::string& answers_json,
                                         RecordId recorded_by) {
  auto st = c_.Prepare(kInsertFeedback);
  st.Bind(1, episode_id).Bind(2, on.ToString()).Bind(3, ToString(form));
  if (satisfaction)
    st.Bind(4, ToString(*satisfaction));
  else
    st.BindNull(4);
  st.Bind(5, answers_json);
  BindId(st, 6, recorded_by);
  st.Bind(7, UtcTimestampNow()).Run();
}

void SqliteOutcomes::InsertFinalOversight(const OversightEntry& o) {
  auto st = c_.Prepare(kInsertOversight);
  st.Bind(1, o.episode_id).Bind(2, o.on.ToString()).Bind(3, o.manager_id);
  BindId(st, 4, o.worker_id);
  st.Bind(5, o.considered_plan_effectiveness ? 1 : 0).Bind(6, o.decisions).Bind(7, o.actions);
  st.Bind(8, UtcTimestampNow()).Run();
}

void SqliteOutcomes::InsertFinalAudit(const AuditEntry& a) {
  auto st = c_.Prepare(kInsertAudit);
  st.Bind(1, a.episode_id).Bind(2, a.on.ToString()).Bind(3, a.auditor_id).Bind(4, ToString(a.grade));
  st.Bind(5, a.shared_with_worker ? 1 : 0).Bind(6, a.feedback);
  BindDate(st, 7, a.worker_acknowledged_on);
  BindDate(st, 8, a.manager_acknowledged_on);
  st.Bind(9, UtcTimestampNow()).Run();
}

}  // namespace hearth::sqlite
