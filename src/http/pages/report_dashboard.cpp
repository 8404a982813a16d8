#include "http/pages/report_dashboard.hpp"

#include <cmath>
#include <cstdio>
#include <utility>
#include <vector>

#include "http/views.hpp"

namespace hearth::http {
namespace {

// One cell: what is shown, and the plain number a chart reads ("" where there is none).
struct Cell {
  std::string text;
  std::string raw;
};

// A table as the template shows it. `chart` is the kind of chart drawn from it ("" for none); `series` the columns
// (counted from 0, after the row header) the chart plots, all of them when empty.
struct Table {
  std::string id;
  std::string caption;
  std::string chart;
  std::string row_header;
  std::vector<std::string> columns;
  std::vector<std::pair<std::string, std::vector<Cell>>> rows;
  std::string series;
  bool percent = false;
};

Table MakeTable(std::string id, std::string caption, std::string chart, std::string row_header,
                std::vector<std::string> columns, std::string series = "") {
  Table t;
  t.id = std::move(id);
  t.caption = std::move(caption);
  t.chart = std::move(chart);
  t.row_header = std::move(row_header);
  t.columns = std::move(columns);
  t.series = std::move(series);
  return t;
}

std::string Raw(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", v);
  return buffer;
}

Cell CountCell(std::int64_t n) { return {FormatCount(n), std::to_string(n)}; }
Cell PercentCell(const Mean& rate, const MessageCatalogue& m) {
  return {FormatPercent(rate, m), rate ? Raw(*rate * 100.0) : ""};
}
Cell MeanCell(const Mean& mean, const MessageCatalogue& m) { return {FormatMean(mean, m), mean ? Raw(*mean) : ""}; }

template <class E>
std::string Label(const MessageCatalogue& m, std::string_view group, std::size_t i) {
  return m.Get(std::string(group) + "." + std::string(EnumTraits<E>::kNames[i]));
}

std::string NameOf(const std::map<std::string, std::string>& names, const std::string& id) {
  const auto it = names.find(id);
  return it == names.end() || it->second.empty() ? id : it->second;
}

mustache::data TableData(const Table& t) {
  mustache::data columns{mustache::data::type::list};
  for (const auto& c : t.columns) {
    mustache::data col;
    col.set("label", c);
    columns.push_back(std::move(col));
  }
  mustache::data rows{mustache::data::type::list};
  for (const auto& [label, cells] : t.rows) {
    mustache::data cell_list{mustache::data::type::list};
    for (const auto& c : cells) {
      mustache::data cell;
      cell.set("text", c.text);
      cell.set("raw", c.raw);
      cell_list.push_back(std::move(cell));
    }
    mustache::data row;
    row.set("label", label);
    row.set("cells", std::move(cell_list));
    rows.push_back(std::move(row));
  }
  mustache::data out;
  out.set("id", t.id);
  out.set("caption", t.caption);
  out.set("chart", t.chart);
  out.set("has_chart", MustacheBool(!t.chart.empty()));
  out.set("series", t.series);
  out.set("percent", MustacheBool(t.percent));
  out.set("row_header", t.row_header);
  out.set("columns", std::move(columns));
  out.set("rows", std::move(rows));
  out.set("empty", MustacheBool(t.rows.empty()));
  return out;
}

mustache::data Panel(const MessageCatalogue& m, std::string_view id, std::vector<Table> tables) {
  const std::string key = "report.panel." + std::string(id);
  mustache::data list{mustache::data::type::list};
  for (const auto& t : tables) list.push_back(TableData(t));
  mustache::data out;
  out.set("id", std::string(id));
  out.set("heading", m.Get(key + ".heading"));
  out.set("tables", std::move(list));
  return out;
}

std::string Col(const MessageCatalogue& m, std::string_view key) { return m.Get("report.col." + std::string(key)); }
std::string Fig(const MessageCatalogue& m, std::string_view key) { return m.Get("report.figure." + std::string(key)); }

Table Headline(const ServiceReport& r, const MessageCatalogue& m) {
  Table t = MakeTable("headline", m.Get("report.caption.headline"), "", Col(m, "figure"), {Col(m, "value")});
  auto add = [&](std::string_view key, Cell c) { t.rows.push_back({Fig(m, key), {std::move(c)}}); };
  add("referrals_received", CountCell(r.referrals.received));
  add("referrals_per_month", MeanCell(r.referrals.average_per_month, m));
  add("step_downs", CountCell(r.referrals.step_downs));
  add("open_total", CountCell(r.open.total));
  add("assessments_allocated", CountCell(r.assessment.allocated));
  add("assessments_completed", CountCell(r.assessment.completed));
  add("plans_completed", CountCell(r.plans.completed));
  add("plans_reviewed", CountCell(r.review.plans_reviewed));
  add("closed", CountCell(r.closure.closed));
  add("not_completing", CountCell(r.closure.not_completing));
  add("not_completing_rate", PercentCell(r.closure.not_completing_rate, m));
  add("step_ups", CountCell(r.closure.step_ups));
  return t;
}

Table ByMonthTable(const ServiceReport& r, const MessageCatalogue& m, std::string id, std::string_view column,
                   const std::vector<std::int64_t>& counts) {
  Table t = MakeTable(id, m.Get("report.caption." + id), "bar", Col(m, "month"), {Col(m, column)});
  for (std::size_t i = 0; i < r.month_keys.size(); ++i) t.rows.push_back({r.month_keys[i], {CountCell(counts[i])}});
  return t;
}

Table OpenByStage(const ServiceReport& r, const MessageCatalogue& m) {
  Table t = MakeTable("open_by_stage", m.Format("report.caption.open_by_stage", {{"total", FormatCount(r.open.total)}}),
                      "doughnut", Col(m, "stage"), {Col(m, "share")});
  t.percent = true;
  for (std::size_t i = 0; i < r.open.by_stage.size(); ++i)
    t.rows.push_back({Label<ReportStage>(m, "report.stage", i), {PercentCell(r.open.by_stage[i], m)}});
  return t;
}

Table AllocationByWeek(const ServiceReport& r, const MessageCatalogue& m) {
  Table t = MakeTable("allocated_by_week", m.Get("report.caption.allocated_by_week"), "bar", Col(m, "weeks"),
                      {Col(m, "families")});
  for (std::size_t i = 0; i < kWeekBuckets.size(); ++i)
    t.rows.push_back({std::string(kWeekBuckets[i]), {CountCell(r.assessment.allocated_by_week[i])}});
  return t;
}

Table Timescales(const ServiceReport& r, const MessageCatalogue& m) {
  Table t = MakeTable("timescales", m.Get("report.caption.timescales"), "bar", Col(m, "measure"), {Col(m, "within")});
  t.percent = true;
  t.rows.push_back({Fig(m, "assessment_within"), {PercentCell(r.assessment.within_timescale_rate, m)}});
  t.rows.push_back({Fig(m, "plan_within"), {PercentCell(r.plans.within_timescale_rate, m)}});
  t.rows.push_back({Fig(m, "review_within"), {PercentCell(r.review.within_timescale_rate, m)}});
  t.rows.push_back({Fig(m, "intervention_within"), {PercentCell(r.closure.within_max_duration_rate, m)}});
  return t;
}

Table Averages(const ServiceReport& r, const MessageCatalogue& m) {
  Table t = MakeTable("averages", m.Get("report.caption.averages"), "", Col(m, "measure"), {Col(m, "average")});
  auto add = [&](std::string_view key, const Mean& v) { t.rows.push_back({Fig(m, key), {MeanCell(v, m)}}); };
  add("days_to_allocation", r.assessment.average_days_to_allocation);
  add("assessments_per_officer_month", r.assessment.average_per_officer_month);
  add("plans_per_officer_month", r.plans.average_per_officer_month);
  add("days_brokerage_to_panel", r.plans.average_days_brokerage_to_panel);
  add("days_plan_to_panel", r.panel.average_days_plan_to_panel);
  add("days_panel_to_intervention", r.panel.average_days_panel_to_intervention);
  add("days_open_to_review", r.review.average_days_open_to_review);
  t.rows.push_back({Fig(m, "assessment_completed_rate"), {PercentCell(r.assessment.completed_rate, m)}});
  t.rows.push_back({Fig(m, "plan_completed_rate"), {PercentCell(r.plans.completed_rate, m)}});
  return t;
}

Table AppraisalsByMonth(const ServiceReport& r, const MessageCatalogue& m) {
  Table t =
      MakeTable("appraisals_requested", m.Get("report.caption.appraisals_requested"), "stacked", Col(m, "month"), {});
  for (std::size_t k = 0; k < EnumTraits<Agency>::kNames.size(); ++k)
    t.columns.push_back(Label<Agency>(m, "agency", k));
  for (std::size_t i = 0; i < r.month_keys.size(); ++i) {
    std::vector<Cell> cells;
    for (auto n : r.appraisals.requested_by_month[i]) cells.push_back(CountCell(n));
    t.rows.push_back({r.month_keys[i], std::move(cells)});
  }
  return t;
}

Table AppraisalDays(const ServiceReport& r, const MessageCatalogue& m) {
  Table t = MakeTable("appraisal_days", m.Get("report.caption.appraisal_days"), "bar", Col(m, "kind"),
                      {Col(m, "working_days")});
  for (std::size_t k = 0; k < r.appraisals.average_working_days_to_complete.size(); ++k)
    t.rows.push_back({Label<Agency>(m, "agency", k), {MeanCell(r.appraisals.average_working_days_to_complete[k], m)}});
  return t;
}

Table ByTeam(const ServiceReport& r, const MessageCatalogue& m, const std::map<std::string, std::string>& names) {
  Table t = MakeTable("by_team", m.Get("report.caption.by_team"), "bar", Col(m, "team"),
                      {Col(m, "families"), Col(m, "contacts")});
  for (const auto& [team, count] : r.intervention.episodes_by_team) {
    const auto avg = r.intervention.average_contacts_by_team.find(team);
    const Mean mean = avg == r.intervention.average_contacts_by_team.end() ? Mean{} : avg->second;
    t.rows.push_back({NameOf(names, team), {CountCell(count), MeanCell(mean, m)}});
  }
  return t;
}

Table Services(const ServiceReport& r, const MessageCatalogue& m, const std::map<std::string, std::string>& names) {
  Table t =
      MakeTable("services", m.Format("report.caption.services", {{"count", FormatCount(r.plans.services.size())}}),
                "bar", Col(m, "service"), {Col(m, "actions")});
  for (const auto& [service, count] : r.plans.services) t.rows.push_back({NameOf(names, service), {CountCell(count)}});
  return t;
}

template <class E, std::size_t N>
Table EnumCounts(const MessageCatalogue& m, std::string id, std::string_view group, std::string chart,
                 std::string_view row_header, std::string_view column, const std::array<std::int64_t, N>& counts) {
  Table t = MakeTable(id, m.Get("report.caption." + id), std::move(chart), Col(m, row_header), {Col(m, column)});
  for (std::size_t i = 0; i < N; ++i) t.rows.push_back({Label<E>(m, group, i), {CountCell(counts[i])}});
  return t;
}

Table Resilience(const ServiceReport& r, const MessageCatalogue& m) {
  const auto& s = r.resilience;
  Table t = MakeTable("resilience",
                      m.Format("report.caption.resilience",
                               {{"pairs", FormatCount(s.pairs)}, {"improved", FormatPercent(s.improved_rate, m)}}),
                      "bar", Col(m, "domain"), {Col(m, "initial"), Col(m, "evaluation"), Col(m, "change")}, "0,1");
  for (std::size_t d = 0; d < EnumTraits<ResilienceDomain>::kNames.size(); ++d)
    t.rows.push_back({Label<ResilienceDomain>(m, "report.domain", d),
                      {MeanCell(s.average_initial.domains[d], m), MeanCell(s.average_evaluation.domains[d], m),
                       MeanCell(s.average_change.domains[d], m)}});
  t.rows.push_back({Fig(m, "resilience_total"),
                    {MeanCell(s.average_initial.total, m), MeanCell(s.average_evaluation.total, m),
                     MeanCell(s.average_change.total, m)}});
  return t;
}

Table Returning(const ServiceReport& r, const MessageCatalogue& m) {
  Table t = MakeTable("returning", m.Get("report.caption.returning"), "line", Col(m, "month"),
                      {Col(m, "cohort"), Col(m, "stayed_free"), Col(m, "rate")}, "2");
  for (std::size_t i = 0; i < r.month_keys.size(); ++i) {
    const auto& month = r.returning_families.by_month[i];
    t.rows.push_back(
        {r.month_keys[i], {CountCell(month.cohort), CountCell(month.stayed_free), PercentCell(month.rate, m)}});
  }
  return t;
}

Table Compliance(const ServiceReport& r, const MessageCatalogue& m) {
  Table t = MakeTable("compliance", m.Get("report.caption.compliance"), "", Col(m, "measure"), {Col(m, "value")});
  t.rows.push_back({Fig(m, "oversight_records"), {CountCell(r.oversight.records)}});
  t.rows.push_back({Fig(m, "recent_oversight"), {PercentCell(r.oversight.open_with_recent_oversight_rate, m)}});
  t.rows.push_back({Fig(m, "considered_plan"), {PercentCell(r.oversight.considered_plan_effectiveness_rate, m)}});
  t.rows.push_back({Fig(m, "audits_completed"), {CountCell(r.audits.completed)}});
  t.rows.push_back({Fig(m, "audits_shared"), {PercentCell(r.audits.shared_with_worker_rate, m)}});
  return t;
}

Table Continuity(const ServiceReport& r, const MessageCatalogue& m) {
  Table t = MakeTable("continuity", m.Get("report.caption.continuity"), "", Col(m, "measure"), {Col(m, "value")});
  t.rows.push_back({Fig(m, "continuity_episodes"), {CountCell(r.continuity.episodes)}});
  t.rows.push_back({Fig(m, "workers_per_episode"), {MeanCell(r.continuity.average_workers_per_episode, m)}});
  t.rows.push_back({Fig(m, "single_worker"), {PercentCell(r.continuity.single_worker_rate, m)}});
  return t;
}

}  // namespace

std::string FormatCount(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string FormatPercent(const Mean& rate, const MessageCatalogue& messages) {
  if (!rate) return messages.Get("report.none");
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", *rate * 100.0);
  return buffer;
}

std::string FormatMean(const Mean& mean, const MessageCatalogue& messages) {
  if (!mean) return messages.Get("report.none");
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", std::abs(*mean) < 0.05 ? 0.0 : *mean);
  return buffer;
}

mustache::data ReportDashboardPanels(const ServiceReport& r, const MessageCatalogue& m, const ReportNames& names) {
  mustache::data panels{mustache::data::type::list};
  panels.push_back(Panel(m, "headline", {Headline(r, m)}));
  panels.push_back(
      Panel(m, "referrals",
            {ByMonthTable(r, m, "referrals_by_month", "referrals", r.referrals.by_month), OpenByStage(r, m)}));
  panels.push_back(Panel(m, "assessment", {AllocationByWeek(r, m), Timescales(r, m), Averages(r, m)}));
  panels.push_back(Panel(m, "plans",
                         {ByMonthTable(r, m, "plans_by_month", "plans", r.plans.by_month), AppraisalsByMonth(r, m),
                          AppraisalDays(r, m), Services(r, m, names.services)}));
  panels.push_back(Panel(m, "intervention",
                         {ByTeam(r, m, names.teams),
                          EnumCounts<ActionStatus>(m, "actions_by_status", "action_status", "doughnut", "status",
                                                   "actions", r.review.actions_by_status),
                          EnumCounts<ClosureReason>(m, "closure_by_reason", "closure_reason", "doughnut", "reason",
                                                    "families", r.closure.by_reason)}));
  Table aces = EnumCounts<AceType>(m, "aces", "report.ace", "bar", "ace", "identified", r.aces.identified_by_type);
  aces.caption = m.Format("report.caption.aces", {{"improved", FormatPercent(r.aces.improved_rate, m)}});
  panels.push_back(Panel(m, "outcomes",
                         {Resilience(r, m), std::move(aces),
                          EnumCounts<Satisfaction>(m, "satisfaction", "report.satisfaction", "bar", "answer",
                                                   "families", r.feedback.service_user_satisfaction),
                          Returning(r, m)}));
  panels.push_back(
      Panel(m, "quality",
            {Compliance(r, m),
             EnumCounts<AuditGrade>(m, "audit_grades", "report.grade", "bar", "grade", "audits", r.audits.by_grade),
             Continuity(r, m)}));
  return panels;
}

}  // namespace hearth::http
