// The whole-family assessment, appraisal requests to partner agencies and the services directory.
#include "common/date.hpp"
#include "domain/service_directory.hpp"
#include "storage/sqlite/casework_rows.hpp"
#include "storage/sqlite/episode_rows.hpp"
#include "storage/sqlite/repositories.hpp"

namespace hearth::sqlite {
namespace {
constexpr std::string_view kSelectAssessment =
    "SELECT strengths, family_wants, version FROM family_assessments WHERE episode_id = ?1";
// A first save that loses the race to a colleague's first save is stale, like any other: DO NOTHING, then false.
constexpr std::string_view kInsertAssessment =
    "INSERT INTO family_assessments (episode_id, strengths, family_wants, version, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, 1, ?4, ?4) ON CONFLICT (episode_id) DO NOTHING";
constexpr std::string_view kUpdateAssessment =
    "UPDATE family_assessments SET strengths = ?2, family_wants = ?3, version = version + 1, updated_at = ?4 "
    "WHERE episode_id = ?1 AND version = ?5";
// A need's outcome at closure (migration 8) outlives edits of the need's wording: needs are updated in place and only
// the areas no longer named are deleted.
constexpr std::string_view kDeleteNeed = "DELETE FROM assessment_needs WHERE episode_id = ?1 AND outcome_area = ?2";
constexpr std::string_view kInsertNeed =
    "INSERT INTO assessment_needs (episode_id, outcome_area, need) VALUES (?1, ?2, ?3) "
    "ON CONFLICT (episode_id, outcome_area) DO UPDATE SET need = excluded.need";
constexpr std::string_view kListNeeds = "SELECT outcome_area, need FROM assessment_needs WHERE episode_id = ?1";

constexpr std::string_view kInsertAppraisal =
    "INSERT INTO appraisals (episode_id, family_id, kind, question, requested_on, due_on, requested_by, "
    "completed_on, recommendations, commitments, answered_by, version, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 1, ?12, ?12)";
constexpr std::string_view kAnswerAppraisal =
    "UPDATE appraisals SET completed_on = ?2, recommendations = ?3, commitments = ?4, answered_by = ?5, "
    "version = version + 1, updated_at = ?6 WHERE id = ?1 AND version = ?7";
constexpr std::string_view kAppraisalColumns =
    "SELECT id, episode_id, family_id, kind, question, requested_on, due_on, COALESCE(requested_by, 0), "
    "completed_on, recommendations, commitments, COALESCE(answered_by, 0), version FROM appraisals ";
const std::string kSelectAppraisal = std::string(kAppraisalColumns) + "WHERE id = ?1";
const std::string kListAppraisals = std::string(kAppraisalColumns) + "WHERE episode_id = ?1 ORDER BY requested_on, id";
const std::string kListAppraisalsForAgency = std::string(kAppraisalColumns) +
                                             "WHERE kind = ?1 ORDER BY completed_on IS NOT NULL, "
                                             "requested_on DESC, id DESC LIMIT ?2 OFFSET ?3";

constexpr std::string_view kListServices = "SELECT id, name, kind, version FROM services ORDER BY name, id";
constexpr std::string_view kSelectService = "SELECT id, name, kind, version FROM services WHERE id = ?1";
constexpr std::string_view kInsertService = "INSERT INTO services (name, kind, name_key) VALUES (?1, ?2, ?3)";
constexpr std::string_view kSelectServiceByKey = "SELECT id, name, kind, version FROM services WHERE name_key = ?1";
constexpr std::string_view kUpdateService =
    "UPDATE services SET name = ?2, kind = ?3, name_key = ?4, version = version + 1 WHERE id = ?1 AND version = ?5";

Appraisal ReadAppraisal(const Statement& st) {
  Appraisal a;
  a.id = st.Int(0);
  a.episode_id = st.Int(1);
  a.family_id = st.Int(2);
  a.kind = ParseEnum<Agency>(st.Text(3)).value_or(Agency::kHealth);
  a.question = st.Text(4);
  a.requested_on = ReadRequiredDate(st, 5);
  a.due_on = ReadRequiredDate(st, 6);
  a.requested_by = st.Int(7);
  a.completed_on = ReadDate(st, 8);
  a.recommendations = st.Text(9);
  a.commitments = st.Text(10);
  a.answered_by = st.Int(11);
  a.version = static_cast<int>(st.Int(12));
  return a;
}

Service ReadService(const Statement& st) { return {st.Int(0), st.Text(1), st.Text(2), static_cast<int>(st.Int(3))}; }
}  // namespace

std::optional<FamilyAssessment> SqliteCasework::FindAssessment(RecordId episode_id) {
  FamilyAssessment a;
  a.episode_id = episode_id;
  {
    auto st = c_.Prepare(kSelectAssessment);
    st.Bind(1, episode_id);
    if (!st.Step()) return std::nullopt;
    a.strengths = st.Text(0);
    a.family_wants = st.Text(1);
    a.version = static_cast<int>(st.Int(2));
  }
  {
    auto st = c_.Prepare(kListNeeds);
    st.Bind(1, episode_id);
    while (st.Step())
      if (auto area = ParseEnum<OutcomeArea>(st.Text(0))) a.needs[*area] = st.Text(1);
  }
  a.child_views = ListChildViews(c_, episode_id, kAssessmentContext);
  return a;
}

bool SqliteCasework::SaveAssessment(const FamilyAssessment& a) {
  const std::string now = UtcTimestampNow();
  if (a.version == 0) {
    c_.Prepare(kInsertAssessment).Bind(1, a.episode_id).Bind(2, a.strengths).Bind(3, a.family_wants).Bind(4, now).Run();
  } else {
    c_.Prepare(kUpdateAssessment)
        .Bind(1, a.episode_id)
        .Bind(2, a.strengths)
        .Bind(3, a.family_wants)
        .Bind(4, now)
        .Bind(5, a.version)
        .Run();
  }
  if (c_.Changes() != 1) return false;
  for (OutcomeArea area : AllValues<OutcomeArea>())
    if (!a.needs.contains(area)) c_.Prepare(kDeleteNeed).Bind(1, a.episode_id).Bind(2, ToString(area)).Run();
  for (const auto& [area, need] : a.needs)
    c_.Prepare(kInsertNeed).Bind(1, a.episode_id).Bind(2, ToString(area)).Bind(3, need).Run();
  ReplaceChildViews(c_, a.episode_id, kAssessmentContext, a.child_views);
  return true;
}

RecordId SqliteCasework::InsertAppraisal(const Appraisal& a) {
  auto st = c_.Prepare(kInsertAppraisal);
  st.Bind(1, a.episode_id)
      .Bind(2, a.family_id)
      .Bind(3, ToString(a.kind))
      .Bind(4, a.question)
      .Bind(5, a.requested_on.ToString())
      .Bind(6, a.due_on.ToString());
  BindId(st, 7, a.requested_by);
  BindDate(st, 8, a.completed_on);
  st.Bind(9, a.recommendations).Bind(10, a.commitments);
  BindId(st, 11, a.answered_by);
  st.Bind(12, UtcTimestampNow());
  st.Run();
  return c_.LastInsertId();
}

std::optional<Appraisal> SqliteCasework::FindAppraisal(RecordId id) {
  auto st = c_.Prepare(kSelectAppraisal);
  st.Bind(1, id);
  if (!st.Step()) return std::nullopt;
  return ReadAppraisal(st);
}

bool SqliteCasework::AnswerAppraisal(const Appraisal& a) {
  auto st = c_.Prepare(kAnswerAppraisal);
  st.Bind(1, a.id);
  BindDate(st, 2, a.completed_on);
  st.Bind(3, a.recommendations).Bind(4, a.commitments);
  BindId(st, 5, a.answered_by);
  st.Bind(6, UtcTimestampNow()).Bind(7, a.version);
  st.Run();
  return c_.Changes() == 1;
}

std::vector<Appraisal> SqliteCasework::ListAppraisals(RecordId episode_id) {
  std::vector<Appraisal> out;
  auto st = c_.Prepare(kListAppraisals);
  st.Bind(1, episode_id);
  while (st.Step()) out.push_back(ReadAppraisal(st));
  return out;
}

std::vector<Appraisal> SqliteCasework::ListAppraisalsForAgency(Agency agency, int offset, int limit) {
  std::vector<Appraisal> out;
  auto st = c_.Prepare(kListAppraisalsForAgency);
  st.Bind(1, ToString(agency)).Bind(2, limit).Bind(3, offset);
  while (st.Step()) out.push_back(ReadAppraisal(st));
  return out;
}

std::vector<Service> SqliteCasework::ListServices() {
  std::vector<Service> out;
  auto st = c_.Prepare(kListServices);
  while (st.Step()) out.push_back(ReadService(st));
  return out;
}

std::optional<Service> SqliteCasework::FindService(RecordId id) {
  auto st = c_.Prepare(kSelectService);
  st.Bind(1, id);
  if (!st.Step()) return std::nullopt;
  return ReadService(st);
}

RecordId SqliteCasework::InsertService(const Service& s) {
  c_.Prepare(kInsertService).Bind(1, s.name).Bind(2, s.kind).Bind(3, ServiceNameKey(s.name)).Run();
  return c_.LastInsertId();
}

bool SqliteCasework::UpdateService(const Service& s) {
  auto st = c_.Prepare(kUpdateService);
  st.Bind(1, s.id).Bind(2, s.name).Bind(3, s.kind).Bind(4, ServiceNameKey(s.name)).Bind(5, s.version);
  st.Run();
  return c_.Changes() == 1;
}

std::optional<Service> SqliteCasework::FindServiceByName(const std::string& name) {
  auto st = c_.Prepare(kSelectServiceByKey);
  st.Bind(1, ServiceNameKey(name));
  if (!st.Step()) return std::nullopt;
  return ReadService(st);
}

}  // namespace hearth::sqlite
