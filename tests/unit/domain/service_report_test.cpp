// Hand-computed fixtures for every figure of METRICS.md. Each test builds a small history for one section; the
// expected values were worked out on paper from METRICS.md's text (working days counted on a calendar, with
// GOV.UK's published bank holidays), and are written in the comments beside them.
#include "domain/service_report.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/service_report_json.hpp"
#include "unit/support/history_keys.hpp"
#include "unit/support/json_near.hpp"

namespace hearth {
namespace {
namespace json = boost::json;

Date D(const char* text) {
  auto d = Date::Parse(text);
  if (!d) ADD_FAILURE() << "bad test date " << text;
  return d.value_or(Date());
}

EpisodeFacts Episode(const char* id, const char* family, const char* received, const char* opened = nullptr) {
  EpisodeFacts e;
  e.id = id;
  e.family = test::Key(family);
  e.received_on = D(received);
  e.opened_on = D(opened ? opened : received);
  return e;
}

EpisodeIndex Add(ServiceHistory& h, EpisodeFacts e) {
  h.episodes.push_back(std::move(e));
  return static_cast<EpisodeIndex>(h.episodes.size() - 1);
}

const WorkingCalendar& Calendar() {
  static const WorkingCalendar calendar;
  return calendar;
}

json::object Report(const ServiceHistory& h, const char* from, const char* to) {
  return ServiceReportJson(ComputeServiceReport(h, D(from), D(to), Calendar()));
}

void ExpectSection(const ServiceHistory& h, const char* from, const char* to, const char* section,
                   const char* expected) {
  const json::object report = Report(h, from, to);
  ASSERT_TRUE(report.contains(section)) << section;
  const std::string difference = testing::JsonDifference(report.at(section), json::parse(expected), section);
  EXPECT_EQ(difference, "");
}

TEST(ServiceReport, EmptyPeriodHasEveryKeyWithZerosAndNulls) {
  const ServiceHistory empty;
  const json::object r = Report(empty, "2024-01-15", "2024-03-10");
  const json::value expected = json::parse(R"({
    "period": {"from": "2024-01-15", "to": "2024-03-10", "months": 3},
    "referrals": {"received": 0, "by_month": {"2024-01": 0, "2024-02": 0, "2024-03": 0}, "average_per_month": 0,
                  "step_downs": 0},
    "open": {"total": 0, "by_stage": {"awaiting_allocation": null, "assessment_or_brokerage": null,
                                      "intervention": null, "review": null}},
    "assessment": {"allocated": 0, "completed": 0, "completed_rate": null, "average_days_to_allocation": null,
                   "allocated_by_week": {"0": 0, "1": 0, "2": 0, "3": 0, "4+": 0},
                   "average_per_officer_month": null, "within_timescale_rate": null},
    "plans": {"allocated": 0, "completed": 0, "completed_rate": null,
              "by_month": {"2024-01": 0, "2024-02": 0, "2024-03": 0}, "average_per_officer_month": null,
              "within_timescale_rate": null, "average_days_brokerage_to_panel": null, "services": {},
              "services_count": 0},
    "appraisals": {
      "requested_by_month": {
        "2024-01": {"health": 0, "housing": 0, "education": 0, "financial_inclusion": 0, "parenting": 0,
                    "young_person": 0},
        "2024-02": {"health": 0, "housing": 0, "education": 0, "financial_inclusion": 0, "parenting": 0,
                    "young_person": 0},
        "2024-03": {"health": 0, "housing": 0, "education": 0, "financial_inclusion": 0, "parenting": 0,
                    "young_person": 0}},
      "average_working_days_to_complete": {"health": null, "housing": null, "education": null,
                                           "financial_inclusion": null, "parenting": null, "young_person": null}},
    "panel": {"average_days_plan_to_panel": null, "average_days_panel_to_intervention": null},
    "intervention": {"episodes_by_team": {}, "average_contacts_by_team": {}},
    "review": {"plans_reviewed": 0, "average_days_open_to_review": null, "within_timescale_rate": null,
               "actions_total": 0, "actions_by_status": {"not_started": 0, "in_progress": 0, "completed": 0,
                                                         "not_completed": 0, "no_longer_required": 0}},
    "closure": {"closed": 0, "by_reason": {"outcomes_met": 0, "disengaged": 0, "consent_withdrawn": 0,
                                           "stepped_up": 0, "moved_away": 0, "other": 0},
                "not_completing": 0, "not_completing_rate": null, "within_max_duration_rate": null, "step_ups": 0},
    "aces": {"identified_by_type": {"physical_abuse": 0, "sexual_abuse": 0, "emotional_abuse": 0,
                                    "physical_neglect": 0, "emotional_neglect": 0, "domestic_violence": 0,
                                    "household_substance_misuse": 0, "household_mental_illness": 0,
                                    "parental_separation": 0, "household_imprisonment": 0},
             "improved_rate": null},
    "resilience": {"pairs": 0,
      "average_initial": {"environment": null, "adversity": null, "resilience": null, "vulnerability": null,
                          "total": null},
      "average_evaluation": {"environment": null, "adversity": null, "resilience": null, "vulnerability": null,
                             "total": null},
      "average_change": {"environment": null, "adversity": null, "resilience": null, "vulnerability": null,
                         "total": null},
      "improved_rate": null},
    "feedback": {"service_user_satisfaction": {"very_happy": 0, "happy": 0, "neither": 0, "unhappy": 0,
                                               "very_unhappy": 0}},
    "returning_families": {"by_month": {"2024-01": {"cohort": 0, "stayed_free": 0, "rate": null},
                                        "2024-02": {"cohort": 0, "stayed_free": 0, "rate": null},
                                        "2024-03": {"cohort": 0, "stayed_free": 0, "rate": null}}},
    "oversight": {"records": 0, "open_with_recent_oversight_rate": null,
                  "considered_plan_effectiveness_rate": null},
    "audits": {"completed": 0, "by_grade": {"outstanding": 0, "good": 0, "requires_improvement": 0,
                                            "inadequate": 0},
               "shared_with_worker_rate": null},
    "continuity": {"episodes": 0, "average_workers_per_episode": null, "single_worker_rate": null}
  })");
  EXPECT_EQ(testing::JsonDifference(r, expected), "");
}

TEST(ServiceReport, ReferralsCountInclusivePeriodAcrossAYearBoundary) {
  ServiceHistory h;
  for (const char* on : {"2023-11-19", "2023-11-20", "2023-12-31", "2024-02-04"})
    h.referrals.push_back({D(on), ReferralSource::kSchool});
  h.referrals.push_back({D("2024-02-03"), ReferralSource::kChildrenSocialCare});
  // In P: 11-20, 12-31, 02-03 (a step-down). Four months, so 3 / 4 a month.
  ExpectSection(h, "2023-11-20", "2024-02-03", "referrals", R"({"received": 3,
      "by_month": {"2023-11": 1, "2023-12": 1, "2024-01": 0, "2024-02": 1},
      "average_per_month": 0.75, "step_downs": 1})");
  EXPECT_EQ(Report(h, "2023-11-20", "2024-02-03").at("period").at("months"), 4);
}

TEST(ServiceReport, OpenEpisodesTakeTheStageReachedByAsOf) {
  ServiceHistory h;
  Add(h, Episode("later", "f", "2024-04-01"));  // opened after as_of: not open
  auto closed = Episode("closed", "f", "2024-01-01");
  closed.closed_on = D("2024-03-31");  // closed on as_of: not open
  Add(h, closed);
  auto closes_later = Episode("closes_later", "f", "2024-01-01");
  closes_later.allocated_assessment_on = D("2024-04-01");
  closes_later.closed_on = D("2024-04-01");  // open at as_of, not yet allocated: awaiting
  Add(h, closes_later);
  auto allocated = Episode("allocated", "f", "2024-01-01");
  allocated.allocated_assessment_on = D("2024-03-31");
  Add(h, allocated);  // assessment_or_brokerage
  auto panelled = Episode("panelled", "f", "2024-01-01");
  panelled.allocated_assessment_on = D("2024-01-02");
  panelled.panel_on = D("2024-03-01");
  panelled.intervention_started_on = D("2024-04-02");
  Add(h, panelled);  // still assessment_or_brokerage at as_of
  auto intervening = Episode("intervening", "f", "2024-01-01");
  intervening.allocated_assessment_on = D("2024-01-02");
  intervening.intervention_started_on = D("2024-03-31");
  Add(h, intervening);
  auto reviewing = Episode("reviewing", "f", "2024-01-01");
  reviewing.allocated_assessment_on = D("2024-01-02");
  reviewing.intervention_started_on = D("2024-02-01");
  reviewing.review_started_on = D("2024-03-30");
  Add(h, reviewing);
  Add(h, Episode("new", "f", "2024-03-31"));  // awaiting
  // Open: closes_later, allocated, panelled, intervening, reviewing, new = 6.
  ExpectSection(h, "2024-03-01", "2024-03-31", "open", R"({"total": 6, "by_stage": {
      "awaiting_allocation": 0.3333333333333333, "assessment_or_brokerage": 0.3333333333333333,
      "intervention": 0.16666666666666666, "review": 0.16666666666666666}})");
}

EpisodeFacts Allocated(const char* id, const char* received, const char* allocated, const char* officer,
                       const char* completed = nullptr) {
  EpisodeFacts e = Episode(id, id, received);
  e.allocated_assessment_on = D(allocated);
  e.ea_officer = test::Key(officer);
  if (completed) e.assessment_completed_on = D(completed);
  return e;
}

TEST(ServiceReport, AssessmentFiguresAndTheTenWorkingDayTimescaleOverEaster) {
  ServiceHistory h;
  // 2024-02-23 (Fri) + 10 working days = 03-08: on time.
  Add(h, Allocated("a1", "2024-02-23", "2024-03-01", "w1", "2024-03-08"));  // 7 days: week 1
  // 2024-03-01 (Fri) + 10 = 03-15: 03-18 is late.
  Add(h, Allocated("a2", "2024-03-01", "2024-03-07", "w1", "2024-03-18"));  // 6 days: week 0
  // Thursday before Good Friday: 03-28 + 10 skips 29 Mar and 1 Apr 2024 = 04-15.
  Add(h, Allocated("a3", "2024-03-28", "2024-04-04", "w2", "2024-04-15"));  // 7 days: week 1, on time
  Add(h, Allocated("a4", "2024-03-28", "2024-04-01", "w2", "2024-04-16"));  // 4 days: week 0, late
  Add(h, Allocated("a5", "2024-03-05", "2024-04-01", "w1", "2024-05-01"));  // 27 days: week 3; done after as_of
  Add(h, Allocated("a6", "2024-03-03", "2024-03-31", "w1"));                // 28 days: 4+
  // Allocated before P, completed in P: counts for the timescale only. 01-10 + 10 = 01-24: late.
  Add(h, Allocated("a7", "2024-01-10", "2024-02-29", "w3", "2024-03-01"));
  Add(h, Allocated("a8", "2024-02-10", "2024-02-20", "w3"));
  // A = a1..a6; completed a1..a4; days 7+6+7+4+27+28 = 79; groups (w1,03) (w2,04) (w1,04): 6 / 3;
  // timescale over a1 a2 a3 a4 a7: 2 of 5.
  ExpectSection(h, "2024-03-01", "2024-04-30", "assessment", R"({"allocated": 6, "completed": 4,
      "completed_rate": 0.6666666666666666, "average_days_to_allocation": 13.166666666666666,
      "allocated_by_week": {"0": 2, "1": 2, "2": 0, "3": 1, "4+": 1},
      "average_per_officer_month": 2.0, "within_timescale_rate": 0.4})");
}

EpisodeFacts Planned(const char* id, const char* received, const char* brokerage, const char* officer) {
  EpisodeFacts e = Episode(id, id, received);
  e.allocated_assessment_on = D(received);
  e.assessment_completed_on = D(received);
  e.brokerage_started_on = D(brokerage);
  e.br_officer = test::Key(officer);
  return e;
}

TEST(ServiceReport, PlanFiguresAndTheFifteenWorkingDayTimescaleOverAChristmasOnSaturday) {
  ServiceHistory h;
  // 25 Dec 2021 is a Saturday: holidays Mon 27 and Tue 28 Dec, and Mon 3 Jan 2022 for New Year's Day.
  // 2021-12-17 (Fri) + 15 working days = 2022-01-12.
  auto p1 = Planned("p1", "2021-12-17", "2022-01-05", "b1");
  p1.plan_completed_on = D("2022-01-12");  // on time
  p1.panel_on = D("2022-01-19");
  p1.intervention_started_on = D("2022-01-24");
  p1.team = "t1";
  const auto i1 = Add(h, p1);
  auto p2 = Planned("p2", "2021-12-17", "2022-01-06", "b1");
  p2.plan_completed_on = D("2022-01-13");  // a day late
  p2.panel_on = D("2022-02-02");
  const auto i2 = Add(h, p2);
  auto p3 = Planned("p3", "2021-11-01", "2021-12-20", "b2");
  p3.plan_completed_on = D("2022-02-01");  // due 2021-11-22: late
  const auto i3 = Add(h, p3);
  auto p4 = Planned("p4", "2022-01-10", "2022-02-20", "b2");
  p4.plan_completed_on = D("2022-03-01");  // after as_of
  const auto i4 = Add(h, p4);
  auto p5 = Planned("p5", "2021-10-01", "2021-11-01", "b3");
  p5.plan_completed_on = D("2021-12-01");
  p5.panel_on = D("2022-01-05");
  const auto i5 = Add(h, p5);
  const auto s1 = test::ServiceOf(h, "s1"), s2 = test::ServiceOf(h, "s2"), s3 = test::ServiceOf(h, "s3");
  h.actions = {{i1, s1, ActionStatus::kCompleted},         {i1, s2, ActionStatus::kInProgress},
               {i1, kNoService, ActionStatus::kCompleted}, {i2, s1, ActionStatus::kNotStarted},
               {i3, kNoService, ActionStatus::kNotStarted}, {i4, s3, ActionStatus::kNotStarted},
               {i5, s3, ActionStatus::kCompleted}};
  // B = p1 p2 p4 (completed p1 p2); C = p1 p2 (Jan) p3 (Feb); groups (b1,Jan) (b2,Feb): 3 / 2;
  // brokerage to panel over panels in P: 14 (p1), 27 (p2), 65 (p5) = 106 / 3.
  ExpectSection(h, "2022-01-01", "2022-02-28", "plans", R"({"allocated": 3, "completed": 2,
      "completed_rate": 0.6666666666666666, "by_month": {"2022-01": 2, "2022-02": 1},
      "average_per_officer_month": 1.5, "within_timescale_rate": 0.3333333333333333,
      "average_days_brokerage_to_panel": 35.333333333333336, "services": {"s1": 2, "s2": 1}, "services_count": 2})");
  // Plan to panel: 7 (p1), 20 (p2), 35 (p5) = 62 / 3; panel to intervention: 5 (p1).
  ExpectSection(h, "2022-01-01", "2022-02-28", "panel", R"({"average_days_plan_to_panel": 20.666666666666668,
      "average_days_panel_to_intervention": 5.0})");
}

TEST(ServiceReport, AppraisalsCountRequestsByMonthAndKindAndAverageWorkingDays) {
  ServiceHistory h;
  h.appraisals = {
      {Agency::kHealth, D("2021-12-23"), D("2022-01-04")},  // Dec 24, 29, 30, 31, Jan 4: 5 working days
      {Agency::kHealth, D("2021-11-30"), D("2021-12-01")},  // requested before P; 1 working day
      {Agency::kHousing, D("2022-01-31"), D("2022-02-01")}, // completed after P
      {Agency::kHousing, D("2021-12-01"), std::nullopt},
      {Agency::kEducation, D("2022-01-07"), D("2022-01-10")},  // Fri to Mon: 1
      {Agency::kHealth, D("2021-12-05"), D("2021-12-05")},     // same day: 0
  };
  ExpectSection(h, "2021-12-01", "2022-01-31", "appraisals", R"({
      "requested_by_month": {
        "2021-12": {"health": 2, "housing": 1, "education": 0, "financial_inclusion": 0, "parenting": 0,
                    "young_person": 0},
        "2022-01": {"health": 0, "housing": 1, "education": 1, "financial_inclusion": 0, "parenting": 0,
                    "young_person": 0}},
      "average_working_days_to_complete": {"health": 2.0, "housing": null, "education": 1.0,
                                           "financial_inclusion": null, "parenting": null, "young_person": null}})");
}

EpisodeFacts Intervening(const char* id, const char* started, const char* team) {
  EpisodeFacts e = Episode(id, id, "2022-01-01");
  e.intervention_started_on = D(started);
  e.team = team;
  return e;
}

TEST(ServiceReport, InterventionCountsEpisodesActiveInThePeriodByTeamOnly) {
  ServiceHistory h;
  auto i1 = Intervening("i1", "2023-02-01", "t1");
  i1.closed_on = D("2023-03-01");  // closed on FROM: still in I
  const auto e1 = Add(h, i1);
  const auto e2 = Add(h, Intervening("i2", "2023-03-31", "t1"));
  auto i3 = Intervening("i3", "2023-01-01", "t2");
  i3.closed_on = D("2023-02-28");  // closed before FROM
  const auto e3 = Add(h, i3);
  Add(h, Intervening("i4", "2023-04-01", "t3"));  // starts after TO: t3 absent
  Add(h, Intervening("i5", "2022-12-01", "t2"));
  h.contacts = {{e1, D("2023-02-28")}, {e1, D("2023-03-01")}, {e1, D("2023-03-15")},
                {e2, D("2023-03-31")}, {e2, D("2023-04-01")}, {e3, D("2023-03-10")}};
  ExpectSection(h, "2023-03-01", "2023-03-31", "intervention", R"({"episodes_by_team": {"t1": 2, "t2": 1},
      "average_contacts_by_team": {"t1": 1.5, "t2": 0.0}})");
}

TEST(ServiceReport, ReviewFiguresWithTheSixWeekTarget) {
  ServiceHistory h;
  auto v1 = Intervening("v1", "2023-04-20", "t");
  v1.opened_on = D("2023-03-01");
  v1.review_started_on = D("2023-06-01");  // exactly 42 days after: on time; 92 days open
  const auto e1 = Add(h, v1);
  auto v2 = Intervening("v2", "2023-05-01", "t");
  v2.opened_on = D("2023-04-01");
  v2.review_started_on = D("2023-06-13");  // 43 days: late; 73 days open
  const auto e2 = Add(h, v2);
  auto v3 = Intervening("v3", "2023-05-01", "t");
  v3.review_started_on = D("2023-07-01");
  const auto e3 = Add(h, v3);
  h.actions = {{e1, kNoService, ActionStatus::kCompleted}, {e1, test::ServiceOf(h, "s"), ActionStatus::kInProgress},
               {e1, kNoService, ActionStatus::kCompleted}, {e2, kNoService, ActionStatus::kNoLongerRequired},
               {e3, kNoService, ActionStatus::kNotStarted}};
  ExpectSection(h, "2023-06-01", "2023-06-30", "review", R"({"plans_reviewed": 2,
      "average_days_open_to_review": 82.5, "within_timescale_rate": 0.5, "actions_total": 4,
      "actions_by_status": {"not_started": 0, "in_progress": 1, "completed": 2, "not_completed": 0,
                            "no_longer_required": 1}})");
}

EpisodeFacts Closed(const char* id, const char* started, const char* closed, ClosureReason reason) {
  EpisodeFacts e = Episode(id, id, "2022-12-01");
  if (started) {
    e.intervention_started_on = D(started);
    e.team = "t";
  }
  e.closed_on = D(closed);
  e.closure_reason = reason;
  return e;
}

// Episodes closed in 2023 (and one just after), shared by the closure, ACE, resilience and continuity tests.
struct ClosedHistory {
  ServiceHistory h;
  EpisodeIndex k1, k2, k3, k4, k5, k6;
  ClosedHistory() {
    k1 = Add(h, Closed("k1", "2023-01-02", "2023-03-27", ClosureReason::kOutcomesMet));  // 84 days
    k2 = Add(h, Closed("k2", "2023-01-02", "2023-03-28", ClosureReason::kDisengaged));   // 85 days
    k3 = Add(h, Closed("k3", nullptr, "2023-05-01", ClosureReason::kConsentWithdrawn));  // no intervention
    k4 = Add(h, Closed("k4", "2023-06-01", "2023-07-01", ClosureReason::kConsentWithdrawn));
    k5 = Add(h, Closed("k5", nullptr, "2023-08-01", ClosureReason::kSteppedUp));
    k6 = Add(h, Closed("k6", "2023-10-01", "2024-01-01", ClosureReason::kSteppedUp));  // after TO
  }
};

TEST(ServiceReport, ClosureFiguresCountNotCompletingOnlyAfterInterventionStarted) {
  ClosedHistory c;
  // K = k1..k5; KI = k1 k2 k4; not completing k2 k4; within 84 days k1 k4.
  ExpectSection(c.h, "2023-01-01", "2023-12-31", "closure", R"({"closed": 5,
      "by_reason": {"outcomes_met": 1, "disengaged": 1, "consent_withdrawn": 2, "stepped_up": 1, "moved_away": 0,
                    "other": 0},
      "not_completing": 2, "not_completing_rate": 0.6666666666666666,
      "within_max_duration_rate": 0.6666666666666666, "step_ups": 1})");
}

TEST(ServiceReport, AcesCountIdentificationsInPeriodAndImprovementOfClosedEpisodes) {
  ClosedHistory c;
  c.h.aces = {{c.k1, AceType::kDomesticViolence, D("2023-01-05"), true},
              {c.k1, AceType::kParentalSeparation, D("2022-12-31"), false},  // identified before P
              {c.k1, AceType::kDomesticViolence, D("2023-02-01"), std::nullopt},
              {c.k3, AceType::kHouseholdSubstanceMisuse, D("2023-04-01"), true},
              {c.k6, AceType::kPhysicalAbuse, D("2023-12-31"), false}};  // k6 not in K
  ExpectSection(c.h, "2023-01-01", "2023-12-31", "aces", R"({"identified_by_type": {"physical_abuse": 1,
      "sexual_abuse": 0, "emotional_abuse": 0, "physical_neglect": 0, "emotional_neglect": 0,
      "domestic_violence": 2, "household_substance_misuse": 1, "household_mental_illness": 0,
      "parental_separation": 0, "household_imprisonment": 0}, "improved_rate": 0.6666666666666666})");
}

AssessmentFacts Scored(EpisodeIndex e, const char* id, AssessmentStage stage, const char* on,
                       std::array<int, 4> scores,
                       AssessmentInstrument instrument = AssessmentInstrument::kResilience) {
  return {e, id, instrument, stage, D(on), scores};
}

TEST(ServiceReport, ResiliencePairsTakeEarliestInitialAndLatestEvaluationWithTiesById) {
  ClosedHistory c;
  using S = AssessmentStage;
  c.h.assessments = {
      Scored(c.k1, "a2", S::kInitial, "2023-01-03", {20, 20, 20, 20}),
      Scored(c.k1, "a1", S::kInitial, "2023-01-03", {24, 22, 18, 16}),  // same day, smaller id: chosen (80)
      Scored(c.k1, "a3", S::kEvaluation, "2023-03-20", {10, 12, 14, 16}),
      Scored(c.k1, "a4", S::kEvaluation, "2023-03-20", {12, 12, 12, 12}),  // same day, larger id: chosen (48)
      Scored(c.k1, "a5", S::kEvaluation, "2023-03-25", {5, 5, 5, 5}, AssessmentInstrument::kYoungPersonResilience),
      Scored(c.k2, "b1", S::kInitial, "2023-01-05", {10, 10, 10, 10}),  // earliest: chosen (40)
      Scored(c.k2, "b0", S::kInitial, "2023-01-06", {30, 30, 30, 30}),
      Scored(c.k2, "b2", S::kEvaluation, "2023-03-01", {15, 10, 10, 10}),  // latest: chosen (45)
      Scored(c.k2, "b3", S::kEvaluation, "2023-02-01", {5, 5, 5, 5}),
      Scored(c.k3, "c1", S::kInitial, "2023-01-05", {10, 10, 10, 10}),  // no evaluation: no pair
      Scored(c.k6, "d1", S::kInitial, "2023-10-05", {10, 10, 10, 10}),  // k6 not closed in P
      Scored(c.k6, "d2", S::kEvaluation, "2023-12-05", {5, 5, 5, 5}),
  };
  ExpectSection(c.h, "2023-01-01", "2023-12-31", "resilience", R"({"pairs": 2,
      "average_initial": {"environment": 17, "adversity": 16, "resilience": 14, "vulnerability": 13, "total": 60},
      "average_evaluation": {"environment": 13.5, "adversity": 11, "resilience": 11, "vulnerability": 11,
                             "total": 46.5},
      "average_change": {"environment": -3.5, "adversity": -5, "resilience": -3, "vulnerability": -2,
                         "total": -13.5},
      "improved_rate": 0.5})");
}

TEST(ServiceReport, ContinuityCountsDistinctInterventionWorkersOfClosedInterventions) {
  ClosedHistory c;
  c.h.assignments = {{c.k1, test::Key("w1"), Role::kInterventionWorker}, {c.k1, test::Key("w1"), Role::kInterventionWorker},
                     {c.k1, test::Key("w9"), Role::kFamilyAide},         {c.k2, test::Key("w1"), Role::kInterventionWorker},
                     {c.k2, test::Key("w2"), Role::kInterventionWorker}, {c.k2, test::Key("w3"), Role::kInterventionWorker},
                     {c.k4, test::Key("w5"), Role::kEaOfficer},          {c.k5, test::Key("w7"), Role::kInterventionWorker}};
  // k1: one worker; k2: three; k4 has no intervention worker; k5 never started intervention.
  ExpectSection(c.h, "2023-01-01", "2023-12-31", "continuity",
                R"({"episodes": 2, "average_workers_per_episode": 2.0, "single_worker_rate": 0.5})");
}

TEST(ServiceReport, FeedbackCountsServiceUserSatisfactionInPeriod) {
  ServiceHistory h;
  h.feedback = {{FeedbackForm::kServiceUser, D("2023-01-01"), Satisfaction::kVeryHappy},
                {FeedbackForm::kServiceUser, D("2023-05-05"), Satisfaction::kHappy},
                {FeedbackForm::kServiceUser, D("2023-12-31"), Satisfaction::kHappy},
                {FeedbackForm::kServiceUser, D("2024-01-01"), Satisfaction::kHappy},
                {FeedbackForm::kServiceUser, D("2023-06-01"), std::nullopt},
                {FeedbackForm::kRelationship, D("2023-06-01"), Satisfaction::kUnhappy}};
  ExpectSection(h, "2023-01-01", "2023-12-31", "feedback", R"({"service_user_satisfaction": {"very_happy": 1,
      "happy": 2, "neither": 0, "unhappy": 0, "very_unhappy": 0}})");
}

TEST(ServiceReport, OversightOfOpenEpisodesInTheLast28Days) {
  ServiceHistory h;
  const auto x1 = Add(h, Episode("x1", "x1", "2023-12-03"));  // opened as_of − 28: eligible
  const auto x2 = Add(h, Episode("x2", "x2", "2023-12-04"));  // opened too recently
  const auto x3 = Add(h, Episode("x3", "x3", "2023-01-01"));
  auto closed = Episode("x4", "x4", "2023-01-01");
  closed.closed_on = D("2023-12-31");
  const auto x4 = Add(h, closed);
  const auto x5 = Add(h, Episode("x5", "x5", "2023-01-01"));
  h.oversight = {{x1, D("2023-12-04"), true},  {x2, D("2023-12-20"), true},
                 {x3, D("2023-12-03"), false},  // as_of − 28 itself is not recent
                 {x4, D("2023-12-30"), false}, {x5, D("2023-12-31"), true}, {x3, D("2022-12-31"), true}};
  // Records in P: 5, of which x1, x2 and x5 considered the plan: 3 / 5.
  // Eligible: x1 (recent), x3 (not), x5 (recent): 2 / 3.
  ExpectSection(h, "2023-01-01", "2023-12-31", "oversight", R"({"records": 5,
      "open_with_recent_oversight_rate": 0.6666666666666666, "considered_plan_effectiveness_rate": 0.6})");
}

TEST(ServiceReport, AuditsInPeriodByGradeAndShared) {
  ServiceHistory h;
  h.audits = {{D("2023-01-01"), AuditGrade::kOutstanding, true},
              {D("2023-04-01"), AuditGrade::kGood, false},
              {D("2023-12-31"), AuditGrade::kGood, true},
              {D("2024-01-01"), AuditGrade::kInadequate, true}};
  ExpectSection(h, "2023-01-01", "2023-12-31", "audits", R"({"completed": 3, "by_grade": {"outstanding": 1,
      "good": 2, "requires_improvement": 0, "inadequate": 0}, "shared_with_worker_rate": 0.6666666666666666})");
}

EpisodeFacts ClosedOn(const char* id, const char* family, const char* opened, const char* closed) {
  EpisodeFacts e = Episode(id, family, opened);
  e.closed_on = D(closed);
  e.closure_reason = ClosureReason::kOutcomesMet;
  return e;
}

TEST(ServiceReport, ReturningFamiliesCohortWindowEdgesAndTheYearAfterClosure) {
  ServiceHistory h;
  // For 2020-03 the cohort closed 2018-04-01 .. 2019-03-31; for 2020-04, 2018-05-01 .. 2019-04-30.
  Add(h, ClosedOn("e0", "F0", "2018-01-01", "2018-03-31"));  // before both cohorts
  Add(h, ClosedOn("e1", "F1", "2018-01-01", "2018-04-01"));  // first day of m−23
  Add(h, Episode("e2", "F1", "2019-04-01"));                 // e1 closed + 365: a return
  Add(h, ClosedOn("e3", "F2", "2019-01-01", "2019-03-31"));  // last day of m−12
  Add(h, Episode("e4", "F2", "2020-03-31"));                 // e3 closed + 366 (2020 is leap): free
  Add(h, ClosedOn("e5", "F3", "2018-01-01", "2018-10-15"));
  h.statutory.push_back({test::Key("F3"), D("2019-10-15")});  // a step-up on closed + 365: a return
  Add(h, ClosedOn("e6", "F4", "2018-01-01", "2018-06-10"));
  h.statutory.push_back({test::Key("F4"), D("2018-06-09")});  // before closure: not a return
  Add(h, ClosedOn("e7", "F5", "2018-05-05", "2018-05-05"));  // opened the day it closed: not its own return
  // 2020-03: e1 e3 e5 e6 e7, returned e1 e5. 2020-04: e3 e5 e6 e7, returned e5.
  ExpectSection(h, "2020-03-01", "2020-04-30", "returning_families", R"({"by_month": {
      "2020-03": {"cohort": 5, "stayed_free": 3, "rate": 0.6},
      "2020-04": {"cohort": 4, "stayed_free": 3, "rate": 0.75}}})");
}

}  // namespace
}  // namespace hearth
