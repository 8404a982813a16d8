// The front door: recording a referral for a new family (with the "may already be known" check) or for a
// family already known, and the referral's own page.
#include "http/pages/field_data.hpp"
#include "http/pages/page_errors.hpp"
#include "http/pages/referral_form.hpp"
#include "http/responses.hpp"
#include "http/routes.hpp"

namespace hearth::http {
namespace {

struct FormPage {
  const Input& values;
  const Error* error = nullptr;
  const std::vector<PossibleMatch>* matches = nullptr;
  const std::vector<int>* block_of_person = nullptr;
};

RawResponse NewFamilyForm(RequestContext& ctx, const Views& views, bhttp::status status, const FormPage& page) {
  const auto& m = views.Messages();
  mustache::data data = ReferralFormData(m, page.values, page.error, true);
  data.set("title", views.T("referrals.new.title"));
  data.set("csrf_token", ctx.Who().csrf_token);
  data.set("action", "/referrals");
  const bool has_matches = page.matches != nullptr && !page.matches->empty();
  data.set("has_matches", MustacheBool(has_matches));
  if (has_matches) {
    data.set("matches", PossibleMatchesData(m, *page.matches, page.values, *page.block_of_person));
    data.set("confirm_checked", MustacheBool(page.values.Get("confirmed_new_family") == "yes"));
  }
  return HtmlResponse(ctx, status, views.Page(ctx, "referrals/new", data));
}

// The members' names at the top of the form, so the coordinator can see it is the right family.
mustache::data MemberNames(const FamilyView& family) {
  mustache::data names{mustache::data::type::list};
  for (const auto& p : family.members) {
    mustache::data item{mustache::data::type::object};
    item.set("name", p.FullName());
    item.set("date_of_birth", p.date_of_birth ? p.date_of_birth->ToString() : std::string());
    item.set("has_date_of_birth", MustacheBool(p.date_of_birth.has_value()));
    names.push_back(std::move(item));
  }
  return names;
}

RawResponse ExistingFamilyForm(RequestContext& ctx, RouteDeps deps, RecordId family_id, bhttp::status status,
                               const Input& values, const Error* error) {
  // Viewing the family to show its members is a view of the record, and is audited as one.
  auto family = deps.services.families.View(ctx.Who(), family_id);
  if (!family) return PageForError(ctx, deps.views, family.error());
  const auto& m = deps.views.Messages();
  mustache::data data = ReferralFormData(m, values, error, false);
  data.set("title", deps.views.T("referrals.existing.title"));
  data.set("csrf_token", ctx.Who().csrf_token);
  const std::string id = std::to_string(family_id);
  data.set("action", "/families/" + id + "/referrals");
  data.set("family_href", "/families/" + id);
  data.set("members", MemberNames(*family));
  data.set("has_members", MustacheBool(!family->members.empty()));
  data.set("postcode", family->family.postcode);
  data.set("has_postcode", MustacheBool(!family->family.postcode.empty()));
  return HtmlResponse(ctx, status, deps.views.Page(ctx, "referrals/existing", data));
}

RawResponse RecordNewFamily(RequestContext& ctx, RouteDeps deps) {
  const Input form = ctx.Form();
  const ReferralForm parsed = ReadReferralForm(form, std::nullopt);
  auto outcome = deps.services.referrals.Record(ctx.Who(), parsed.submission);
  if (!outcome) {
    if (outcome.error().code != ErrorCode::kValidation) return PageForError(ctx, deps.views, outcome.error());
    const Error shown = ErrorForForm(outcome.error(), parsed.block_of_person);
    return NewFamilyForm(ctx, deps.views, bhttp::status::unprocessable_entity, {form, &shown});
  }
  if (outcome->referral_id == 0) {
    // Nothing recorded: the coordinator decides whether one of these is the family.
    return NewFamilyForm(ctx, deps.views, bhttp::status::ok,
                         {form, nullptr, &outcome->possible_matches, &parsed.block_of_person});
  }
  return Redirect(ctx, "/families/" + std::to_string(outcome->family_id));
}

RawResponse RecordExistingFamily(RequestContext& ctx, RouteDeps deps, RecordId family_id) {
  const Input form = ctx.Form();
  const ReferralForm parsed = ReadReferralForm(form, family_id);
  auto outcome = deps.services.referrals.Record(ctx.Who(), parsed.submission);
  if (!outcome) {
    if (outcome.error().code != ErrorCode::kValidation) return PageForError(ctx, deps.views, outcome.error());
    const Error shown = ErrorForForm(outcome.error(), {});
    return ExistingFamilyForm(ctx, deps, family_id, bhttp::status::unprocessable_entity, form, &shown);
  }
  return Redirect(ctx, "/families/" + std::to_string(outcome->family_id));
}

mustache::data Row(const std::string& key, mustache::data value) {
  mustache::data row{mustache::data::type::object};
  row.set("key", key);
  row.set("lines", std::move(value));
  return row;
}

// A value shown as lines (one <p> each): lists, and free text with its line breaks kept.
mustache::data Lines(const std::vector<std::string>& lines) {
  mustache::data list{mustache::data::type::list};
  for (const auto& l : lines) {
    mustache::data item{mustache::data::type::object};
    item.set("text", l);
    list.push_back(std::move(item));
  }
  return list;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) out.push_back(line);
    start = end + 1;
  }
  return out;
}

template <class E>
std::vector<std::string> Labels(const MessageCatalogue& m, std::string_view prefix, const std::vector<E>& values) {
  std::vector<std::string> out;
  for (E v : values) out.push_back(m.Get(std::string(prefix) + "." + std::string(ToString(v))));
  return out;
}

std::string ConsentText(const MessageCatalogue& m, const Consent& c) {
  if (!c.given) return m.Get("referrals.show.consent_not_recorded");
  if (!*c.given) return m.Get("referrals.show.consent_not_given");
  return m.Format("referrals.show.consent_given",
                  {{"name", c.given_by}, {"date", c.given_on ? c.given_on->ToString() : m.Get("referrals.not_known")}});
}

RawResponse ShowReferral(RequestContext& ctx, RouteDeps deps) {
  const auto id = ctx.IdParam("id");
  if (!id) return PageNotFound(ctx, deps.views);
  auto referral = deps.services.referrals.Get(ctx.Who(), *id);
  if (!referral) return PageForError(ctx, deps.views, referral.error());
  const auto& m = deps.views.Messages();
  const Referral& r = *referral;
  mustache::data rows{mustache::data::type::list};
  rows.push_back(Row(m.Get("referrals.label.received_on"), Lines({r.received_on.ToString()})));
  rows.push_back(Row(m.Get("referrals.label.source"), Lines({m.Get("source." + std::string(ToString(r.source)))})));
  rows.push_back(Row(m.Get("referrals.label.reasons"), Lines(Labels(m, "reason", r.reasons))));
  rows.push_back(Row(m.Get("referrals.show.consent"), Lines({ConsentText(m, r.consent)})));
  rows.push_back(Row(m.Get("referrals.label.share_with"),
                     Lines(r.consent.share_with.empty() ? std::vector<std::string>{m.Get("referrals.show.no_agencies")}
                                                        : Labels(m, "agency", r.consent.share_with))));
  rows.push_back(
      Row(m.Get("referrals.label.decision"), Lines({m.Get("decision." + std::string(ToString(r.decision)))})));
  rows.push_back(Row(m.Get("referrals.label.rationale"), Lines(SplitLines(r.rationale))));
  mustache::data data;
  data.set("title", m.Format("referrals.show.title", {{"id", std::to_string(r.id)}}));
  data.set("heading", m.Format("referrals.show.title", {{"id", std::to_string(r.id)}}));
  data.set("rows", std::move(rows));
  data.set("step_down", MustacheBool(r.IsStepDown()));
  const std::string family = "/families/" + std::to_string(r.family_id);
  data.set("family_href", family);
  data.set("can_record", MustacheBool(ctx.Who().Can(Capability::kRecordReferrals)));
  data.set("new_referral_href", family + "/referrals/new");
  return HtmlResponse(ctx, bhttp::status::ok, deps.views.Page(ctx, "referrals/show", data));
}

}  // namespace

void RegisterReferralPages(Router& router, RouteDeps deps) {
  const Policy record = Policy::Needs(Capability::kRecordReferrals);
  router.Add(bhttp::verb::get, "/referrals/new", record, [deps](RequestContext& ctx) {
    const Input values = DefaultReferralValues(true);
    return NewFamilyForm(ctx, deps.views, bhttp::status::ok, {values});
  });
  router.Add(bhttp::verb::post, "/referrals", record,
             [deps](RequestContext& ctx) { return RecordNewFamily(ctx, deps); });
  router.Add(bhttp::verb::get, "/families/{id}/referrals/new", record, [deps](RequestContext& ctx) {
    const auto id = ctx.IdParam("id");
    if (!id) return PageNotFound(ctx, deps.views);
    return ExistingFamilyForm(ctx, deps, *id, bhttp::status::ok, DefaultReferralValues(false), nullptr);
  });
  router.Add(bhttp::verb::post, "/families/{id}/referrals", record, [deps](RequestContext& ctx) {
    const auto id = ctx.IdParam("id");
    if (!id) return PageNotFound(ctx, deps.views);
    return RecordExistingFamily(ctx, deps, *id);
  });
  router.Add(bhttp::verb::get, "/referrals/{id}", Policy::Needs(Capability::kViewFamilies),
             [deps](RequestContext& ctx) { return ShowReferral(ctx, deps); });
}

}  // namespace hearth::http
