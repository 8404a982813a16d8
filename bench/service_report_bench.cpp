// ComputeServiceReport (METRICS.md) over a large service history held in memory: 200,000 episodes and about
// 3.4 million records, for a one-year period. Built with -DHEARTH_BENCH=ON; results in docs/performance.md.
//   build/bench/service_report_bench [--benchmark_repetitions=5]
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "domain/service_report.hpp"

namespace {
using namespace hearth;

constexpr int kEpisodes = 200000;
constexpr int kFamilies = 120000;

Date Day(int offset) { return Date::Parse("2017-01-01")->AddDays(offset); }

template <class E>
E Pick(std::mt19937& rng) {
  return static_cast<E>(std::uniform_int_distribution<int>(0, int(EnumTraits<E>::kNames.size()) - 1)(rng));
}

// Episodes spread over eight years, each stopping at a random stage; child records in the proportions of a
// service a few years old (several contacts and actions per episode).
ServiceHistory MakeHistory() {
  std::mt19937 rng(42);
  auto uniform = [&rng](int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); };
  ServiceHistory h;
  for (int s = 0; s <= 200; ++s) h.services.push_back("s" + std::to_string(s));
  h.episodes.reserve(kEpisodes);
  for (int i = 0; i < kEpisodes; ++i) {
    EpisodeFacts e;
    e.id = "e" + std::to_string(i);
    e.family = static_cast<GroupKey>(uniform(1, kFamilies));
    e.received_on = Day(uniform(0, 8 * 365));
    e.source = Pick<ReferralSource>(rng);
    h.referrals.push_back({e.received_on, e.source});
    Date d = e.opened_on = e.received_on.AddDays(uniform(0, 5));
    const int stage = uniform(0, 8);
    auto step = [&](int max) { return d = d.AddDays(uniform(0, max)); };
    if (stage >= 1) { e.allocated_assessment_on = step(30); e.ea_officer = static_cast<GroupKey>(uniform(1, 41)); }
    if (stage >= 2) e.assessment_completed_on = step(20);
    if (stage >= 3) { e.brokerage_started_on = step(5); e.br_officer = static_cast<GroupKey>(uniform(42, 82)); }
    if (stage >= 4) e.plan_completed_on = step(20);
    if (stage >= 5) e.panel_on = step(10);
    if (stage >= 6) { e.intervention_started_on = step(10); e.team = "team" + std::to_string(uniform(0, 8)); }
    if (stage >= 7) e.review_started_on = step(60);
    if (uniform(0, 9) < 8) { e.closed_on = step(60); e.closure_reason = Pick<ClosureReason>(rng); }
    h.episodes.push_back(std::move(e));
  }
  for (int i = 0; i < kEpisodes / 2; ++i) h.referrals.push_back({Day(uniform(0, 8 * 365)), Pick<ReferralSource>(rng)});
  for (int i = 0; i < kEpisodes / 5; ++i) h.statutory.push_back({static_cast<GroupKey>(uniform(1, kFamilies)), Day(uniform(0, 8 * 365))});
  for (int i = 0; i < kEpisodes; ++i) {
    const auto e = static_cast<EpisodeIndex>(i);
    const Date open = h.episodes[e].opened_on;
    for (int k = 0; k < 2; ++k) h.assignments.push_back({e, static_cast<GroupKey>(uniform(1, 301)), Pick<Role>(rng)});
    h.appraisals.push_back({Pick<Agency>(rng), open.AddDays(uniform(0, 60)), open.AddDays(uniform(60, 90))});
    for (int k = 0; k < 3; ++k) h.actions.push_back({e, static_cast<ServiceIndex>(uniform(0, 200)), Pick<ActionStatus>(rng)});
    for (int k = 0; k < 6; ++k) h.contacts.push_back({e, open.AddDays(uniform(0, 150))});
    for (int k = 0; k < 2; ++k) {
      AssessmentFacts a{e, "a" + std::to_string(h.assessments.size()), AssessmentInstrument::kResilience,
                        k == 0 ? AssessmentStage::kInitial : AssessmentStage::kEvaluation, open.AddDays(k * 90), {}};
      for (int& s : a.scores) s = uniform(5, 30);
      h.assessments.push_back(std::move(a));
    }
    h.aces.push_back({e, Pick<AceType>(rng), open.AddDays(uniform(0, 30)), uniform(0, 1) == 1});
    h.oversight.push_back({e, open.AddDays(uniform(0, 120)), uniform(0, 1) == 1});
    if (i % 2 == 0) h.feedback.push_back({FeedbackForm::kServiceUser, open.AddDays(100), Pick<Satisfaction>(rng)});
    if (i % 4 == 0) h.audits.push_back({open.AddDays(60), Pick<AuditGrade>(rng), uniform(0, 1) == 1});
  }
  return h;
}

const ServiceHistory& History() {
  static const ServiceHistory history = MakeHistory();
  return history;
}

void BM_ServiceReportOneYear(benchmark::State& state) {
  const ServiceHistory& h = History();
  const WorkingCalendar calendar;
  const Date from = *Date::Parse("2023-04-01"), to = *Date::Parse("2024-03-31");
  for (auto _ : state) benchmark::DoNotOptimize(ComputeServiceReport(h, from, to, calendar));
  std::size_t records = h.referrals.size() + h.assignments.size() + h.appraisals.size() + h.actions.size() +
                        h.contacts.size() + h.assessments.size() + h.aces.size() + h.statutory.size() +
                        h.feedback.size() + h.oversight.size() + h.audits.size();
  state.counters["episodes"] = static_cast<double>(h.episodes.size());
  state.counters["records"] = static_cast<double>(records);
}
BENCHMARK(BM_ServiceReportOneYear)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
