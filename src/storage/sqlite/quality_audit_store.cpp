// Quality assurance audits in `quality_audits` (migrations 6 and 9): the overall grade and the feedback for the
// worker in the columns reports and the interchange read, every graded area with its reasons in `details`, and the
// worker and manager a final audit was sent to, with when each acknowledged it.
#include "common/date.hpp"
#include "storage/sqlite/answers_json.hpp"
#include "storage/sqlite/instrument_tables.hpp"

namespace hearth::sqlite {
namespace {
constexpr std::string_view kInsert =
    "INSERT INTO quality_audits (episode_id, audited_on, auditor_id, grade, shared_with_worker, details, "
    "feedback_text, worker_acknowledged_on, manager_acknowledged_on, status, instrument_version, superseded_by, "
    "supersede_reason, worker_id, manager_id, version, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 1, ?16, ?16)";
constexpr std::string_view kUpdate =
    "UPDATE quality_audits SET audited_on = ?2, grade = ?3, shared_with_worker = ?4, details = ?5, "
    "feedback_text = ?6, worker_acknowledged_on = ?7, manager_acknowledged_on = ?8, status = ?9, "
    "superseded_by = ?10, supersede_reason = ?11, worker_id = ?12, manager_id = ?13, version = version + 1, "
    "updated_at = ?14 WHERE id = ?1 AND version = ?15";
constexpr std::string_view kInstrument = "quality_audit";

std::optional<std::string> DateText(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return d->ToString();
}

std::optional<Date> ReadDate(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return Date::Parse(*text);
}

RecordId Insert(Connection& c, const InstrumentResult& r) {
  auto st = c.Prepare(kInsert);
  st.Bind(1, r.episode_id)
      .Bind(2, r.assessed_on.ToString())
      .Bind(3, r.recorded_by)
      .Bind(4, AnswerOr(r.answers, "overall_grade"))
      .Bind(5, r.sent_to_worker.has_value() ? 1 : 0)
      .Bind(6, EncodeAnswers(r.answers))
      .Bind(7, AnswerOr(r.answers, "feedback_to_worker"))
      .Bind(8, DateText(r.worker_acknowledged_on))
      .Bind(9, DateText(r.manager_acknowledged_on))
      .Bind(10, ToString(r.status))
      .Bind(11, r.instrument_version)
      .Bind(12, r.superseded_by)
      .Bind(13, r.supersede_reason)
      .Bind(14, r.sent_to_worker)
      .Bind(15, r.sent_to_manager)
      .Bind(16, UtcTimestampNow());
  st.Run();
  return c.LastInsertId();
}

bool Update(Connection& c, const InstrumentResult& r) {
  auto st = c.Prepare(kUpdate);
  st.Bind(1, r.id)
      .Bind(2, r.assessed_on.ToString())
      .Bind(3, AnswerOr(r.answers, "overall_grade"))
      .Bind(4, r.sent_to_worker.has_value() ? 1 : 0)
      .Bind(5, EncodeAnswers(r.answers))
      .Bind(6, AnswerOr(r.answers, "feedback_to_worker"))
      .Bind(7, DateText(r.worker_acknowledged_on))
      .Bind(8, DateText(r.manager_acknowledged_on))
      .Bind(9, ToString(r.status))
      .Bind(10, r.superseded_by)
      .Bind(11, r.supersede_reason)
      .Bind(12, r.sent_to_worker)
      .Bind(13, r.sent_to_manager)
      .Bind(14, UtcTimestampNow())
      .Bind(15, r.version);
  st.Run();
  return c.Changes() == 1;
}

std::optional<InstrumentResult> Find(Connection& c, RecordId id) {
  return FindResult(c, std::string(kQualityAuditColumns) + "WHERE id = ?1", id, ReadQualityAudit);
}

std::vector<InstrumentResult> List(Connection& c, RecordId episode_id) {
  return ListResults(c, std::string(kQualityAuditColumns) + "WHERE episode_id = ?1 ORDER BY audited_on, id", episode_id,
                     ReadQualityAudit);
}
}  // namespace

const std::string_view kQualityAuditColumns =
    "SELECT id, episode_id, audited_on, auditor_id, details, status, instrument_version, superseded_by, "
    "supersede_reason, version, worker_id, manager_id, worker_acknowledged_on, manager_acknowledged_on, grade, "
    "feedback_text FROM quality_audits ";

InstrumentResult ReadQualityAudit(const Statement& st) {
  InstrumentResult r;
  r.id = st.Int(0);
  r.episode_id = st.Int(1);
  r.assessed_on = Date::Parse(st.Text(2)).value_or(Date());
  r.recorded_by = st.Int(3);
  r.answers = DecodeAnswers(st.OptionalText(4));
  // Imported and generated audits have no details: their answers are the columns the interchange fills.
  if (!st.OptionalText(4)) {
    r.answers["audited_on"] = r.assessed_on.ToString();
    if (!st.Text(14).empty()) r.answers["overall_grade"] = st.Text(14);
    if (!st.Text(15).empty()) r.answers["feedback_to_worker"] = st.Text(15);
  }
  r.status = ParseEnum<ResultStatus>(st.Text(5)).value_or(ResultStatus::kFinal);
  r.instrument_version = static_cast<int>(st.Int(6));
  r.superseded_by = st.OptionalInt(7);
  r.supersede_reason = st.Text(8);
  r.version = static_cast<int>(st.Int(9));
  r.sent_to_worker = st.OptionalInt(10);
  r.sent_to_manager = st.OptionalInt(11);
  r.worker_acknowledged_on = ReadDate(st.OptionalText(12));
  r.manager_acknowledged_on = ReadDate(st.OptionalText(13));
  r.instrument = std::string(kInstrument);
  r.stage = InstrumentStage::kAny;
  return r;
}

const InstrumentTable& QualityAuditTable() {
  static const InstrumentTable table{&Insert, &Find, &Update, &List};
  return table;
}

}  // namespace hearth::sqlite
