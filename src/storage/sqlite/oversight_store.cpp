// Management oversight records in `oversight_records` (migrations 6 and 9). The worker, the yes/no on the plan's
// effectiveness, the decisions and the actions have the columns the service report and the interchange read; every
// answer is also kept in `answers`, because a draft's unanswered yes/no cannot be told from "no" in the NOT NULL
// column.
#include <charconv>

#include "common/date.hpp"
#include "storage/sqlite/answers_json.hpp"
#include "storage/sqlite/instrument_tables.hpp"

namespace hearth::sqlite {
namespace {
constexpr std::string_view kInsert =
    "INSERT INTO oversight_records (episode_id, recorded_on, manager_id, worker_id, considered_plan_effectiveness, "
    "decisions, actions, status, instrument_version, answers, superseded_by, supersede_reason, version, created_at, "
    "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 1, ?13, ?13)";
constexpr std::string_view kColumns =
    "SELECT id, episode_id, recorded_on, manager_id, answers, status, instrument_version, superseded_by, "
    "supersede_reason, version, worker_id, considered_plan_effectiveness, decisions, actions FROM oversight_records ";
constexpr std::string_view kWhereId = "WHERE id = ?1";
constexpr std::string_view kWhereEpisode = "WHERE episode_id = ?1 ORDER BY recorded_on, id";
constexpr std::string_view kUpdate =
    "UPDATE oversight_records SET recorded_on = ?2, worker_id = ?3, considered_plan_effectiveness = ?4, "
    "decisions = ?5, actions = ?6, status = ?7, answers = ?8, superseded_by = ?9, supersede_reason = ?10, "
    "version = version + 1, updated_at = ?11 WHERE id = ?1 AND version = ?12";
constexpr std::string_view kInstrument = "management_oversight";

std::optional<RecordId> WorkerOf(const InstrumentResult& r) {
  const std::string text = AnswerOr(r.answers, "worker");
  RecordId id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

int Considered(const InstrumentResult& r) { return AnswerOr(r.answers, "considered_plan_effectiveness") == "yes"; }

InstrumentResult Read(const Statement& st) {
  InstrumentResult r;
  r.id = st.Int(0);
  r.episode_id = st.Int(1);
  r.assessed_on = Date::Parse(st.Text(2)).value_or(Date());
  r.recorded_by = st.Int(3);
  r.answers = DecodeAnswers(st.OptionalText(4));
  // Imported and generated records have no answers object: their answers are the columns the interchange fills.
  if (!st.OptionalText(4)) {
    r.answers["oversight_on"] = r.assessed_on.ToString();
    if (auto worker = st.OptionalInt(10)) r.answers["worker"] = std::to_string(*worker);
    r.answers["considered_plan_effectiveness"] = st.Int(11) != 0 ? "yes" : "no";
    if (!st.Text(12).empty()) r.answers["decisions"] = st.Text(12);
    if (!st.Text(13).empty()) r.answers["actions"] = st.Text(13);
  }
  r.status = ParseEnum<ResultStatus>(st.Text(5)).value_or(ResultStatus::kFinal);
  r.instrument_version = static_cast<int>(st.Int(6));
  r.superseded_by = st.OptionalInt(7);
  r.supersede_reason = st.Text(8);
  r.version = static_cast<int>(st.Int(9));
  r.instrument = std::string(kInstrument);
  r.stage = InstrumentStage::kAny;
  return r;
}

RecordId Insert(Connection& c, const InstrumentResult& r) {
  auto st = c.Prepare(kInsert);
  st.Bind(1, r.episode_id)
      .Bind(2, r.assessed_on.ToString())
      .Bind(3, r.recorded_by)
      .Bind(4, WorkerOf(r))
      .Bind(5, Considered(r))
      .Bind(6, AnswerOr(r.answers, "decisions"))
      .Bind(7, AnswerOr(r.answers, "actions"))
      .Bind(8, ToString(r.status))
      .Bind(9, r.instrument_version)
      .Bind(10, EncodeAnswers(r.answers))
      .Bind(11, r.superseded_by)
      .Bind(12, r.supersede_reason)
      .Bind(13, UtcTimestampNow());
  st.Run();
  return c.LastInsertId();
}

std::optional<InstrumentResult> Find(Connection& c, RecordId id) {
  return FindResult(c, std::string(kColumns) + std::string(kWhereId), id, Read);
}

bool Update(Connection& c, const InstrumentResult& r) {
  auto st = c.Prepare(kUpdate);
  st.Bind(1, r.id)
      .Bind(2, r.assessed_on.ToString())
      .Bind(3, WorkerOf(r))
      .Bind(4, Considered(r))
      .Bind(5, AnswerOr(r.answers, "decisions"))
      .Bind(6, AnswerOr(r.answers, "actions"))
      .Bind(7, ToString(r.status))
      .Bind(8, EncodeAnswers(r.answers))
      .Bind(9, r.superseded_by)
      .Bind(10, r.supersede_reason)
      .Bind(11, UtcTimestampNow())
      .Bind(12, r.version);
  st.Run();
  return c.Changes() == 1;
}

std::vector<InstrumentResult> List(Connection& c, RecordId episode_id) {
  return ListResults(c, std::string(kColumns) + std::string(kWhereEpisode), episode_id, Read);
}
}  // namespace

const InstrumentTable& OversightTable() {
  static const InstrumentTable table{&Insert, &Find, &Update, &List};
  return table;
}

}  // namespace hearth::sqlite
