// /reports/supporting-families: the Supporting Families claim list (issue 4) for a period of closure dates
// (default: the last twelve months up to today), one of the three lists at a time, a page at a time; and
// /reports/supporting-families.csv, every row of the three. SupportingFamiliesService checks access and audits.
#include "app/supporting_families_csv.hpp"
#include "http/pages/family_view_data.hpp"
#include "http/pages/page_errors.hpp"
#include "http/responses.hpp"
#include "http/routes.hpp"

namespace hearth::http {
namespace {

constexpr int kRowsPerPage = 25;

Input PeriodInput(const RequestContext& ctx) {
  Input values;
  const bool given = ctx.query.Has("from") || ctx.query.Has("to");
  const Date today = Date::TodayUtc();
  values.Add("from", given ? ctx.query.Get("from") : today.AddDays(-365).ToString());
  values.Add("to", given ? ctx.query.Get("to") : today.ToString());
  return values;
}

ClaimStatus ShownList(const RequestContext& ctx) {
  const std::string& list = ctx.query.Get("list");
  if (list == "will_meet") return ClaimStatus::kWillMeet;
  if (list == "cannot") return ClaimStatus::kCannot;
  return ClaimStatus::kMeets;
}

std::string PeriodQuery(const Input& period) {
  return "from=" + UrlEncode(period.Get("from")) + "&to=" + UrlEncode(period.Get("to"));
}

mustache::data ListLinks(const ClaimList& list, const std::string& query, const MessageCatalogue& m) {
  mustache::data links{mustache::data::type::list};
  for (ClaimStatus s : {ClaimStatus::kMeets, ClaimStatus::kWillMeet, ClaimStatus::kCannot}) {
    const std::string name(ClaimStatusName(s));
    mustache::data link;
    link.set("id", "list-" + name);
    link.set("label", m.Get("supporting_families." + name));
    link.set("count", std::to_string(list.totals[static_cast<std::size_t>(s)]));
    link.set("href", "/reports/supporting-families?" + query + "&list=" + name);
    link.set("current", MustacheBool(s == list.shown));
    links.push_back(std::move(link));
  }
  return links;
}

mustache::data Rows(const ClaimList& list, const MessageCatalogue& m) {
  mustache::data rows{mustache::data::type::list};
  for (const auto& r : list.rows) {
    mustache::data row;
    row.set("family", r.family_label.empty() ? m.Get("work.unnamed_family") : r.family_label);
    row.set("href", "/families/" + std::to_string(r.facts.family_id));
    row.set("closed_on", FormatDate(r.facts.closed_on, m));
    row.set("needs", std::to_string(r.facts.need_areas));
    if (r.decision.status != ClaimStatus::kCannot) row.set("date", FormatDate(r.decision.sustained_on, m));
    if (!r.decision.reason.empty()) row.set("reason", m.Get("supporting_families.reason." + r.decision.reason));
    rows.push_back(std::move(row));
  }
  return rows;
}

RawResponse ClaimsPage(RequestContext& ctx, RouteDeps deps) {
  const auto& m = deps.views.Messages();
  const Input period_input = PeriodInput(ctx);
  mustache::data data;
  data.set("title", m.Get("supporting_families.title"));
  const auto period = ParseReportPeriod(period_input.Get("from"), period_input.Get("to"));
  if (!period) {
    const Error error = period.error();
    data.set("form", FormData(period_input, &error, m));
    return HtmlResponse(ctx, bhttp::status::unprocessable_entity,
                        deps.views.Page(ctx, "reports/supporting_families", data));
  }
  const ClaimStatus shown = ShownList(ctx);
  auto list = deps.services.claims.List(ctx.Who(), *period, shown, ctx.PageParam(), kRowsPerPage, Date::TodayUtc());
  if (!list) return PageForError(ctx, deps.views, list.error());
  const std::string query = PeriodQuery(period_input);
  data.set("form", FormData(period_input, nullptr, m));
  data.set("has_list", MustacheBool(true));
  data.set("query", query);
  data.set("lists", ListLinks(*list, query, m));
  data.set("shown_label", m.Get("supporting_families." + std::string(ClaimStatusName(shown))));
  data.set("meets", MustacheBool(shown == ClaimStatus::kMeets));
  data.set("will_meet", MustacheBool(shown == ClaimStatus::kWillMeet));
  data.set("cannot", MustacheBool(shown == ClaimStatus::kCannot));
  data.set("rows", Rows(*list, m));
  data.set("has_rows", MustacheBool(!list->rows.empty()));
  const int total = list->totals[static_cast<std::size_t>(shown)];
  data.set("pagination", PaginationData(list->page, list->page_size, total,
                                        "/reports/supporting-families?" + query + "&list=" +
                                            std::string(ClaimStatusName(shown))));
  return HtmlResponse(ctx, bhttp::status::ok, deps.views.Page(ctx, "reports/supporting_families", data));
}

RawResponse ClaimsCsv(RequestContext& ctx, RouteDeps deps) {
  const Input period_input = PeriodInput(ctx);
  const auto period = ParseReportPeriod(period_input.Get("from"), period_input.Get("to"));
  if (!period) return ClaimsPage(ctx, deps);
  auto rows = deps.services.claims.Export(ctx.Who(), *period, Date::TodayUtc());
  if (!rows) return PageForError(ctx, deps.views, rows.error());
  RawResponse res{bhttp::status::ok, ctx.raw.version()};
  res.set(bhttp::field::content_type, "text/csv; charset=utf-8");
  res.set(bhttp::field::content_disposition, "attachment; filename=\"supporting-families-" +
                                                 period->from.ToString() + "-to-" + period->to.ToString() + ".csv\"");
  res.body() = SupportingFamiliesCsv(*rows);
  return res;
}

}  // namespace

void RegisterSupportingFamiliesPages(Router& router, RouteDeps deps) {
  const auto policy = Policy::Needs(Capability::kViewReports);
  router.Add(bhttp::verb::get, "/reports/supporting-families", policy,
             [deps](RequestContext& ctx) { return ClaimsPage(ctx, deps); });
  router.Add(bhttp::verb::get, "/reports/supporting-families.csv", policy,
             [deps](RequestContext& ctx) { return ClaimsCsv(ctx, deps); });
}

}  // namespace hearth::http
