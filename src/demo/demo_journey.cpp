#include "demo/demo_journey.hpp"

#include <algorithm>
#include <array>
#include <chrono>

#include "demo/demo_outcomes.hpp"
#include "domain/journey.hpp"

namespace hearth::demo {
namespace {

constexpr std::array kNeeds{"Concerns raised at the referral, explored with the family",
                            "The family describe this as their main worry",
                            "Professionals agree this needs support"};
constexpr std::array kObjectives{"Children attend school every day", "A calmer routine at home",
                                 "The family manage their money with confidence", "A safe and warm home",
                                 "Parents feel able to cope and know where to get help"};
constexpr std::array kActions{"Agree a morning routine together", "Weekly check-in with the school",
                              "Appointment with debt advice", "Parenting course, six sessions",
                              "Register with the family hub", "Housing officer visit"};

// Most steps take `usual` days; a share are late, taking `late` days.
int Days(DemoRandom& rng, std::pair<int, int> usual, std::pair<int, int> late, int late_percent) {
  return rng.Percent(late_percent) ? rng.Between(late.first, late.second) : rng.Between(usual.first, usual.second);
}

std::vector<RecordId> Children(const std::vector<Person>& members) {
  std::vector<RecordId> out;
  for (const auto& p : members)
    if (p.role == MemberRole::kChild) out.push_back(p.id);
  return out;
}

Assignment Assign(RecordId episode, RecordId user, Role role, const Date& from) {
  Assignment a;
  a.episode_id = episode;
  a.user_id = user;
  a.role = role;
  a.from_on = from;
  return a;
}

// Applies a step if its date has come; false (and the episode unchanged) otherwise.
bool Take(Episode& e, const Date& on, const Date& today, const Result<Episode>& next) {
  if (on > today || !next) return false;
  e = *next;
  return true;
}

struct Records {
  std::vector<Appraisal> appraisals;
  bool plan = false;
  std::vector<Contact> contacts;
  std::vector<TafMeeting> tafs;
  std::optional<PlanReview> review;
  std::optional<WorkerChange> change;
  std::optional<StatutoryInvolvement> statutory;
};

// The panel meeting held on `on`, arranged the first time a decision of that date is written.
RecordId PanelMeetingOn(UnitOfWork& uow, JourneyStaff& staff, const Date& on) {
  if (auto found = staff.panel_meetings.find(on); found != staff.panel_meetings.end()) return found->second;
  PanelMeeting meeting;
  meeting.on = on;
  meeting.chair = "Service manager";
  const RecordId id = uow.PanelMeetings().Insert(meeting, 0);
  staff.panel_meetings.emplace(on, id);
  return id;
}

}  // namespace

bool WriteJourney(UnitOfWork& uow, DemoRandom& rng, JourneyStaff& staff, Episode e, const Referral& referral,
                  const std::vector<Person>& members, const Date& today) {
  const RecordId ea = rng.Pick(std::span<const RecordId>(staff.ea_officers));
  const RecordId br = rng.Pick(std::span<const RecordId>(staff.br_officers));
  const Worker worker = rng.Pick(std::span<const Worker>(staff.workers));
  const auto children = Children(members);
  // How this family's time with the service ends, decided up front so that durations follow from it.
  const int fate = rng.Between(1, 100);
  const bool disengages = fate <= 9, steps_up = fate > 9 && fate <= 14, withdraws = fate > 14 && fate <= 16;
  const int leaves_at = rng.Between(1, 4);  // the stage a disengaging or stepped-up family leaves in

  Date d = e.opened_on;
  auto advance = [&](int days) { d = d.AddDays(days); };
  std::optional<ClosureReason> early_end;
  auto ends_here = [&](int stage) {
    if ((disengages || steps_up || withdraws) && leaves_at == stage)
      early_end = disengages ? ClosureReason::kDisengaged
                             : (steps_up ? ClosureReason::kSteppedUp : ClosureReason::kConsentWithdrawn);
    return early_end.has_value();
  };

  Records r;
  bool done = false;
  advance(Days(rng, {0, 3}, {4, 10}, 15));
  done = !Take(e, d, today, AllocateForAssessment(e, ea, d));
  if (!done && !ends_here(1)) {
    advance(Days(rng, {4, 12}, {15, 28}, 18));
    done = !Take(e, d, today, CompleteAssessment(e, d));
  }
  if (!done && !early_end) {
    advance(rng.Between(0, 2));
    done = !Take(e, d, today, AllocateForBrokerage(e, br, d));
    if (!done)
      for (Agency kind : referral.consent.share_with) {
        if (!rng.Percent(60)) continue;
        Appraisal a;
        a.kind = kind;
        a.question = "What does your agency know of the family, and what could it offer?";
        a.requested_on = d;
        a.due_on = d.AddDays(10);
        a.requested_by = br;
        const Date answered = d.AddDays(Days(rng, {2, 9}, {11, 25}, 20));
        if (answered <= today) {
          a.completed_on = answered;
          a.recommendations = "Offer the family our service; share progress at the next meeting";
          a.commitments = "A named practitioner will make contact within two weeks";
        }
        r.appraisals.push_back(std::move(a));
      }
  }
  if (!done && !early_end && !ends_here(2)) {
    r.plan = true;
    advance(Days(rng, {3, 10}, {12, 25}, 15));
    done = !Take(e, d, today, CompletePlan(e, d));
  }
  if (!done && !early_end) {
    advance(rng.Between(1, 7));
    // The panel meets weekly, on Wednesdays: the family goes to the first meeting on or after that day.
    while (std::chrono::weekday(d.Days()) != std::chrono::Wednesday) advance(1);
    const Date panel = d;
    advance(rng.Between(0, 3));
    done = !Take(e, d, today, PanelAllocate(e, panel, worker.team_id, worker.id, d)) || panel > today;
  }
  if (!done && !early_end && !ends_here(3)) {
    const Date start = *e.intervention_started_on;
    const bool taf = rng.Percent(40);
    const int contacts = rng.Between(4, 12);
    for (int i = 0; i < contacts; ++i) {
      Contact c;
      c.on = start.AddDays(rng.Between(1, 80));
      if (c.on > today) continue;
      c.kind = rng.Percent(60) ? ContactKind::kHomeVisit : (rng.Percent(50) ? ContactKind::kPhone : ContactKind::kSchool);
      c.worker_id = worker.id;
      for (RecordId child : children)
        if (rng.Percent(70)) c.children_seen.push_back(child);
      c.note = "Talked through progress on the plan";
      r.contacts.push_back(std::move(c));
    }
    for (Date meeting = start.AddDays(rng.Between(5, 20)); taf && meeting <= today && meeting < start.AddDays(100);) {
      TafMeeting m;
      m.on = meeting;
      m.attendees = "Parent, family worker, school, health visitor";
      m.agencies = {Agency::kEducation, Agency::kHealth};
      m.decisions = "Plan reviewed; actions agreed";
      meeting = meeting.AddDays(Days(rng, {42, 56}, {60, 80}, 15));
      m.next_meeting_on = meeting;
      r.tafs.push_back(std::move(m));
    }
    advance(Days(rng, {35, 42}, {45, 60}, 20));
    if (d <= today && rng.Percent(10)) {
      // Another worker of the same team takes over.
      RecordId next = worker.id;
      for (const Worker& w : staff.workers)
        if (w.team_id == worker.team_id && w.id != worker.id) next = w.id;
      if (next != worker.id) {
        WorkerChange change;
        change.on = start.AddDays(rng.Between(10, 30));
        change.role = Role::kInterventionWorker;
        change.from_user_id = worker.id;
        change.to_user_id = next;
        change.reason = "Worker moved team";
        r.change = change;
        e.worker_id = next;
      }
    }
    PlanReview review;
    review.on = d;
    review.next_steps = "Keep going with the actions still open; plan the ending with the family";
    if (Take(e, d, today, StartReview(e, d)))
      r.review = review;
    else
      done = true;
  }
  if (!done && !early_end) {
    advance(Days(rng, {20, 40}, {45, 70}, 15));
    if (d <= today) early_end = rng.Percent(85) ? ClosureReason::kOutcomesMet : ClosureReason::kMovedAway;
  }
  if (early_end) {
    advance(rng.Between(1, 10));
    if (d <= today) {
      const bool met = *early_end == ClosureReason::kOutcomesMet;
      auto closed = CloseEpisode(e, d, *early_end, met ? "The family met the outcomes of their plan" : "See the chronology",
                                 met ? "Family hub drop-in and the school's breakfast club, introduced in person" : "");
      if (closed) {
        e = *closed;
        if (*early_end == ClosureReason::kSteppedUp) {
          StatutoryInvolvement s;
          s.family_id = e.family_id;
          s.person_id = children.empty() ? 0 : children.front();
          s.kind = rng.Percent(60) ? StatutoryKind::kChildInNeed : StatutoryKind::kChildProtection;
          s.started_on = d;
          r.statutory = s;
        }
      }
    }
  }

  // Write the episode and what was recorded on it.
  const RecordId id = uow.Referrals().InsertEpisode(e);
  auto& episodes = uow.Episodes();
  auto& cw = uow.Casework();
  const std::optional<Date> end = e.closed_on;
  if (e.allocated_assessment_on) {
    Assignment a = Assign(id, ea, Role::kEaOfficer, *e.allocated_assessment_on);
    a.to_on = e.brokerage_started_on ? e.brokerage_started_on : end;
    episodes.InsertAssignment(a);
    FamilyAssessment fa;
    fa.episode_id = id;
    for (OutcomeArea area : referral.reasons) fa.needs[area] = rng.Pick(std::span<const char* const>(kNeeds));
    fa.strengths = "Warm relationships; the family asked for help themselves";
    fa.family_wants = "Things to be calmer at home";
    cw.SaveAssessment(fa);
  }
  if (e.brokerage_started_on) episodes.InsertAssignment([&] {
      Assignment a = Assign(id, br, Role::kBrOfficer, *e.brokerage_started_on);
      a.to_on = end;
      return a;
    }());
  for (auto& a : r.appraisals) {
    a.episode_id = id;
    a.family_id = e.family_id;
    const RecordId appraisal = cw.InsertAppraisal(a);
    if (a.completed_on) {
      a.id = appraisal;
      a.version = 1;
      cw.AnswerAppraisal(a);
    }
  }
  if (r.plan) {
    FamilyPlan plan;
    plan.episode_id = id;
    plan.family_words = "We want things to be calmer and the children to be happy at school";
    plan.agreed_on = e.plan_completed_on.value_or(*e.brokerage_started_on);
    cw.SavePlan(plan);
    const int objectives = rng.Between(1, 2);
    for (int i = 0; i < objectives; ++i) {
      Objective o;
      o.episode_id = id;
      o.outcome = rng.Pick(std::span<const char* const>(kObjectives));
      o.measure = "Agreed with the family at each review";
      o.who = "The family and their worker";
      o.target_on = plan.agreed_on->AddDays(84);
      const RecordId objective = cw.InsertObjective(o);
      const int actions = rng.Between(1, 3);
      for (int j = 0; j < actions; ++j) {
        PlanAction a;
        a.episode_id = id;
        a.objective_id = objective;
        a.description = rng.Pick(std::span<const char* const>(kActions));
        a.service_id = staff.services.empty() || rng.Percent(40) ? 0 : rng.Pick(std::span<const RecordId>(staff.services));
        a.due_on = plan.agreed_on->AddDays(rng.Between(14, 70));
        a.status = !e.IsOpen() ? (rng.Percent(80) ? ActionStatus::kCompleted : ActionStatus::kNotCompleted)
                   : e.intervention_started_on ? (rng.Percent(50) ? ActionStatus::kInProgress : ActionStatus::kCompleted)
                                               : ActionStatus::kNotStarted;
        cw.InsertAction(a);
      }
    }
  }
  if (e.panel_on) {
    PanelDecision p;
    p.episode_id = id;
    p.on = *e.panel_on;
    p.outcome = PanelOutcome::kAllocate;
    p.team_id = e.team_id;
    p.worker_id = worker.id;
    p.meeting_id = PanelMeetingOn(uow, staff, *e.panel_on);
    cw.InsertPanelDecision(p);
  }
  if (e.intervention_started_on) {
    Assignment a = Assign(id, worker.id, Role::kInterventionWorker, *e.intervention_started_on);
    a.to_on = end;
    if (r.change) {
      // The change happens before any closure: it is planned 10–30 days into an intervention of 35 days or more.
      a.to_on = r.change->on;
      a.reason = r.change->reason;
      Assignment b = Assign(id, r.change->to_user_id, Role::kInterventionWorker, r.change->on);
      b.to_on = end;
      episodes.InsertAssignment(b);
      r.change->episode_id = id;
      episodes.InsertWorkerChange(*r.change);
    }
    episodes.InsertAssignment(a);
  }
  for (auto& c : r.contacts) {
    if (end && c.on > *end) continue;
    c.episode_id = id;
    cw.InsertContact(c);
  }
  RecordId lead = 0;
  for (auto& m : r.tafs) {
    if (end && m.on > *end) continue;
    m.episode_id = id;
    // Chosen by the episode's id rather than the random stream, so the rest of the demo is as it was.
    if (!staff.practitioners.empty())
      m.lead_practitioner_id = staff.practitioners[static_cast<std::size_t>(id) % staff.practitioners.size()];
    cw.InsertTafMeeting(m);
    lead = m.lead_practitioner_id;  // the meetings are in date order: the last is the episode's current choice
  }
  if (lead != 0) episodes.SetLeadPractitioner(id, lead);
  if (r.review) {
    r.review->episode_id = id;
    cw.InsertReview(*r.review);
  }
  if (r.statutory) cw.InsertStatutory(*r.statutory);
  e.id = id;
  WriteOutcomes(uow, staff, staff.outcome_seed, e, members, e.worker_id != 0 ? e.worker_id : worker.id, today);
  return !e.IsOpen();
}

}  // namespace hearth::demo
