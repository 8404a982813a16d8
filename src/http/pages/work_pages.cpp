// /my-work and /api/v1/my-work: each worker's open families with what is due, due soon and overdue, oldest
// referral first; a manager sees their team's, with caseload counts per worker.
#include <algorithm>

#include <boost/json/object.hpp>

#include "http/api/api_common.hpp"
#include "http/api/json_helpers.hpp"
#include "http/pages/family_view_data.hpp"
#include "http/pages/page_errors.hpp"
#include "http/pages/work_outcome_data.hpp"
#include "http/responses.hpp"
#include "http/routes.hpp"

namespace hearth::http {
namespace {
namespace json = boost::json;

std::string StatusName(DueStatus s) {
  switch (s) {
    case DueStatus::kOverdue: return "overdue";
    case DueStatus::kDueSoon: return "due_soon";
    case DueStatus::kUpcoming: return "upcoming";
  }
  return "upcoming";
}

// A page of the list: the counts and caseloads cover every row, the table shows this many, oldest first.
constexpr int kRowsPerPage = 25;

RawResponse WorkPage(RequestContext& ctx, RouteDeps deps) {
  auto list = deps.services.work.MyWork(ctx.Who(), Date::TodayUtc(), ctx.PageParam(), kRowsPerPage);
  if (!list) return PageForError(ctx, deps.views, list.error());
  const auto& m = deps.views.Messages();
  mustache::data rows{mustache::data::type::list};
  for (const WorkRow& r : list->rows) {
    mustache::data row;
    row.set("href", "/episodes/" + std::to_string(r.item.episode.id));
    row.set("family", r.item.family_label.empty() ? m.Get("work.unnamed_family") : r.item.family_label);
    row.set("stage", m.Get("stage." + std::string(ToString(r.item.episode.stage))));
    row.set("received_on", FormatDate(r.item.referral_received_on, m));
    row.set("workers", r.workers);
    row.set("overdue", MustacheBool(r.overdue));
    mustache::data due{mustache::data::type::list};
    for (const auto& d : r.due) {
      mustache::data item;
      item.set("what", m.Get("work.due." + d.what));
      item.set("on", FormatDate(d.due_on, m));
      item.set("overdue", MustacheBool(d.status == DueStatus::kOverdue));
      item.set("due_soon", MustacheBool(d.status == DueStatus::kDueSoon));
      due.push_back(std::move(item));
    }
    row.set("due", std::move(due));
    rows.push_back(std::move(row));
  }
  mustache::data caseloads{mustache::data::type::list};
  for (const auto& c : list->caseloads) {
    mustache::data row;
    row.set("username", c.username);
    row.set("role", m.Get("role." + std::string(ToString(c.role))));
    row.set("open", std::to_string(c.open_episodes));
    caseloads.push_back(std::move(row));
  }
  mustache::data data;
  data.set("title", m.Get(list->team_view ? "work.team_title" : "work.title"));
  data.set("team_view", MustacheBool(list->team_view));
  data.set("has_rows", MustacheBool(!list->rows.empty()));
  data.set("rows", std::move(rows));
  data.set("caseloads", std::move(caseloads));
  data.set("pagination", PaginationData(list->page, list->page_size, list->total, "/my-work"));
  data.set("overdue_count", std::to_string(list->overdue));
  data.set("due_soon_count", std::to_string(list->due_soon));
  SetOutcomeWorkLists(data, *list, m);
  return HtmlResponse(ctx, bhttp::status::ok, deps.views.Page(ctx, "casework/my_work", data));
}

RawResponse WorkApi(RequestContext& ctx, RouteDeps deps) {
  auto list = deps.services.work.MyWork(ctx.Who(), Date::TodayUtc(), ctx.PageParam(), 100);
  if (!list) return api::Failed(ctx, deps.views, list.error());
  json::array items;
  for (const auto& r : list->rows) {
    json::array due;
    for (const auto& d : r.due)
      due.push_back(json::object{{"what", d.what}, {"due_on", d.due_on.ToString()}, {"status", StatusName(d.status)}});
    items.push_back(json::object{{"episode", r.item.episode.id},
                                 {"family", r.item.episode.family_id},
                                 {"family_label", r.item.family_label},
                                 {"stage", jsonh::EnumJson(r.item.episode.stage)},
                                 {"referral_received_on", r.item.referral_received_on.ToString()},
                                 {"workers", r.workers},
                                 {"overdue", r.overdue},
                                 {"due", std::move(due)}});
  }
  json::array caseloads;
  for (const auto& c : list->caseloads)
    caseloads.push_back(
        json::object{{"username", c.username}, {"role", jsonh::EnumJson(c.role)}, {"open_episodes", c.open_episodes}});
  json::object out{{"team_view", list->team_view},
                                   {"total", list->total},
                                   {"page", list->page},
                                   {"page_size", list->page_size},
                                   {"overdue", list->overdue},
                                   {"due_soon", list->due_soon},
                                   {"items", std::move(items)},
                                   {"caseloads", std::move(caseloads)}};
  AddOutcomeWorkLists(out, *list);
  return JsonResponse(ctx, bhttp::status::ok, std::move(out));
}

}  // namespace

void RegisterWorkPages(Router& router, RouteDeps deps) {
  router.Add(bhttp::verb::get, "/my-work", Policy::SignedIn(), [deps](RequestContext& ctx) { return WorkPage(ctx, deps); });
  router.Add(bhttp::verb::get, "/api/v1/my-work", Policy::SignedIn(),
             [deps](RequestContext& ctx) { return WorkApi(ctx, deps); });
}

}  // namespace hearth::http
