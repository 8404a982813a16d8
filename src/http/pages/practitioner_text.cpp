#include "http/pages/practitioner_text.hpp"

namespace hearth::http {

std::string OrganisationKindLabel(const std::string& kind, const MessageCatalogue& m) {
  const std::string own = "practitioner_org." + kind;
  if (m.Has(own)) return m.Get(own);
  const std::string agency = "agency." + kind;
  return m.Has(agency) ? m.Get(agency) : kind;
}

std::string PractitionerOrganisation(const Practitioner& p, const MessageCatalogue& m) {
  if (p.organisation_kind == "other") return p.organisation;
  const std::string kind = OrganisationKindLabel(p.organisation_kind, m);
  if (p.organisation.empty()) return kind;
  return m.Format("practitioners.organisation_named", {{"kind", kind}, {"organisation", p.organisation}});
}

std::string PractitionerLabel(const Practitioner& p, const MessageCatalogue& m) {
  const std::string organisation = PractitionerOrganisation(p, m);
  if (p.role_title.empty()) return m.Format("practitioners.option", {{"name", p.name}, {"organisation", organisation}});
  return m.Format("practitioners.option_with_role",
                  {{"name", p.name}, {"role", p.role_title}, {"organisation", organisation}});
}

}  // namespace hearth::http
