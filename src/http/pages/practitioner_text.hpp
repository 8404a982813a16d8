// How a practitioner from the directory is named on pages: "Name, role (organisation)".
#pragma once
#include <string>

#include "common/messages.hpp"
#include "domain/practitioner.hpp"

namespace hearth::http {

// The organisation: its own name for "other", else the kind's label (and the organisation's name when given).
std::string PractitionerOrganisation(const Practitioner& p, const MessageCatalogue& m);
// Name, role title and organisation, as a lead professional is shown and chosen.
std::string PractitionerLabel(const Practitioner& p, const MessageCatalogue& m);
// The label of an organisation kind (an agency, early help, social care, other).
std::string OrganisationKindLabel(const std::string& kind, const MessageCatalogue& m);

}  // namespace hearth::http
