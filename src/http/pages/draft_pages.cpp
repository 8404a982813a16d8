// The drafts pages: what a worker typed into any form when their session had timed out, kept for them alone
// (app/draft_service.hpp). Each draft can be sent on to the page it was typed for — a form of hidden inputs holding
// the kept fields and a fresh CSRF token, so that page's own handler validates and saves it — or discarded.
#include <chrono>
#include <cstdio>

#include "http/pages/family_view_data.hpp"
#include "http/pages/page_errors.hpp"
#include "http/responses.hpp"
#include "http/routes.hpp"

namespace hearth::http {
namespace {

// "14:05 on 3 March 2026" (UTC, as every time Hearth shows).
std::string SavedAt(long long unix_seconds, const MessageCatalogue& messages) {
  using namespace std::chrono;
  const sys_seconds at{seconds{unix_seconds}};
  const auto day = floor<days>(at);
  const hh_mm_ss clock{at - day};
  char hm[6];
  std::snprintf(hm, sizeof hm, "%02d:%02d", static_cast<int>(clock.hours().count()),
                static_cast<int>(clock.minutes().count()));
  return messages.Format("drafts.saved_at", {{"time", hm}, {"date", FormatDate(Date::FromDays(day), messages)}});
}

// The page a draft belongs to, named by the first segment of its path ("families" -> "A family's record"); the
// path itself is shown too, so a section the catalogue does not name is still recognisable.
std::string PageName(const std::string& path, const MessageCatalogue& messages) {
  const auto end = path.find('/', 1);
  const std::string key = "drafts.section." + path.substr(1, end == std::string::npos ? std::string::npos : end - 1);
  return messages.Has(key) ? messages.Get(key) : messages.Get("drafts.section_other");
}

// The draft's path as a form action, each segment percent-encoded (the stored path is decoded), plus ?draft=ID so
// the pipeline deletes the draft once the page has answered.
std::string SendAction(const Draft& draft) {
  std::string action;
  std::size_t start = 1;
  while (start <= draft.path.size()) {
    const auto slash = draft.path.find('/', start);
    const auto end = slash == std::string::npos ? draft.path.size() : slash;
    action += "/" + UrlEncode(std::string_view(draft.path).substr(start, end - start));
    start = end + 1;
  }
  return action + "?draft=" + std::to_string(draft.id);
}

mustache::data DraftData(const Draft& draft, const Principal& who, const MessageCatalogue& messages) {
  mustache::data item;
  item.set("id", std::to_string(draft.id));
  item.set("href", "/drafts/" + std::to_string(draft.id));
  item.set("page_name", PageName(draft.path, messages));
  item.set("path", draft.path);
  item.set("saved_at", SavedAt(draft.saved_at, messages));
  item.set("send_action", SendAction(draft));
  item.set("discard_action", "/drafts/" + std::to_string(draft.id) + "/discard");
  item.set("csrf_token", who.csrf_token);
  mustache::data fields{mustache::data::type::list};
  for (const auto& [name, value] : draft.fields) {
    mustache::data field;
    field.set("name", name);
    field.set("value", value);
    fields.push_back(std::move(field));
  }
  item.set("fields", std::move(fields));
  return item;
}

RawResponse ListPage(RequestContext& ctx, RouteDeps deps) {
  const auto& messages = deps.views.Messages();
  const Principal& who = ctx.Who();
  mustache::data items{mustache::data::type::list};
  const auto drafts = deps.services.drafts.List(who);
  for (const auto& d : drafts) items.push_back(DraftData(d, who, messages));
  mustache::data data;
  data.set("title", messages.Get("drafts.title"));
  data.set("drafts", std::move(items));
  data.set("has_drafts", MustacheBool(!drafts.empty()));
  const bool kept = ctx.query.Get("kept") == "1";
  const bool discarded = ctx.query.Get("done") == "discarded";
  data.set("has_notice", MustacheBool(kept || discarded));
  data.set("notice", kept ? messages.Get("drafts.kept_earlier_session") : messages.Get("drafts.discarded"));
  return HtmlResponse(ctx, bhttp::status::ok, deps.views.Page(ctx, "drafts/list", data));
}

RawResponse DraftPage(RequestContext& ctx, RouteDeps deps) {
  const auto id = ctx.IdParam("id");
  if (!id) return PageNotFound(ctx, deps.views);
  auto draft = deps.services.drafts.View(ctx.Who(), *id);
  if (!draft) return PageForError(ctx, deps.views, draft.error());
  mustache::data data = DraftData(*draft, ctx.Who(), deps.views.Messages());
  data.set("title", deps.views.T("drafts.one_title"));
  return HtmlResponse(ctx, bhttp::status::ok, deps.views.Page(ctx, "drafts/show", data));
}

RawResponse Discard(RequestContext& ctx, RouteDeps deps) {
  const auto id = ctx.IdParam("id");
  if (!id) return PageNotFound(ctx, deps.views);
  auto done = deps.services.drafts.Discard(ctx.Who(), *id);
  if (!done) return PageForError(ctx, deps.views, done.error());
  return Redirect(ctx, "/drafts?done=discarded");
}

}  // namespace

void RegisterDraftPages(Router& router, RouteDeps deps) {
  // Any signed-in user may have drafts; each sees only their own (the use case filters by owner).
  router.Add(bhttp::verb::get, "/drafts", Policy::SignedIn(),
             [deps](RequestContext& ctx) { return ListPage(ctx, deps); });
  router.Add(bhttp::verb::get, "/drafts/{id}", Policy::SignedIn(),
             [deps](RequestContext& ctx) { return DraftPage(ctx, deps); });
  router.Add(bhttp::verb::post, "/drafts/{id}/discard", Policy::SignedIn(),
             [deps](RequestContext& ctx) { return Discard(ctx, deps); });
}

}  // namespace hearth::http
