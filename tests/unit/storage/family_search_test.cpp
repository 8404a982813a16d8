// Family search in SQLite: names by prefix, dates of birth, postcodes, paging, and the visibility rules that
// storage applies inside the query.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "unit/support/temp_database.hpp"

namespace hearth {
namespace {

using testing::InsertFamily;
using testing::InsertPerson;
using testing::TempDatabase;

std::set<RecordId> Ids(const FamilySearchResult& result) {
  std::set<RecordId> out;
  for (const auto& f : result.families) out.insert(f.id);
  return out;
}

class FamilySearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    hughes_ = InsertFamily(db(), "CF37 1DL");
    InsertPerson(db(), hughes_, "Olivia", "Hughes", "2015-03-04");
    InsertPerson(db(), hughes_, "Gareth", "Hughes", "1985-07-19", MemberRole::kParent);
    price_ = InsertFamily(db(), "CF37 4AB");
    InsertPerson(db(), price_, "Oliver", "Price-Jones", "2016-09-30");
    InsertPerson(db(), price_, "Sian", "O'Hughes", "1990-01-02", MemberRole::kParent);
    evans_ = InsertFamily(db(), "SA1 1AA");
    InsertPerson(db(), evans_, "Megan", "Evans", "2015-03-04");
  }

  Database& db() { return temp_.db(); }

  FamilySearchResult Search(FamilySearch s) {
    if (s.visibility.scope == FamilyScope::kNone && s.visibility.user_id == 0 && !s.visibility.agency)
      s.visibility.scope = FamilyScope::kAll;
    auto uow = db().BeginRead();
    return uow->Families().Search(s);
  }
  FamilySearchResult ByNames(std::vector<std::string> names) {
    FamilySearch s;
    s.name_prefixes = std::move(names);
    return Search(s);
  }

  TempDatabase temp_;
  RecordId hughes_ = 0, price_ = 0, evans_ = 0;
};

TEST_F(FamilySearchTest, NoCriteriaListsEveryFamilyNewestFirst) {
  auto result = Search({});
  EXPECT_EQ(result.total, 3);
  ASSERT_EQ(result.families.size(), 3u);
  EXPECT_EQ(result.families[0].id, evans_);
  EXPECT_EQ(result.families[2].id, hughes_);
}

TEST_F(FamilySearchTest, SummariesNameTheMembersAndCountThem) {
  auto result = ByNames({"olivia"});
  ASSERT_EQ(result.families.size(), 1u);
  const auto& summary = result.families[0];
  EXPECT_EQ(summary.member_count, 2);
  EXPECT_NE(summary.members.find("Olivia Hughes"), std::string::npos) << summary.members;
  EXPECT_NE(summary.members.find("Gareth Hughes"), std::string::npos) << summary.members;
  EXPECT_EQ(summary.postcode, "CF37 1DL");
  EXPECT_EQ(summary.area, "West");
}

TEST_F(FamilySearchTest, MatchesTheBeginningOfGivenOrFamilyNames) {
  EXPECT_EQ(Ids(ByNames({"oliv"})), (std::set{hughes_, price_}));
  EXPECT_EQ(Ids(ByNames({"hugh"})), (std::set{hughes_}));
  EXPECT_EQ(Ids(ByNames({"evans"})), (std::set{evans_}));
  EXPECT_TRUE(ByNames({"livia"}).families.empty()) << "a name's middle is not a prefix";
}

TEST_F(FamilySearchTest, IgnoresCase) {
  EXPECT_EQ(Ids(ByNames({"OLIVIA"})), (std::set{hughes_}));
  EXPECT_EQ(Ids(ByNames({"MeGaN"})), (std::set{evans_}));
}

TEST_F(FamilySearchTest, IgnoresHyphensAndApostrophesInStoredNames) {
  EXPECT_EQ(Ids(ByNames({"pricejones"})), (std::set{price_}));
  EXPECT_EQ(Ids(ByNames({"Price-Jo"})), (std::set{price_}));
  EXPECT_EQ(Ids(ByNames({"ohughes"})), (std::set{price_}));
  EXPECT_EQ(Ids(ByNames({"O'Hu"})), (std::set{price_}));
}

TEST_F(FamilySearchTest, EveryWordMustMatchTheSameMember) {
  EXPECT_EQ(Ids(ByNames({"olivia", "hughes"})), (std::set{hughes_}));
  EXPECT_EQ(Ids(ByNames({"hughes", "oli"})), (std::set{hughes_}));
  // Gareth is in the Hughes family and Olivia too, but no single member is "Gareth Olivia".
  EXPECT_TRUE(ByNames({"gareth", "olivia"}).families.empty());
  // Oliver Price-Jones and Sian O'Hughes share a household, not a name.
  EXPECT_TRUE(ByNames({"oliver", "ohughes"}).families.empty());
}

TEST_F(FamilySearchTest, MatchesADateOfBirth) {
  FamilySearch s;
  s.date_of_birth = Date::Parse("2015-03-04");
  EXPECT_EQ(Ids(Search(s)), (std::set{hughes_, evans_}));
  s.name_prefixes = {"megan"};
  EXPECT_EQ(Ids(Search(s)), (std::set{evans_}));
  s.name_prefixes = {"gareth"};  // in a family with a child born that day, but born on another day himself
  EXPECT_TRUE(Search(s).families.empty());
}

TEST_F(FamilySearchTest, MatchesAWholePostcode) {
  FamilySearch s;
  s.postcode_prefix = "CF371DL";
  EXPECT_EQ(Ids(Search(s)), (std::set{hughes_}));
}

TEST_F(FamilySearchTest, MatchesAnOutwardCodeAlone) {
  FamilySearch s;
  s.postcode_prefix = "CF37";
  EXPECT_EQ(Ids(Search(s)), (std::set{hughes_, price_}));
  s.postcode_prefix = "SA1";
  EXPECT_EQ(Ids(Search(s)), (std::set{evans_}));
  s.postcode_prefix = "CF38";
  EXPECT_TRUE(Search(s).families.empty());
}

TEST_F(FamilySearchTest, CombinesNamesAndPostcode) {
  FamilySearch s;
  s.postcode_prefix = "CF37";
  s.name_prefixes = {"oliver"};
  EXPECT_EQ(Ids(Search(s)), (std::set{price_}));
}

TEST_F(FamilySearchTest, NothingMatchesAnUnknownName) {
  auto result = ByNames({"zebedee"});
  EXPECT_TRUE(result.families.empty());
  EXPECT_EQ(result.total, 0);
}

TEST(FamilySearchPaging, ReportsTheTotalOnEveryPage) {
  TempDatabase temp;
  for (int i = 0; i < 25; ++i) {
    const RecordId id = InsertFamily(temp.db(), "CF37 1DL");
    InsertPerson(temp.db(), id, "Child" + std::string(1, static_cast<char>('a' + i)), "Smith");
  }
  InsertPerson(temp.db(), InsertFamily(temp.db()), "Other", "Jones");
  FamilySearch s;
  s.visibility.scope = FamilyScope::kAll;
  s.name_prefixes = {"smith"};
  s.limit = 10;
  std::set<RecordId> seen;
  for (int page = 0; page < 3; ++page) {
    s.offset = page * 10;
    auto uow = temp.db().BeginRead();
    auto result = uow->Families().Search(s);
    EXPECT_EQ(result.total, 25) << "page " << page;
    EXPECT_EQ(result.families.size(), page < 2 ? 10u : 5u) << "page " << page;
    for (const auto& f : result.families) EXPECT_TRUE(seen.insert(f.id).second) << "family on two pages";
  }
  EXPECT_EQ(seen.size(), 25u);
  s.offset = 40;  // past the end
  auto uow = temp.db().BeginRead();
  auto beyond = uow->Families().Search(s);
  EXPECT_TRUE(beyond.families.empty());
  EXPECT_EQ(beyond.total, 25);
}

// ---- visibility ----

class FamilyVisibilityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    officer_ = testing::InsertUser(db(), "ea.one", Role::kEaOfficer);
    other_officer_ = testing::InsertUser(db(), "ea.two", Role::kEaOfficer);
    mine_ = InsertFamily(db(), "CF37 1DL");
    InsertPerson(db(), mine_, "Ava", "Morgan", "2014-05-06");
    theirs_ = InsertFamily(db(), "CF37 1DL");
    InsertPerson(db(), theirs_, "Ava", "Thomas", "2014-05-06");
    unassigned_ = InsertFamily(db(), "CF37 1DL");
    InsertPerson(db(), unassigned_, "Ava", "Jenkins", "2014-05-06");

    // Health-shared, housing-shared, consent refused (no sharing), consent given but shared with nobody.
    testing::InsertReferral(db(), mine_, true, {Agency::kHealth});
    testing::InsertReferral(db(), theirs_, true, {Agency::kHousing, Agency::kEducation});
    testing::InsertReferral(db(), unassigned_, false, {}, ReferralDecision::kAdvice);

    const RecordId mine_episode = testing::InsertEpisode(db(), mine_, ListReferrals(mine_).front().id);
    const RecordId theirs_episode = testing::InsertEpisode(db(), theirs_, ListReferrals(theirs_).front().id);
    testing::AssignToCaseload(db(), mine_episode, officer_, Role::kEaOfficer);
    testing::AssignToCaseload(db(), theirs_episode, other_officer_, Role::kEaOfficer);
  }

  Database& db() { return temp_.db(); }
  std::vector<Referral> ListReferrals(RecordId family) {
    auto uow = db().BeginRead();
    return uow->Referrals().ListForFamily(family);
  }
  std::set<RecordId> Visible(FamilyVisibility v) {
    FamilySearch s;
    s.visibility = v;
    auto uow = db().BeginRead();
    return Ids(uow->Families().Search(s));
  }
  bool IsVisible(RecordId family, FamilyVisibility v) {
    auto uow = db().BeginRead();
    return uow->Families().IsVisible(family, v);
  }

  TempDatabase temp_;
  RecordId officer_ = 0, other_officer_ = 0, mine_ = 0, theirs_ = 0, unassigned_ = 0;
};

TEST_F(FamilyVisibilityTest, ServiceWideRolesSeeEveryFamily) {
  EXPECT_EQ(Visible({FamilyScope::kAll, 0, std::nullopt}), (std::set{mine_, theirs_, unassigned_}));
}

TEST_F(FamilyVisibilityTest, CaseloadRolesSeeOnlyFamiliesAssignedToThem) {
  const FamilyVisibility mine{FamilyScope::kCaseload, officer_, std::nullopt};
  EXPECT_EQ(Visible(mine), (std::set{mine_}));
  EXPECT_TRUE(IsVisible(mine_, mine));
  EXPECT_FALSE(IsVisible(theirs_, mine));
  EXPECT_FALSE(IsVisible(unassigned_, mine));
  EXPECT_EQ(Visible({FamilyScope::kCaseload, other_officer_, std::nullopt}), (std::set{theirs_}));
}

TEST_F(FamilyVisibilityTest, AnOfficerWithNoAssignmentsSeesNothing) {
  const RecordId newcomer = testing::InsertUser(db(), "ea.new", Role::kEaOfficer);
  EXPECT_TRUE(Visible({FamilyScope::kCaseload, newcomer, std::nullopt}).empty());
}

TEST_F(FamilyVisibilityTest, PartnersSeeOnlyFamiliesThatConsentedToShareWithTheirAgency) {
  const FamilyVisibility health{FamilyScope::kShared, 0, Agency::kHealth};
  EXPECT_EQ(Visible(health), (std::set{mine_}));
  EXPECT_TRUE(IsVisible(mine_, health));
  EXPECT_FALSE(IsVisible(theirs_, health));
  EXPECT_EQ(Visible({FamilyScope::kShared, 0, Agency::kHousing}), (std::set{theirs_}));
  EXPECT_EQ(Visible({FamilyScope::kShared, 0, Agency::kEducation}), (std::set{theirs_}));
  EXPECT_TRUE(Visible({FamilyScope::kShared, 0, Agency::kParenting}).empty());
}

TEST_F(FamilyVisibilityTest, APartnerWithoutAnAgencySeesNothing) {
  EXPECT_TRUE(Visible({FamilyScope::kShared, 0, std::nullopt}).empty());
}

TEST_F(FamilyVisibilityTest, NoScopeSeesNothing) {
  EXPECT_TRUE(Visible({FamilyScope::kNone, officer_, Agency::kHealth}).empty());
  EXPECT_FALSE(IsVisible(mine_, {FamilyScope::kNone, officer_, Agency::kHealth}));
}

TEST_F(FamilyVisibilityTest, PagingTotalsCountOnlyVisibleFamilies) {
  FamilySearch s;
  s.visibility = {FamilyScope::kCaseload, officer_, std::nullopt};
  s.name_prefixes = {"ava"};
  s.limit = 1;
  auto uow = db().BeginRead();
  auto result = uow->Families().Search(s);
  EXPECT_EQ(result.total, 1);
}

TEST_F(FamilyVisibilityTest, PossibleMatchesRespectVisibilityToo) {
  auto uow = db().BeginRead();
  const Date dob = *Date::Parse("2014-05-06");
  EXPECT_EQ(uow->People().FindByDateOfBirth(dob, {FamilyScope::kAll, 0, std::nullopt}).size(), 3u);
  auto mine = uow->People().FindByDateOfBirth(dob, {FamilyScope::kCaseload, officer_, std::nullopt});
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].family_id, mine_);
  auto health = uow->People().FindByDateOfBirth(dob, {FamilyScope::kShared, 0, Agency::kHealth});
  ASSERT_EQ(health.size(), 1u);
  EXPECT_EQ(health[0].family_id, mine_);
}

}  // namespace
}  // namespace hearth
