#include "app/referral_service.hpp"

#include <algorithm>
#include <map>

#include "app/audit_log.hpp"
#include "app/person_linkage.hpp"
#include "domain/name_similarity.hpp"
#include "domain/record_rules.hpp"

namespace hearth {
namespace {
void AddPrefixed(std::vector<FieldError>& out, const Error& e, const std::string& prefix) {
  for (const auto& f : e.fields) out.push_back({prefix + f.field, f.message_key});
}

bool HasOpenEpisode(UnitOfWork& uow, RecordId family_id) {
  for (const auto& e : uow.Referrals().ListEpisodes(family_id))
    if (!e.closed_on) return true;
  return false;
}
}  // namespace

// The engine ranks every stored person; visibility is applied to its answer, so it looks further than it shows: a
// hidden namesake ranked first must not push a visible match off the list.
std::vector<PossibleMatch> ReferralService::RankedMatches(const Principal& who, const std::vector<Person>& candidates,
                                                          const Family& household) {
  constexpr std::size_t kLookAt = 50;
  std::map<RecordId, PossibleMatch> best;  // by stored person: the submitted person it resembles most
  auto uow = db_.BeginRead();
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    for (auto& ranked : linkage_->Rank(candidates[i], household, kLookAt)) {
      if (auto it = best.find(ranked.person_id); it != best.end() && *it->second.probability >= ranked.probability)
        continue;
      auto existing = uow->People().FindById(ranked.person_id);
      if (!existing || !uow->Families().IsVisible(existing->family_id, who.Visibility())) continue;
      auto family = uow->Families().FindById(existing->family_id);
      if (!family) continue;
      best[ranked.person_id] = PossibleMatch{std::move(*existing), std::move(*family), static_cast<int>(i),
                                             ranked.probability, std::move(ranked.explanation)};
    }
  }
  std::vector<PossibleMatch> out;
  for (auto& [id, match] : best) out.push_back(std::move(match));
  std::stable_sort(out.begin(), out.end(), [](const PossibleMatch& a, const PossibleMatch& b) {
    return *a.probability != *b.probability ? *a.probability > *b.probability : a.person.id < b.person.id;
  });
  if (out.size() > kMostMatchesShown) out.resize(kMostMatchesShown);
  return out;
}

std::vector<PossibleMatch> ReferralService::FindPossibleMatches(const Principal& who,
                                                                const std::vector<Person>& candidates,
                                                                const Family& household) {
  if (linkage_ != nullptr) return RankedMatches(who, candidates, household);
  std::vector<PossibleMatch> out;
  auto uow = db_.BeginRead();
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const Person& c = candidates[i];
    if (!c.date_of_birth) continue;
    for (auto& existing : uow->People().FindByDateOfBirth(*c.date_of_birth, who.Visibility())) {
      if (!NamesLikelySame(c.given_name, c.family_name, existing.given_name, existing.family_name)) continue;
      auto family = uow->Families().FindById(existing.family_id);
      if (family) out.push_back({std::move(existing), *family, static_cast<int>(i), std::nullopt, std::nullopt});
    }
  }
  return out;
}

Result<ReferralOutcome> ReferralService::Record(const Principal& who, const ReferralSubmission& in) {
  if (!who.Can(Capability::kRecordReferrals)) {
    AuditSeparately(db_, sink_, who, "create", {"referral", 0, in.family_id.value_or(0)}, "denied");
    return Error::Forbidden("record referral");
  }
  const Date today = Date::TodayUtc();
  std::vector<FieldError> errors;
  auto referral = ReferralFromInput(in.referral, today);
  if (!referral) AddPrefixed(errors, referral.error(), "");
  std::optional<Family> new_family;
  std::vector<Person> new_people;
  if (!in.family_id) {
    auto family = FamilyFromInput(in.family);
    if (family)
      new_family = *family;
    else
      AddPrefixed(errors, family.error(), "family.");
    if (in.people.empty()) errors.push_back({"people[0].given_name", "error.referral_needs_person"});
    for (std::size_t i = 0; i < in.people.size(); ++i) {
      auto person = PersonFromInput(in.people[i], today);
      if (person)
        new_people.push_back(*person);
      else
        AddPrefixed(errors, person.error(), "people[" + std::to_string(i) + "].");
    }
  }
  if (!errors.empty()) return Error::Validation(std::move(errors));

  ReferralOutcome outcome;
  if (!in.family_id && !in.confirmed_new_family) {
    outcome.possible_matches = FindPossibleMatches(who, new_people, *new_family);
    if (!outcome.possible_matches.empty()) return outcome;
  }

  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<ReferralOutcome> {
    auto uow = db_.BeginWrite();
    if (in.family_id) {
      if (!uow->Families().FindById(*in.family_id) || !uow->Families().IsVisible(*in.family_id, who.Visibility())) {
        refusal = Refusal{"create", {"referral", 0, *in.family_id}, "not_found"};
        return Error::NotFound("family for referral");
      }
      outcome.family_id = *in.family_id;
    } else {
      outcome.family_id = uow->Families().Insert(*new_family);
      Audit(*uow, who, "create", {"family", outcome.family_id, outcome.family_id});
      for (auto& p : new_people) {
        p.family_id = outcome.family_id;
        const RecordId pid = uow->People().Insert(p);
        Audit(*uow, who, "create", {"person", pid, outcome.family_id});
      }
    }
    referral->family_id = outcome.family_id;
    referral->recorded_by = who.user_id;
    const bool already_open = HasOpenEpisode(*uow, outcome.family_id);
    outcome.referral_id = uow->Referrals().Insert(*referral);
    referral->id = outcome.referral_id;
    Audit(*uow, who, "create", {"referral", outcome.referral_id, outcome.family_id});
    if (auto episode = EpisodeOpenedBy(*referral)) {
      if (already_open) {
        outcome.joined_open_episode = true;
      } else {
        outcome.episode_id = uow->Referrals().InsertEpisode(*episode);
        Audit(*uow, who, "create", {"episode", *outcome.episode_id, outcome.family_id});
      }
    }
    uow->Commit();
    return outcome;
  });
}

Result<Referral> ReferralService::Get(const Principal& who, RecordId referral_id) {
  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<Referral> {
    std::optional<Referral> referral;
    {
      auto uow = db_.BeginRead();
      referral = uow->Referrals().FindById(referral_id);
      if (!referral || !who.Can(Capability::kViewFamilies) ||
          !uow->Families().IsVisible(referral->family_id, who.Visibility())) {
        refusal = Refusal{"view", {"referral", referral_id, referral ? referral->family_id : 0}, "not_found"};
        return Error::NotFound("referral");
      }
    }
    AuditSeparately(db_, sink_, who, "view", {"referral", referral_id, referral->family_id}, "ok");
    return *referral;
  });
}

}  // namespace hearth
