// The service report of METRICS.md, computed from a ServiceHistory for a period P = [from, to]. Every figure is
// defined there; the names here are METRICS.md's keys. Averages and rates over an empty set are std::nullopt
// (JSON null). `by_month` vectors run parallel to `month_keys` (months(P)).
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "domain/enum_names.hpp"
#include "domain/service_history.hpp"
#include "domain/working_days.hpp"

namespace hearth {

using Mean = std::optional<double>;  // a plain mean or a fraction; nullopt over an empty set

template <class E, class T>
using PerValue = std::array<T, EnumTraits<E>::kNames.size()>;  // indexed by the enumeration's value

// The stages METRICS.md reports open episodes in (its own grouping, not EpisodeStage).
enum class ReportStage { kAwaitingAllocation, kAssessmentOrBrokerage, kIntervention, kReview };
template <> struct EnumTraits<ReportStage> {
  static constexpr std::array kNames{"awaiting_allocation"sv, "assessment_or_brokerage"sv, "intervention"sv,
                                     "review"sv};
};

// allocated_by_week buckets: "0", "1", "2", "3", "4+".
inline constexpr std::array<std::string_view, 5> kWeekBuckets{"0", "1", "2", "3", "4+"};

struct DomainScores {
  PerValue<ResilienceDomain, Mean> domains{};
  Mean total;
};

struct ReturningMonth {
  std::int64_t cohort = 0;
  std::int64_t stayed_free = 0;
  Mean rate;
};

struct ServiceReport {
  Date from;
  Date to;
  std::vector<std::string> month_keys;  // months(P), "YYYY-MM", ascending

  struct {
    std::int64_t received = 0;
    std::vector<std::int64_t> by_month;
    Mean average_per_month;
    std::int64_t step_downs = 0;
  } referrals;

  struct {
    std::int64_t total = 0;
    PerValue<ReportStage, Mean> by_stage{};
  } open;

  struct {
    std::int64_t allocated = 0;
    std::int64_t completed = 0;
    Mean completed_rate;
    Mean average_days_to_allocation;
    std::array<std::int64_t, kWeekBuckets.size()> allocated_by_week{};
    Mean average_per_officer_month;
    Mean within_timescale_rate;
  } assessment;

  struct {
    std::int64_t allocated = 0;
    std::int64_t completed = 0;
    Mean completed_rate;
    std::vector<std::int64_t> by_month;
    Mean average_per_officer_month;
    Mean within_timescale_rate;
    Mean average_days_brokerage_to_panel;
    std::map<std::string, std::int64_t> services;  // service id -> actions
  } plans;

  struct {
    std::vector<PerValue<Agency, std::int64_t>> requested_by_month;
    PerValue<Agency, Mean> average_working_days_to_complete{};
  } appraisals;

  struct {
    Mean average_days_plan_to_panel;
    Mean average_days_panel_to_intervention;
  } panel;

  struct {
    std::map<std::string, std::int64_t> episodes_by_team;
    std::map<std::string, Mean> average_contacts_by_team;
  } intervention;

  struct {
    std::int64_t plans_reviewed = 0;
    Mean average_days_open_to_review;
    Mean within_timescale_rate;
    std::int64_t actions_total = 0;
    PerValue<ActionStatus, std::int64_t> actions_by_status{};
  } review;

  struct {
    std::int64_t closed = 0;
    PerValue<ClosureReason, std::int64_t> by_reason{};
    std::int64_t not_completing = 0;
    Mean not_completing_rate;
    Mean within_max_duration_rate;
    std::int64_t step_ups = 0;
  } closure;

  struct {
    PerValue<AceType, std::int64_t> identified_by_type{};
    Mean improved_rate;
  } aces;

  struct {
    std::int64_t pairs = 0;
    DomainScores average_initial;
    DomainScores average_evaluation;
    DomainScores average_change;
    Mean improved_rate;
  } resilience;

  struct {
    PerValue<Satisfaction, std::int64_t> service_user_satisfaction{};
  } feedback;

  struct {
    std::vector<ReturningMonth> by_month;
  } returning_families;

  struct {
    std::int64_t records = 0;
    Mean open_with_recent_oversight_rate;
    Mean considered_plan_effectiveness_rate;
  } oversight;

  struct {
    std::int64_t completed = 0;
    PerValue<AuditGrade, std::int64_t> by_grade{};
    Mean shared_with_worker_rate;
  } audits;

  struct {
    std::int64_t episodes = 0;
    Mean average_workers_per_episode;
    Mean single_worker_rate;
  } continuity;
};

// `from` must not be after `to` (callers validate it). `history` is read only; episodes' child records must name
// valid episode indexes.
ServiceReport ComputeServiceReport(const ServiceHistory& history, Date from, Date to,
                                   const WorkingCalendar& calendar);

// "YYYY-MM" of `d`.
std::string MonthKey(Date d);

}  // namespace hearth
