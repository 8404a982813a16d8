#include "app/service_report_json.hpp"

#include <string>

namespace hearth {
namespace {
namespace json = boost::json;

json::value Number(const Mean& m) {
  if (!m) return nullptr;
  return *m;
}

template <class E, class T>
json::object ByEnum(const PerValue<E, T>& values) {
  json::object out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if constexpr (std::is_same_v<T, Mean>) {
      out[EnumTraits<E>::kNames[i]] = Number(values[i]);
    } else {
      out[EnumTraits<E>::kNames[i]] = values[i];
    }
  }
  return out;
}

json::object ByMonth(const ServiceReport& r, const std::vector<std::int64_t>& counts) {
  json::object out;
  for (std::size_t i = 0; i < r.month_keys.size(); ++i) out[r.month_keys[i]] = counts[i];
  return out;
}

json::object Scores(const DomainScores& s) {
  json::object out = ByEnum<ResilienceDomain>(s.domains);
  out["total"] = Number(s.total);
  return out;
}

json::object Period(const ServiceReport& r) {
  return {{"from", r.from.ToString()}, {"to", r.to.ToString()}, {"months", r.month_keys.size()}};
}

json::object Referrals(const ServiceReport& r) {
  return {{"received", r.referrals.received},
          {"by_month", ByMonth(r, r.referrals.by_month)},
          {"average_per_month", Number(r.referrals.average_per_month)},
          {"step_downs", r.referrals.step_downs}};
}

json::object Assessment(const ServiceReport& r) {
  const auto& a = r.assessment;
  json::object weeks;
  for (std::size_t i = 0; i < kWeekBuckets.size(); ++i) weeks[kWeekBuckets[i]] = a.allocated_by_week[i];
  return {{"allocated", a.allocated},
          {"completed", a.completed},
          {"completed_rate", Number(a.completed_rate)},
          {"average_days_to_allocation", Number(a.average_days_to_allocation)},
          {"allocated_by_week", std::move(weeks)},
          {"average_per_officer_month", Number(a.average_per_officer_month)},
          {"within_timescale_rate", Number(a.within_timescale_rate)}};
}

json::object Plans(const ServiceReport& r) {
  const auto& b = r.plans;
  json::object services;
  for (const auto& [id, count] : b.services) services[id] = count;
  return {{"allocated", b.allocated},
          {"completed", b.completed},
          {"completed_rate", Number(b.completed_rate)},
          {"by_month", ByMonth(r, b.by_month)},
          {"average_per_officer_month", Number(b.average_per_officer_month)},
          {"within_timescale_rate", Number(b.within_timescale_rate)},
          {"average_days_brokerage_to_panel", Number(b.average_days_brokerage_to_panel)},
          {"services", std::move(services)},
          {"services_count", b.services.size()}};
}

json::object Appraisals(const ServiceReport& r) {
  json::object requested;
  for (std::size_t i = 0; i < r.month_keys.size(); ++i)
    requested[r.month_keys[i]] = ByEnum<Agency>(r.appraisals.requested_by_month[i]);
  return {{"requested_by_month", std::move(requested)},
          {"average_working_days_to_complete", ByEnum<Agency>(r.appraisals.average_working_days_to_complete)}};
}

json::object Intervention(const ServiceReport& r) {
  json::object episodes, contacts;
  for (const auto& [team, count] : r.intervention.episodes_by_team) episodes[team] = count;
  for (const auto& [team, mean] : r.intervention.average_contacts_by_team) contacts[team] = Number(mean);
  return {{"episodes_by_team", std::move(episodes)}, {"average_contacts_by_team", std::move(contacts)}};
}

json::object Review(const ServiceReport& r) {
  const auto& v = r.review;
  return {{"plans_reviewed", v.plans_reviewed},
          {"average_days_open_to_review", Number(v.average_days_open_to_review)},
          {"within_timescale_rate", Number(v.within_timescale_rate)},
          {"actions_total", v.actions_total},
          {"actions_by_status", ByEnum<ActionStatus>(v.actions_by_status)}};
}

json::object Closure(const ServiceReport& r) {
  const auto& k = r.closure;
  return {{"closed", k.closed},
          {"by_reason", ByEnum<ClosureReason>(k.by_reason)},
          {"not_completing", k.not_completing},
          {"not_completing_rate", Number(k.not_completing_rate)},
          {"within_max_duration_rate", Number(k.within_max_duration_rate)},
          {"step_ups", k.step_ups}};
}

json::object Resilience(const ServiceReport& r) {
  const auto& s = r.resilience;
  return {{"pairs", s.pairs},
          {"average_initial", Scores(s.average_initial)},
          {"average_evaluation", Scores(s.average_evaluation)},
          {"average_change", Scores(s.average_change)},
          {"improved_rate", Number(s.improved_rate)}};
}

json::object ReturningFamilies(const ServiceReport& r) {
  json::object months;
  for (std::size_t i = 0; i < r.month_keys.size(); ++i) {
    const ReturningMonth& m = r.returning_families.by_month[i];
    months[r.month_keys[i]] = json::object{{"cohort", m.cohort}, {"stayed_free", m.stayed_free}, {"rate", Number(m.rate)}};
  }
  return {{"by_month", std::move(months)}};
}

}  // namespace

json::object ServiceReportJson(const ServiceReport& r) {
  json::object out;
  out["period"] = Period(r);
  out["referrals"] = Referrals(r);
  out["open"] = json::object{{"total", r.open.total}, {"by_stage", ByEnum<ReportStage>(r.open.by_stage)}};
  out["assessment"] = Assessment(r);
  out["plans"] = Plans(r);
  out["appraisals"] = Appraisals(r);
  out["panel"] = json::object{{"average_days_plan_to_panel", Number(r.panel.average_days_plan_to_panel)},
                              {"average_days_panel_to_intervention", Number(r.panel.average_days_panel_to_intervention)}};
  out["intervention"] = Intervention(r);
  out["review"] = Review(r);
  out["closure"] = Closure(r);
  out["aces"] = json::object{{"identified_by_type", ByEnum<AceType>(r.aces.identified_by_type)},
                             {"improved_rate", Number(r.aces.improved_rate)}};
  out["resilience"] = Resilience(r);
  out["feedback"] = json::object{
      {"service_user_satisfaction", ByEnum<Satisfaction>(r.feedback.service_user_satisfaction)}};
  out["returning_families"] = ReturningFamilies(r);
  out["oversight"] = json::object{
      {"records", r.oversight.records},
      {"open_with_recent_oversight_rate", Number(r.oversight.open_with_recent_oversight_rate)},
      {"considered_plan_effectiveness_rate", Number(r.oversight.considered_plan_effectiveness_rate)}};
  out["audits"] = json::object{{"completed", r.audits.completed},
                               {"by_grade", ByEnum<AuditGrade>(r.audits.by_grade)},
                               {"shared_with_worker_rate", Number(r.audits.shared_with_worker_rate)}};
  out["continuity"] = json::object{{"episodes", r.continuity.episodes},
                                   {"average_workers_per_episode", Number(r.continuity.average_workers_per_episode)},
                                   {"single_worker_rate", Number(r.continuity.single_worker_rate)}};
  return out;
}

}  // namespace hearth
