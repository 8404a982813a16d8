#include "storage/sqlite/episode_rows.hpp"

namespace hearth::sqlite {

const std::string_view kEpisodeColumns =
    "e.id, e.family_id, e.referral_id, e.opened_on, e.version, "
    "e.stage, e.allocated_assessment_on, e.ea_officer_id, e.assessment_completed_on, e.brokerage_started_on, "
    "e.br_officer_id, e.plan_completed_on, e.panel_on, e.intervention_started_on, e.team_id, e.worker_id, "
    "e.review_started_on, e.closed_on, e.closure_reason, e.closure_summary, e.exit_plan, e.lead_practitioner_id";

const std::string_view kEpisodeStageFieldNames =
    "stage, allocated_assessment_on, ea_officer_id, assessment_completed_on, brokerage_started_on, br_officer_id, "
    "plan_completed_on, panel_on, intervention_started_on, team_id, worker_id, review_started_on, closed_on, "
    "closure_reason, closure_summary, exit_plan";

std::string NumberedParameters(int first, int count) {
  std::string out;
  for (int i = first; i < first + count; ++i) {
    if (!out.empty()) out += ", ";
    out += "?" + std::to_string(i);
  }
  return out;
}

void BindDate(Statement& st, int index, const std::optional<Date>& date) {
  if (date)
    st.Bind(index, date->ToString());
  else
    st.BindNull(index);
}

void BindId(Statement& st, int index, RecordId id) {
  if (id != 0)
    st.Bind(index, id);
  else
    st.BindNull(index);
}

std::optional<Date> ReadDate(const Statement& st, int column) {
  if (auto text = st.OptionalText(column)) return Date::Parse(*text);
  return std::nullopt;
}

Date ReadRequiredDate(const Statement& st, int column) { return Date::Parse(st.Text(column)).value_or(Date{}); }

Episode ReadEpisode(const Statement& st, int first) {
  int c = first;
  Episode e;
  e.id = st.Int(c++);
  e.family_id = st.Int(c++);
  e.referral_id = st.Int(c++);
  e.opened_on = ReadRequiredDate(st, c++);
  e.version = static_cast<int>(st.Int(c++));
  e.stage = ParseEnum<EpisodeStage>(st.Text(c++)).value_or(EpisodeStage::kAwaitingAllocation);
  e.allocated_assessment_on = ReadDate(st, c++);
  e.ea_officer_id = st.Int(c++);  // NULL reads as 0
  e.assessment_completed_on = ReadDate(st, c++);
  e.brokerage_started_on = ReadDate(st, c++);
  e.br_officer_id = st.Int(c++);
  e.plan_completed_on = ReadDate(st, c++);
  e.panel_on = ReadDate(st, c++);
  e.intervention_started_on = ReadDate(st, c++);
  e.team_id = st.Int(c++);
  e.worker_id = st.Int(c++);
  e.review_started_on = ReadDate(st, c++);
  e.closed_on = ReadDate(st, c++);
  if (auto reason = st.OptionalText(c++)) e.closure_reason = ParseEnum<ClosureReason>(*reason);
  e.closure_summary = st.Text(c++);
  e.exit_plan = st.Text(c++);
  e.lead_practitioner_id = st.Int(c++);  // NULL reads as 0
  return e;
}

void BindEpisodeStageFields(Statement& st, const Episode& e, int first) {
  int i = first;
  st.Bind(i++, ToString(e.stage));
  BindDate(st, i++, e.allocated_assessment_on);
  BindId(st, i++, e.ea_officer_id);
  BindDate(st, i++, e.assessment_completed_on);
  BindDate(st, i++, e.brokerage_started_on);
  BindId(st, i++, e.br_officer_id);
  BindDate(st, i++, e.plan_completed_on);
  BindDate(st, i++, e.panel_on);
  BindDate(st, i++, e.intervention_started_on);
  BindId(st, i++, e.team_id);
  BindId(st, i++, e.worker_id);
  BindDate(st, i++, e.review_started_on);
  BindDate(st, i++, e.closed_on);
  if (e.closure_reason)
    st.Bind(i++, ToString(*e.closure_reason));
  else
    st.BindNull(i++);
  st.Bind(i++, e.closure_summary);
  st.Bind(i++, e.exit_plan);
}

}  // namespace hearth::sqlite
