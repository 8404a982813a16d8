// ACE checklists in `ace_checklists` (migration 9), one per child, with each ACE that applies also written to `aces`
// (migration 6) with the checklist's status: the service report and the interchange count ACEs there, one row each.
// The checklist's question ids are the ACEs' interchange names: `<ace>` (yes/no), `<ace>_identified_on`,
// `<ace>_improved` (config/instruments/ace_checklist.v1.toml).
#include "common/date.hpp"
#include "storage/sqlite/answers_json.hpp"
#include "storage/sqlite/instrument_tables.hpp"

namespace hearth::sqlite {
namespace {
constexpr std::string_view kInsert =
    "INSERT INTO ace_checklists (episode_id, person_id, instrument_version, completed_on, answers, status, "
    "recorded_by, superseded_by, supersede_reason, version, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?10, ?10)";
constexpr std::string_view kColumns =
    "SELECT id, episode_id, person_id, instrument_version, completed_on, answers, status, recorded_by, "
    "superseded_by, supersede_reason, version FROM ace_checklists ";
constexpr std::string_view kUpdate =
    "UPDATE ace_checklists SET completed_on = ?2, answers = ?3, status = ?4, superseded_by = ?5, "
    "supersede_reason = ?6, version = version + 1, updated_at = ?7 WHERE id = ?1 AND version = ?8";
constexpr std::string_view kDeleteAces = "DELETE FROM aces WHERE checklist_id = ?1";
constexpr std::string_view kSupersedeAces =
    "UPDATE aces SET status = 'superseded', updated_at = ?2 WHERE checklist_id = ?1";
constexpr std::string_view kInsertAce =
    "INSERT INTO aces (episode_id, person_id, ace, identified_on, improved, status, recorded_by, checklist_id, "
    "version, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, ?9)";
constexpr std::string_view kInstrument = "ace_checklist";
constexpr std::string_view kIdentifiedSuffix = "_identified_on";
constexpr std::string_view kImprovedSuffix = "_improved";

std::optional<int> Improved(std::string_view answer) {
  if (answer == "yes") return 1;
  if (answer == "no") return 0;
  return std::nullopt;
}

// The checklist's rows in aces, rewritten whole: an ACE answered no, or no longer answered, has none. A draft's
// ACE without its date yet is dated with the checklist.
void WriteAces(Connection& c, const InstrumentResult& r, RecordId checklist_id) {
  auto del = c.Prepare(kDeleteAces);
  del.Bind(1, checklist_id);
  del.Run();
  const std::string now = UtcTimestampNow();
  for (const auto& [id, value] : r.answers) {
    if (value != "yes" || id.ends_with(kImprovedSuffix)) continue;
    const std::string identified = AnswerOr(r.answers, id + std::string(kIdentifiedSuffix));
    auto st = c.Prepare(kInsertAce);
    st.Bind(1, r.episode_id)
        .Bind(2, r.person_id)
        .Bind(3, id)
        .Bind(4, identified.empty() ? r.assessed_on.ToString() : identified)
        .Bind(5, Improved(AnswerOr(r.answers, id + std::string(kImprovedSuffix))))
        .Bind(6, ToString(r.status))
        .Bind(7, OptionalId(r.recorded_by))
        .Bind(8, checklist_id)
        .Bind(9, now);
    st.Run();
  }
}

InstrumentResult Read(const Statement& st) {
  InstrumentResult r;
  r.id = st.Int(0);
  r.episode_id = st.Int(1);
  r.person_id = st.Int(2);
  r.instrument_version = static_cast<int>(st.Int(3));
  r.assessed_on = Date::Parse(st.Text(4)).value_or(Date());
  r.answers = DecodeAnswers(st.OptionalText(5));
  r.status = ParseEnum<ResultStatus>(st.Text(6)).value_or(ResultStatus::kFinal);
  r.recorded_by = st.OptionalInt(7).value_or(0);
  r.superseded_by = st.OptionalInt(8);
  r.supersede_reason = st.Text(9);
  r.version = static_cast<int>(st.Int(10));
  r.instrument = std::string(kInstrument);
  r.stage = InstrumentStage::kAny;
  return r;
}

RecordId Insert(Connection& c, const InstrumentResult& r) {
  auto st = c.Prepare(kInsert);
  st.Bind(1, r.episode_id)
      .Bind(2, r.person_id)
      .Bind(3, r.instrument_version)
      .Bind(4, r.assessed_on.ToString())
      .Bind(5, EncodeAnswers(r.answers))
      .Bind(6, ToString(r.status))
      .Bind(7, OptionalId(r.recorded_by))
      .Bind(8, r.superseded_by)
      .Bind(9, r.supersede_reason)
      .Bind(10, UtcTimestampNow());
  st.Run();
  const RecordId id = c.LastInsertId();
  WriteAces(c, r, id);
  return id;
}

std::optional<InstrumentResult> Find(Connection& c, RecordId id) {
  return FindResult(c, std::string(kColumns) + "WHERE id = ?1", id, Read);
}

bool Update(Connection& c, const InstrumentResult& r) {
  auto st = c.Prepare(kUpdate);
  st.Bind(1, r.id)
      .Bind(2, r.assessed_on.ToString())
      .Bind(3, EncodeAnswers(r.answers))
      .Bind(4, ToString(r.status))
      .Bind(5, r.superseded_by)
      .Bind(6, r.supersede_reason)
      .Bind(7, UtcTimestampNow())
      .Bind(8, r.version);
  st.Run();
  if (c.Changes() != 1) return false;
  if (r.status != ResultStatus::kSuperseded) {
    WriteAces(c, r, r.id);
    return true;
  }
  // A superseded checklist's answers are as they were: its ACE rows keep their ids (and interchange ids).
  auto superseded = c.Prepare(kSupersedeAces);
  superseded.Bind(1, r.id).Bind(2, UtcTimestampNow());
  superseded.Run();
  return true;
}

std::vector<InstrumentResult> List(Connection& c, RecordId episode_id) {
  return ListResults(c, std::string(kColumns) + "WHERE episode_id = ?1 ORDER BY completed_on, id", episode_id, Read);
}
}  // namespace

const InstrumentTable& AceChecklistTable() {
  static const InstrumentTable table{&Insert, &Find, &Update, &List};
  return table;
}

}  // namespace hearth::sqlite
