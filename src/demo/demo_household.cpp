#include "demo/demo_household.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "demo/british_names.hpp"
#include "domain/postcode.hpp"

namespace hearth::demo {
namespace {

enum class Shape { kTwoParents, kMotherAndPartner, kSingleMother, kSingleFather, kGrandmother, kGrandparents };

// Roughly the mix early help services report: many lone-parent households, some blended and kinship families.
constexpr std::array<WeightedValue<Shape>, 6> kShapes{{{Shape::kTwoParents, 40},
                                                       {Shape::kMotherAndPartner, 12},
                                                       {Shape::kSingleMother, 36},
                                                       {Shape::kSingleFather, 6},
                                                       {Shape::kGrandmother, 4},
                                                       {Shape::kGrandparents, 2}}};
constexpr std::array<WeightedValue<int>, 4> kChildCounts{{{1, 38}, {2, 33}, {3, 19}, {4, 10}}};
// A mother's age when her eldest was born, as a band to draw a year from.
constexpr std::array<WeightedValue<std::pair<int, int>>, 5> kMotherAgeBands{
    {{{17, 19}, 12}, {{20, 24}, 30}, {{25, 29}, 30}, {{30, 34}, 18}, {{35, 42}, 10}}};

// 17 years is at most 6,210 days (five leap days), so a gap of 6,211 days makes someone 17 or more years older
// whatever the calendar does; 6,570 days is under 18 years (18 years is at least 6,574), so a child born that
// many days before the last referral is still 17 on it.
constexpr int kSeventeenYearsAtLeast = 6211;
constexpr int kUnderEighteenYears = 6570;
constexpr std::string_view kInwardLetters = "ABDEFGHJLNPQRSTUWXYZ";  // the letters Royal Mail uses inward

std::string PickName(DemoRandom& rng, std::span<const std::string_view> names) { return std::string(rng.Pick(names)); }

// A birth date `years` (plus some days) before `eldest_born`, never fewer than 17 whole years before it.
Date BornBefore(DemoRandom& rng, const Date& eldest_born, int years) {
  const int days = std::max(kSeventeenYearsAtLeast, years * 365 + years / 4 + rng.Between(0, 364));
  return eldest_born.AddDays(-days);
}

std::string MakePostcode(DemoRandom& rng, const Town& town) {
  std::string text(town.district);
  text += ' ';
  text += town.sectors[rng.Below(static_cast<std::uint32_t>(town.sectors.size()))];
  for (int i = 0; i < 2; ++i) text += kInwardLetters[rng.Below(static_cast<std::uint32_t>(kInwardLetters.size()))];
  // Canonical form as the rest of Hearth stores it; the tables only hold valid districts, so this always parses.
  return NormaliseUkPostcode(text).value_or(std::string());
}

Family MakeAddress(DemoRandom& rng) {
  const auto towns = Towns();
  std::vector<WeightedValue<std::size_t>> weights;
  for (std::size_t i = 0; i < towns.size(); ++i) weights.push_back({i, towns[i].weight});
  const Town& town = towns[rng.PickWeighted(std::span<const WeightedValue<std::size_t>>(weights))];

  Family family;
  family.area = std::string(town.area);
  family.town = std::string(town.name);
  const std::string street = std::to_string(rng.Between(1, 160)) + " " + PickName(rng, StreetNames());
  family.address_line_1 = rng.Percent(15) ? "Flat " + std::to_string(rng.Between(1, 12)) + ", " + street : street;
  if (!town.localities.empty() && rng.Percent(35)) family.address_line_2 = PickName(rng, town.localities);
  family.postcode = MakePostcode(rng, town);
  return family;
}

Person Adult(DemoRandom& rng, Sex sex, MemberRole role, std::string family_name, const Date& born) {
  Person p;
  p.sex = sex;
  p.role = role;
  p.given_name = PickName(rng, sex == Sex::kFemale ? AdultFemaleNames() : AdultMaleNames());
  p.family_name = std::move(family_name);
  p.date_of_birth = born;
  return p;
}

// Children's birth dates, eldest first; fewer than asked for when siblings would not fit the window.
std::vector<Date> ChildBirthDates(DemoRandom& rng, int wanted, const Date& first_referral, const Date& last_referral) {
  const Date earliest = last_referral.AddDays(-kUnderEighteenYears);
  const Date latest = first_referral.AddDays(-14);  // at least a fortnight old when first referred
  const int window = static_cast<int>(DaysBetween(earliest, latest));
  // With siblings to fit, the eldest tends to be older: the smaller of two draws.
  int offset = rng.Between(0, window);
  if (wanted > 1) offset = std::min(offset, rng.Between(0, window));
  std::vector<Date> out{earliest.AddDays(offset)};
  while (static_cast<int>(out.size()) < wanted) {
    const Date& previous = out.back();
    const int room = static_cast<int>(DaysBetween(previous, latest));
    if (rng.Percent(2)) {
      out.push_back(previous);  // twins
      continue;
    }
    if (room < 300) break;
    out.push_back(previous.AddDays(rng.Between(300, std::min(room, 2200))));
  }
  return out;
}

}  // namespace

Household PlanHousehold(DemoRandom& rng, const Date& first_referral, const Date& last_referral) {
  Household h;
  h.family = MakeAddress(rng);
  const Shape shape = PickFrom(rng, kShapes);
  const std::vector<Date> births = ChildBirthDates(rng, PickFrom(rng, kChildCounts), first_referral, last_referral);
  const Date& eldest = births.front();

  const auto band = PickFrom(rng, kMotherAgeBands);
  const int mother_age = rng.Between(band.first, band.second);
  const int partner_age = std::max(17, mother_age + rng.Between(-3, 8));
  // The mother's own family name, or the lone parent's or grandparent's.
  const std::string household_name = PickName(rng, FamilyNames());
  std::string children_name = household_name;

  switch (shape) {
    case Shape::kTwoParents: {
      const std::string father_name = PickName(rng, FamilyNames());
      // Married couples usually share a name; otherwise the children mostly take the father's.
      const bool shared = rng.Percent(55);
      h.people.push_back(Adult(rng, Sex::kFemale, MemberRole::kParent, shared ? father_name : household_name,
                               BornBefore(rng, eldest, mother_age)));
      h.people.push_back(
          Adult(rng, Sex::kMale, MemberRole::kParent, father_name, BornBefore(rng, eldest, partner_age)));
      children_name = father_name;
      const bool plain = household_name.find('-') == std::string::npos && father_name.find('-') == std::string::npos;
      if (!shared && plain && household_name != father_name && rng.Percent(10)) {
        children_name = household_name + "-" + father_name;
      } else if (!shared && rng.Percent(15)) {
        children_name = household_name;
      }
      break;
    }
    case Shape::kMotherAndPartner:
      h.people.push_back(
          Adult(rng, Sex::kFemale, MemberRole::kParent, household_name, BornBefore(rng, eldest, mother_age)));
      h.people.push_back(Adult(rng, Sex::kMale, MemberRole::kOtherAdult, PickName(rng, FamilyNames()),
                               BornBefore(rng, eldest, partner_age)));
      if (rng.Percent(15)) children_name = PickName(rng, FamilyNames());  // the absent father's name
      break;
    case Shape::kSingleMother:
      h.people.push_back(
          Adult(rng, Sex::kFemale, MemberRole::kParent, household_name, BornBefore(rng, eldest, mother_age)));
      if (rng.Percent(25)) children_name = PickName(rng, FamilyNames());
      break;
    case Shape::kSingleFather:
      h.people.push_back(
          Adult(rng, Sex::kMale, MemberRole::kParent, household_name, BornBefore(rng, eldest, partner_age)));
      break;
    case Shape::kGrandmother:
    case Shape::kGrandparents: {
      // Kinship care: a grandparent a generation further back than the (absent) parents.
      const int age = rng.Between(38, 58);
      h.people.push_back(Adult(rng, Sex::kFemale, MemberRole::kCarer, household_name, BornBefore(rng, eldest, age)));
      if (shape == Shape::kGrandparents)
        h.people.push_back(Adult(rng, Sex::kMale, MemberRole::kCarer, household_name,
                                 BornBefore(rng, eldest, age + rng.Between(-2, 5))));
      if (rng.Percent(50)) children_name = PickName(rng, FamilyNames());
      break;
    }
  }
  const std::size_t adults = h.people.size();

  for (std::size_t i = 0; i < births.size(); ++i) {
    Person child;
    child.role = MemberRole::kChild;
    child.sex = rng.Percent(51) ? Sex::kMale : Sex::kFemale;
    const auto names = child.sex == Sex::kMale ? ChildMaleNames() : ChildFemaleNames();
    // Siblings do not share a given name; a few tries is plenty with lists this long.
    for (int attempt = 0; attempt < 8; ++attempt) {
      child.given_name = PickName(rng, names);
      bool taken = false;
      for (std::size_t j = adults; j < h.people.size(); ++j)
        taken = taken || h.people[j].given_name == child.given_name;
      if (!taken) break;
    }
    // Most siblings share a name; now and then a half-sibling has another.
    child.family_name = (i > 0 && rng.Percent(6)) ? PickName(rng, FamilyNames()) : children_name;
    child.date_of_birth = births[i];
    h.people.push_back(std::move(child));
  }

  if (adults == 2) h.relationships.push_back({0, 1, RelationshipKind::kPartnerOf});
  for (std::size_t a = 0; a < adults; ++a) {
    const MemberRole role = h.people[a].role;
    if (role == MemberRole::kOtherAdult) continue;  // a mother's partner is not the children's parent
    const auto kind = role == MemberRole::kCarer ? RelationshipKind::kCarerOf : RelationshipKind::kParentOf;
    for (std::size_t c = adults; c < h.people.size(); ++c) h.relationships.push_back({a, c, kind});
  }
  for (std::size_t c = adults; c < h.people.size(); ++c)
    for (std::size_t d = c + 1; d < h.people.size(); ++d)
      h.relationships.push_back({c, d, RelationshipKind::kSiblingOf});
  return h;
}

}  // namespace hearth::demo
