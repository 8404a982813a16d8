// The front door: recording referrals, opening episodes, and offering possible matches before a family is
// entered twice.
#include "app/referral_service.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "unit/support/temp_database.hpp"

namespace hearth {
namespace {

using testing::MakeInput;
using testing::PrincipalFor;
using testing::TempDatabase;

Input ReferralFields(const std::string& decision, bool consent = true) {
  Input in = MakeInput({{"received_on", "2025-06-02"},
                        {"source", "school"},
                        {"reasons", "education"},
                        {"decision", decision},
                        {"rationale", "Attendance has fallen this term."}});
  if (consent) {
    in.Add("consent_given", "yes");
    in.Add("consent_given_by", "Mother");
    in.Add("consent_given_on", "2025-06-02");
    in.Add("share_with", "education");
  }
  return in;
}

ReferralSubmission NewFamily(const std::string& decision, const std::string& given = "Olivia",
                             const std::string& surname = "Hughes", const std::string& dob = "2015-03-04") {
  ReferralSubmission s;
  s.referral = ReferralFields(decision, decision == "early_help");
  s.family = MakeInput({{"area", "West"}, {"postcode", "CF37 1DL"}});
  s.people.push_back(MakeInput({{"given_name", given}, {"family_name", surname}, {"date_of_birth", dob},
                                {"sex", "female"}, {"role", "child"}}));
  return s;
}

ReferralSubmission ExistingFamily(RecordId family, const std::string& decision) {
  ReferralSubmission s;
  s.family_id = family;
  s.referral = ReferralFields(decision, decision == "early_help");
  return s;
}

bool HasField(const Error& e, const std::string& field, const std::string& key) {
  return std::any_of(e.fields.begin(), e.fields.end(),
                     [&](const FieldError& f) { return f.field == field && f.message_key == key; });
}

class ReferralServiceTest : public ::testing::Test {
 protected:
  ReferralServiceTest() : referrals_(temp_.db()) {}
  void SetUp() override {
    coordinator_ = PrincipalFor(testing::InsertUser(temp_.db(), "coord", Role::kFrontDoorCoordinator), "coord",
                                Role::kFrontDoorCoordinator);
  }

  ReferralOutcome Record(const ReferralSubmission& s) {
    auto outcome = referrals_.Record(coordinator_, s);
    EXPECT_TRUE(outcome) << (outcome ? "" : outcome.error().internal);
    return outcome ? *outcome : ReferralOutcome{};
  }
  std::vector<Episode> Episodes(RecordId family) {
    auto uow = temp_.db().BeginRead();
    return uow->Referrals().ListEpisodes(family);
  }
  std::vector<Referral> Referrals(RecordId family) {
    auto uow = temp_.db().BeginRead();
    return uow->Referrals().ListForFamily(family);
  }
  int FamilyCount() {
    auto uow = temp_.db().BeginRead();
    return uow->Families().Count();
  }

  TempDatabase temp_;
  ReferralService referrals_;
  Principal coordinator_;
};

TEST_F(ReferralServiceTest, EarlyHelpOpensExactlyOneEpisodeAwaitingAllocation) {
  ReferralOutcome out = Record(NewFamily("early_help"));
  ASSERT_NE(out.referral_id, 0);
  ASSERT_NE(out.family_id, 0);
  ASSERT_TRUE(out.episode_id);
  EXPECT_FALSE(out.joined_open_episode);
  auto episodes = Episodes(out.family_id);
  ASSERT_EQ(episodes.size(), 1u);
  EXPECT_EQ(episodes[0].id, *out.episode_id);
  EXPECT_EQ(episodes[0].stage, EpisodeStage::kAwaitingAllocation);
  EXPECT_EQ(episodes[0].referral_id, out.referral_id);
  EXPECT_EQ(episodes[0].opened_on, Date::Parse("2025-06-02"));
  EXPECT_FALSE(episodes[0].closed_on);
}

TEST_F(ReferralServiceTest, OtherDecisionsOpenNoEpisode) {
  for (const char* decision : {"statutory", "advice", "no_further_action"}) {
    ReferralOutcome out = Record(NewFamily(decision, "Child", std::string("Family") + decision));
    ASSERT_NE(out.referral_id, 0) << decision;
    EXPECT_FALSE(out.episode_id) << decision;
    EXPECT_TRUE(Episodes(out.family_id).empty()) << decision;
    EXPECT_EQ(Referrals(out.family_id).size(), 1u) << decision;
  }
}

TEST_F(ReferralServiceTest, ASecondEarlyHelpReferralJoinsTheOpenEpisode) {
  ReferralOutcome first = Record(NewFamily("early_help"));
  ReferralOutcome second = Record(ExistingFamily(first.family_id, "early_help"));
  EXPECT_EQ(second.family_id, first.family_id);
  EXPECT_NE(second.referral_id, first.referral_id);
  EXPECT_TRUE(second.joined_open_episode);
  EXPECT_FALSE(second.episode_id);
  EXPECT_EQ(Episodes(first.family_id).size(), 1u);
  EXPECT_EQ(Referrals(first.family_id).size(), 2u);
}

TEST_F(ReferralServiceTest, EarlyHelpAfterAnotherDecisionOpensAnEpisode) {
  ReferralOutcome advice = Record(NewFamily("advice"));
  ReferralOutcome help = Record(ExistingFamily(advice.family_id, "early_help"));
  EXPECT_TRUE(help.episode_id);
  EXPECT_FALSE(help.joined_open_episode);
  EXPECT_EQ(Episodes(advice.family_id).size(), 1u);
}

TEST_F(ReferralServiceTest, ASimilarChildBornTheSameDayIsOfferedAsAPossibleMatch) {
  ReferralOutcome existing = Record(NewFamily("early_help", "Olivia", "Hughes", "2015-03-04"));
  const int families_before = FamilyCount();

  ReferralSubmission again = NewFamily("advice", "Olivia", "Hughs", "2015-03-04");
  ReferralOutcome offered = Record(again);
  EXPECT_EQ(offered.referral_id, 0);
  EXPECT_EQ(offered.family_id, 0);
  ASSERT_EQ(offered.possible_matches.size(), 1u);
  EXPECT_EQ(offered.possible_matches[0].family.id, existing.family_id);
  EXPECT_EQ(offered.possible_matches[0].person.given_name, "Olivia");
  EXPECT_EQ(offered.possible_matches[0].new_person_index, 0);
  EXPECT_EQ(FamilyCount(), families_before) << "nothing is recorded while a match awaits a decision";
  EXPECT_EQ(Referrals(existing.family_id).size(), 1u);

  again.confirmed_new_family = true;
  ReferralOutcome recorded = Record(again);
  EXPECT_NE(recorded.referral_id, 0);
  EXPECT_NE(recorded.family_id, existing.family_id);
  EXPECT_TRUE(recorded.possible_matches.empty());
  EXPECT_EQ(FamilyCount(), families_before + 1);
}

TEST_F(ReferralServiceTest, ADifferentBirthdayOrNameIsNotAPossibleMatch) {
  Record(NewFamily("early_help", "Olivia", "Hughes", "2015-03-04"));
  EXPECT_TRUE(Record(NewFamily("advice", "Olivia", "Hughes", "2015-03-05")).possible_matches.empty());
  EXPECT_TRUE(Record(NewFamily("advice", "Megan", "Evans", "2015-03-04")).possible_matches.empty());
  EXPECT_EQ(FamilyCount(), 3);
}

TEST_F(ReferralServiceTest, FieldErrorsNameTheFamilyAndPersonFields) {
  ReferralSubmission s = NewFamily("early_help");
  s.family = MakeInput({{"area", "West"}, {"postcode", "not a postcode"}});
  s.people[0] = MakeInput({{"family_name", "Hughes"}, {"role", "child"}});
  auto out = referrals_.Record(coordinator_, s);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().code, ErrorCode::kValidation);
  EXPECT_TRUE(HasField(out.error(), "family.postcode", "error.postcode_invalid"));
  EXPECT_TRUE(HasField(out.error(), "people[0].given_name", "error.required"));
  EXPECT_EQ(FamilyCount(), 0);
}

TEST_F(ReferralServiceTest, ANewFamilyNeedsAtLeastOnePerson) {
  ReferralSubmission s = NewFamily("early_help");
  s.people.clear();
  auto out = referrals_.Record(coordinator_, s);
  ASSERT_FALSE(out);
  EXPECT_TRUE(HasField(out.error(), "people[0].given_name", "error.referral_needs_person"));
}

TEST_F(ReferralServiceTest, EarlyHelpWithoutConsentIsRefusedAndRecordsNothing) {
  ReferralSubmission s = NewFamily("early_help");
  s.referral = ReferralFields("early_help", false);
  auto out = referrals_.Record(coordinator_, s);
  ASSERT_FALSE(out);
  EXPECT_TRUE(HasField(out.error(), "consent_given", "error.early_help_needs_consent"));
  EXPECT_EQ(FamilyCount(), 0);
}

TEST_F(ReferralServiceTest, RolesWithoutTheFrontDoorCapabilityAreRefused) {
  for (Role role : {Role::kEaOfficer, Role::kAuditor, Role::kPartner, Role::kAnalyst, Role::kFamilyAide}) {
    const Principal who = PrincipalFor(99, "someone", role, Agency::kHealth);
    auto out = referrals_.Record(who, NewFamily("early_help"));
    ASSERT_FALSE(out) << ToString(role);
    EXPECT_EQ(out.error().code, ErrorCode::kForbidden) << ToString(role);
  }
  EXPECT_EQ(FamilyCount(), 0);
}

TEST_F(ReferralServiceTest, AReferralForAMissingFamilyIsNotFound) {
  auto out = referrals_.Record(coordinator_, ExistingFamily(4242, "advice"));
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().code, ErrorCode::kNotFound);
}

TEST_F(ReferralServiceTest, GettingAReferralIsAuditedAndRespectsVisibility) {
  ReferralOutcome out = Record(NewFamily("early_help"));
  auto got = referrals_.Get(coordinator_, out.referral_id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->decision, ReferralDecision::kEarlyHelp);
  EXPECT_EQ(got->recorded_by, coordinator_.user_id);
  const Principal officer = PrincipalFor(testing::InsertUser(temp_.db(), "ea", Role::kEaOfficer), "ea",
                                         Role::kEaOfficer);
  auto hidden = referrals_.Get(officer, out.referral_id);
  ASSERT_FALSE(hidden);
  EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
  auto uow = temp_.db().BeginRead();
  int views = 0, not_found = 0;
  for (const auto& e : uow->Audit().ListRecent(0, 100)) {
    if (e.action != "view" || e.record_type != "referral") continue;
    if (e.outcome == "ok") ++views;
    if (e.outcome == "not_found") ++not_found;
  }
  EXPECT_EQ(views, 1);
  EXPECT_EQ(not_found, 1);
}

}  // namespace
}  // namespace hearth
