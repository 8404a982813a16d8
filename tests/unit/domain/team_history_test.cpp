// A team's part of the history (TeamPartOf): its episodes renumbered in order, their referrals and records, and the
// statutory involvement of their families only.
#include "domain/team_history.hpp"

#include <gtest/gtest.h>

#include "unit/support/history_keys.hpp"

namespace hearth {
namespace {

Date D(const char* text) { return *Date::Parse(text); }

EpisodeFacts Episode(const char* id, const char* family, const char* team, const char* received) {
  EpisodeFacts e;
  e.id = id;
  e.family = test::Key(family);
  e.team = team;
  e.received_on = D(received);
  e.opened_on = D(received);
  e.source = ReferralSource::kSchool;
  return e;
}

TEST(TeamHistory, KeepsTheTeamsEpisodesTheirRecordsAndTheirFamiliesStatutoryInvolvement) {
  ServiceHistory all;
  all.episodes = {Episode("e0", "f1", "west", "2024-01-02"), Episode("e1", "f2", "east", "2024-01-03"),
                  Episode("e2", "f3", "", "2024-01-04"), Episode("e3", "f4", "west", "2024-01-05")};
  all.referrals = {{D("2024-01-02"), ReferralSource::kSchool},
                   {D("2024-01-03"), ReferralSource::kSchool},
                   {D("2024-01-04"), ReferralSource::kSchool},
                   {D("2024-01-05"), ReferralSource::kSchool},
                   {D("2024-01-06"), ReferralSource::kPolice}};  // a referral that never became an episode
  all.contacts = {{0, D("2024-02-01")}, {1, D("2024-02-02")}, {3, D("2024-02-03")}, {3, D("2024-02-04")}};
  all.appraisals = {{Agency::kHealth, D("2024-01-10"), std::nullopt, 1},
                    {Agency::kHousing, D("2024-01-11"), std::nullopt, 3}};
  all.feedback = {{FeedbackForm::kServiceUser, D("2024-03-01"), Satisfaction::kHappy, 2}};
  all.audits = {{D("2024-03-02"), AuditGrade::kGood, true, 0}};
  all.statutory = {{test::Key("f1"), D("2024-05-01")}, {test::Key("f2"), D("2024-05-02")}, {test::Key("f4"), D("2024-05-03")}};

  const ServiceHistory west = TeamPartOf(all, "west");
  ASSERT_EQ(west.episodes.size(), 2u);
  EXPECT_EQ(west.episodes[0].id, "e0");
  EXPECT_EQ(west.episodes[1].id, "e3");
  ASSERT_EQ(west.referrals.size(), 2u);  // one per episode; the unmatched referral belongs to no team
  EXPECT_EQ(west.referrals[1].received_on, D("2024-01-05"));
  ASSERT_EQ(west.contacts.size(), 3u);
  EXPECT_EQ(west.contacts[0].episode, 0u);
  EXPECT_EQ(west.contacts[2].episode, 1u);  // e3 is the team's second episode
  ASSERT_EQ(west.appraisals.size(), 1u);
  EXPECT_EQ(west.appraisals[0].kind, Agency::kHousing);
  EXPECT_EQ(west.appraisals[0].episode, 1u);
  EXPECT_TRUE(west.feedback.empty());
  ASSERT_EQ(west.audits.size(), 1u);
  ASSERT_EQ(west.statutory.size(), 2u);
  EXPECT_EQ(west.statutory[0].family, test::Key("f1"));
  EXPECT_EQ(west.statutory[1].family, test::Key("f4"));

  EXPECT_TRUE(TeamPartOf(all, "north").episodes.empty());
  EXPECT_EQ(TeamPartOf(all, "east").contacts.size(), 1u);
}

}  // namespace
}  // namespace hearth
