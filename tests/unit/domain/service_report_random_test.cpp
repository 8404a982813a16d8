// Random consistent histories, reported by ComputeServiceReport and by a plain, slow reading of METRICS.md written
// separately (unit/support/metrics_oracle.hpp). The two JSON objects must agree.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "app/service_report_json.hpp"
#include "domain/service_report.hpp"
#include "unit/support/history_keys.hpp"
#include "unit/support/json_near.hpp"
#include "unit/support/metrics_oracle.hpp"

namespace hearth {
namespace {
namespace json = boost::json;
using testing::MetricsOracle;
using testing::NaiveHolidays;
using testing::Ymd;

// ---- Random consistent histories ------------------------------------------------------------------------------

struct Generator {
  std::mt19937 rng;
  explicit Generator(unsigned seed) : rng(seed) {}
  int Uniform(int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); }
  bool Chance(double p) { return std::bernoulli_distribution(p)(rng); }
  template <class E>
  E Pick() { return static_cast<E>(Uniform(0, int(EnumTraits<E>::kNames.size()) - 1)); }
  std::string Of(const char* prefix, int n) { return prefix + std::to_string(Uniform(1, n)); }
  GroupKey KeyOf(const char* prefix, int n) { return test::Key(Of(prefix, n)); }

  ServiceHistory Make(int episodes) {
    ServiceHistory h;
    const Date start = Ymd(2017, 1, 1);
    const int families = std::max(1, episodes / 3);
    for (int i = 0; i < episodes; ++i) {
      EpisodeFacts e;
      e.id = "e" + std::to_string(i);
      e.family = KeyOf("f", families);
      e.received_on = start.AddDays(Uniform(0, 6 * 365));
      e.source = Pick<ReferralSource>();
      h.referrals.push_back({e.received_on, e.source});
      Date d = e.opened_on = e.received_on.AddDays(Uniform(0, 5));
      const int last_stage = Uniform(0, 8);  // how far the episode got
      auto step = [&](int max) { d = d.AddDays(Uniform(0, max)); return d; };
      if (last_stage >= 1) { e.allocated_assessment_on = step(35); e.ea_officer = KeyOf("ea", 4); }
      if (last_stage >= 2) e.assessment_completed_on = step(20);
      if (last_stage >= 3) { e.brokerage_started_on = step(5); e.br_officer = KeyOf("br", 4); }
      if (last_stage >= 4) e.plan_completed_on = step(20);
      if (last_stage >= 5) e.panel_on = step(10);
      if (last_stage >= 6) { e.intervention_started_on = step(10); e.team = Of("team", 4); }
      if (last_stage >= 7) e.review_started_on = step(60);
      if (Chance(0.7)) { e.closed_on = step(60); e.closure_reason = Pick<ClosureReason>(); }
      h.episodes.push_back(e);
    }
    for (int i = 0; i < episodes / 2; ++i)
      h.referrals.push_back({start.AddDays(Uniform(0, 6 * 365)), Pick<ReferralSource>()});
    for (int i = 0; i < episodes / 5; ++i) h.statutory.push_back({KeyOf("f", families), start.AddDays(Uniform(0, 7 * 365))});
    const auto any_episode = [&] { return EpisodeIndex(Uniform(0, episodes - 1)); };
    const auto after_open = [&](EpisodeIndex e, int max) { return h.episodes[e].opened_on.AddDays(Uniform(0, max)); };
    for (int i = 0; i < episodes * 2; ++i) {
      const EpisodeIndex e = any_episode();
      h.assignments.push_back({e, KeyOf("w", 6), Chance(0.6) ? Role::kInterventionWorker : Role::kFamilyAide});
      const Date requested = after_open(e, 200);
      h.appraisals.push_back({Pick<Agency>(), requested,
                              Chance(0.7) ? std::optional(requested.AddDays(Uniform(0, 40))) : std::nullopt});
      h.actions.push_back({e, Chance(0.6) ? test::ServiceOf(h, Of("s", 8)) : kNoService, Pick<ActionStatus>()});
      h.contacts.push_back({e, after_open(e, 300)});
      h.aces.push_back({e, Pick<AceType>(), after_open(e, 200),
                        Chance(0.3) ? std::nullopt : std::optional(Chance(0.5))});
      h.oversight.push_back({e, after_open(e, 300), Chance(0.5)});
    }
    for (int i = 0; i < episodes * 3; ++i) {
      const EpisodeIndex e = any_episode();
      AssessmentFacts a;
      a.episode = e;
      a.id = "a" + std::to_string(Uniform(0, 99));  // ids repeat across episodes; ties on `on` happen
      a.instrument = Chance(0.8) ? AssessmentInstrument::kResilience : AssessmentInstrument::kYoungPersonResilience;
      a.stage = Pick<AssessmentStage>();
      a.on = after_open(e, 20);
      for (int& s : a.scores) s = Uniform(5, 30);
      h.assessments.push_back(a);
    }
    for (int i = 0; i < episodes; ++i) {
      h.feedback.push_back({Pick<FeedbackForm>(), start.AddDays(Uniform(0, 7 * 365)),
                            Chance(0.8) ? std::optional(Pick<Satisfaction>()) : std::nullopt});
      h.audits.push_back({start.AddDays(Uniform(0, 7 * 365)), Pick<AuditGrade>(), Chance(0.5)});
    }
    return h;
  }
};

TEST(ServiceReportRandom, MatchesAPlainReadingOfMetricsOnRandomHistories) {
  const WorkingCalendar calendar;
  for (unsigned seed = 1; seed <= 60; ++seed) {
    Generator g(seed);
    const ServiceHistory h = g.Make(g.Uniform(1, 300));
    const Date from = Ymd(2017, 6, 1).AddDays(g.Uniform(0, 6 * 365));
    const Date to = from.AddDays(g.Chance(0.2) ? g.Uniform(0, 40) : g.Uniform(0, 800));
    const json::object fast = ServiceReportJson(ComputeServiceReport(h, from, to, calendar));
    const json::object slow = MetricsOracle{h, from, to}.Run();
    ASSERT_EQ(testing::JsonDifference(fast, slow), "") << "seed " << seed << " P " << from.ToString() << " .. "
                                                        << to.ToString();
  }
}

TEST(ServiceReportRandom, NaiveHolidayRuleAgreesWithTheCalendarOverTheTestedYears) {
  // Guards the oracle itself: if both were wrong the same way the comparison above would prove nothing, so this
  // pins a few published dates (GOV.UK) through the naive rule.
  EXPECT_TRUE(NaiveHolidays(2021).count(Ymd(2021, 12, 28)));
  EXPECT_TRUE(NaiveHolidays(2022).count(Ymd(2022, 1, 3)));
  EXPECT_TRUE(NaiveHolidays(2024).count(Ymd(2024, 3, 29)));
  EXPECT_TRUE(NaiveHolidays(2020).count(Ymd(2020, 5, 8)));
  EXPECT_FALSE(NaiveHolidays(2020).count(Ymd(2020, 5, 4)));
  EXPECT_TRUE(NaiveHolidays(2022).count(Ymd(2022, 9, 19)));
  EXPECT_EQ(NaiveHolidays(2019).size(), 8u);
}

}  // namespace
}  // namespace hearth
