#include "domain/record_rules.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "unit/support/inputs.hpp"

namespace hearth {
namespace {

using hearth::testing::MakeInput;

const Date kToday = *Date::Parse("2026-11-22");

// True when `result` failed validation with `key` on `field`.
template <class T>
bool HasFieldError(const Result<T>& result, const std::string& field, const std::string& key) {
  if (result) return false;
  const auto& fields = result.error().fields;
  return std::any_of(fields.begin(), fields.end(),
                     [&](const FieldError& f) { return f.field == field && f.message_key == key; });
}

template <class T>
std::string Describe(const Result<T>& result) {
  if (result) return "valid";
  std::string out = result.error().message_key + ":";
  for (const auto& f : result.error().fields) out += " " + f.field + "=" + f.message_key;
  return out;
}

// ---- families ----

TEST(FamilyRules, AcceptsAnAreaAloneAndNormalisesThePostcode) {
  auto family = FamilyFromInput(MakeInput({{"area", " West "}, {"postcode", "cf371dl"}, {"town", "Pontypridd"}}));
  ASSERT_TRUE(family) << Describe(family);
  EXPECT_EQ(family->area, "West");
  EXPECT_EQ(family->postcode, "CF37 1DL");
  EXPECT_EQ(family->town, "Pontypridd");
}

TEST(FamilyRules, RequiresAnArea) {
  auto family = FamilyFromInput(MakeInput({{"area", "   "}}));
  EXPECT_TRUE(HasFieldError(family, "area", "error.required")) << Describe(family);
  EXPECT_EQ(family.error().code, ErrorCode::kValidation);
}

TEST(FamilyRules, RefusesAnInvalidPostcode) {
  auto family = FamilyFromInput(MakeInput({{"area", "West"}, {"postcode", "QQ1 1AA"}}));
  EXPECT_TRUE(HasFieldError(family, "postcode", "error.postcode_invalid")) << Describe(family);
}

TEST(FamilyRules, AnEmptyPostcodeIsAllowed) {
  auto family = FamilyFromInput(MakeInput({{"area", "West"}, {"postcode", ""}}));
  ASSERT_TRUE(family) << Describe(family);
  EXPECT_EQ(family->postcode, "");
}

TEST(FamilyRules, RefusesOverLongAddressLines) {
  auto family = FamilyFromInput(MakeInput({{"area", "West"}, {"address_line_1", std::string(201, 'a')}}));
  EXPECT_TRUE(HasFieldError(family, "address_line_1", "error.too_long")) << Describe(family);
  EXPECT_TRUE(FamilyFromInput(MakeInput({{"area", "West"}, {"address_line_1", std::string(200, 'a')}})));
}

TEST(FamilyRules, RefusesControlCharacters) {
  auto family = FamilyFromInput(MakeInput({{"area", "West"}, {"town", "Ponty\x01pridd"}}));
  EXPECT_TRUE(HasFieldError(family, "town", "error.text_invalid")) << Describe(family);
}

TEST(FamilyRules, NamesEveryFailingField) {
  auto family = FamilyFromInput(MakeInput({{"postcode", "nonsense"}, {"town", std::string(101, 'x')}}));
  EXPECT_TRUE(HasFieldError(family, "area", "error.required")) << Describe(family);
  EXPECT_TRUE(HasFieldError(family, "postcode", "error.postcode_invalid")) << Describe(family);
  EXPECT_TRUE(HasFieldError(family, "town", "error.too_long")) << Describe(family);
}

// ---- people ----

Input ValidChild() {
  return MakeInput({{"given_name", "Olivia"}, {"family_name", "Hughes"}, {"date_of_birth", "2015-03-04"},
                    {"sex", "female"}, {"role", "child"}});
}

Input With(Input in, const std::string& name, const std::string& value) {
  Input out;
  for (const auto& [key, values] : in.Values())
    if (key != name)
      for (const auto& v : values) out.Add(key, v);
  out.Add(name, value);
  return out;
}

TEST(PersonRules, AcceptsACompletePerson) {
  auto person = PersonFromInput(ValidChild(), kToday);
  ASSERT_TRUE(person) << Describe(person);
  EXPECT_EQ(person->given_name, "Olivia");
  EXPECT_EQ(person->family_name, "Hughes");
  EXPECT_EQ(person->date_of_birth, Date::Parse("2015-03-04"));
  EXPECT_EQ(person->sex, Sex::kFemale);
  EXPECT_EQ(person->role, MemberRole::kChild);
}

TEST(PersonRules, SexAndDateOfBirthAreOptional) {
  auto person = PersonFromInput(MakeInput({{"given_name", "A"}, {"family_name", "B"}, {"role", "parent"}}), kToday);
  ASSERT_TRUE(person) << Describe(person);
  EXPECT_EQ(person->sex, Sex::kUnknown);
  EXPECT_FALSE(person->date_of_birth);
}

TEST(PersonRules, NamesEachMissingRequiredField) {
  auto person = PersonFromInput(Input{}, kToday);
  EXPECT_TRUE(HasFieldError(person, "given_name", "error.required")) << Describe(person);
  EXPECT_TRUE(HasFieldError(person, "family_name", "error.required")) << Describe(person);
  EXPECT_TRUE(HasFieldError(person, "role", "error.choose")) << Describe(person);
}

TEST(PersonRules, RefusesUnknownChoices) {
  auto bad_role = PersonFromInput(With(ValidChild(), "role", "cousin"), kToday);
  EXPECT_TRUE(HasFieldError(bad_role, "role", "error.choice_invalid")) << Describe(bad_role);
  auto bad_sex = PersonFromInput(With(ValidChild(), "sex", "F"), kToday);
  EXPECT_TRUE(HasFieldError(bad_sex, "sex", "error.choice_invalid")) << Describe(bad_sex);
}

TEST(PersonRules, RefusesAnUnrealDateOfBirth) {
  auto person = PersonFromInput(With(ValidChild(), "date_of_birth", "2015-02-30"), kToday);
  EXPECT_TRUE(HasFieldError(person, "date_of_birth", "error.date_invalid")) << Describe(person);
}

TEST(PersonRules, RefusesAFutureDateOfBirth) {
  auto tomorrow = PersonFromInput(With(ValidChild(), "date_of_birth", "2026-11-23"), kToday);
  EXPECT_TRUE(HasFieldError(tomorrow, "date_of_birth", "error.date_future")) << Describe(tomorrow);
  EXPECT_TRUE(PersonFromInput(With(ValidChild(), "date_of_birth", "2026-11-22"), kToday));
}

TEST(PersonRules, RefusesAChildOver25) {
  auto twenty_six = PersonFromInput(With(ValidChild(), "date_of_birth", "2000-11-22"), kToday);
  EXPECT_TRUE(HasFieldError(twenty_six, "date_of_birth", "error.child_too_old")) << Describe(twenty_six);
  auto twenty_five = PersonFromInput(With(ValidChild(), "date_of_birth", "2000-11-23"), kToday);
  EXPECT_TRUE(twenty_five) << Describe(twenty_five);
}

TEST(PersonRules, RefusesAnAdultUnder12) {
  auto parent = PersonFromInput(With(With(ValidChild(), "role", "parent"), "date_of_birth", "2020-01-01"), kToday);
  EXPECT_TRUE(HasFieldError(parent, "date_of_birth", "error.adult_too_young")) << Describe(parent);
}

TEST(PersonRules, RefusesOverLongNames) {
  auto person = PersonFromInput(With(ValidChild(), "given_name", std::string(101, 'a')), kToday);
  EXPECT_TRUE(HasFieldError(person, "given_name", "error.too_long")) << Describe(person);
  auto family = PersonFromInput(With(ValidChild(), "family_name", std::string(101, 'b')), kToday);
  EXPECT_TRUE(HasFieldError(family, "family_name", "error.too_long")) << Describe(family);
  EXPECT_TRUE(PersonFromInput(With(ValidChild(), "given_name", std::string(100, 'a')), kToday));
}

TEST(PersonRules, RefusesControlCharactersInNames) {
  for (const std::string& bad : std::vector<std::string>{"Oli\x07via", std::string("Oli\0via", 7), "Oli\x1bvia"}) {
    auto person = PersonFromInput(With(ValidChild(), "given_name", bad), kToday);
    EXPECT_TRUE(HasFieldError(person, "given_name", "error.text_invalid"))
        << "byte sequence of length " << bad.size() << ": " << Describe(person);
  }
}

// A name is one line: a line break, tab or DEL inside it is a control character too (they would break the
// one-line displays, CSV exports and the search keys).
TEST(PersonRules, RefusesLineBreaksTabsAndDeleteInNames) {
  for (const std::string& bad : std::vector<std::string>{"Oli\nvia", "Oli\r\nvia", "Oli\tvia", "Oli\x7fvia"}) {
    auto person = PersonFromInput(With(ValidChild(), "given_name", bad), kToday);
    EXPECT_TRUE(HasFieldError(person, "given_name", "error.text_invalid"))
        << "byte sequence of length " << bad.size() << ": " << Describe(person);
  }
}

TEST(PersonRules, RefusesInvalidUtf8ButAcceptsAccentedNames) {
  auto invalid = PersonFromInput(With(ValidChild(), "given_name", "Zo\xff"), kToday);
  EXPECT_TRUE(HasFieldError(invalid, "given_name", "error.text_invalid")) << Describe(invalid);
  auto accented = PersonFromInput(With(ValidChild(), "given_name", "Zoë Siân"), kToday);
  ASSERT_TRUE(accented) << Describe(accented);
  EXPECT_EQ(accented->given_name, "Zoë Siân");
}

// ---- referrals ----

Input ValidReferral() {
  return MakeInput({{"received_on", "2026-11-20"},
                    {"source", "school"},
                    {"reasons", "education"},
                    {"reasons", "housing"},
                    {"consent_given", "yes"},
                    {"consent_given_by", "Mother"},
                    {"consent_given_on", "2026-11-20"},
                    {"share_with", "health"},
                    {"decision", "early_help"},
                    {"rationale", "Attendance has fallen; family asked for help."}});
}

Input Without(const Input& in, const std::string& name) {
  Input out;
  for (const auto& [key, values] : in.Values())
    if (key != name)
      for (const auto& v : values) out.Add(key, v);
  return out;
}

TEST(ReferralRules, AcceptsAnEarlyHelpReferralWithConsent) {
  auto referral = ReferralFromInput(ValidReferral(), kToday);
  ASSERT_TRUE(referral) << Describe(referral);
  EXPECT_EQ(referral->received_on, Date::Parse("2026-11-20"));
  EXPECT_EQ(referral->source, ReferralSource::kSchool);
  EXPECT_EQ(referral->reasons, (std::vector{OutcomeArea::kEducation, OutcomeArea::kHousing}));
  EXPECT_EQ(referral->consent.given, true);
  EXPECT_EQ(referral->consent.given_by, "Mother");
  EXPECT_EQ(referral->consent.share_with, std::vector{Agency::kHealth});
  EXPECT_EQ(referral->decision, ReferralDecision::kEarlyHelp);
}

TEST(ReferralRules, RejectsEarlyHelpWithoutConsent) {
  auto no_answer = ReferralFromInput(Without(Without(ValidReferral(), "consent_given"), "share_with"), kToday);
  EXPECT_TRUE(HasFieldError(no_answer, "consent_given", "error.early_help_needs_consent")) << Describe(no_answer);
  auto refused = ReferralFromInput(With(Without(ValidReferral(), "share_with"), "consent_given", "no"), kToday);
  EXPECT_TRUE(HasFieldError(refused, "consent_given", "error.early_help_needs_consent")) << Describe(refused);
}

TEST(ReferralRules, OtherDecisionsDoNotNeedConsent) {
  Input in = With(Without(Without(ValidReferral(), "consent_given"), "share_with"), "decision", "statutory");
  auto referral = ReferralFromInput(in, kToday);
  ASSERT_TRUE(referral) << Describe(referral);
  EXPECT_FALSE(referral->consent.given);
}

TEST(ReferralRules, RejectsSharingWithoutConsent) {
  auto no_answer = ReferralFromInput(With(Without(ValidReferral(), "consent_given"), "decision", "advice"), kToday);
  EXPECT_TRUE(HasFieldError(no_answer, "share_with", "error.share_without_consent")) << Describe(no_answer);
  auto refused = ReferralFromInput(With(With(ValidReferral(), "consent_given", "no"), "decision", "advice"), kToday);
  EXPECT_TRUE(HasFieldError(refused, "share_with", "error.share_without_consent")) << Describe(refused);
}

TEST(ReferralRules, ConsentNeedsWhoAndWhen) {
  auto referral =
      ReferralFromInput(Without(Without(ValidReferral(), "consent_given_by"), "consent_given_on"), kToday);
  EXPECT_TRUE(HasFieldError(referral, "consent_given_by", "error.required")) << Describe(referral);
  EXPECT_TRUE(HasFieldError(referral, "consent_given_on", "error.required")) << Describe(referral);
}

TEST(ReferralRules, RefusesAnUnclearConsentAnswer) {
  auto referral = ReferralFromInput(With(ValidReferral(), "consent_given", "maybe"), kToday);
  EXPECT_TRUE(HasFieldError(referral, "consent_given", "error.choice_invalid")) << Describe(referral);
}

TEST(ReferralRules, RefusesFutureDates) {
  auto received = ReferralFromInput(With(ValidReferral(), "received_on", "2026-11-23"), kToday);
  EXPECT_TRUE(HasFieldError(received, "received_on", "error.date_future")) << Describe(received);
  auto consent = ReferralFromInput(With(ValidReferral(), "consent_given_on", "2027-01-01"), kToday);
  EXPECT_TRUE(HasFieldError(consent, "consent_given_on", "error.date_future")) << Describe(consent);
}

TEST(ReferralRules, NamesEachMissingRequiredField) {
  auto referral = ReferralFromInput(Input{}, kToday);
  EXPECT_TRUE(HasFieldError(referral, "received_on", "error.required")) << Describe(referral);
  EXPECT_TRUE(HasFieldError(referral, "source", "error.choose")) << Describe(referral);
  EXPECT_TRUE(HasFieldError(referral, "reasons", "error.choose_one_or_more")) << Describe(referral);
  EXPECT_TRUE(HasFieldError(referral, "decision", "error.choose")) << Describe(referral);
  EXPECT_TRUE(HasFieldError(referral, "rationale", "error.required")) << Describe(referral);
}

TEST(ReferralRules, RefusesValuesOutsideTheVocabularies) {
  auto source = ReferralFromInput(With(ValidReferral(), "source", "neighbour"), kToday);
  EXPECT_TRUE(HasFieldError(source, "source", "error.choice_invalid")) << Describe(source);
  Input reasons = ValidReferral();
  reasons.Add("reasons", "astrology");
  auto reason = ReferralFromInput(reasons, kToday);
  EXPECT_TRUE(HasFieldError(reason, "reasons", "error.choice_invalid")) << Describe(reason);
  Input agencies = ValidReferral();
  agencies.Add("share_with", "police");
  auto agency = ReferralFromInput(agencies, kToday);
  EXPECT_TRUE(HasFieldError(agency, "share_with", "error.choice_invalid")) << Describe(agency);
  auto decision = ReferralFromInput(With(ValidReferral(), "decision", "maybe_later"), kToday);
  EXPECT_TRUE(HasFieldError(decision, "decision", "error.choice_invalid")) << Describe(decision);
}

TEST(ReferralRules, DropsRepeatedReasons) {
  Input in = ValidReferral();
  in.Add("reasons", "education");
  auto referral = ReferralFromInput(in, kToday);
  ASSERT_TRUE(referral) << Describe(referral);
  EXPECT_EQ(referral->reasons.size(), 2u);
}

TEST(ReferralRules, RefusesAnOverLongRationaleOrConsentGiver) {
  auto rationale = ReferralFromInput(With(ValidReferral(), "rationale", std::string(4001, 'r')), kToday);
  EXPECT_TRUE(HasFieldError(rationale, "rationale", "error.too_long")) << Describe(rationale);
  auto giver = ReferralFromInput(With(ValidReferral(), "consent_given_by", std::string(101, 'g')), kToday);
  EXPECT_TRUE(HasFieldError(giver, "consent_given_by", "error.too_long")) << Describe(giver);
}

TEST(ReferralRules, KeepsLineBreaksInTheRationale) {
  auto referral = ReferralFromInput(With(ValidReferral(), "rationale", "First line.\r\nSecond line."), kToday);
  ASSERT_TRUE(referral) << Describe(referral);
  EXPECT_EQ(referral->rationale, "First line.\r\nSecond line.");
}

TEST(ReferralRules, RefusesControlCharactersInTheRationale) {
  auto referral = ReferralFromInput(With(ValidReferral(), "rationale", "bell\x07"), kToday);
  EXPECT_TRUE(HasFieldError(referral, "rationale", "error.text_invalid")) << Describe(referral);
}

TEST(ReferralRules, AnEarlyHelpDecisionOpensAnEpisodeAwaitingAllocation) {
  auto referral = ReferralFromInput(ValidReferral(), kToday);
  ASSERT_TRUE(referral);
  auto episode = EpisodeOpenedBy(*referral);
  ASSERT_TRUE(episode);
  EXPECT_EQ(episode->stage, EpisodeStage::kAwaitingAllocation);
  EXPECT_EQ(episode->opened_on, referral->received_on);
  referral->decision = ReferralDecision::kAdvice;
  EXPECT_FALSE(EpisodeOpenedBy(*referral));
}

// ---- relationships ----

TEST(RelationshipRules, RefusesAPersonRelatedToThemselves) {
  auto rel = RelationshipFromInput(MakeInput({{"from_person", "4"}, {"kind", "parent_of"}, {"to_person", "4"}}));
  EXPECT_TRUE(HasFieldError(rel, "to_person", "error.relationship_self")) << Describe(rel);
}

TEST(RelationshipRules, RefusesIdsThatAreNotPositiveNumbers) {
  auto rel = RelationshipFromInput(MakeInput({{"from_person", "4x"}, {"kind", "parent_of"}, {"to_person", "-2"}}));
  EXPECT_TRUE(HasFieldError(rel, "from_person", "error.choice_invalid")) << Describe(rel);
  EXPECT_TRUE(HasFieldError(rel, "to_person", "error.choice_invalid")) << Describe(rel);
}

}  // namespace
}  // namespace hearth
