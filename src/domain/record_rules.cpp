#include "domain/record_rules.hpp"

#include "domain/field_rules.hpp"
#include "domain/postcode.hpp"

namespace hearth {

using namespace rules;

Result<Family> FamilyFromInput(const Input& in) {
  std::vector<FieldError> errors;
  Family f;
  f.area = RequiredText(in, "area", kNameMax, errors);
  f.address_line_1 = OptionalText(in, "address_line_1", kLineMax, errors);
  f.address_line_2 = OptionalText(in, "address_line_2", kLineMax, errors);
  f.town = OptionalText(in, "town", kNameMax, errors);
  const std::string postcode = OptionalText(in, "postcode", 16, errors);
  if (!postcode.empty()) {
    auto normal = NormaliseUkPostcode(postcode);
    if (normal)
      f.postcode = *normal;
    else
      errors.push_back({"postcode", "error.postcode_invalid"});
  }
  if (!errors.empty()) return Error::Validation(std::move(errors));
  return f;
}

Result<Person> PersonFromInput(const Input& in, const Date& today) {
  std::vector<FieldError> errors;
  Person p;
  p.given_name = RequiredText(in, "given_name", kNameMax, errors);
  p.family_name = RequiredText(in, "family_name", kNameMax, errors);
  p.date_of_birth = DateField(in, "date_of_birth", false, today, errors);
  p.sex = EnumField<Sex>(in, "sex", false, errors).value_or(Sex::kUnknown);
  auto role = EnumField<MemberRole>(in, "role", true, errors);
  if (role) p.role = *role;
  // Early help works with children and young people up to 25 (with additional needs); older is a typo.
  if (role == MemberRole::kChild && p.date_of_birth && p.date_of_birth->AgeOn(today) > 25)
    errors.push_back({"date_of_birth", "error.child_too_old"});
  if (role && role != MemberRole::kChild && p.date_of_birth && p.date_of_birth->AgeOn(today) < 12)
    errors.push_back({"date_of_birth", "error.adult_too_young"});
  if (!errors.empty()) return Error::Validation(std::move(errors));
  return p;
}

Result<Relationship> RelationshipFromInput(const Input& in) {
  std::vector<FieldError> errors;
  Relationship r;
  r.from_person_id = IdField(in, "from_person", true, errors);
  auto kind = EnumField<RelationshipKind>(in, "kind", true, errors);
  r.to_person_id = IdField(in, "to_person", true, errors);
  if (kind) r.kind = *kind;
  if (r.from_person_id != 0 && r.from_person_id == r.to_person_id)
    errors.push_back({"to_person", "error.relationship_self"});
  if (!errors.empty()) return Error::Validation(std::move(errors));
  return r;
}

namespace {
std::optional<bool> ConsentAnswer(const Input& in, std::vector<FieldError>& errors) {
  const std::string v = Trim(in.Get("consent_given"));
  if (v.empty()) return std::nullopt;
  if (v == "yes" || v == "true") return true;
  if (v == "no" || v == "false") return false;
  errors.push_back({"consent_given", "error.choice_invalid"});
  return std::nullopt;
}
}  // namespace

Result<Referral> ReferralFromInput(const Input& in, const Date& today) {
  std::vector<FieldError> errors;
  Referral r;
  auto received = DateField(in, "received_on", true, today, errors);
  if (received) r.received_on = *received;
  auto source = EnumField<ReferralSource>(in, "source", true, errors);
  if (source) r.source = *source;
  r.reasons = EnumListField<OutcomeArea>(in, "reasons", errors);
  if (r.reasons.empty() && in.GetAll("reasons").empty()) errors.push_back({"reasons", "error.choose_one_or_more"});
  r.consent.given = ConsentAnswer(in, errors);
  if (r.consent.given == true) {
    r.consent.given_by = RequiredText(in, "consent_given_by", kNameMax, errors);
    r.consent.given_on = DateField(in, "consent_given_on", true, today, errors);
    r.consent.share_with = EnumListField<Agency>(in, "share_with", errors);
  } else if (!in.GetAll("share_with").empty()) {
    errors.push_back({"share_with", "error.share_without_consent"});
  }
  auto decision = EnumField<ReferralDecision>(in, "decision", true, errors);
  if (decision) r.decision = *decision;
  r.rationale = RequiredText(in, "rationale", kTextMax, errors, Lines::kMany);
  if (decision == ReferralDecision::kEarlyHelp && r.consent.given != true)
    errors.push_back({"consent_given", "error.early_help_needs_consent"});
  if (!errors.empty()) return Error::Validation(std::move(errors));
  return r;
}

}  // namespace hearth
