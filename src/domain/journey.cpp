#include "domain/journey.hpp"

#include <array>
#include <utility>

namespace hearth {
namespace {

// The stage dates in INTERCHANGE.md's order, with the field names the API and forms use.
std::array<std::pair<const char*, const std::optional<Date>*>, 7> OrderedDates(const Episode& e) {
  return {{{"allocated_assessment_on", &e.allocated_assessment_on},
           {"assessment_completed_on", &e.assessment_completed_on},
           {"brokerage_started_on", &e.brokerage_started_on},
           {"plan_completed_on", &e.plan_completed_on},
           {"panel_on", &e.panel_on},
           {"intervention_started_on", &e.intervention_started_on},
           {"review_started_on", &e.review_started_on}}};
}

Result<Episode> Checked(Episode e) {
  auto errors = StageDateErrors(e);
  if (!errors.empty()) return Error::Validation(std::move(errors), "stage dates out of order");
  return e;
}

bool In(const Episode& e, EpisodeStage stage) { return e.IsOpen() && e.stage == stage; }

}  // namespace

Error StageOrderError(EpisodeStage actual) {
  return Error::Conflict("stage step out of order", "error.stage_order", {{"stage", "error.stage_is." + std::string(ToString(actual))}});
}

std::vector<FieldError> StageDateErrors(const Episode& e) {
  std::vector<FieldError> errors;
  Date latest = e.opened_on;
  bool gap = false;  // an earlier date is missing
  for (const auto& [field, date] : OrderedDates(e)) {
    if (!date->has_value()) {
      gap = true;
      continue;
    }
    if (gap)
      errors.push_back({field, "error.stage_date_needs_earlier"});
    else if (**date < latest)
      errors.push_back({field, "error.stage_date_before_earlier"});
    else
      latest = **date;
  }
  if (e.closed_on && *e.closed_on < latest) errors.push_back({"closed_on", "error.stage_date_before_earlier"});
  if (e.closed_on.has_value() != e.closure_reason.has_value())
    errors.push_back({"closure_reason", e.closed_on ? "error.choose" : "error.closure_reason_without_date"});
  if (e.allocated_assessment_on && e.ea_officer_id == 0) errors.push_back({"ea_officer_id", "error.choose"});
  if (e.brokerage_started_on && e.br_officer_id == 0) errors.push_back({"br_officer_id", "error.choose"});
  if (e.intervention_started_on && e.team_id == 0) errors.push_back({"team_id", "error.choose"});
  return errors;
}

Result<Episode> AllocateForAssessment(Episode e, RecordId ea_officer_id, const Date& on) {
  if (!In(e, EpisodeStage::kAwaitingAllocation)) return StageOrderError(e.stage);
  e.allocated_assessment_on = on;
  e.ea_officer_id = ea_officer_id;
  e.stage = EpisodeStage::kAssessment;
  return Checked(std::move(e));
}

Result<Episode> CompleteAssessment(Episode e, const Date& on) {
  if (!In(e, EpisodeStage::kAssessment)) return StageOrderError(e.stage);
  e.assessment_completed_on = on;
  e.stage = EpisodeStage::kBrokerage;
  return Checked(std::move(e));
}

Result<Episode> AllocateForBrokerage(Episode e, RecordId br_officer_id, const Date& on) {
  if (!In(e, EpisodeStage::kBrokerage) || e.brokerage_started_on) return StageOrderError(e.stage);
  e.brokerage_started_on = on;
  e.br_officer_id = br_officer_id;
  return Checked(std::move(e));
}

Result<Episode> CompletePlan(Episode e, const Date& on) {
  if (!In(e, EpisodeStage::kBrokerage) || !e.brokerage_started_on) return StageOrderError(e.stage);
  e.plan_completed_on = on;
  e.stage = EpisodeStage::kPanel;
  return Checked(std::move(e));
}

Result<Episode> PanelAllocate(Episode e, const Date& panel_on, RecordId team_id, RecordId worker_id,
                              const Date& start_on) {
  if (!In(e, EpisodeStage::kPanel)) return StageOrderError(e.stage);
  e.panel_on = panel_on;
  e.team_id = team_id;
  e.worker_id = worker_id;
  e.intervention_started_on = start_on;
  e.stage = EpisodeStage::kIntervention;
  return Checked(std::move(e));
}

Result<Episode> PanelSendBack(Episode e, const Date& panel_on) {
  if (!In(e, EpisodeStage::kPanel)) return StageOrderError(e.stage);
  if (e.plan_completed_on && panel_on < *e.plan_completed_on)
    return Error::Validation({{"panel_on", "error.stage_date_before_earlier"}}, "panel before plan");
  e.plan_completed_on.reset();
  e.stage = EpisodeStage::kBrokerage;
  return Checked(std::move(e));
}

Result<Episode> StartReview(Episode e, const Date& on) {
  if (!In(e, EpisodeStage::kIntervention)) return StageOrderError(e.stage);
  e.review_started_on = on;
  e.stage = EpisodeStage::kReview;
  return Checked(std::move(e));
}

Result<Episode> CloseEpisode(Episode e, const Date& on, ClosureReason reason, std::string summary,
                             std::string exit_plan) {
  if (!e.IsOpen()) return StageOrderError(e.stage);
  e.closed_on = on;
  e.closure_reason = reason;
  e.closure_summary = std::move(summary);
  e.exit_plan = std::move(exit_plan);
  e.stage = EpisodeStage::kClosed;
  return Checked(std::move(e));
}

}  // namespace hearth
