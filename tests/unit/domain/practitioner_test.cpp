#include "domain/practitioner.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "unit/support/inputs.hpp"

namespace hearth {
namespace {

using testing::MakeInput;

bool HasField(const Error& error, const std::string& field, const std::string& key) {
  for (const auto& f : error.fields)
    if (f.field == field && f.message_key == key) return true;
  return false;
}

TEST(PractitionerRules, OffersEveryAgencyAndEarlyHelpSocialCareAndOther) {
  const auto& kinds = PractitionerOrganisationKinds();
  for (const char* kind : {"early_help", "social_care", "health", "housing", "education", "financial_inclusion",
                           "parenting", "young_person", "other"})
    EXPECT_NE(std::find(kinds.begin(), kinds.end(), kind), kinds.end()) << kind;
}

TEST(PractitionerRules, NeedsANameAndAnAgency) {
  auto p = PractitionerFromInput(MakeInput({{"role_title", "School nurse"}}));
  ASSERT_FALSE(p);
  EXPECT_TRUE(HasField(p.error(), "name", "error.required"));
  EXPECT_TRUE(HasField(p.error(), "organisation_kind", "error.choose"));
}

TEST(PractitionerRules, RefusesAnAgencyNotOnTheList) {
  auto p = PractitionerFromInput(MakeInput({{"name", "Bethan Rees"}, {"organisation_kind", "police"}}));
  ASSERT_FALSE(p);
  EXPECT_TRUE(HasField(p.error(), "organisation_kind", "error.choice_invalid"));
}

TEST(PractitionerRules, AnotherOrganisationMustBeNamed) {
  auto unnamed = PractitionerFromInput(MakeInput({{"name", "Bethan Rees"}, {"organisation_kind", "other"}}));
  ASSERT_FALSE(unnamed);
  EXPECT_TRUE(HasField(unnamed.error(), "organisation", "error.required"));
  auto named = PractitionerFromInput(
      MakeInput({{"name", "Bethan Rees"}, {"organisation_kind", "other"}, {"organisation", "Valleys Food Bank"}}));
  ASSERT_TRUE(named);
  EXPECT_EQ(named->organisation, "Valleys Food Bank");
}

TEST(PractitionerRules, KeepsOptionalFieldsTrimmed) {
  auto p = PractitionerFromInput(MakeInput({{"name", " Bethan Rees "},
                                            {"organisation_kind", "health"},
                                            {"organisation", ""},
                                            {"role_title", " School nurse "},
                                            {"email", "bethan.rees@example.org"}}));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->name, "Bethan Rees");
  EXPECT_EQ(p->organisation_kind, "health");
  EXPECT_EQ(p->role_title, "School nurse");
  EXPECT_EQ(p->email, "bethan.rees@example.org");
}

TEST(PractitionerRules, RefusesAnEmailAddressWithoutItsDomain) {
  for (const char* bad :
       {"bethan", "bethan@", "@example.org", "bethan@example", "a b@example.org", "a@b@example.org"}) {
    auto p =
        PractitionerFromInput(MakeInput({{"name", "Bethan Rees"}, {"organisation_kind", "health"}, {"email", bad}}));
    ASSERT_FALSE(p) << bad;
    EXPECT_TRUE(HasField(p.error(), "email", "error.email_invalid")) << bad;
  }
}

}  // namespace
}  // namespace hearth
