// The Relationship Feedback Form and service user feedback in `feedback` (migrations 6 and 9): the service user's
// satisfaction has its own column for the service report; the answers are kept exactly as given.
#include <utility>

#include "common/date.hpp"
#include "storage/sqlite/answers_json.hpp"
#include "storage/sqlite/instrument_tables.hpp"

namespace hearth::sqlite {
namespace {
constexpr std::string_view kInsert =
    "INSERT INTO feedback (episode_id, given_on, form, satisfaction, answers, status, recorded_by, "
    "instrument_version, superseded_by, supersede_reason, version, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1, ?11, ?11)";
constexpr std::string_view kColumns =
    "SELECT id, episode_id, given_on, form, answers, status, recorded_by, instrument_version, superseded_by, "
    "supersede_reason, version, satisfaction FROM feedback ";
constexpr std::string_view kWhereId = "WHERE id = ?1";
constexpr std::string_view kWhereEpisode = "WHERE episode_id = ?1 ORDER BY given_on, id";
constexpr std::string_view kUpdate =
    "UPDATE feedback SET given_on = ?2, satisfaction = ?3, answers = ?4, status = ?5, superseded_by = ?6, "
    "supersede_reason = ?7, version = version + 1, updated_at = ?8 WHERE id = ?1 AND version = ?9";

// The `form` column holds INTERCHANGE.md's names (the service report and the export read them); results carry the
// instrument ids of config/instruments.
constexpr std::pair<std::string_view, std::string_view> kFormNames[] = {{"service_user_feedback", "service_user"},
                                                                        {"relationship_feedback", "relationship"}};

std::string FormOf(const std::string& instrument) {
  for (const auto& [id, form] : kFormNames)
    if (id == instrument) return std::string(form);
  return instrument;
}

std::string InstrumentOf(const std::string& form) {
  for (const auto& [id, name] : kFormNames)
    if (name == form) return std::string(id);
  return form;
}

// Only the service user form asks it; the column is NULL for the others.
std::optional<std::string> Satisfaction(const InstrumentResult& r) {
  const std::string value = AnswerOr(r.answers, "satisfaction");
  if (value.empty()) return std::nullopt;
  return std::string(value);
}

InstrumentResult Read(const Statement& st) {
  InstrumentResult r;
  r.id = st.Int(0);
  r.episode_id = st.Int(1);
  r.assessed_on = Date::Parse(st.Text(2)).value_or(Date());
  r.instrument = InstrumentOf(st.Text(3));
  r.answers = DecodeAnswers(st.OptionalText(4));
  // An imported form's answers are kept exactly as given and need not repeat its satisfaction, which has a column.
  if (auto satisfaction = st.OptionalText(11); satisfaction && !r.answers.contains("satisfaction"))
    r.answers["satisfaction"] = *satisfaction;
  r.status = ParseEnum<ResultStatus>(st.Text(5)).value_or(ResultStatus::kFinal);
  r.recorded_by = st.OptionalInt(6).value_or(0);
  r.instrument_version = static_cast<int>(st.Int(7));
  r.superseded_by = st.OptionalInt(8);
  r.supersede_reason = st.Text(9);
  r.version = static_cast<int>(st.Int(10));
  r.stage = InstrumentStage::kAny;
  return r;
}

RecordId Insert(Connection& c, const InstrumentResult& r) {
  auto st = c.Prepare(kInsert);
  st.Bind(1, r.episode_id)
      .Bind(2, r.assessed_on.ToString())
      .Bind(3, FormOf(r.instrument))
      .Bind(4, Satisfaction(r))
      .Bind(5, EncodeAnswers(r.answers))
      .Bind(6, ToString(r.status))
      .Bind(7, OptionalId(r.recorded_by))
      .Bind(8, r.instrument_version)
      .Bind(9, r.superseded_by)
      .Bind(10, r.supersede_reason)
      .Bind(11, UtcTimestampNow());
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
      .Bind(3, Satisfaction(r))
      .Bind(4, EncodeAnswers(r.answers))
      .Bind(5, ToString(r.status))
      .Bind(6, r.superseded_by)
      .Bind(7, r.supersede_reason)
      .Bind(8, UtcTimestampNow())
      .Bind(9, r.version);
  st.Run();
  return c.Changes() == 1;
}

std::vector<InstrumentResult> List(Connection& c, RecordId episode_id) {
  return ListResults(c, std::string(kColumns) + std::string(kWhereEpisode), episode_id, Read);
}
}  // namespace

const InstrumentTable& FeedbackTable() {
  static const InstrumentTable table{&Insert, &Find, &Update, &List};
  return table;
}

}  // namespace hearth::sqlite
