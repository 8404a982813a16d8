// The family pages: search, create and edit a household, the family page with its members, relationships,
// referrals, episodes and chronology, and the relationship forms on it. Every rule and permission lives in
// FamilyService; these handlers only shape requests and pages.

#include "http/pages/family_outcomes_data.hpp"
#include "http/pages/family_outcomes.hpp"
#include "http/pages/family_view_data.hpp"
#include "http/pages/page_errors.hpp"
#include "http/pages/step_form.hpp"
#include "http/responses.hpp"
#include "http/routes.hpp"
#include "http/status_map.hpp"

namespace hearth::http {
namespace {

constexpr int kPageSize = 20;
constexpr std::array kHouseholdFields{"area", "address_line_1", "address_line_2", "town", "postcode"};

bool CanCreateFamilies(const Principal& who) {
  // Mirrors FamilyService::Create: caseload roles edit the families they work with but do not start new ones.
  return who.Can(Capability::kRecordReferrals) ||
         (who.Can(Capability::kEditFamilies) && who.Visibility().scope == FamilyScope::kAll);
}

std::string FamilyHref(RecordId id) { return "/families/" + std::to_string(id); }

// The confirmation a redirect after a successful change asks for (?done=…): only known keys are shown.
std::string DoneMessage(const RequestContext& ctx, const MessageCatalogue& messages) {
  const std::string& done = ctx.query.Get("done");
  if (done.empty() || done.size() > 40) return {};
  for (char c : done)
    if (!(std::islower(static_cast<unsigned char>(c)) || c == '_')) return {};
  const std::string key = "families.done." + done;
  return messages.Has(key) ? messages.Get(key) : std::string{};
}

Input HouseholdInput(const Family& family) {
  Input in;
  in.Add("area", family.area);
  in.Add("address_line_1", family.address_line_1);
  in.Add("address_line_2", family.address_line_2);
  in.Add("town", family.town);
  in.Add("postcode", family.postcode);
  return in;
}

// Keeps only the household's own fields, so that what the user typed is echoed and nothing else.
Input HouseholdFieldsOf(const Input& form) {
  Input in;
  for (const char* name : kHouseholdFields) in.Add(name, form.Get(name));
  return in;
}

RawResponse SearchPageFor(RequestContext& ctx, RouteDeps deps) {
  const auto& messages = deps.views.Messages();
  const std::string query = ctx.query.Get("q");
  auto found = deps.services.families.Search(ctx.Who(), query, ctx.PageParam(), kPageSize);
  if (!found) return PageForError(ctx, deps.views, found.error());
  mustache::data rows{mustache::data::type::list};
  for (const auto& f : found->result.families) {
    mustache::data row;
    row.set("href", FamilyHref(f.id));
    row.set("members", f.members.empty() ? messages.Get("families.no_members_recorded") : f.members);
    row.set("postcode", f.postcode);
    row.set("area", f.area);
    row.set("member_count", std::to_string(f.member_count));
    rows.push_back(std::move(row));
  }
  const int total = found->result.total;
  const std::string base = query.empty() ? "/families" : "/families?q=" + UrlEncode(query);
  mustache::data data;
  data.set("title", messages.Get("families.search_title"));
  data.set("q", query);
  data.set("has_query", MustacheBool(!query.empty()));
  data.set("results", std::move(rows));
  // A page past the end still has matches to page back to: say so rather than "no families match".
  data.set("has_results", MustacheBool(total > 0));
  data.set("past_end", MustacheBool(total > 0 && found->result.families.empty()));
  data.set("first_page", base);
  data.set("found", total == 1 ? messages.Get("families.found_one")
                               : messages.Format("families.found_many", {{"count", std::to_string(total)}}));
  data.set("no_match", messages.Format("families.no_match", {{"query", query}}));
  data.set("pagination", PaginationData(found->page, found->page_size, total, base));
  data.set("can_create", MustacheBool(CanCreateFamilies(ctx.Who())));
  data.set("caseload", MustacheBool(ctx.Who().Visibility().scope != FamilyScope::kAll));
  return HtmlResponse(ctx, bhttp::status::ok, deps.views.Page(ctx, "families/search", data));
}

// What the edit form needs beyond the fields: the family, the version the editor started from, and after a
// stale save the colleague's stored version.
struct EditState {
  const FamilyView* view = nullptr;  // null: the create form
  std::string version;
  const Family* theirs = nullptr;
};

// The create and edit forms share their fields.
RawResponse HouseholdForm(RequestContext& ctx, RouteDeps deps, bhttp::status status, const Input& values,
                          const Error* error, const EditState& edit) {
  const FamilyView* view = edit.view;
  const auto& messages = deps.views.Messages();
  mustache::data data;
  data.set("csrf_token", ctx.Who().csrf_token);
  data.set("form", FormData(values, error, messages));
  if (view == nullptr) {
    data.set("title", messages.Get("families.new_title"));
    data.set("action", "/families");
    data.set("back_href", "/families");
    return HtmlResponse(ctx, status, deps.views.Page(ctx, "families/new", data));
  }
  const std::string heading = FamilyHeading(view->family, view->members, messages);
  data.set("title", messages.Get("families.edit_title"));
  data.set("caption", heading);
  data.set("action", FamilyHref(view->family.id));
  data.set("back_href", FamilyHref(view->family.id));
  data.set("version", edit.version);
  if (edit.theirs) {
    data.set("stale", MustacheBool(true));
    data.set("theirs", HouseholdData(*edit.theirs, messages));
  }
  return HtmlResponse(ctx, status, deps.views.Page(ctx, "families/edit", data));
}

// The family page; `relationship_values`/`error` re-show the add-relationship form after a refused submission.
RawResponse FamilyPage(RequestContext& ctx, RouteDeps deps, RecordId id, bhttp::status status,
                       const Input& relationship_values, const Error* error) {
  const auto& messages = deps.views.Messages();
  const Principal& who = ctx.Who();
  auto view = deps.services.families.View(who, id);
  if (!view) return PageForError(ctx, deps.views, view.error());
  const std::string heading = FamilyHeading(view->family, view->members, messages);
  mustache::data data;
  data.set("title", heading);
  data.set("heading", heading);
  data.set("family_id", std::to_string(id));
  data.set("csrf_token", who.csrf_token);
  const std::string done = DoneMessage(ctx, messages);
  data.set("has_done", MustacheBool(!done.empty()));
  data.set("done", done);
  data.set("household", HouseholdData(view->family, messages));
  data.set("members", MemberRows(view->members, messages, Date::TodayUtc()));
  data.set("has_members", MustacheBool(!view->members.empty()));
  data.set("relationships", RelationshipRows(*view, messages));
  data.set("has_relationships", MustacheBool(!view->relationships.empty()));
  data.set("can_relate", MustacheBool(view->members.size() >= 2));
  data.set("from_options", MemberOptions(view->members, relationship_values.Get("from_person")));
  data.set("to_options", MemberOptions(view->members, relationship_values.Get("to_person")));
  data.set("kind_options", EnumOptions<RelationshipKind>(messages, "relationship", relationship_values.Get("kind")));
  data.set("referrals", ReferralRows(view->referrals, messages));
  data.set("has_referrals", MustacheBool(!view->referrals.empty()));
  std::set<RecordId> overdue;
  for (const auto& e : view->episodes) {
    if (!e.IsOpen()) continue;
    const auto facts = view->due_facts.find(e.id);
    if (facts == view->due_facts.end()) continue;
    for (const auto& d : deps.services.work.DueFor(e, facts->second, Date::TodayUtc()))
      if (d.status == DueStatus::kOverdue) overdue.insert(e.id);
  }
  data.set("episodes", EpisodeRows(view->episodes, messages, overdue));
  data.set("has_episodes", MustacheBool(!view->episodes.empty()));
  SetFamilyOutcomes(data, *view, messages, FamilyScopeFor(who.role) != FamilyScope::kShared);
  data.set("outcomes", FamilyOutcomesData(ctx, deps, view->episodes, view->members));
  data.set("chronology", ChronologyItems(view->chronology, messages));
  data.set("has_chronology", MustacheBool(!view->chronology.empty()));
  data.set("can_edit", MustacheBool(who.Can(Capability::kEditFamilies)));
  data.set("can_record_referrals", MustacheBool(who.Can(Capability::kRecordReferrals)));
  data.set("can_view_audit", MustacheBool(who.Can(Capability::kViewAudit)));
  data.set("form", FormData(relationship_values, error, messages));
  return HtmlResponse(ctx, status, deps.views.Page(ctx, "families/show", data));
}

RawResponse CreateFamily(RequestContext& ctx, RouteDeps deps) {
  const Input form = HouseholdFieldsOf(ctx.Form());
  auto id = deps.services.families.Create(ctx.Who(), form);
  if (id) return Redirect(ctx, FamilyHref(*id) + "?done=created");
  const Error error = id.error();
  if (error.code != ErrorCode::kValidation) return PageForError(ctx, deps.views, error);
  return HouseholdForm(ctx, deps, bhttp::status::unprocessable_entity, form, &error, EditState{});
}

RawResponse EditFamilyForm(RequestContext& ctx, RouteDeps deps, RecordId id) {
  auto view = deps.services.families.View(ctx.Who(), id);
  if (!view) return PageForError(ctx, deps.views, view.error());
  return HouseholdForm(ctx, deps, bhttp::status::ok, HouseholdInput(view->family), nullptr,
                       EditState{&*view, std::to_string(view->family.version), nullptr});
}

RawResponse UpdateFamily(RequestContext& ctx, RouteDeps deps, RecordId id) {
  const Input raw = ctx.Form();
  const Input form = HouseholdFieldsOf(raw);
  auto saved = deps.services.families.Update(ctx.Who(), id, form, FormVersion(raw));
  if (saved) return Redirect(ctx, FamilyHref(id) + "?done=updated");
  const Error& error = saved.error();
  if (error.code != ErrorCode::kValidation && error.code != ErrorCode::kStaleVersion)
    return PageForError(ctx, deps.views, error);
  // Re-read: the form needs the family's heading, and after a stale save the colleague's version.
  auto view = deps.services.families.View(ctx.Who(), id);
  if (!view) return PageForError(ctx, deps.views, view.error());
  // After a stale save the form carries the stored version, so that saving again is a deliberate overwrite.
  if (error.code == ErrorCode::kStaleVersion)
    return HouseholdForm(ctx, deps, bhttp::status::conflict, form, &error,
                         EditState{&*view, std::to_string(view->family.version), &view->family});
  // Otherwise it keeps the version the editor started from: a colleague's save meanwhile must still be caught.
  return HouseholdForm(ctx, deps, bhttp::status::unprocessable_entity, form, &error,
                       EditState{&*view, raw.Get("version"), nullptr});
}

RawResponse AddRelationship(RequestContext& ctx, RouteDeps deps, RecordId id) {
  Input form;
  const Input raw = ctx.Form();
  for (const char* name : {"from_person", "kind", "to_person"}) form.Add(name, raw.Get(name));
  auto added = deps.services.families.AddRelationship(ctx.Who(), id, form);
  if (added) return Redirect(ctx, FamilyHref(id) + "?done=relationship_added#relationships");
  const Error& error = added.error();
  if (error.fields.empty()) return PageForError(ctx, deps.views, error);
  return FamilyPage(ctx, deps, id, StatusFor(error.code), form, &error);
}

RawResponse RemoveRelationship(RequestContext& ctx, RouteDeps deps, RecordId id) {
  auto rid = ctx.IdParam("rid");
  if (!rid) return PageNotFound(ctx, deps.views);
  auto removed = deps.services.families.RemoveRelationship(ctx.Who(), id, *rid);
  if (!removed) return PageForError(ctx, deps.views, removed.error());
  return Redirect(ctx, FamilyHref(id) + "?done=relationship_removed#relationships");
}

// Wraps a handler that needs the {id} of a family: a path that is not an id is the same 404 as a missing family.
template <class F>
Handler WithFamilyId(RouteDeps deps, F f) {
  return [deps, f](RequestContext& ctx) {
    auto id = ctx.IdParam("id");
    if (!id) return PageNotFound(ctx, deps.views);
    return f(ctx, deps, *id);
  };
}

}  // namespace

void RegisterFamilyPages(Router& router, RouteDeps deps) {
  const auto view = Policy::Needs(Capability::kViewFamilies);
  const auto edit = Policy::Needs(Capability::kEditFamilies);
  router.Add(bhttp::verb::get, "/families", view, [deps](RequestContext& ctx) { return SearchPageFor(ctx, deps); });
  // Before /families/{id}: routes match in the order they were added.
  router.Add(bhttp::verb::get, "/families/new", edit, [deps](RequestContext& ctx) {
    if (!CanCreateFamilies(ctx.Who())) return PageForError(ctx, deps.views, Error::Forbidden("create family"));
    return HouseholdForm(ctx, deps, bhttp::status::ok, Input{}, nullptr, EditState{});
  });
  router.Add(bhttp::verb::post, "/families", edit, [deps](RequestContext& ctx) { return CreateFamily(ctx, deps); });
  router.Add(bhttp::verb::get, "/families/{id}", view,
             WithFamilyId(deps, [](RequestContext& ctx, RouteDeps d, RecordId id) {
               return FamilyPage(ctx, d, id, bhttp::status::ok, Input{}, nullptr);
             }));
  router.Add(bhttp::verb::get, "/families/{id}/edit", edit, WithFamilyId(deps, EditFamilyForm));
  router.Add(bhttp::verb::post, "/families/{id}", edit, WithFamilyId(deps, UpdateFamily));
  router.Add(bhttp::verb::post, "/families/{id}/relationships", edit, WithFamilyId(deps, AddRelationship));
  router.Add(bhttp::verb::post, "/families/{id}/relationships/{rid}/delete", edit,
             WithFamilyId(deps, RemoveRelationship));
}

}  // namespace hearth::http
