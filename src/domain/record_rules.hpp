// Turning submitted input into valid records: the one place the rules for families, people, relationships
// and referrals live, used by the pages, the JSON API and the importer alike.
#pragma once
#include "common/error.hpp"
#include "domain/family.hpp"
#include "domain/input.hpp"
#include "domain/referral.hpp"

namespace hearth {

// Fields: area*, address_line_1, address_line_2, town, postcode (a valid UK postcode when given).
Result<Family> FamilyFromInput(const Input& in);
// Fields: given_name*, family_name*, date_of_birth (not after today; a child under 26), sex, role*.
Result<Person> PersonFromInput(const Input& in, const Date& today);
// Fields: from_person*, kind*, to_person* (ids; checked against the family by the caller).
Result<Relationship> RelationshipFromInput(const Input& in);
// Fields: received_on* (not after today), source*, reasons* (one or more outcome areas), consent_given
// ("yes"/"no"/"true"/"false"), consent_given_by and consent_given_on (required when consent was given),
// share_with (agencies), decision*, rationale*. An early-help decision needs consent: early help is voluntary.
Result<Referral> ReferralFromInput(const Input& in, const Date& today);

}  // namespace hearth
