// Resilience Assessment results in resilience_assessments (migration 6). The four domain totals of INTERCHANGE.md
// have columns of their own, for reports; every answer is kept in `answers` as a JSON object of item id to value,
// whatever the definition's version.
#include "storage/sqlite/answers_json.hpp"
#include "storage/sqlite/repositories.hpp"

namespace hearth::sqlite {
namespace {
constexpr std::string_view kInsertAssessment =
    "INSERT INTO resilience_assessments (episode_id, person_id, instrument, instrument_version, stage, assessed_on, "
    "environment, adversity, resilience, vulnerability, answers, status, recorded_by, superseded_by, "
    "supersede_reason, version, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 1, ?16, ?16)";
constexpr std::string_view kSelectAssessment =
    "SELECT id, episode_id, person_id, instrument, instrument_version, stage, assessed_on, environment, adversity, "
    "resilience, vulnerability, answers, status, recorded_by, superseded_by, supersede_reason, version "
    "FROM resilience_assessments WHERE id = ?1";
constexpr std::string_view kSelectEpisodeAssessments =
    "SELECT id, episode_id, person_id, instrument, instrument_version, stage, assessed_on, environment, adversity, "
    "resilience, vulnerability, answers, status, recorded_by, superseded_by, supersede_reason, version "
    "FROM resilience_assessments WHERE episode_id = ?1 ORDER BY assessed_on, id";
constexpr std::string_view kUpdateAssessment =
    "UPDATE resilience_assessments SET assessed_on = ?2, environment = ?3, adversity = ?4, resilience = ?5, "
    "vulnerability = ?6, answers = ?7, status = ?8, superseded_by = ?9, supersede_reason = ?10, "
    "version = version + 1, updated_at = ?11 WHERE id = ?1 AND version = ?12";

// The columns of the four domains INTERCHANGE.md reports, in the order of the statements above.
constexpr std::string_view kDomainColumns[] = {"environment", "adversity", "resilience", "vulnerability"};

std::optional<int> TotalOf(const AssessmentResult& r, std::string_view domain) {
  const auto it = r.domain_totals.find(std::string(domain));
  if (it == r.domain_totals.end()) return std::nullopt;
  return it->second;
}

AssessmentResult ReadAssessment(const Statement& st) {
  AssessmentResult r;
  r.id = st.Int(0);
  r.episode_id = st.Int(1);
  r.person_id = st.OptionalInt(2);
  r.instrument = st.Text(3);
  r.instrument_version = static_cast<int>(st.Int(4));
  r.stage = ParseEnum<InstrumentStage>(st.Text(5)).value_or(InstrumentStage::kInitial);
  r.assessed_on = Date::Parse(st.Text(6)).value_or(Date());
  for (int i = 0; i < 4; ++i)
    if (const auto total = st.OptionalInt(7 + i))
      r.domain_totals[std::string(kDomainColumns[i])] = static_cast<int>(*total);
  r.answers = DecodeAnswers(st.OptionalText(11));
  r.status = ParseEnum<ResultStatus>(st.Text(12)).value_or(ResultStatus::kFinal);
  r.recorded_by = st.OptionalInt(13).value_or(0);
  r.superseded_by = st.OptionalInt(14);
  r.supersede_reason = st.Text(15);
  r.version = static_cast<int>(st.Int(16));
  return r;
}
}  // namespace

RecordId SqliteAssessments::Insert(const AssessmentResult& r) {
  auto st = c_.Prepare(kInsertAssessment);
  st.Bind(1, r.episode_id)
      .Bind(2, r.person_id)
      .Bind(3, r.instrument)
      .Bind(4, r.instrument_version)
      .Bind(5, ToString(r.stage))
      .Bind(6, r.assessed_on.ToString());
  for (int i = 0; i < 4; ++i) st.Bind(7 + i, TotalOf(r, kDomainColumns[i]));
  st.Bind(11, EncodeAnswers(r.answers)).Bind(12, ToString(r.status));
  if (r.recorded_by != 0)
    st.Bind(13, r.recorded_by);
  else
    st.BindNull(13);
  st.Bind(14, r.superseded_by).Bind(15, r.supersede_reason).Bind(16, UtcTimestampNow());
  st.Run();
  return c_.LastInsertId();
}

std::optional<AssessmentResult> SqliteAssessments::FindById(RecordId id) {
  auto st = c_.Prepare(kSelectAssessment);
  st.Bind(1, id);
  if (!st.Step()) return std::nullopt;
  return ReadAssessment(st);
}

bool SqliteAssessments::Update(const AssessmentResult& r) {
  auto st = c_.Prepare(kUpdateAssessment);
  st.Bind(1, r.id).Bind(2, r.assessed_on.ToString());
  for (int i = 0; i < 4; ++i) st.Bind(3 + i, TotalOf(r, kDomainColumns[i]));
  st.Bind(7, EncodeAnswers(r.answers))
      .Bind(8, ToString(r.status))
      .Bind(9, r.superseded_by)
      .Bind(10, r.supersede_reason)
      .Bind(11, UtcTimestampNow())
      .Bind(12, r.version);
  st.Run();
  return c_.Changes() == 1;
}

std::vector<AssessmentResult> SqliteAssessments::ListForEpisode(RecordId episode_id) {
  auto st = c_.Prepare(kSelectEpisodeAssessments);
  st.Bind(1, episode_id);
  std::vector<AssessmentResult> out;
  while (st.Step()) out.push_back(ReadAssessment(st));
  return out;
}

}  // namespace hearth::sqlite
