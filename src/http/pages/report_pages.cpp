// /reports/service: the service dashboard (issue 5). The figures of METRICS.md for a period chosen on the page
// (default: the last twelve calendar months up to today), as tables with a chart drawn from each; and the same
// figures as downloads: /reports/service.csv and /reports/service.xlsx. Every view and download goes through
// ReportService, which checks kViewReports and audits it.
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
  return values;
}

std::string PeriodQuery(const Input& period) { return "from=" + period.Get("from") + "&to=" + period.Get("to"); }

RawResponse DashboardPage(RequestContext& ctx, RouteDeps deps) {
  const auto& m = deps.views.Messages();
  const Input period_input = PeriodInput(ctx);
  mustache::data data;
  data.set("title", m.Get("report.dashboard.title"));
  const auto period = ParseReportPeriod(period_input.Get("from"), period_input.Get("to"));
  if (!period) {
    const Error error = period.error();
    data.set("form", FormData(period_input, &error, m));
    return HtmlResponse(ctx, bhttp::status::unprocessable_entity, deps.views.Page(ctx, "reports/service", data));
  }
  const auto report = deps.services.reports.Service(ctx.Who(), period->from, period->to);
  if (!report) return PageForError(ctx, deps.views, report.error());
  data.set("form", FormData(period_input, nullptr, m));
  data.set("has_report", MustacheBool(true));
  data.set("period_text", m.Format("report.dashboard.period",
                                   {{"from", FormatDate(period->from, m)}, {"to", FormatDate(period->to, m)}}));
  data.set("query", PeriodQuery(period_input));
  data.set("panels", ReportDashboardPanels(*report, m, deps.services.reports.Names(ctx.Who())));
  return HtmlResponse(ctx, bhttp::status::ok, deps.views.Page(ctx, "reports/service", data));
}

// A download of the period's figures; a bad period is the same 422 page as the dashboard's.
template <class Render>
RawResponse Download(RequestContext& ctx, RouteDeps deps, std::string_view content_type, std::string_view extension,
                     Render render) {
  const Input period_input = PeriodInput(ctx);
  const auto period = ParseReportPeriod(period_input.Get("from"), period_input.Get("to"));
  if (!period) return DashboardPage(ctx, deps);
  const auto report = deps.services.reports.Service(ctx.Who(), period->from, period->to);
  if (!report) return PageForError(ctx, deps.views, report.error());
  std::string body = render(ServiceReportJson(*report));
  RawResponse res{bhttp::status::ok, ctx.raw.version()};
  res.set(bhttp::field::content_type, content_type);
  res.set(bhttp::field::content_disposition, "attachment; filename=\"service-report-" + period->from.ToString() +
                                                 "-to-" + period->to.ToString() + "." + std::string(extension) + "\"");
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
