// The practitioner directory: people of any agency (a partner agency, early help, children's social care, or
// another organisation) who can be a family's lead professional at a Team Around the Family meeting.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "domain/family.hpp"
#include "domain/input.hpp"

namespace hearth {

struct Practitioner {
  RecordId id = 0;
  std::string name;
  // An Agency's interchange name (health, housing, …), early_help, social_care, or other (then `organisation`
  // names it).
  std::string organisation_kind;
  std::string organisation;  // the organisation's own name: required for "other", optional otherwise
  std::string role_title;    // optional, e.g. "School nurse"
  std::string email;         // optional
  int version = 1;
};

// The organisation kinds a practitioner may belong to, in the order forms offer them.
const std::vector<std::string>& PractitionerOrganisationKinds();

// name*, organisation_kind*, organisation (required when the kind is "other"), role_title, email (a plausible
// address when given). At most 100 characters each (email 254).
Result<Practitioner> PractitionerFromInput(const Input& in);

}  // namespace hearth
