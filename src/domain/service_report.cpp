// METRICS.md, section by section. Each section is one pass over the episodes and one over each record vector it
// needs; records are tied to the episode sets (C, V, K, I) by per-episode flags, never by searching.
#include "domain/service_report.hpp"

#include <algorithm>
#include <cstdio>
#include <future>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "domain/report_tally.hpp"
#include "domain/returning_families.hpp"

namespace hearth {
namespace {

constexpr int kAssessmentWorkingDays = 10;
constexpr int kPlanWorkingDays = 15;
constexpr int kReviewDays = 42;
constexpr int kMaxInterventionDays = 84;
constexpr int kRecentOversightDays = 28;

template <class E>
constexpr std::size_t At(E e) {
  return static_cast<std::size_t>(e);
}

// The episode sets of METRICS.md that later sections tie records to.
struct EpisodeSets {
  std::vector<char> plan_completed;     // C: plan_completed_on in P
  std::vector<char> reviewed;           // V: review_started_on in P
  std::vector<char> closed;             // K: closed_on in P
  std::vector<char> closed_intervened;  // KI: K with intervention_started_on
  std::vector<char> intervened;         // I: intervention_started_on <= TO, not closed before FROM
};

EpisodeSets FindSets(const ServiceHistory& h, const Period& p) {
  const std::size_t n = h.episodes.size();
  EpisodeSets s{std::vector<char>(n), std::vector<char>(n), std::vector<char>(n), std::vector<char>(n),
                std::vector<char>(n)};
  for (std::size_t i = 0; i < n; ++i) {
    const EpisodeFacts& e = h.episodes[i];
    s.plan_completed[i] = p.Contains(e.plan_completed_on);
    s.reviewed[i] = p.Contains(e.review_started_on);
    s.closed[i] = p.Contains(e.closed_on);
    s.closed_intervened[i] = s.closed[i] && e.intervention_started_on.has_value();
    s.intervened[i] = e.intervention_started_on && *e.intervention_started_on <= p.to &&
                      (!e.closed_on || *e.closed_on >= p.from);
  }
  return s;
}

// Mean size of the groups of (officer, month): the number of items over the number of distinct groups. Each
// group is one 64-bit number (officer key, month number), counted distinct in a hash set: sorting the pairs compared
// officer ids as text some 3 million times over ten years (a fifth of the report's computing).
using OfficerMonth = std::uint64_t;
OfficerMonth OfficerMonthOf(GroupKey officer, int month) {
  return (OfficerMonth{officer} << 32) | static_cast<std::uint32_t>(month);
}

Mean MeanGroupSize(const std::vector<OfficerMonth>& officer_months) {
  if (officer_months.empty()) return std::nullopt;
  std::unordered_set<OfficerMonth> groups;
  groups.reserve(officer_months.size());
  for (const OfficerMonth g : officer_months) groups.insert(g);
  return Ratio(static_cast<std::int64_t>(officer_months.size()), static_cast<std::int64_t>(groups.size()));
}

void Referrals(const ServiceHistory& h, const Period& p, ServiceReport& r) {
  const int first = MonthNumber(p.from);
  r.referrals.by_month.assign(r.month_keys.size(), 0);
  for (const ReferralFacts& ref : h.referrals) {
    if (!p.Contains(ref.received_on)) continue;
    ++r.referrals.received;
    ++r.referrals.by_month[static_cast<std::size_t>(MonthNumber(ref.received_on) - first)];
    if (ref.source == ReferralSource::kChildrenSocialCare) ++r.referrals.step_downs;
  }
  r.referrals.average_per_month = Ratio(r.referrals.received, static_cast<std::int64_t>(r.month_keys.size()));
}

bool OnOrBefore(const std::optional<Date>& d, Date limit) { return d && *d <= limit; }

void Open(const ServiceHistory& h, const Period& p, ServiceReport& r) {
  PerValue<ReportStage, std::int64_t> counts{};
  const Date d = p.to;
  for (const EpisodeFacts& e : h.episodes) {
    if (e.opened_on > d || OnOrBefore(e.closed_on, d)) continue;
    ++r.open.total;
    if (OnOrBefore(e.review_started_on, d)) {
      ++counts[At(ReportStage::kReview)];
    } else if (OnOrBefore(e.intervention_started_on, d)) {
      ++counts[At(ReportStage::kIntervention)];
    } else if (OnOrBefore(e.allocated_assessment_on, d)) {
      ++counts[At(ReportStage::kAssessmentOrBrokerage)];
    } else {
      ++counts[At(ReportStage::kAwaitingAllocation)];
    }
  }
  for (std::size_t s = 0; s < counts.size(); ++s) r.open.by_stage[s] = Ratio(counts[s], r.open.total);
}

void Assessment(const ServiceHistory& h, const Period& p, const WorkingCalendar& calendar, ServiceReport& r) {
  auto& a = r.assessment;
  MeanTally days_to_allocation;
  FractionTally within_timescale;
  std::vector<OfficerMonth> officer_months;
  for (const EpisodeFacts& e : h.episodes) {
    if (p.Contains(e.allocated_assessment_on)) {
      ++a.allocated;
      if (OnOrBefore(e.assessment_completed_on, p.to)) ++a.completed;
      const long days = DaysBetween(e.received_on, *e.allocated_assessment_on);
      days_to_allocation.Add(days);
      const long week = days >= 0 ? days / 7 : -((-days + 6) / 7);  // floor, should days ever be negative
      if (week >= 0) ++a.allocated_by_week[static_cast<std::size_t>(std::min<long>(week, 4))];
      officer_months.push_back(OfficerMonthOf(e.ea_officer, MonthNumber(*e.allocated_assessment_on)));
    }
    if (p.Contains(e.assessment_completed_on))
      within_timescale.Add(*e.assessment_completed_on <=
                           calendar.AddWorkingDays(e.received_on, kAssessmentWorkingDays));
  }
  a.completed_rate = Ratio(a.completed, a.allocated);
  a.average_days_to_allocation = days_to_allocation.Get();
  a.average_per_officer_month = MeanGroupSize(officer_months);
  a.within_timescale_rate = within_timescale.Get();
}

void Plans(const ServiceHistory& h, const Period& p, const WorkingCalendar& calendar, const EpisodeSets& sets,
           ServiceReport& r) {
  auto& b = r.plans;
  const int first = MonthNumber(p.from);
  b.by_month.assign(r.month_keys.size(), 0);
  FractionTally within_timescale;
  MeanTally brokerage_to_panel;
  std::vector<OfficerMonth> officer_months;
  for (std::size_t i = 0; i < h.episodes.size(); ++i) {
    const EpisodeFacts& e = h.episodes[i];
    if (p.Contains(e.brokerage_started_on)) {
      ++b.allocated;
      if (OnOrBefore(e.plan_completed_on, p.to)) ++b.completed;
    }
    if (sets.plan_completed[i]) {
      const int month = MonthNumber(*e.plan_completed_on);
      ++b.by_month[static_cast<std::size_t>(month - first)];
      officer_months.push_back(OfficerMonthOf(e.br_officer, month));
      within_timescale.Add(*e.plan_completed_on <= calendar.AddWorkingDays(e.received_on, kPlanWorkingDays));
    }
    if (p.Contains(e.panel_on) && e.brokerage_started_on)
      brokerage_to_panel.Add(DaysBetween(*e.brokerage_started_on, *e.panel_on));
  }
  // Counted by service number first: the ordered map compared ids as text for each of a million actions.
  std::vector<std::int64_t> services(h.services.size(), 0);
  for (const ActionFacts& action : h.actions)
    if (action.service != kNoService && sets.plan_completed[action.episode]) ++services.at(action.service);
  for (std::size_t i = 0; i < services.size(); ++i)
    if (services[i] > 0) b.services[h.services[i]] += services[i];
  b.completed_rate = Ratio(b.completed, b.allocated);
  b.average_per_officer_month = MeanGroupSize(officer_months);
  b.within_timescale_rate = within_timescale.Get();
  b.average_days_brokerage_to_panel = brokerage_to_panel.Get();
}

void Appraisals(const ServiceHistory& h, const Period& p, const WorkingCalendar& calendar, ServiceReport& r) {
  const int first = MonthNumber(p.from);
  r.appraisals.requested_by_month.assign(r.month_keys.size(), {});
  PerValue<Agency, MeanTally> working_days{};
  for (const AppraisalFacts& a : h.appraisals) {
    if (p.Contains(a.requested_on))
      ++r.appraisals.requested_by_month[static_cast<std::size_t>(MonthNumber(a.requested_on) - first)][At(a.kind)];
    if (p.Contains(a.completed_on)) working_days[At(a.kind)].Add(calendar.WorkingDaysBetween(a.requested_on, *a.completed_on));
  }
  for (std::size_t k = 0; k < working_days.size(); ++k)
    r.appraisals.average_working_days_to_complete[k] = working_days[k].Get();
}

void PanelAndReview(const ServiceHistory& h, const Period& p, const EpisodeSets& sets, ServiceReport& r) {
  MeanTally plan_to_panel, panel_to_intervention, open_to_review;
  FractionTally review_in_time;
  for (std::size_t i = 0; i < h.episodes.size(); ++i) {
    const EpisodeFacts& e = h.episodes[i];
    if (p.Contains(e.panel_on) && e.plan_completed_on) plan_to_panel.Add(DaysBetween(*e.plan_completed_on, *e.panel_on));
    if (p.Contains(e.intervention_started_on) && e.panel_on)
      panel_to_intervention.Add(DaysBetween(*e.panel_on, *e.intervention_started_on));
    if (!sets.reviewed[i]) continue;
    ++r.review.plans_reviewed;
    open_to_review.Add(DaysBetween(e.opened_on, *e.review_started_on));
    review_in_time.Add(e.intervention_started_on &&
                       *e.review_started_on <= e.intervention_started_on->AddDays(kReviewDays));
  }
  for (const ActionFacts& action : h.actions) {
    if (!sets.reviewed[action.episode]) continue;
    ++r.review.actions_total;
    ++r.review.actions_by_status[At(action.status)];
  }
  r.panel.average_days_plan_to_panel = plan_to_panel.Get();
  r.panel.average_days_panel_to_intervention = panel_to_intervention.Get();
  r.review.average_days_open_to_review = open_to_review.Get();
  r.review.within_timescale_rate = review_in_time.Get();
}

void Intervention(const ServiceHistory& h, const Period& p, const EpisodeSets& sets, ServiceReport& r) {
  // Teams are numbered as first met, so that contacts add to a vector slot rather than a map entry.
  std::vector<std::string_view> team_names;
  std::map<std::string_view, std::size_t> team_numbers;
  std::vector<std::size_t> team_of(h.episodes.size(), 0);
  std::vector<std::int64_t> episodes, contacts;
  for (std::size_t i = 0; i < h.episodes.size(); ++i) {
    if (!sets.intervened[i]) continue;
    const auto [it, added] = team_numbers.try_emplace(h.episodes[i].team, team_names.size());
    if (added) {
      team_names.push_back(h.episodes[i].team);
      episodes.push_back(0);
      contacts.push_back(0);
    }
    team_of[i] = it->second;
    ++episodes[it->second];
  }
  for (const ContactFacts& c : h.contacts)
    if (sets.intervened[c.episode] && p.Contains(c.on)) ++contacts[team_of[c.episode]];
  for (std::size_t t = 0; t < team_names.size(); ++t) {
    const std::string team(team_names[t]);
    r.intervention.episodes_by_team[team] = episodes[t];
    r.intervention.average_contacts_by_team[team] = Ratio(contacts[t], episodes[t]);
  }
}

void Closure(const ServiceHistory& h, const EpisodeSets& sets, ServiceReport& r) {
  auto& k = r.closure;
  FractionTally within_max_duration;
  std::int64_t closed_intervened = 0;
  for (std::size_t i = 0; i < h.episodes.size(); ++i) {
    if (!sets.closed[i]) continue;
    const EpisodeFacts& e = h.episodes[i];
    ++k.closed;
    const ClosureReason reason = e.closure_reason.value_or(ClosureReason::kOther);
    ++k.by_reason[At(reason)];
    if (reason == ClosureReason::kSteppedUp) ++k.step_ups;
    if (!sets.closed_intervened[i]) continue;
    ++closed_intervened;
    if (reason == ClosureReason::kDisengaged || reason == ClosureReason::kConsentWithdrawn) ++k.not_completing;
    within_max_duration.Add(DaysBetween(*e.intervention_started_on, *e.closed_on) <= kMaxInterventionDays);
  }
  k.not_completing_rate = Ratio(k.not_completing, closed_intervened);
  k.within_max_duration_rate = within_max_duration.Get();
}

void Aces(const ServiceHistory& h, const Period& p, const EpisodeSets& sets, ServiceReport& r) {
  FractionTally improved;
  for (const AceFacts& a : h.aces) {
    if (p.Contains(a.identified_on)) ++r.aces.identified_by_type[At(a.ace)];
    if (sets.closed[a.episode] && a.improved) improved.Add(*a.improved);
  }
  r.aces.improved_rate = improved.Get();
}

// Earliest initial and latest evaluation: ordered by `on`, then by id (as text).
bool Before(const AssessmentFacts& a, const AssessmentFacts& b) {
  if (a.on != b.on) return a.on < b.on;
  return a.id < b.id;
}

void Resilience(const ServiceHistory& h, const EpisodeSets& sets, ServiceReport& r) {
  constexpr std::int32_t kNone = -1;
  std::vector<std::int32_t> initial(h.episodes.size(), kNone), evaluation(h.episodes.size(), kNone);
  for (std::size_t i = 0; i < h.assessments.size(); ++i) {
    const AssessmentFacts& a = h.assessments[i];
    if (a.instrument != AssessmentInstrument::kResilience || !sets.closed[a.episode]) continue;
    const auto index = static_cast<std::int32_t>(i);
    if (a.stage == AssessmentStage::kInitial) {
      std::int32_t& best = initial[a.episode];
      if (best == kNone || Before(a, h.assessments[static_cast<std::size_t>(best)])) best = index;
    } else {
      std::int32_t& best = evaluation[a.episode];
      if (best == kNone || Before(h.assessments[static_cast<std::size_t>(best)], a)) best = index;
    }
  }
  constexpr std::size_t kDomains = EnumTraits<ResilienceDomain>::kNames.size();
  std::array<MeanTally, kDomains + 1> first{}, last{}, change{};  // the four domains, then the total
  FractionTally improved;
  for (std::size_t e = 0; e < h.episodes.size(); ++e) {
    if (initial[e] == kNone || evaluation[e] == kNone) continue;
    const auto& before = h.assessments[static_cast<std::size_t>(initial[e])].scores;
    const auto& after = h.assessments[static_cast<std::size_t>(evaluation[e])].scores;
    ++r.resilience.pairs;
    int total_before = 0, total_after = 0;
    for (std::size_t d = 0; d < kDomains; ++d) {
      first[d].Add(before[d]);
      last[d].Add(after[d]);
      change[d].Add(after[d] - before[d]);
      total_before += before[d];
      total_after += after[d];
    }
    first[kDomains].Add(total_before);
    last[kDomains].Add(total_after);
    change[kDomains].Add(total_after - total_before);
    improved.Add(total_after < total_before);
  }
  const auto fill = [&](const std::array<MeanTally, kDomains + 1>& tallies, DomainScores& out) {
    for (std::size_t d = 0; d < kDomains; ++d) out.domains[d] = tallies[d].Get();
    out.total = tallies[kDomains].Get();
  };
  fill(first, r.resilience.average_initial);
  fill(last, r.resilience.average_evaluation);
  fill(change, r.resilience.average_change);
  r.resilience.improved_rate = improved.Get();
}

void FeedbackOversightAudits(const ServiceHistory& h, const Period& p, ServiceReport& r) {
  for (const FeedbackFacts& f : h.feedback)
    if (f.form == FeedbackForm::kServiceUser && f.satisfaction && p.Contains(f.on))
      ++r.feedback.service_user_satisfaction[At(*f.satisfaction)];

  // Open at as_of, opened at least 28 days before it, with an oversight record in (as_of − 28, as_of].
  const Date as_of = p.to;
  const Date recent_after = as_of.AddDays(-kRecentOversightDays);
  std::vector<char> recently_overseen(h.episodes.size(), 0);
  FractionTally considered;
  for (const OversightFacts& o : h.oversight) {
    if (o.on > recent_after && o.on <= as_of) recently_overseen[o.episode] = 1;
    if (!p.Contains(o.on)) continue;
    ++r.oversight.records;
    considered.Add(o.considered_plan_effectiveness);
  }
  FractionTally recent;
  for (std::size_t i = 0; i < h.episodes.size(); ++i) {
    const EpisodeFacts& e = h.episodes[i];
    if (e.opened_on > recent_after || OnOrBefore(e.closed_on, as_of)) continue;
    recent.Add(recently_overseen[i] != 0);
  }
  r.oversight.open_with_recent_oversight_rate = recent.Get();
  r.oversight.considered_plan_effectiveness_rate = considered.Get();

  FractionTally shared;
  for (const AuditFacts& a : h.audits) {
    if (!p.Contains(a.on)) continue;
    ++r.audits.completed;
    ++r.audits.by_grade[At(a.grade)];
    shared.Add(a.shared_with_worker);
  }
  r.audits.shared_with_worker_rate = shared.Get();
}

void Continuity(const ServiceHistory& h, const EpisodeSets& sets, ServiceReport& r) {
  std::vector<std::pair<EpisodeIndex, GroupKey>> episode_workers;
  for (const AssignmentFacts& a : h.assignments)
    if (a.role == Role::kInterventionWorker && sets.closed_intervened[a.episode])
      episode_workers.emplace_back(a.episode, a.worker);
  std::sort(episode_workers.begin(), episode_workers.end());
  episode_workers.erase(std::unique(episode_workers.begin(), episode_workers.end()), episode_workers.end());
  MeanTally workers;
  FractionTally single;
  for (std::size_t i = 0; i < episode_workers.size();) {
    std::size_t j = i;
    while (j < episode_workers.size() && episode_workers[j].first == episode_workers[i].first) ++j;
    ++r.continuity.episodes;
    workers.Add(static_cast<std::int64_t>(j - i));
    single.Add(j - i == 1);
    i = j;
  }
  r.continuity.average_workers_per_episode = workers.Get();
  r.continuity.single_worker_rate = single.Get();
}

}  // namespace

std::string MonthKey(Date d) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u", d.Year(), d.Month());
  return text;
}

ServiceReport ComputeServiceReport(const ServiceHistory& history, Date from, Date to,
                                   const WorkingCalendar& calendar) {
  ServiceReport r;
  r.from = from;
  r.to = to;
  const Period p{from, to};
  for (int m = MonthNumber(from); m <= MonthNumber(to); ++m) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d", m / 12, m % 12 + 1);
    r.month_keys.emplace_back(text);
  }
  const EpisodeSets sets = FindSets(history, p);
  // On both cores: each section reads the history and writes only its own part of the report, so the two halves
  // share nothing but what they read. The halves take about as long as each other over ten years.
  auto other_half = std::async(std::launch::async, [&] {
    Plans(history, p, calendar, sets, r);
    r.returning_families.by_month = ReturningFamiliesByMonth(history, MonthNumber(from), MonthNumber(to));
    Continuity(history, sets, r);
  });
  Referrals(history, p, r);
  Open(history, p, r);
  Assessment(history, p, calendar, r);
  Appraisals(history, p, calendar, r);
  PanelAndReview(history, p, sets, r);
  Intervention(history, p, sets, r);
  Closure(history, sets, r);
  Aces(history, p, sets, r);
  Resilience(history, sets, r);
  FeedbackOversightAudits(history, p, r);
  other_half.get();  // rethrows what the other half threw
  return r;
}

}  // namespace hearth
