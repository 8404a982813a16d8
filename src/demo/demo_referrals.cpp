#include "demo/demo_referrals.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace hearth::demo {
namespace {
using namespace std::string_view_literals;

// Proportions in line with what early help front doors report: schools and health visitors refer most.
constexpr std::array<WeightedValue<ReferralSource>, 9> kSources{{{ReferralSource::kSchool, 25},
                                                                 {ReferralSource::kHealth, 22},
                                                                 {ReferralSource::kPolice, 15},
                                                                 {ReferralSource::kSelf, 7},
                                                                 {ReferralSource::kFamily, 5},
                                                                 {ReferralSource::kHousing, 8},
                                                                 {ReferralSource::kChildrenSocialCare, 8},
                                                                 {ReferralSource::kVoluntary, 6},
                                                                 {ReferralSource::kOther, 4}}};
constexpr std::array<WeightedValue<OutcomeArea>, 10> kReasons{{{OutcomeArea::kFamilyRelationships, 22},
                                                               {OutcomeArea::kHealth, 17},
                                                               {OutcomeArea::kEducation, 16},
                                                               {OutcomeArea::kDomesticAbuse, 14},
                                                               {OutcomeArea::kFinancialStability, 8},
                                                               {OutcomeArea::kHousing, 7},
                                                               {OutcomeArea::kEarlyYears, 5},
                                                               {OutcomeArea::kSubstanceUse, 5},
                                                               {OutcomeArea::kCrime, 3},
                                                               {OutcomeArea::kAbuseExploitation, 3}}};
constexpr std::array<WeightedValue<int>, 3> kReasonCounts{{{1, 40}, {2, 40}, {3, 20}}};
constexpr std::array<WeightedValue<int>, 3> kReferralCounts{{{1, 60}, {2, 28}, {3, 12}}};
constexpr std::array<WeightedValue<ReferralDecision>, 4> kDecisions{{{ReferralDecision::kEarlyHelp, 70},
                                                                     {ReferralDecision::kAdvice, 12},
                                                                     {ReferralDecision::kStatutory, 10},
                                                                     {ReferralDecision::kNoFurtherAction, 8}}};
// A step-down comes from social care itself, so sending it back there makes no sense.
constexpr std::array<WeightedValue<ReferralDecision>, 3> kStepDownDecisions{
    {{ReferralDecision::kEarlyHelp, 90}, {ReferralDecision::kAdvice, 5}, {ReferralDecision::kNoFurtherAction, 5}}};
// Rationales a coordinator might write; none names anyone, so the demo never puts a name in free text.
constexpr std::array kEarlyHelpRationales{
    "Family would benefit from whole-family support; parent agreed to early help."sv,
    "Needs sit below the threshold for statutory services; family consented to an early help assessment."sv,
    "Several areas of family life affected; coordinated support from partners is likely to help."sv,
    "Parent asked for help with routines and boundaries; early help offered and accepted."sv};
// Used only when education is among the reasons, so the rationale never contradicts them.
constexpr std::array kSchoolRationales{
    "School attendance concerns alongside wider family needs; early help assessment agreed."sv};
constexpr std::array kStepDownRationales{
    "Step-down from children's social care: progress made, continuing support through early help."sv};
constexpr std::array kStatutoryRationales{
    "Information suggests a child may be at risk of significant harm; passed to children's social care."sv,
    "Threshold for a statutory assessment is met; referred to the safeguarding team."sv,
    "Risk too high for early help; referred to children's social care for assessment."sv};
constexpr std::array kAdviceRationales{
    "Needs can be met by universal services; family given information about local support."sv,
    "Signposted to community groups and online resources; no further early help needed at present."sv,
    "Advice given to the referrer on supporting the family within their own service."sv};
constexpr std::array kNoFurtherActionRationales{
    "Family declined support and there are no safeguarding concerns."sv,
    "Needs already being met by services involved with the family."sv,
    "Insufficient information to proceed and the family could not be contacted."sv};

// The referrer's own concern usually leads: a school refers about school, the police about an incident.
std::optional<OutcomeArea> LeadReason(DemoRandom& rng, ReferralSource source) {
  switch (source) {
    case ReferralSource::kSchool:
      return rng.Percent(55) ? std::optional(OutcomeArea::kEducation) : std::nullopt;
    case ReferralSource::kHealth:
      return rng.Percent(55) ? std::optional(OutcomeArea::kHealth) : std::nullopt;
    case ReferralSource::kHousing:
      return rng.Percent(60) ? std::optional(OutcomeArea::kHousing) : std::nullopt;
    case ReferralSource::kPolice: {
      const int roll = static_cast<int>(rng.Below(100));
      if (roll < 45) return OutcomeArea::kDomesticAbuse;
      if (roll < 60) return OutcomeArea::kCrime;
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

bool HasChildUnder(const Household& h, int years, const Date& on) {
  return std::any_of(h.people.begin(), h.people.end(), [&](const Person& p) {
    return p.role == MemberRole::kChild && p.date_of_birth && p.date_of_birth->AgeOn(on) < years;
  });
}

std::vector<OutcomeArea> PlanReasons(DemoRandom& rng, const Household& h, ReferralSource source, const Date& on) {
  const int wanted = PickFrom(rng, kReasonCounts);
  const bool under_five = HasChildUnder(h, 5, on);
  std::vector<OutcomeArea> out;
  if (auto lead = LeadReason(rng, source)) out.push_back(*lead);
  for (int attempt = 0; attempt < 20 && static_cast<int>(out.size()) < wanted; ++attempt) {
    const OutcomeArea area = PickFrom(rng, kReasons);
    if (area == OutcomeArea::kEarlyYears && !under_five) continue;  // early years needs a child under five
    if (std::find(out.begin(), out.end(), area) == out.end()) out.push_back(area);
  }
  return out;
}

// Who gave consent: a parent or carer in the household, or now and then a teenager for themselves.
std::string ConsentGiver(DemoRandom& rng, const Household& h, const Date& on) {
  const bool teenager = std::any_of(h.people.begin(), h.people.end(), [&](const Person& p) {
    return p.role == MemberRole::kChild && p.date_of_birth && p.date_of_birth->AgeOn(on) >= 13;
  });
  if (teenager && rng.Percent(12)) return "Young person";
  std::vector<std::string> candidates;
  for (const Person& p : h.people) {
    if (p.role == MemberRole::kCarer) candidates.emplace_back("Carer");
    if (p.role == MemberRole::kParent) candidates.emplace_back(p.sex == Sex::kMale ? "Father" : "Mother");
  }
  if (candidates.empty()) return "Carer";
  // The first adult listed is usually the one the front door speaks to.
  return candidates.size() > 1 && rng.Percent(25) ? candidates[1] : candidates[0];
}

std::vector<Agency> PlanSharing(DemoRandom& rng, bool at_least_one) {
  std::vector<Agency> out;
  for (Agency a : AllValues<Agency>())
    if (rng.Percent(45)) out.push_back(a);
  if (out.empty() && at_least_one) {
    const auto all = AllValues<Agency>();
    out.push_back(all[rng.Below(static_cast<std::uint32_t>(all.size()))]);
  }
  return out;
}

std::string_view PlanRationale(DemoRandom& rng, const Referral& r) {
  switch (r.decision) {
    case ReferralDecision::kEarlyHelp: {
      if (r.IsStepDown()) return rng.Pick(std::span<const std::string_view>(kStepDownRationales));
      const bool education = std::find(r.reasons.begin(), r.reasons.end(), OutcomeArea::kEducation) != r.reasons.end();
      if (education && rng.Percent(50)) return rng.Pick(std::span<const std::string_view>(kSchoolRationales));
      return rng.Pick(std::span<const std::string_view>(kEarlyHelpRationales));
    }
    case ReferralDecision::kStatutory:
      return rng.Pick(std::span<const std::string_view>(kStatutoryRationales));
    case ReferralDecision::kAdvice:
      return rng.Pick(std::span<const std::string_view>(kAdviceRationales));
    case ReferralDecision::kNoFurtherAction:
      return rng.Pick(std::span<const std::string_view>(kNoFurtherActionRationales));
  }
  return {};
}
}  // namespace

std::vector<Date> PlanReferralDates(DemoRandom& rng, const Date& start, const Date& today) {
  const int wanted = PickFrom(rng, kReferralCounts);
  std::vector<Date> out{start.AddDays(rng.Between(0, static_cast<int>(DaysBetween(start, today))))};
  while (static_cast<int>(out.size()) < wanted) {
    const Date next = out.back().AddDays(rng.Between(160, 720));
    if (next > today) break;  // the family has not come back yet
    out.push_back(next);
  }
  return out;
}

Referral PlanReferral(DemoRandom& rng, const Household& household, const Date& received_on) {
  Referral r;
  r.received_on = received_on;
  r.source = PickFrom(rng, kSources);
  r.reasons = PlanReasons(rng, household, r.source, received_on);
  r.decision = r.IsStepDown() ? PickFrom(rng, kStepDownDecisions) : PickFrom(rng, kDecisions);

  // Early help is voluntary, so every early-help decision has consent; otherwise it is mostly given too.
  const int roll = static_cast<int>(rng.Below(100));
  if (r.decision == ReferralDecision::kEarlyHelp || roll < 85) {
    r.consent.given = true;
    r.consent.given_by = ConsentGiver(rng, household, received_on);
    r.consent.given_on = received_on;
    r.consent.share_with = PlanSharing(rng, r.decision == ReferralDecision::kEarlyHelp);
  } else if (roll < 95) {
    r.consent.given = false;
  }  // else: not recorded
  r.rationale = std::string(PlanRationale(rng, r));
  return r;
}

}  // namespace hearth::demo
