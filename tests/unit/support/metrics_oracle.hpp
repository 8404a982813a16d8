// A plain, slow reading of METRICS.md, written separately from the domain's report: loops over everything, its own
// working-day rule (Easter from a published table, not from the domain's algorithm or holiday list), no shared
// helpers. The randomized tests compare the report computed by Hearth with `MetricsOracle{history, from, to}.Run()`:
// over generated ServiceHistory values (service_report_random_test) and over generated interchange files imported
// into SQLite (report_through_import_test).
#pragma once
#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/enum_names.hpp"
#include "domain/service_history.hpp"
#include "domain/service_report.hpp"

namespace hearth::testing {
namespace oracle_json = boost::json;

inline Date Ymd(int y, unsigned m, unsigned d) {
  return Date(std::chrono::year_month_day{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)});
}

inline bool Weekend(Date d) {
  const unsigned wd = std::chrono::weekday(d.Days()).c_encoding();  // 0 = Sunday
  return wd == 0 || wd == 6;
}

// Easter Sunday as church calendars publish it, for the years the histories use.
inline Date PublishedEaster(int y) {
  static const std::map<int, std::pair<unsigned, unsigned>> kEaster = {
      {2014, {4, 20}}, {2015, {4, 5}}, {2016, {3, 27}}, {2017, {4, 16}}, {2018, {4, 1}},  {2019, {4, 21}},
      {2020, {4, 12}}, {2021, {4, 4}}, {2022, {4, 17}}, {2023, {4, 9}},  {2024, {3, 31}}, {2025, {4, 20}},
      {2026, {4, 5}},  {2027, {3, 28}}, {2028, {4, 16}}};
  const auto it = kEaster.find(y);
  if (it == kEaster.end()) throw std::out_of_range("no Easter for year");
  return Ymd(y, it->second.first, it->second.second);
}

inline Date NaiveMonday(int y, unsigned m, bool last) {
  Date d = last ? Ymd(y, m, 31) : Ymd(y, m, 1);
  while (std::chrono::weekday(d.Days()).c_encoding() != 1) d = d.AddDays(last ? -1 : 1);
  return d;
}

inline std::set<Date> NaiveHolidays(int y) {
  std::vector<Date> nominal = {Ymd(y, 1, 1), PublishedEaster(y).AddDays(-2), PublishedEaster(y).AddDays(1),
                               NaiveMonday(y, 8, true), Ymd(y, 12, 25), Ymd(y, 12, 26)};
  nominal.push_back(y == 2020 ? Ymd(y, 5, 8) : NaiveMonday(y, 5, false));
  nominal.push_back(y == 2022 ? Ymd(y, 6, 2) : NaiveMonday(y, 5, true));
  if (y == 2022) {
    nominal.push_back(Ymd(y, 6, 3));
    nominal.push_back(Ymd(y, 9, 19));
  }
  if (y == 2023) nominal.push_back(Ymd(y, 5, 8));
  std::sort(nominal.begin(), nominal.end());
  std::set<Date> taken;
  for (Date d : nominal)
    if (!Weekend(d)) taken.insert(d);
  for (Date d : nominal) {
    if (!Weekend(d)) continue;
    while (Weekend(d) || taken.count(d)) d = d.AddDays(1);
    taken.insert(d);
  }
  return taken;
}

inline bool NaiveWorkingDay(Date d) {
  if (Weekend(d)) return false;
  for (int y = d.Year() - 1; y <= d.Year(); ++y)
    if (NaiveHolidays(y).count(d)) return false;
  return true;
}

inline Date NaiveAddWorkingDays(Date d, int n) {
  while (n > 0) {
    d = d.AddDays(1);
    if (NaiveWorkingDay(d)) --n;
  }
  return d;
}

inline int NaiveWorkingDaysBetween(Date a, Date b) {
  int n = 0;
  for (Date w = a.AddDays(1); w <= b; w = w.AddDays(1))
    if (NaiveWorkingDay(w)) ++n;
  return n;
}

struct MetricsOracle {
  const ServiceHistory& h;
  Date from, to;

  bool In(Date d) const { return from <= d && d <= to; }
  bool In(const std::optional<Date>& d) const { return d.has_value() && In(*d); }
  static long Days(Date a, Date b) { return (b.Days() - a.Days()).count(); }
  static std::string Month(Date d) {
    char t[16];
    std::snprintf(t, sizeof t, "%04d-%02u", d.Year(), d.Month());
    return t;
  }
  static oracle_json::value Mean(double sum, long n) { return n == 0 ? oracle_json::value(nullptr) : oracle_json::value(sum / double(n)); }

  std::vector<std::string> Months() const {
    std::vector<std::string> out;
    for (Date d = from; d <= to; d = d.AddDays(1))
      if (out.empty() || out.back() != Month(d)) out.push_back(Month(d));
    return out;
  }
  oracle_json::object CountByMonth(const std::vector<Date>& dates) const {
    oracle_json::object o;
    for (const auto& m : Months()) {
      long n = 0;
      for (Date d : dates)
        if (Month(d) == m) ++n;
      o[m] = n;
    }
    return o;
  }
  template <class E>
  static oracle_json::object Zeros() {
    oracle_json::object o;
    for (auto name : EnumTraits<E>::kNames) o[name] = 0;
    return o;
  }
  static void Bump(oracle_json::object& o, std::string_view key) { o[key] = o[key].as_int64() + 1; }

  double MeanGroups(const std::vector<std::pair<std::string, std::string>>& items) const {
    std::set<std::pair<std::string, std::string>> groups(items.begin(), items.end());
    return double(items.size()) / double(groups.size());
  }

  oracle_json::object Run() const {
    oracle_json::object r;
    const auto months = Months();
    r["period"] = {{"from", from.ToString()}, {"to", to.ToString()}, {"months", months.size()}};
    {
      std::vector<Date> received;
      long step_downs = 0;
      for (const auto& ref : h.referrals)
        if (In(ref.received_on)) {
          received.push_back(ref.received_on);
          if (ref.source == ReferralSource::kChildrenSocialCare) ++step_downs;
        }
      r["referrals"] = {{"received", received.size()}, {"by_month", CountByMonth(received)},
                        {"average_per_month", double(received.size()) / double(months.size())},
                        {"step_downs", step_downs}};
    }
    {
      long total = 0;
      std::map<std::string, long> stage;
      for (const auto& e : h.episodes) {
        if (!(e.opened_on <= to) || (e.closed_on && *e.closed_on <= to)) continue;
        ++total;
        const char* s = "awaiting_allocation";
        if (e.review_started_on && *e.review_started_on <= to) s = "review";
        else if (e.intervention_started_on && *e.intervention_started_on <= to) s = "intervention";
        else if (e.allocated_assessment_on && *e.allocated_assessment_on <= to) s = "assessment_or_brokerage";
        ++stage[s];
      }
      oracle_json::object by_stage;
      for (const char* s : {"awaiting_allocation", "assessment_or_brokerage", "intervention", "review"})
        by_stage[s] = Mean(double(stage[s]), total);
      r["open"] = {{"total", total}, {"by_stage", by_stage}};
    }
    {
      long allocated = 0, completed = 0, within = 0, completions = 0;
      double days = 0;
      oracle_json::object weeks{{"0", 0}, {"1", 0}, {"2", 0}, {"3", 0}, {"4+", 0}};
      std::vector<std::pair<std::string, std::string>> groups;
      for (const auto& e : h.episodes) {
        if (In(e.allocated_assessment_on)) {
          ++allocated;
          if (e.assessment_completed_on && *e.assessment_completed_on <= to) ++completed;
          const long d = Days(e.received_on, *e.allocated_assessment_on);
          days += double(d);
          Bump(weeks, d / 7 >= 4 ? "4+" : std::to_string(d / 7));
          groups.emplace_back(std::to_string(e.ea_officer), Month(*e.allocated_assessment_on));
        }
        if (In(e.assessment_completed_on)) {
          ++completions;
          if (*e.assessment_completed_on <= NaiveAddWorkingDays(e.received_on, 10)) ++within;
        }
      }
      r["assessment"] = {{"allocated", allocated}, {"completed", completed},
                         {"completed_rate", Mean(double(completed), allocated)},
                         {"average_days_to_allocation", Mean(days, allocated)},
                         {"allocated_by_week", weeks},
                         {"average_per_officer_month", groups.empty() ? oracle_json::value(nullptr) : MeanGroups(groups)},
                         {"within_timescale_rate", Mean(double(within), completions)}};
    }
    {
      long allocated = 0, completed = 0, within = 0, c_count = 0, panels = 0;
      double to_panel = 0;
      std::vector<Date> completions;
      std::vector<std::pair<std::string, std::string>> groups;
      oracle_json::object services;
      for (std::size_t i = 0; i < h.episodes.size(); ++i) {
        const auto& e = h.episodes[i];
        if (In(e.brokerage_started_on)) {
          ++allocated;
          if (e.plan_completed_on && *e.plan_completed_on <= to) ++completed;
        }
        if (In(e.plan_completed_on)) {
          ++c_count;
          completions.push_back(*e.plan_completed_on);
          groups.emplace_back(std::to_string(e.br_officer), Month(*e.plan_completed_on));
          if (*e.plan_completed_on <= NaiveAddWorkingDays(e.received_on, 15)) ++within;
          for (const auto& a : h.actions)
            if (a.episode == i && a.service != kNoService) {
              const std::string& id = h.services.at(a.service);
              services[id] = services.contains(id) ? services[id].as_int64() + 1 : 1;
            }
        }
        if (In(e.panel_on)) {
          ++panels;
          to_panel += double(Days(*e.brokerage_started_on, *e.panel_on));
        }
      }
      const auto count = services.size();
      r["plans"] = {{"allocated", allocated}, {"completed", completed},
                    {"completed_rate", Mean(double(completed), allocated)},
                    {"by_month", CountByMonth(completions)},
                    {"average_per_officer_month", groups.empty() ? oracle_json::value(nullptr) : MeanGroups(groups)},
                    {"within_timescale_rate", Mean(double(within), c_count)},
                    {"average_days_brokerage_to_panel", Mean(to_panel, panels)},
                    {"services", services}, {"services_count", count}};
    }
    {
      oracle_json::object requested;
      for (const auto& m : months) {
        oracle_json::object kinds = Zeros<Agency>();
        for (const auto& a : h.appraisals)
          if (In(a.requested_on) && Month(a.requested_on) == m) Bump(kinds, ToString(a.kind));
        requested[m] = kinds;
      }
      oracle_json::object averages;
      for (Agency k : AllValues<Agency>()) {
        double sum = 0;
        long n = 0;
        for (const auto& a : h.appraisals)
          if (a.kind == k && In(a.completed_on)) {
            sum += NaiveWorkingDaysBetween(a.requested_on, *a.completed_on);
            ++n;
          }
        averages[ToString(k)] = Mean(sum, n);
      }
      r["appraisals"] = {{"requested_by_month", requested}, {"average_working_days_to_complete", averages}};
    }
    {
      double a = 0, b = 0;
      long na = 0, nb = 0;
      for (const auto& e : h.episodes) {
        if (In(e.panel_on)) { a += double(Days(*e.plan_completed_on, *e.panel_on)); ++na; }
        if (In(e.intervention_started_on)) { b += double(Days(*e.panel_on, *e.intervention_started_on)); ++nb; }
      }
      r["panel"] = {{"average_days_plan_to_panel", Mean(a, na)}, {"average_days_panel_to_intervention", Mean(b, nb)}};
    }
    {
      auto in_i = [&](const EpisodeFacts& e) {
        return e.intervention_started_on && *e.intervention_started_on <= to && (!e.closed_on || *e.closed_on >= from);
      };
      oracle_json::object episodes, contacts;
      for (const auto& e : h.episodes) {
        if (!in_i(e) || episodes.contains(e.team)) continue;
        long n = 0, c = 0;
        for (std::size_t j = 0; j < h.episodes.size(); ++j) {
          if (!in_i(h.episodes[j]) || h.episodes[j].team != e.team) continue;
          ++n;
          for (const auto& k : h.contacts)
            if (k.episode == j && In(k.on)) ++c;
        }
        episodes[e.team] = n;
        contacts[e.team] = double(c) / double(n);
      }
      r["intervention"] = {{"episodes_by_team", episodes}, {"average_contacts_by_team", contacts}};
    }
    {
      long v = 0, within = 0, actions = 0;
      double days = 0;
      oracle_json::object statuses = Zeros<ActionStatus>();
      for (std::size_t i = 0; i < h.episodes.size(); ++i) {
        const auto& e = h.episodes[i];
        if (!In(e.review_started_on)) continue;
        ++v;
        days += double(Days(e.opened_on, *e.review_started_on));
        if (*e.review_started_on <= e.intervention_started_on->AddDays(42)) ++within;
        for (const auto& a : h.actions)
          if (a.episode == i) { ++actions; Bump(statuses, ToString(a.status)); }
      }
      r["review"] = {{"plans_reviewed", v}, {"average_days_open_to_review", Mean(days, v)},
                     {"within_timescale_rate", Mean(double(within), v)}, {"actions_total", actions},
                     {"actions_by_status", statuses}};
    }
    std::vector<std::size_t> k, ki;
    for (std::size_t i = 0; i < h.episodes.size(); ++i)
      if (In(h.episodes[i].closed_on)) {
        k.push_back(i);
        if (h.episodes[i].intervention_started_on) ki.push_back(i);
      }
    {
      oracle_json::object reasons = Zeros<ClosureReason>();
      long step_ups = 0, not_completing = 0, within = 0;
      for (auto i : k) {
        Bump(reasons, ToString(*h.episodes[i].closure_reason));
        if (*h.episodes[i].closure_reason == ClosureReason::kSteppedUp) ++step_ups;
      }
      for (auto i : ki) {
        const auto& e = h.episodes[i];
        if (*e.closure_reason == ClosureReason::kDisengaged || *e.closure_reason == ClosureReason::kConsentWithdrawn)
          ++not_completing;
        if (Days(*e.intervention_started_on, *e.closed_on) <= 84) ++within;
      }
      r["closure"] = {{"closed", k.size()}, {"by_reason", reasons}, {"not_completing", not_completing},
                      {"not_completing_rate", Mean(double(not_completing), long(ki.size()))},
                      {"within_max_duration_rate", Mean(double(within), long(ki.size()))}, {"step_ups", step_ups}};
    }
    {
      oracle_json::object types = Zeros<AceType>();
      long improved = 0, known = 0;
      for (const auto& a : h.aces) {
        if (In(a.identified_on)) Bump(types, ToString(a.ace));
        if (std::find(k.begin(), k.end(), a.episode) != k.end() && a.improved) {
          ++known;
          if (*a.improved) ++improved;
        }
      }
      r["aces"] = {{"identified_by_type", types}, {"improved_rate", Mean(double(improved), known)}};
    }
    r["resilience"] = Resilience(k);
    {
      oracle_json::object sat = Zeros<Satisfaction>();
      for (const auto& f : h.feedback)
        if (f.form == FeedbackForm::kServiceUser && In(f.on) && f.satisfaction) Bump(sat, ToString(*f.satisfaction));
      r["feedback"] = {{"service_user_satisfaction", sat}};
    }
    r["returning_families"] = Returning();
    {
      long records = 0, considered = 0, eligible = 0, recent = 0;
      for (const auto& o : h.oversight)
        if (In(o.on)) { ++records; if (o.considered_plan_effectiveness) ++considered; }
      const Date cut = to.AddDays(-28);
      for (std::size_t i = 0; i < h.episodes.size(); ++i) {
        const auto& e = h.episodes[i];
        const bool open = e.opened_on <= to && !(e.closed_on && *e.closed_on <= to);
        if (!open || e.opened_on > cut) continue;
        ++eligible;
        bool found = false;
        for (const auto& o : h.oversight)
          if (o.episode == i && o.on > cut && o.on <= to) found = true;
        if (found) ++recent;
      }
      r["oversight"] = {{"records", records}, {"open_with_recent_oversight_rate", Mean(double(recent), eligible)},
                        {"considered_plan_effectiveness_rate", Mean(double(considered), records)}};
    }
    {
      long n = 0, shared = 0;
      oracle_json::object grades = Zeros<AuditGrade>();
      for (const auto& a : h.audits)
        if (In(a.on)) { ++n; Bump(grades, ToString(a.grade)); if (a.shared_with_worker) ++shared; }
      r["audits"] = {{"completed", n}, {"by_grade", grades}, {"shared_with_worker_rate", Mean(double(shared), n)}};
    }
    {
      long episodes = 0, single = 0;
      double workers = 0;
      for (auto i : ki) {
        std::set<GroupKey> w;
        for (const auto& a : h.assignments)
          if (a.episode == i && a.role == Role::kInterventionWorker) w.insert(a.worker);
        if (w.empty()) continue;
        ++episodes;
        workers += double(w.size());
        if (w.size() == 1) ++single;
      }
      r["continuity"] = {{"episodes", episodes}, {"average_workers_per_episode", Mean(workers, episodes)},
                         {"single_worker_rate", Mean(double(single), episodes)}};
    }
    return r;
  }

  oracle_json::object Resilience(const std::vector<std::size_t>& k) const {
    static const char* kDomains[] = {"environment", "adversity", "resilience", "vulnerability"};
    std::vector<std::pair<const AssessmentFacts*, const AssessmentFacts*>> pairs;
    for (auto i : k) {
      const AssessmentFacts* first = nullptr;
      const AssessmentFacts* last = nullptr;
      for (const auto& a : h.assessments) {
        if (a.episode != i || a.instrument != AssessmentInstrument::kResilience) continue;
        const auto key = std::make_pair(a.on, a.id);
        if (a.stage == AssessmentStage::kInitial && (!first || key < std::make_pair(first->on, first->id))) first = &a;
        if (a.stage == AssessmentStage::kEvaluation && (!last || key > std::make_pair(last->on, last->id))) last = &a;
      }
      if (first && last) pairs.emplace_back(first, last);
    }
    const long n = long(pairs.size());
    oracle_json::object initial, evaluation, change;
    double ti = 0, te = 0;
    long improved = 0;
    for (int d = 0; d < 4; ++d) {
      double si = 0, se = 0;
      for (const auto& [a, b] : pairs) { si += a->scores[std::size_t(d)]; se += b->scores[std::size_t(d)]; }
      initial[kDomains[d]] = Mean(si, n);
      evaluation[kDomains[d]] = Mean(se, n);
      change[kDomains[d]] = Mean(se - si, n);
      ti += si;
      te += se;
    }
    for (const auto& [a, b] : pairs) {
      int sa = 0, sb = 0;
      for (int d = 0; d < 4; ++d) { sa += a->scores[std::size_t(d)]; sb += b->scores[std::size_t(d)]; }
      if (sb < sa) ++improved;
    }
    initial["total"] = Mean(ti, n);
    evaluation["total"] = Mean(te, n);
    change["total"] = Mean(te - ti, n);
    return {{"pairs", n}, {"average_initial", initial}, {"average_evaluation", evaluation},
            {"average_change", change}, {"improved_rate", Mean(double(improved), n)}};
  }

  oracle_json::object Returning() const {
    oracle_json::object by_month;
    for (const auto& m : Months()) {
      const int y = std::stoi(m.substr(0, 4)), mo = std::stoi(m.substr(5, 2));
      // m − 23 .. m − 12 as "YYYY-MM" strings
      std::set<std::string> window;
      for (int back = 12; back <= 23; ++back) {
        int total = y * 12 + (mo - 1) - back;
        char t[16];
        std::snprintf(t, sizeof t, "%04d-%02d", total / 12, total % 12 + 1);
        window.insert(t);
      }
      long cohort = 0, returned = 0;
      for (std::size_t i = 0; i < h.episodes.size(); ++i) {
        const auto& e = h.episodes[i];
        if (!e.closed_on || !window.count(Month(*e.closed_on))) continue;
        ++cohort;
        const Date a = *e.closed_on, b = a.AddDays(365);
        bool back = false;
        for (std::size_t j = 0; j < h.episodes.size(); ++j)
          if (j != i && h.episodes[j].family == e.family && a <= h.episodes[j].opened_on && h.episodes[j].opened_on <= b)
            back = true;
        for (const auto& s : h.statutory)
          if (s.family == e.family && a <= s.started_on && s.started_on <= b) back = true;
        if (back) ++returned;
      }
      by_month[m] = {{"cohort", cohort}, {"stayed_free", cohort - returned},
                     {"rate", Mean(double(cohort - returned), cohort)}};
    }
    return {{"by_month", by_month}};
  }
};

}  // namespace hearth::testing
