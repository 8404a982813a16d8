// "Who has accessed this record" for one family, and the service's most recent audit events.
#include "http/pages/admin_pages.hpp"
#include "http/pages/field_data.hpp"
#include "http/pages/page_errors.hpp"
#include "http/responses.hpp"

namespace hearth::http {
namespace {

constexpr int kEventsPerPage = 50;

// A label from the catalogue, or the stored value itself for one the catalogue does not name yet (new
// actions are added by other use cases; the trail must still show them).
std::string LabelOr(const MessageCatalogue& m, const std::string& key, const std::string& fallback) {
  return m.Has(key) ? m.Get(key) : fallback;
}

// Where a record of this type can be opened, or "" when it has no page of its own.
std::string RecordHref(const AuditEvent& e) {
  if (e.record_id == 0) return {};
  if (e.record_type == "family") return "/families/" + std::to_string(e.record_id);
  if (e.record_type == "referral") return "/referrals/" + std::to_string(e.record_id);
  return {};
}

std::string OutcomeTagClass(const std::string& outcome) {
  if (outcome == "ok") return "govuk-tag--green";
  if (outcome == "denied") return "govuk-tag--red";
  if (outcome == "not_found") return "govuk-tag--orange";
  return "govuk-tag--grey";
}

mustache::data EventRows(const std::vector<AuditEvent>& events, const MessageCatalogue& m) {
  mustache::data rows{mustache::data::type::list};
  for (const auto& e : events) {
    mustache::data row{mustache::data::type::object};
    row.set("at", ReadableTimestamp(e.at));
    row.set("user", e.user_id == 0 && e.username.empty() ? m.Get("admin.audit.system_user") : e.username);
    row.set("role", e.role.empty() ? m.Get("admin.none") : LabelOr(m, "role." + e.role, e.role));
    row.set("action", LabelOr(m, "admin.action." + e.action, e.action));
    std::string record = LabelOr(m, "admin.record." + e.record_type, e.record_type);
    if (e.record_id != 0) record += " " + std::to_string(e.record_id);
    row.set("record", std::move(record));
    const std::string href = RecordHref(e);
    row.set("record_href", href);
    row.set("has_record_href", MustacheBool(!href.empty()));
    row.set("family_href", e.family_id == 0 ? std::string() : "/families/" + std::to_string(e.family_id) + "/audit");
    row.set("family_id", std::to_string(e.family_id));
    row.set("has_family", MustacheBool(e.family_id != 0));
    row.set("outcome", LabelOr(m, "admin.outcome." + e.outcome, e.outcome));
    row.set("outcome_class", OutcomeTagClass(e.outcome));
    rows.push_back(std::move(row));
  }
  return rows;
}

mustache::data AuditData(const AuditPage& page, const MessageCatalogue& m, const std::string& base_href,
                         bool show_family) {
  mustache::data data;
  data.set("events", EventRows(page.events, m));
  data.set("has_events", MustacheBool(!page.events.empty()));
  data.set("show_family", MustacheBool(show_family));
  data.set("count", m.Format("admin.audit.count", {{"total", std::to_string(page.total)}}));
  data.set("pagination", PaginationData(page.page, page.page_size, page.total, base_href));
  return data;
}

RawResponse FamilyAudit(RequestContext& ctx, RouteDeps deps) {
  const auto id = ctx.IdParam("id");
  if (!id) return PageNotFound(ctx, deps.views);
  auto page = deps.services.audit.ForFamily(ctx.Who(), *id, ctx.PageParam(), kEventsPerPage);
  if (!page) return PageForError(ctx, deps.views, page.error());
  const auto& m = deps.views.Messages();
  const std::string family = "/families/" + std::to_string(*id);
  mustache::data data = AuditData(*page, m, family + "/audit", false);
  data.set("title", m.Get("admin.audit.family_title"));
  data.set("heading", m.Get("admin.audit.family_title"));
  data.set("caption", m.Format("admin.audit.family_caption", {{"id", std::to_string(*id)}}));
  data.set("intro", m.Get("admin.audit.family_intro"));
  data.set("back_href", family);
  data.set("back_text", m.Get("admin.audit.back_to_family"));
  return HtmlResponse(ctx, bhttp::status::ok, deps.views.Page(ctx, "admin/audit", data));
}

RawResponse RecentAudit(RequestContext& ctx, RouteDeps deps) {
  auto page = deps.services.audit.Recent(ctx.Who(), ctx.PageParam(), kEventsPerPage);
  if (!page) return PageForError(ctx, deps.views, page.error());
  const auto& m = deps.views.Messages();
  mustache::data data = AuditData(*page, m, "/admin/audit", true);
  data.set("title", m.Get("admin.audit.recent_title"));
  data.set("heading", m.Get("admin.audit.recent_title"));
  data.set("caption", m.Get("admin.caption"));
  data.set("intro", m.Get("admin.audit.recent_intro"));
  const bool can_manage = ctx.Who().Can(Capability::kManageUsers);
  data.set("back_href", can_manage ? "/admin/users" : "/");
  data.set("back_text", can_manage ? m.Get("admin.audit.back_to_users") : m.Get("admin.audit.back_home"));
  return HtmlResponse(ctx, bhttp::status::ok, deps.views.Page(ctx, "admin/audit", data));
}

}  // namespace

void RegisterAuditPages(Router& router, RouteDeps deps) {
  const Policy audit = Policy::Needs(Capability::kViewAudit);
  router.Add(bhttp::verb::get, "/families/{id}/audit", audit,
             [deps](RequestContext& ctx) { return FamilyAudit(ctx, deps); });
  router.Add(bhttp::verb::get, "/admin/audit", audit, [deps](RequestContext& ctx) { return RecentAudit(ctx, deps); });
}

}  // namespace hearth::http
