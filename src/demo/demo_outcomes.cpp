#include "demo/demo_outcomes.hpp"

#include <algorithm>

namespace hearth::demo {
namespace {

constexpr std::array kAces{AceType::kParentalSeparation, AceType::kDomesticViolence, AceType::kHouseholdMentalIllness,
                           AceType::kHouseholdSubstanceMisuse, AceType::kEmotionalNeglect, AceType::kHouseholdImprisonment,
                           AceType::kPhysicalNeglect, AceType::kEmotionalAbuse};
constexpr std::array<WeightedValue<Satisfaction>, 5> kSatisfaction{{{Satisfaction::kVeryHappy, 40},
                                                                    {Satisfaction::kHappy, 35},
                                                                    {Satisfaction::kNeither, 12},
                                                                    {Satisfaction::kUnhappy, 8},
                                                                    {Satisfaction::kVeryUnhappy, 5}}};
constexpr std::array<WeightedValue<AuditGrade>, 4> kGrades{{{AuditGrade::kOutstanding, 10},
                                                            {AuditGrade::kGood, 55},
                                                            {AuditGrade::kRequiresImprovement, 28},
                                                            {AuditGrade::kInadequate, 7}}};

// A finished form: every item answered around `level` (1 a strength … 6 a serious concern), scored by the
// definition itself so the stored totals are the ones the pages would work out.
void WriteAssessment(UnitOfWork& uow, DemoRandom& rng, const Instrument& form, const Episode& e,
                     std::optional<RecordId> person, InstrumentStage stage, const Date& on, int level,
                     RecordId recorded_by) {
  AssessmentResult r;
  r.episode_id = e.id;
  r.person_id = person;
  r.instrument = form.id;
  r.instrument_version = form.version;
  r.stage = stage;
  r.assessed_on = on;
  for (const auto& item : form.items) r.answers[item.id] = std::to_string(std::clamp(level + rng.Between(-1, 1), 1, 6));
  auto sheet = ScoreResponses(form, r.answers);
  if (!sheet) return;
  for (const auto& d : sheet->domains)
    if (d.total) r.domain_totals[d.domain] = *d.total;
  r.status = ResultStatus::kFinal;
  r.recorded_by = recorded_by;
  uow.Assessments().Insert(r);
}

void WriteAssessments(UnitOfWork& uow, DemoRandom& rng, const JourneyStaff& staff, const Episode& e,
                      const std::vector<Person>& members, RecordId worker_id) {
  if (!e.assessment_completed_on || !rng.Percent(90)) return;
  const std::optional<Date> evaluation = e.review_started_on ? e.review_started_on : std::optional<Date>();
  // Scores mostly improve (lower is better); about one family in five stays the same or gets worse.
  const int initial = rng.Between(3, 5);
  const int change = rng.Percent(80) ? -rng.Between(1, 2) : rng.Between(0, 1);
  if (staff.resilience) {
    WriteAssessment(uow, rng, *staff.resilience, e, std::nullopt, InstrumentStage::kInitial, *e.assessment_completed_on,
                    initial, e.ea_officer_id);
    if (evaluation)
      WriteAssessment(uow, rng, *staff.resilience, e, std::nullopt, InstrumentStage::kEvaluation, *evaluation,
                      initial + change, worker_id);
  }
  if (!staff.young_person) return;
  for (const auto& p : members) {
    if (p.role != MemberRole::kChild || !p.date_of_birth || p.date_of_birth->AgeOn(*e.assessment_completed_on) < 11)
      continue;
    if (!rng.Percent(70)) continue;
    const int yp_change = rng.Percent(75) ? -1 : rng.Between(0, 1);
    WriteAssessment(uow, rng, *staff.young_person, e, p.id, InstrumentStage::kInitial, *e.assessment_completed_on,
                    initial, e.ea_officer_id);
    if (evaluation)
      WriteAssessment(uow, rng, *staff.young_person, e, p.id, InstrumentStage::kEvaluation, *evaluation,
                      initial + yp_change, worker_id);
    break;  // one young person's form per family keeps the demo's size in check
  }
}

void WriteAces(UnitOfWork& uow, DemoRandom& rng, const Episode& e, const std::vector<Person>& members) {
  if (!e.assessment_completed_on || !rng.Percent(45)) return;
  int children = 0;
  for (const auto& p : members) {
    if (p.role != MemberRole::kChild || ++children > 2) continue;
    const int count = rng.Between(1, 2);
    const std::size_t first = rng.Below(static_cast<std::uint32_t>(kAces.size()));
    for (int i = 0; i < count; ++i) {
      AceEntry a;
      a.episode_id = e.id;
      a.person_id = p.id;
      a.ace = kAces[(first + static_cast<std::size_t>(i)) % kAces.size()];
      a.identified_on = *e.assessment_completed_on;
      if (e.closed_on) a.improved = rng.Percent(e.closure_reason == ClosureReason::kOutcomesMet ? 70 : 30);
      uow.Outcomes().InsertFinalAce(a, e.ea_officer_id);
    }
  }
}

void WriteNeedOutcomes(UnitOfWork& uow, DemoRandom& rng, const Episode& e) {
  if (!e.closed_on) return;
  const int improved_percent = e.closure_reason == ClosureReason::kOutcomesMet ? 92
                               : e.closure_reason == ClosureReason::kSteppedUp ? 15
                                                                               : 40;
  std::map<OutcomeArea, NeedOutcome> outcomes;
  for (const auto& need : uow.Outcomes().ListNeeds(e.id))
    outcomes[need.area] = rng.Percent(improved_percent) ? NeedOutcome::kImproved : NeedOutcome::kNotImproved;
  uow.Outcomes().SetNeedOutcomes(e.id, outcomes);
}

void WriteFeedback(UnitOfWork& uow, DemoRandom& rng, const Episode& e, RecordId worker_id) {
  if (!e.closed_on || !e.intervention_started_on) return;
  const Date on = std::max(*e.intervention_started_on, e.closed_on->AddDays(-rng.Between(0, 5)));
  if (rng.Percent(75)) {
    const Satisfaction s = PickFrom(rng, kSatisfaction);
    const std::string name(ToString(s));
    uow.Outcomes().InsertFinalFeedback(e.id, on, FeedbackForm::kServiceUser, s,
                                       R"({"satisfaction":")" + name + R"(","comments":"Thank you for listening"})",
                                       worker_id);
  }
  if (rng.Percent(55)) {
    const int score = rng.Percent(85) ? rng.Between(4, 5) : rng.Between(2, 3);
    const std::string v = std::to_string(score);
    uow.Outcomes().InsertFinalFeedback(
        e.id, on, FeedbackForm::kRelationship, std::nullopt,
        R"({"listened_to":)" + v + R"(,"respected":)" + v + R"(,"helpful":)" + v +
            R"(,"own_words":"Our worker was there when we needed her"})",
        worker_id);
  }
}

// Every three to four weeks from the opening; about one open family in six has gone without for too long.
void WriteOversight(UnitOfWork& uow, DemoRandom& rng, const JourneyStaff& staff, const Episode& e,
                    RecordId worker_id, const Date& today) {
  if (staff.managers.empty()) return;
  const RecordId manager = staff.managers[static_cast<std::size_t>(e.id) % staff.managers.size()];
  const Date end = e.closed_on.value_or(today);
  const bool lapses = e.IsOpen() && rng.Percent(17);
  const Date stop = lapses ? end.AddDays(-rng.Between(29, 60)) : end;
  for (Date on = e.opened_on.AddDays(rng.Between(14, 27)); on <= stop; on = on.AddDays(rng.Between(18, 27))) {
    OversightEntry o;
    o.episode_id = e.id;
    o.on = on;
    o.manager_id = manager;
    o.worker_id = e.intervention_started_on && on >= *e.intervention_started_on ? worker_id : 0;
    o.considered_plan_effectiveness = rng.Percent(90);
    o.decisions = "Plan discussed in supervision; progress noted";
    o.actions = "Continue with the plan; review at the next supervision";
    uow.Outcomes().InsertFinalOversight(o);
  }
}

// About six weeks after the plan; a quarter of files are not audited yet.
void WriteAudit(UnitOfWork& uow, DemoRandom& rng, const JourneyStaff& staff, const Episode& e, const Date& today) {
  if (staff.auditors.empty() || !e.plan_completed_on || !rng.Percent(75)) return;
  const Date on = e.plan_completed_on->AddDays(rng.Between(35, 55));
  if (on > today || (e.closed_on && on > *e.closed_on)) return;
  AuditEntry a;
  a.episode_id = e.id;
  a.on = on;
  a.auditor_id = staff.auditors[static_cast<std::size_t>(e.id) % staff.auditors.size()];
  a.grade = PickFrom(rng, kGrades);
  a.shared_with_worker = rng.Percent(90);
  a.feedback = "Clear assessment; record the child's own words at every review";
  const Date worker_ack = on.AddDays(rng.Between(2, 10)), manager_ack = on.AddDays(rng.Between(3, 14));
  if (a.shared_with_worker && worker_ack <= today && rng.Percent(75)) a.worker_acknowledged_on = worker_ack;
  if (manager_ack <= today && rng.Percent(65)) a.manager_acknowledged_on = manager_ack;
  uow.Outcomes().InsertFinalAudit(a);
}

}  // namespace

void WriteOutcomes(UnitOfWork& uow, const JourneyStaff& staff, unsigned seed, const Episode& e,
                   const std::vector<Person>& members, RecordId worker_id, const Date& today) {
  DemoRandom rng(seed ^ (static_cast<unsigned>(e.id) * 2654435761u));
  WriteAssessments(uow, rng, staff, e, members, worker_id);
  WriteAces(uow, rng, e, members);
  WriteNeedOutcomes(uow, rng, e);
  WriteFeedback(uow, rng, e, worker_id);
  WriteOversight(uow, rng, staff, e, worker_id, today);
  WriteAudit(uow, rng, staff, e, today);
}

}  // namespace hearth::demo
