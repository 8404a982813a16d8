#include "domain/practitioner.hpp"

#include <algorithm>

#include "domain/enum_names.hpp"
#include "domain/field_rules.hpp"

namespace hearth {
namespace {

constexpr std::size_t kEmailMax = 254;

// Enough to catch a typing slip (a missing @ or domain), not a full RFC 5322 parser: the address is only shown.
bool PlausibleEmail(std::string_view email) {
  const auto at = email.find('@');
  if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos) return false;
  const std::string_view domain = email.substr(at + 1);
  const auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return false;
  return std::none_of(email.begin(), email.end(), [](char c) { return c == ' ' || c == ',' || c == ';'; });
}

}  // namespace

const std::vector<std::string>& PractitionerOrganisationKinds() {
  static const std::vector<std::string> kinds = [] {
    std::vector<std::string> out{"early_help", "social_care"};
    for (Agency a : AllValues<Agency>()) out.emplace_back(ToString(a));
    out.emplace_back("other");
    return out;
  }();
  return kinds;
}

Result<Practitioner> PractitionerFromInput(const Input& in) {
  std::vector<FieldError> errors;
  Practitioner p;
  p.name = rules::RequiredText(in, "name", rules::kNameMax, errors);
  p.organisation_kind = rules::Trim(in.Get("organisation_kind"));
  const auto& kinds = PractitionerOrganisationKinds();
  if (p.organisation_kind.empty()) {
    errors.push_back({"organisation_kind", "error.choose"});
  } else if (std::find(kinds.begin(), kinds.end(), p.organisation_kind) == kinds.end()) {
    errors.push_back({"organisation_kind", "error.choice_invalid"});
  }
  p.organisation = p.organisation_kind == "other" ? rules::RequiredText(in, "organisation", rules::kNameMax, errors)
                                                  : rules::OptionalText(in, "organisation", rules::kNameMax, errors);
  p.role_title = rules::OptionalText(in, "role_title", rules::kNameMax, errors);
  p.email = rules::OptionalText(in, "email", kEmailMax, errors);
  if (!p.email.empty() && !PlausibleEmail(p.email)) errors.push_back({"email", "error.email_invalid"});
  if (!errors.empty()) return Error::Validation(std::move(errors));
  return p;
}

}  // namespace hearth
