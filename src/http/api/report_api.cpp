// GET /api/v1/reports/service?from=YYYY-MM-DD&to=YYYY-MM-DD[&team=ID]: the service report of METRICS.md, the same
// JSON object as `hearth report service --json` (with `team`, that team's part: docs/api.md). A missing or
// malformed date, from after to, or a team that does not exist is a 422 naming the field.
#include <boost/json/object.hpp>

#include "app/service_report_json.hpp"
#include "http/api/api_common.hpp"
#include "http/responses.hpp"
#include "http/routes.hpp"

namespace hearth::http {
namespace {

RawResponse ServiceReportResource(RequestContext& ctx, RouteDeps deps) {
  const auto period = ParseReportPeriod(ctx.query.Get("from"), ctx.query.Get("to"));
  if (!period) return api::Failed(ctx, deps.views, period.error());
  const auto report = deps.services.reports.Service(ctx.Who(), period->from, period->to, ctx.query.Get("team"));
  if (!report) return api::Failed(ctx, deps.views, report.error());
  return JsonResponse(ctx, bhttp::status::ok, ServiceReportJson(*report));
}

}  // namespace

void RegisterReportApi(Router& router, RouteDeps deps) {
  router.Add(bhttp::verb::get, "/api/v1/reports/service", Policy::Needs(Capability::kViewReports),
             [deps](RequestContext& ctx) { return ServiceReportResource(ctx, deps); });
}

}  // namespace hearth::http
