// /reports/service: the service dashboard (issue 5). The figures of METRICS.md for a period chosen on the page
// (default: the last twelve calendar months up to today) and, optionally, one team (docs/api.md, "A team's
// report"), as tables with a chart drawn from each; and the same figures as downloads: /reports/service.csv and
// /reports/service.xlsx. Every view and download goes through
// ReportService, which checks kViewReports and audits it.
#include <algorithm>
#include <boost/json/object.hpp>

#include "app/service_report_csv.hpp"
#include "app/service_report_json.hpp"
#include "app/service_report_xlsx.hpp"
#include "http/pages/family_view_data.hpp"
#include "http/pages/page_errors.hpp"
#include "http/pages/report_dashboard.hpp"
#include "http/responses.hpp"
#include "http/routes.hpp"

namespace hearth::http {
namespace {

// The period asked for, or the default one when the page is opened without one.
Input PeriodInput(const RequestContext& ctx) {
  Input values;
  std::string from = ctx.query.Get("from");
  std::string to = ctx.query.Get("to");
  if (!ctx.query.Has("from") && !ctx.query.Has("to")) {
    const Date today = Date::TodayUtc();
    to = today.ToString();
    const int months_back = 11;
    int year = today.Year();
    int month = static_cast<int>(today.Month()) - months_back;
    while (month < 1) {
      month += 12;
      --year;
    }
    from = Date(std::chrono::year(year) / std::chrono::month(static_cast<unsigned>(month)) / std::chrono::day(1))
               .ToString();
  }
  values.Add("from", from);
  values.Add("to", to);
  values.Add("team", ctx.query.Get("team"));
  return values;
}

// The download links' query: the period and the team as asked (dates are YYYY-MM-DD once valid; a team id is
// percent-encoded, as ids are free text in the interchange).
std::string FilterQuery(const Input& filter) {
  std::string q = "from=" + filter.Get("from") + "&to=" + filter.Get("to");
  if (!filter.Get("team").empty()) q += "&team=" + UrlEncode(filter.Get("team"));
  return q;
}

// The team list: the whole service first, then every team by name.
mustache::data TeamOptions(const ReportNames& names, const std::string& chosen, const MessageCatalogue& m) {
  mustache::data list{mustache::data::type::list};
  auto option = [&](const std::string& value, const std::string& label) {
    mustache::data o;
    o.set("value", value);
    o.set("label", label);
    o.set("selected", MustacheBool(value == chosen));
    list.push_back(o);
  };
  option("", m.Get("report.dashboard.all_teams"));
  std::vector<std::pair<std::string, std::string>> by_name;
  for (const auto& [id, name] : names.teams) by_name.emplace_back(name, id);
  std::sort(by_name.begin(), by_name.end());
  for (const auto& [name, id] : by_name) option(id, name);
  return list;
}

RawResponse DashboardPage(RequestContext& ctx, RouteDeps deps) {
  const auto& m = deps.views.Messages();
  const Input period_input = PeriodInput(ctx);
  const std::string& team = period_input.Get("team");
  const ReportNames names = deps.services.reports.Names(ctx.Who());
  mustache::data data;
  data.set("title", m.Get("report.dashboard.title"));
  data.set("teams", TeamOptions(names, team, m));
  auto refuse = [&](const Error& error) {
    data.set("form", FormData(period_input, &error, m));
    return HtmlResponse(ctx, bhttp::status::unprocessable_entity, deps.views.Page(ctx, "reports/service", data));
  };
  const auto period = ParseReportPeriod(period_input.Get("from"), period_input.Get("to"));
  if (!period) return refuse(period.error());
  const auto report = deps.services.reports.Service(ctx.Who(), period->from, period->to, team);
  if (!report && report.error().code == ErrorCode::kValidation) return refuse(report.error());
  if (!report) return PageForError(ctx, deps.views, report.error());
  data.set("form", FormData(period_input, nullptr, m));
  data.set("has_report", MustacheBool(true));
  data.set("period_text", m.Format("report.dashboard.period",
                                   {{"from", FormatDate(period->from, m)}, {"to", FormatDate(period->to, m)}}));
  const auto team_name = names.teams.find(team);
  data.set("has_team", MustacheBool(team_name != names.teams.end()));
  if (team_name != names.teams.end())
    data.set("team_text", m.Format("report.dashboard.team_text", {{"team", team_name->second}}));
  data.set("query", FilterQuery(period_input));
  data.set("panels", ReportDashboardPanels(*report, m, names));
  return HtmlResponse(ctx, bhttp::status::ok, deps.views.Page(ctx, "reports/service", data));
}

// A download of the period's figures; a bad period is the same 422 page as the dashboard's.
template <class Render>
RawResponse Download(RequestContext& ctx, RouteDeps deps, std::string_view content_type, std::string_view extension,
                     Render render) {
  const Input period_input = PeriodInput(ctx);
  const auto period = ParseReportPeriod(period_input.Get("from"), period_input.Get("to"));
  if (!period) return DashboardPage(ctx, deps);
  const auto report = deps.services.reports.Service(ctx.Who(), period->from, period->to, period_input.Get("team"));
  if (!report && report.error().code == ErrorCode::kValidation) return DashboardPage(ctx, deps);
  if (!report) return PageForError(ctx, deps.views, report.error());
  std::string body = render(ServiceReportJson(*report));
  RawResponse res{bhttp::status::ok, ctx.raw.version()};
  res.set(bhttp::field::content_type, content_type);
  // The team's id is free text: the file name carries only the period, the workbook's rows say nothing of the team,
  // so a team's download is named apart by a fixed word rather than by its id.
  const std::string scope = period_input.Get("team").empty() ? "" : "-team";
  res.set(bhttp::field::content_disposition, "attachment; filename=\"service-report" + scope + "-" +
                                                 period->from.ToString() + "-to-" + period->to.ToString() + "." +
                                                 std::string(extension) + "\"");
  res.body() = std::move(body);
  return res;
}

}  // namespace

void RegisterReportPages(Router& router, RouteDeps deps) {
  const auto policy = Policy::Needs(Capability::kViewReports);
  router.Add(bhttp::verb::get, "/reports/service", policy,
             [deps](RequestContext& ctx) { return DashboardPage(ctx, deps); });
  router.Add(bhttp::verb::get, "/reports/service.csv", policy, [deps](RequestContext& ctx) {
    return Download(ctx, deps, "text/csv; charset=utf-8", "csv",
                    [](const boost::json::object& r) { return ServiceReportCsv(r); });
  });
  router.Add(bhttp::verb::get, "/reports/service.xlsx", policy, [deps](RequestContext& ctx) {
    return Download(ctx, deps, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx",
                    [](const boost::json::object& r) { return ServiceReportXlsx(r); });
  });
}

}  // namespace hearth::http
