#include "app/journey_service.hpp"

#include "app/staff.hpp"
#include "domain/casework_rules.hpp"
#include "domain/field_rules.hpp"
#include "domain/journey.hpp"
#include "domain/need_outcome.hpp"

namespace hearth {
namespace {

// The step date: `field` when given (not in the future), else today.
Result<Date> DateOrToday(const Input& in, const std::string& field, const Date& today) {
  if (rules::Trim(in.Get(field)).empty()) return today;
  return StepDate(in, today, field);
}

// A user chosen for a role: enabled and holding one of `roles`; the error names `field`.
Result<User> ChosenUser(UnitOfWork& uow, const Input& in, const std::string& field, std::initializer_list<Role> roles) {
  std::vector<FieldError> errors;
  const RecordId id = rules::IdField(in, field, true, errors);
  if (!errors.empty()) return Error::Validation(std::move(errors));
  auto user = uow.Users().FindById(id);
  bool role_ok = false;
  if (user)
    for (Role r : roles) role_ok = role_ok || user->role == r;
  if (!user || user->disabled || !role_ok) return Error::Validation({{field, "error.worker_not_eligible"}});
  return *user;
}

// An assignment beginning on `from` (the designated-initialiser form trips -Wmissing-field-initializers).
Assignment Starting(RecordId episode_id, RecordId user_id, Role role, const Date& from, std::string reason) {
  Assignment a;
  a.episode_id = episode_id;
  a.user_id = user_id;
  a.role = role;
  a.from_on = from;
  a.reason = std::move(reason);
  return a;
}

// The panel meeting a decision is taken at (meeting_id*): one that has happened. The decision is dated by the
// meeting; a panel_on sent as well (the API's older form) must be that date.
Result<PanelMeeting> DecisionMeeting(UnitOfWork& uow, const Input& in, const Date& today) {
  std::vector<FieldError> errors;
  const RecordId id = rules::IdField(in, "meeting_id", true, errors);
  if (!errors.empty()) return Error::Validation(std::move(errors));
  auto meeting = uow.PanelMeetings().FindById(id);
  if (!meeting) return Error::Validation({{"meeting_id", "error.choice_invalid"}});
  if (!MeetingCanDecide(*meeting, today)) return Error::Validation({{"meeting_id", "error.panel_meeting_not_held"}});
  const std::string panel_on = rules::Trim(in.Get("panel_on"));
  if (!panel_on.empty() && panel_on != meeting->on.ToString())
    return Error::Validation({{"panel_on", "error.panel_on_not_meeting_date"}});
  return *meeting;
}

Result<void> RequireText(const Input& in, const std::string& field, std::size_t max) {
  std::vector<FieldError> errors;
  rules::RequiredText(in, field, max, errors, rules::Lines::kMany);
  if (!errors.empty()) return Error::Validation(std::move(errors));
  return {};
}

}  // namespace

template <class Step>
Result<Episode> JourneyService::Take(const Principal& who, RecordId episode_id, int version, EpisodeNeed need,
                                     std::string_view action, Step&& step) {
  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<Episode> {
    auto uow = db_.BeginWrite();
    auto episode = LoadEpisode(*uow, who, episode_id, need, action, refusal);
    if (!episode) return episode.error();
    if (auto stale = StaleUnless(version, episode->version)) return *stale;
    Result<Episode> changed = step(*uow, *episode);
    if (!changed) return changed.error();
    if (!uow->Episodes().Update(*changed)) return Error::Stale("episode changed during the step");
    Audit(*uow, who, action, {"episode", episode_id, changed->family_id});
    uow->Commit();
    ++changed->version;
    return changed;
  });
}

Result<Episode> JourneyService::AllocateForAssessment(const Principal& who, RecordId id, const Input& in, int version) {
  const Date today = Date::TodayUtc();
  return Take(who, id, version, EpisodeNeed::kAllocate, "allocate_assessment",
              [&](UnitOfWork& uow, const Episode& e) -> Result<Episode> {
                auto on = DateOrToday(in, "on", today);
                if (!on) return on.error();
                auto officer = ChosenUser(uow, in, "ea_officer_id", {Role::kEaOfficer});
                if (!officer) return officer.error();
                auto next = hearth::AllocateForAssessment(e, officer->id, *on);
                if (next)
                  uow.Episodes().InsertAssignment(Starting(id, officer->id, Role::kEaOfficer, *on, "allocated_for_assessment"));
                return next;
              });
}

Result<Episode> JourneyService::CompleteAssessment(const Principal& who, RecordId id, const Input& in, int version) {
  const Date today = Date::TodayUtc();
  return Take(who, id, version, EpisodeNeed::kAct, "complete_assessment",
              [&](UnitOfWork& uow, const Episode& e) -> Result<Episode> {
                auto on = DateOrToday(in, "on", today);
                if (!on) return on.error();
                if (e.stage != EpisodeStage::kAssessment) return StageOrderError(e.stage);
                auto assessment = uow.Casework().FindAssessment(id);
                if (!assessment || (assessment->needs.empty() && assessment->strengths.empty()))
                  return Error::Validation({{"assessment", "error.assessment_empty"}}, "empty assessment");
                return hearth::CompleteAssessment(e, *on);
              });
}

Result<Episode> JourneyService::AllocateForBrokerage(const Principal& who, RecordId id, const Input& in, int version) {
  const Date today = Date::TodayUtc();
  return Take(who, id, version, EpisodeNeed::kAllocate, "allocate_brokerage",
              [&](UnitOfWork& uow, const Episode& e) -> Result<Episode> {
                auto on = DateOrToday(in, "on", today);
                if (!on) return on.error();
                auto officer = ChosenUser(uow, in, "br_officer_id", {Role::kBrOfficer});
                if (!officer) return officer.error();
                auto next = hearth::AllocateForBrokerage(e, officer->id, *on);
                if (next) {
                  uow.Episodes().EndAssignments(id, Role::kEaOfficer, *on, "handed_to_brokerage");
                  uow.Episodes().InsertAssignment(Starting(id, officer->id, Role::kBrOfficer, *on, "allocated_for_brokerage"));
                }
                return next;
              });
}

Result<Episode> JourneyService::CompletePlan(const Principal& who, RecordId id, const Input& in, int version) {
  const Date today = Date::TodayUtc();
  return Take(who, id, version, EpisodeNeed::kAct, "complete_plan",
              [&](UnitOfWork& uow, const Episode& e) -> Result<Episode> {
                auto on = DateOrToday(in, "on", today);
                if (!on) return on.error();
                if (e.stage != EpisodeStage::kBrokerage || !e.brokerage_started_on) return StageOrderError(e.stage);
                auto plan = uow.Casework().FindPlan(id);
                std::vector<FieldError> errors;
                if (!plan || !plan->agreed_on) errors.push_back({"agreed_on", "error.plan_not_agreed"});
                if (!plan || plan->objectives.empty()) errors.push_back({"objectives", "error.plan_needs_objective"});
                if (plan)
                  for (const auto& o : plan->objectives)
                    if (o.actions.empty()) {
                      errors.push_back({"objectives", "error.objective_needs_action"});
                      break;
                    }
                if (plan && plan->agreed_on && *plan->agreed_on > *on)
                  errors.push_back({"on", "error.plan_completed_before_agreed"});
                if (!errors.empty()) return Error::Validation(std::move(errors), "plan incomplete");
                return hearth::CompletePlan(e, *on);
              });
}

Result<Episode> JourneyService::PanelDecide(const Principal& who, RecordId id, const Input& in, int version) {
  const Date today = Date::TodayUtc();
  return Take(who, id, version, EpisodeNeed::kAllocate, "panel_decision",
              [&](UnitOfWork& uow, const Episode& e) -> Result<Episode> {
                std::vector<FieldError> errors;
                auto outcome = rules::EnumField<PanelOutcome>(in, "outcome", true, errors);
                if (!errors.empty()) return Error::Validation(std::move(errors));
                auto meeting = DecisionMeeting(uow, in, today);
                if (!meeting) return meeting.error();
                const Date* panel_on = &meeting->on;
                PanelDecision decision;
                decision.episode_id = id;
                decision.meeting_id = meeting->id;
                decision.on = *panel_on;
                decision.outcome = *outcome;
                Result<Episode> next = e;
                if (*outcome == PanelOutcome::kSendBack) {
                  if (auto r = RequireText(in, "reasons", rules::kTextMax); !r) return r.error();
                  decision.reasons = rules::Trim(in.Get("reasons"));
                  next = PanelSendBack(e, *panel_on);
                } else {
                  const RecordId team_id = rules::IdField(in, "team_id", true, errors);
                  if (!errors.empty()) return Error::Validation(std::move(errors));
                  bool team_known = false;
                  for (const auto& t : uow.Users().ListTeams()) team_known = team_known || t.id == team_id;
                  if (!team_known) return Error::Validation({{"team_id", "error.choice_invalid"}});
                  auto worker = ChosenUser(uow, in, "worker_id", {Role::kInterventionWorker, Role::kFamilyAide});
                  if (!worker) return worker.error();
                  if (worker->team_id != team_id) return Error::Validation({{"worker_id", "error.worker_not_in_team"}});
                  auto start = rules::Trim(in.Get("intervention_started_on")).empty()
                                   ? Result<Date>(*panel_on)
                                   : StepDate(in, today, "intervention_started_on");
                  if (!start) return start.error();
                  decision.team_id = team_id;
                  decision.worker_id = worker->id;
                  next = PanelAllocate(e, *panel_on, team_id, worker->id, *start);
                  if (next)
                    uow.Episodes().InsertAssignment(Starting(id, worker->id, worker->role, *start, "allocated_by_panel"));
                }
                if (next) uow.Casework().InsertPanelDecision(decision);
                return next;
              });
}

Result<Episode> JourneyService::ChangeWorker(const Principal& who, RecordId id, const Input& in, int version) {
  const Date today = Date::TodayUtc();
  const EpisodeNeed need = who.Can(Capability::kAllocateCases) ? EpisodeNeed::kAllocate : EpisodeNeed::kAct;
  return Take(who, id, version, need, "change_worker", [&](UnitOfWork& uow, const Episode& e) -> Result<Episode> {
    if (!e.IsOpen() || (e.stage != EpisodeStage::kIntervention && e.stage != EpisodeStage::kReview))
      return StageOrderError(e.stage);
    auto on = DateOrToday(in, "on", today);
    if (!on) return on.error();
    if (e.intervention_started_on && *on < *e.intervention_started_on)
      return Error::Validation({{"on", "error.stage_date_before_earlier"}});
    auto worker = ChosenUser(uow, in, "worker_id", {Role::kInterventionWorker, Role::kFamilyAide});
    if (!worker) return worker.error();
    if (worker->id == e.worker_id) return Error::Validation({{"worker_id", "error.worker_unchanged"}});
    if (auto r = RequireText(in, "reason", rules::kLineMax); !r) return r.error();
    const std::string reason = rules::Trim(in.Get("reason"));
    uow.Episodes().EndAssignments(id, Role::kInterventionWorker, *on, reason);
    uow.Episodes().EndAssignments(id, Role::kFamilyAide, *on, reason);
    uow.Episodes().InsertAssignment(Starting(id, worker->id, worker->role, *on, reason));
    WorkerChange change;
    change.episode_id = id;
    change.from_user_id = e.worker_id;
    change.to_user_id = worker->id;
    change.role = worker->role;
    change.on = *on;
    change.reason = reason;
    uow.Episodes().InsertWorkerChange(change);
    Episode next = e;
    next.worker_id = worker->id;
    return next;
  });
}

Result<Episode> JourneyService::StartReview(const Principal& who, RecordId id, const Input& in, int version) {
  const Date today = Date::TodayUtc();
  return Take(who, id, version, EpisodeNeed::kAct, "start_review",
              [&](UnitOfWork& uow, const Episode& e) -> Result<Episode> {
                auto on = DateOrToday(in, "on", today);
                if (!on) return on.error();
                Input review_fields = in;
                if (rules::Trim(in.Get("on")).empty()) review_fields.Add("on", on->ToString());
                auto review = PlanReviewFromInput(review_fields, today);
                if (!review) return review.error();
                auto next = hearth::StartReview(e, *on);
                if (next) {
                  review->episode_id = id;
                  uow.Casework().InsertReview(*review);
                }
                return next;
              });
}

Result<Episode> JourneyService::Close(const Principal& who, RecordId id, const Input& in, int version) {
  const Date today = Date::TodayUtc();
  return Take(who, id, version, EpisodeNeed::kAct, "close", [&](UnitOfWork& uow, const Episode& e) -> Result<Episode> {
    std::vector<FieldError> errors;
    auto on = DateOrToday(in, "on", today);
    if (!on) return on.error();
    auto reason = rules::EnumField<ClosureReason>(in, "closure_reason", true, errors);
    std::string summary = rules::RequiredText(in, "closure_summary", rules::kTextMax, errors, rules::Lines::kMany);
    std::string exit_plan = reason == ClosureReason::kOutcomesMet
                                ? rules::RequiredText(in, "exit_plan", rules::kTextMax, errors, rules::Lines::kMany)
                                : rules::OptionalText(in, "exit_plan", rules::kTextMax, errors, rules::Lines::kMany);
    std::optional<StatutoryInvolvement> statutory;
    if (reason == ClosureReason::kSteppedUp) {
      Input s;
      for (const char* f : {"kind", "person_id", "started_on"})
        s.Add(f, in.Get(std::string("statutory_") + f));
      auto parsed = StatutoryFromInput(s, today);
      if (parsed) {
        statutory = *parsed;
      } else {
        for (auto f : parsed.error().fields) errors.push_back({"statutory_" + f.field, f.message_key});
      }
    }
    // Each need identified at assessment gets its outcome now: the Supporting Families claim reads them.
    // A closed episode is refused below as a step out of order (409), not for want of answers.
    const auto needs = e.IsOpen() ? uow.Outcomes().ListNeeds(id) : std::vector<NeedRecord>{};
    const auto outcomes = NeedOutcomesFromInput(in, needs, errors);
    if (!errors.empty()) return Error::Validation(std::move(errors));
    if (statutory && statutory->person_id != 0) {
      auto person = uow.People().FindById(statutory->person_id);
      if (!person || person->family_id != e.family_id)
        return Error::Validation({{"statutory_person_id", "error.choice_invalid"}});
    }
    auto next = CloseEpisode(e, *on, *reason, std::move(summary), std::move(exit_plan));
    if (!next) return next;
    uow.Episodes().EndAssignments(id, std::nullopt, *on, "episode_closed");
    uow.Outcomes().SetNeedOutcomes(id, outcomes);
    if (statutory) {
      statutory->family_id = e.family_id;
      uow.Casework().InsertStatutory(*statutory);
    }
    return next;
  });
}

Result<std::vector<Episode>> JourneyService::PanelList(const Principal& who) {
  if (!who.Can(Capability::kAllocateCases)) {
    AuditSeparately(db_, sink_, who, "view", {"panel", 0, 0}, "denied");
    return Error::Forbidden("panel list");
  }
  std::vector<Episode> out;
  {
    auto uow = db_.BeginRead();
    out = uow->Episodes().ListInStage(EpisodeStage::kPanel, 0, 500);
  }
  AuditSeparately(db_, sink_, who, "view", {"panel", 0, 0}, "ok");
  return out;
}

Result<std::vector<User>> JourneyService::Workers(const Principal& who, std::optional<Role> role) {
  if (!who.Can(Capability::kAllocateCases) && !who.Can(Capability::kWorkOnCases)) return Error::Forbidden("workers");
  auto uow = db_.BeginRead();
  return EnabledStaff(uow->Users(), [&](const User& u) {
    const bool allocatable = u.role == Role::kEaOfficer || u.role == Role::kBrOfficer ||
                             u.role == Role::kInterventionWorker || u.role == Role::kFamilyAide;
    return allocatable && (!role || u.role == *role);
  });
}

Result<std::vector<Team>> JourneyService::Teams(const Principal& who) {
  if (!who.Can(Capability::kViewFamilies)) return Error::Forbidden("teams");
  auto uow = db_.BeginRead();
  return uow->Users().ListTeams();
}

}  // namespace hearth
