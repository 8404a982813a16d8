// One made-up household, planned in memory before anything is written: its address, its members and how they
// are related. Kept apart from the writing so the rules (ages, names, postcodes) can be read in one place.
#pragma once
#include <cstddef>
#include <vector>

#include "common/date.hpp"
#include "demo/demo_random.hpp"
#include "domain/family.hpp"

namespace hearth::demo {

struct PlannedRelationship {
  std::size_t from = 0;  // indices into Household::people
  std::size_t to = 0;
  RelationshipKind kind = RelationshipKind::kOther;
};

struct Household {
  Family family;
  std::vector<Person> people;  // adults first, then the children eldest first; ids and family_id unset
  std::vector<PlannedRelationship> relationships;
};

// A household whose children are aged 0–17 on every day from `first_referral` to `last_referral`, and whose
// adults are at least 17 years older than the eldest child.
Household PlanHousehold(DemoRandom& rng, const Date& first_referral, const Date& last_referral);

}  // namespace hearth::demo
