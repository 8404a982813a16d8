// /api/v1/referrals: the front door. A referral for a known family (family_id) or a new household (family,
// people); when people in the new household may already be known, nothing is recorded and the client gets
// the possible matches (409), then repeats with confirmed_new_family or with the existing family_id.
#include <boost/json/object.hpp>

#include "http/api/api_common.hpp"
#include "http/api/json_views.hpp"
#include "http/responses.hpp"
#include "http/routes.hpp"

namespace hearth::http {
namespace {
namespace json = boost::json;
using api::Failed;
using api::NotFound;

// The checked body as the use case's submission: the referral's own members, then the household.
ReferralSubmission Submission(const json::object& body) {
  ReferralSubmission s;
  s.referral = ToInput(body);
  s.family_id = IntegerMember(body, "family_id");
  if (const auto* family = body.if_contains("family"); family != nullptr && family->is_object())
    s.family = ToInput(family->get_object());
  if (const auto* people = body.if_contains("people"); people != nullptr && people->is_array())
    for (const auto& person : people->get_array()) s.people.push_back(ToInput(person.get_object()));
  s.confirmed_new_family = BoolMember(body, "confirmed_new_family", false);
  return s;
}

// A known family and a new one in the same request is ambiguous: refuse rather than silently drop one.
std::optional<Error> Ambiguous(const json::object& body) {
  auto given = [&](std::string_view name) {
    const auto* v = body.if_contains(name);
    return v != nullptr && !v->is_null();
  };
  if (!given("family_id") || (!given("family") && !given("people"))) return std::nullopt;
  return Error::Validation({{given("family") ? "family" : "people", "api_error.family_and_family_id"}},
                           "family_id with a new family");
}

// The engine's reasons, as codes a client can act on and as the catalogue's plain words (the page's disclosure).
json::object ExplanationJson(const Views& views, const MatchExplanation& e) {
  json::array comparisons, corrections;
  for (const auto& step : e.steps) {
    if (step.field == "correction") {
      corrections.push_back(json::object{{"kind", step.level},
                                         {"description", views.T("referrals.matches.correction." + step.level)},
                                         {"weight", step.weight}});
      continue;
    }
    json::object c{{"field", step.field},
                   {"level", step.level},
                   {"description", views.T("referrals.matches.level." + step.level)},
                   {"entered", step.entered.empty() ? json::value(nullptr) : json::value(step.entered)},
                   {"on_record", step.stored.empty() ? json::value(nullptr) : json::value(step.stored)},
                   {"weight", step.weight},
                   {"term_frequency_weight", step.rarity}};
    comparisons.push_back(std::move(c));
  }
  return {{"prior_weight", e.prior_weight},
          {"comparisons", std::move(comparisons)},
          {"corrections", std::move(corrections)},
          {"match_weight", e.weight},
          {"match_probability", e.probability}};
}

RawResponse PossibleMatches(const RequestContext& ctx, const Views& views, const ReferralOutcome& outcome) {
  json::array matches;
  for (const auto& m : outcome.possible_matches) {
    json::object match = PossibleMatchJson(m);
    match["match_probability"] = m.probability ? json::value(*m.probability) : json::value(nullptr);
    match["explanation"] = m.explanation ? json::value(ExplanationJson(views, *m.explanation)) : json::value(nullptr);
    matches.push_back(std::move(match));
  }
  json::object error{{"code", "possible_matches"},
                     {"message", views.T("api.possible_matches")},
                     {"correlation_id", ctx.correlation_id}};
  return JsonResponse(ctx, bhttp::status::conflict,
                      json::object{{"error", std::move(error)}, {"possible_matches", std::move(matches)}});
}

RawResponse Record(RequestContext& ctx, RouteDeps deps) {
  auto body = ReadJsonBody(ctx, api::ReferralSchema());
  if (!body) return ProblemResponse(ctx, body.error(), deps.views.Messages());
  if (auto error = Ambiguous(*body)) return Failed(ctx, deps.views, *error);
  auto outcome = deps.services.referrals.Record(ctx.Who(), Submission(*body));
  if (!outcome) return Failed(ctx, deps.views, outcome.error());
  if (outcome->referral_id == 0) return PossibleMatches(ctx, deps.views, *outcome);

  // Read back as stored (and audited as a view); the write has happened either way, so a failed read
  // still answers 201 with the ids rather than inviting a retry that would record the referral twice.
  json::value referral = json::object{{"id", outcome->referral_id}};
  if (auto stored = deps.services.referrals.Get(ctx.Who(), outcome->referral_id)) referral = ReferralJson(*stored);
  json::value episode_id = nullptr;
  if (outcome->episode_id) episode_id = *outcome->episode_id;
  return api::Created(ctx, "referrals", outcome->referral_id,
                      json::object{{"referral", std::move(referral)},
                                   {"family_id", outcome->family_id},
                                   {"episode_id", std::move(episode_id)},
                                   {"joined_open_episode", outcome->joined_open_episode}});
}

RawResponse Show(RequestContext& ctx, RouteDeps deps) {
  const auto id = api::PathId(ctx);
  if (!id) return NotFound(ctx, deps.views);
  auto referral = deps.services.referrals.Get(ctx.Who(), *id);
  if (!referral) return Failed(ctx, deps.views, referral.error());
  return JsonResponse(ctx, bhttp::status::ok, json::object{{"referral", ReferralJson(*referral)}});
}

}  // namespace

void RegisterReferralApi(Router& router, RouteDeps deps) {
  router.Add(bhttp::verb::post, "/api/v1/referrals", Policy::Needs(Capability::kRecordReferrals),
             [deps](RequestContext& ctx) { return Record(ctx, deps); });
  router.Add(bhttp::verb::get, "/api/v1/referrals/{id}", Policy::Needs(Capability::kViewFamilies),
             [deps](RequestContext& ctx) { return Show(ctx, deps); });
}

}  // namespace hearth::http
