// Results of every instrument, each in its own table (instrument_tables.hpp says which columns hold what).
#include <algorithm>

#include "storage/sqlite/instrument_tables.hpp"
#include "storage/sqlite/repositories.hpp"

namespace hearth::sqlite {
namespace {
constexpr std::string_view kAuditsToAcknowledge =
    "WHERE status = 'final' AND ((worker_id = ?1 AND worker_acknowledged_on IS NULL) OR "
    "(manager_id = ?1 AND manager_acknowledged_on IS NULL)) ORDER BY audited_on, id";
constexpr std::string_view kTeamManager =
    "SELECT id FROM users WHERE team_id = ?1 AND role = 'manager' AND disabled = 0 ORDER BY id LIMIT 1";

RecordId InsertAssessment(Connection& c, const InstrumentResult& r) { return SqliteAssessments(c).Insert(r); }
std::optional<InstrumentResult> FindAssessment(Connection& c, RecordId id) { return SqliteAssessments(c).FindById(id); }
bool UpdateAssessment(Connection& c, const InstrumentResult& r) { return SqliteAssessments(c).Update(r); }
std::vector<InstrumentResult> ListAssessments(Connection& c, RecordId episode_id) {
  return SqliteAssessments(c).ListForEpisode(episode_id);
}

// The tables, in the order an episode's results are listed when their dates are equal.
const InstrumentTable* const kAllTables[] = {&ResilienceTable(), &AceChecklistTable(), &FeedbackTable(),
                                             &OversightTable(), &QualityAuditTable()};
}  // namespace

const InstrumentTable& ResilienceTable() {
  static const InstrumentTable table{&InsertAssessment, &FindAssessment, &UpdateAssessment, &ListAssessments};
  return table;
}

const InstrumentTable* TableFor(std::string_view instrument) {
  if (instrument == "resilience" || instrument == "young_person_resilience") return &ResilienceTable();
  if (instrument == "ace_checklist") return &AceChecklistTable();
  if (instrument == "relationship_feedback" || instrument == "service_user_feedback") return &FeedbackTable();
  if (instrument == "management_oversight") return &OversightTable();
  if (instrument == "quality_audit") return &QualityAuditTable();
  return nullptr;
}

std::optional<InstrumentResult> FindResult(Connection& c, const std::string& sql, RecordId id, ReadResult read) {
  auto st = c.Prepare(sql);
  st.Bind(1, id);
  if (!st.Step()) return std::nullopt;
  return read(st);
}

std::vector<InstrumentResult> ListResults(Connection& c, const std::string& sql, RecordId key, ReadResult read) {
  auto st = c.Prepare(sql);
  st.Bind(1, key);
  std::vector<InstrumentResult> out;
  while (st.Step()) out.push_back(read(st));
  return out;
}

std::string AnswerOr(const Answers& answers, std::string_view id) {
  const auto it = answers.find(id);
  return it == answers.end() ? std::string() : it->second;
}

std::optional<RecordId> OptionalId(const std::optional<RecordId>& id) {
  if (!id || *id == 0) return std::nullopt;
  return id;
}

bool SqliteInstrumentResults::Stores(std::string_view instrument) const { return TableFor(instrument) != nullptr; }

RecordId SqliteInstrumentResults::Insert(const InstrumentResult& result) {
  return TableFor(result.instrument)->insert(c_, result);
}

std::optional<InstrumentResult> SqliteInstrumentResults::Find(std::string_view instrument, RecordId id) {
  const InstrumentTable* table = TableFor(instrument);
  if (table == nullptr) return std::nullopt;
  auto found = table->find(c_, id);
  // Two forms share a table (the Resilience Assessments, the feedback forms): an id of the other is not found.
  if (!found || found->instrument != instrument) return std::nullopt;
  return found;
}

bool SqliteInstrumentResults::Update(const InstrumentResult& result) {
  return TableFor(result.instrument)->update(c_, result);
}

std::vector<InstrumentResult> SqliteInstrumentResults::ListForEpisode(RecordId episode_id) {
  std::vector<InstrumentResult> out;
  for (const InstrumentTable* table : kAllTables)
    for (auto& r : table->list(c_, episode_id)) out.push_back(std::move(r));
  std::stable_sort(out.begin(), out.end(),
                   [](const InstrumentResult& a, const InstrumentResult& b) { return a.assessed_on < b.assessed_on; });
  return out;
}

std::vector<InstrumentResult> SqliteInstrumentResults::ListAuditsToAcknowledge(RecordId user_id) {
  auto st = c_.Prepare(std::string(kQualityAuditColumns) + std::string(kAuditsToAcknowledge));
  st.Bind(1, user_id);
  std::vector<InstrumentResult> out;
  while (st.Step()) out.push_back(ReadQualityAudit(st));
  return out;
}

std::optional<RecordId> SqliteInstrumentResults::FindTeamManager(RecordId team_id) {
  auto st = c_.Prepare(kTeamManager);
  st.Bind(1, team_id);
  if (!st.Step()) return std::nullopt;
  return st.Int(0);
}

}  // namespace hearth::sqlite
