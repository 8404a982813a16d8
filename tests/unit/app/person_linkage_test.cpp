// The front door's "is this family already known?" with the linkage engine: every stored person ranked by match
// probability with the reasons, only people the caller may see offered, and the index kept current as people are
// added and edited.
#include "app/person_linkage.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "app/family_service.hpp"
#include "app/import_service.hpp"
#include "app/referral_service.hpp"
#include "app/user_admin.hpp"
#include "unit/support/string_lines.hpp"
#include "unit/support/temp_database.hpp"

namespace hearth {
namespace {

using testing::MakeInput;
using testing::PrincipalFor;
using testing::TempDatabase;

const std::string kRoot = HEARTH_SOURCE_ROOT;

LinkageSettings SavedModel() {
  LinkageSettings s;
  s.config_path = kRoot + "/config/linkage/people.toml";
  s.nicknames_path = kRoot + "/config/linkage/nicknames.csv";
  s.model_path = kRoot + "/config/linkage/people.model.toml";
  return s;
}

Person PersonNamed(const std::string& given, const std::string& family, const std::string& dob, Sex sex) {
  Person p;
  p.given_name = given;
  p.family_name = family;
  p.date_of_birth = Date::Parse(dob);
  p.sex = sex;
  return p;
}

Family Household(const std::string& postcode, const std::string& address) {
  Family f;
  f.area = "West";
  f.postcode = postcode;
  f.address_line_1 = address;
  return f;
}

class PersonLinkageTest : public ::testing::Test {
 protected:
  // A household with one person, written through the ports; returns the person's id.
  RecordId Store(const Person& person, const Family& household) {
    auto uow = temp_.db().BeginWrite();
    Person p = person;
    p.family_id = uow->Families().Insert(household);
    const RecordId id = uow->People().Insert(p);
    uow->Commit();
    return id;
  }
  RecordId FamilyOf(RecordId person_id) {
    auto uow = temp_.db().BeginRead();
    return uow->People().FindById(person_id)->family_id;
  }
  std::unique_ptr<PersonLinkage> Start() {
    auto linkage = PersonLinkage::Start(temp_.db(), SavedModel());
    EXPECT_TRUE(linkage) << (linkage ? "" : linkage.error().internal);
    return linkage ? std::move(*linkage) : nullptr;
  }
  // Unrelated people, so the index is not just the people a test is about.
  void StoreOthers() {
    const char* given[] = {"Amelia", "Oliver", "Isla", "George", "Ava", "Harry", "Mia", "Noah", "Freya", "Leo"};
    const char* family[] = {"Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas"};
    for (int i = 0; i < 80; ++i) {
      char dob[16];
      std::snprintf(dob, sizeof dob, "%04d-%02d-%02d", 1960 + i % 50, 1 + i % 12, 1 + i % 28);
      Store(PersonNamed(given[i % 10], family[i % 8], dob, i % 2 ? Sex::kMale : Sex::kFemale),
            Household("CF" + std::to_string(10 + i % 40) + " " + std::to_string(i % 9) + "AB",
                      std::to_string(1 + i) + " High Street"));
    }
  }

  TempDatabase temp_;
};

TEST_F(PersonLinkageTest, ANicknameWithTheDayAndMonthSwappedRanksAboveANamesake) {
  StoreOthers();
  const RecordId robert =
      Store(PersonNamed("Robert", "Smith", "1980-02-01", Sex::kMale), Household("NP20 4AB", "12 Commercial Road"));
  const RecordId namesake =
      Store(PersonNamed("Bob", "Smith", "1991-07-23", Sex::kMale), Household("LL57 2DG", "3 Bangor Street"));
  auto linkage = Start();
  ASSERT_TRUE(linkage);
  EXPECT_EQ(linkage->Size(), 82u);

  // Entered as Bob, born 1980-01-02 (day and month the wrong way round), now living elsewhere.
  const auto ranked =
      linkage->Rank(PersonNamed("Bob", "Smith", "1980-01-02", Sex::kMale), Household("CF10 1EP", "5 Park Place"), 10);
  ASSERT_FALSE(ranked.empty());
  EXPECT_EQ(ranked[0].person_id, robert);
  EXPECT_GT(ranked[0].probability, 0.5);
  for (const auto& r : ranked) {
    if (r.person_id == namesake) {
      EXPECT_LT(r.probability, ranked[0].probability);
    }
  }

  // The reasons: the given name as a nickname, the date with day and month swapped, the probability they add up to.
  const MatchExplanation& why = ranked[0].explanation;
  auto step = [&](const std::string& field) {
    return *std::find_if(why.steps.begin(), why.steps.end(), [&](const MatchStep& s) { return s.field == field; });
  };
  EXPECT_EQ(step("given_name").level, "nickname");
  EXPECT_EQ(step("given_name").entered, "bob");
  EXPECT_EQ(step("given_name").stored, "robert");
  EXPECT_GT(step("given_name").weight, 0);
  EXPECT_EQ(step("date_of_birth").level, "day_month_swapped");
  EXPECT_GT(step("date_of_birth").weight, 0);
  EXPECT_EQ(step("family_name").level, "exact");
  EXPECT_EQ(step("postcode").level, "different");
  EXPECT_LT(step("postcode").weight, 0);
  double total = why.prior_weight;
  for (const auto& s : why.steps) total += s.weight;
  EXPECT_NEAR(total, why.weight, 1e-3);
  EXPECT_NEAR(why.probability, ranked[0].probability, 1e-6);
}

TEST_F(PersonLinkageTest, PeopleAddedOrEditedAfterStartUpAreFoundByTheNextLookup) {
  StoreOthers();
  auto linkage = Start();
  ASSERT_TRUE(linkage);
  const Person probe = PersonNamed("Catrin", "Prosser", "2012-09-14", Sex::kFemale);
  const Family at = Household("SA1 3SN", "40 Walter Road");
  EXPECT_TRUE(linkage->Rank(probe, at, 10).empty());

  // Added by any route (here straight through the port): found by id, nobody has to tell the index.
  const RecordId added = Store(probe, at);
  auto ranked = linkage->Rank(probe, at, 10);
  ASSERT_EQ(ranked.size(), 1u);
  EXPECT_EQ(ranked[0].person_id, added);

  // Edited through the family service: re-read (from the database's log of edits), the old details gone.
  const RecordId coordinator = testing::InsertUser(temp_.db(), "coord", Role::kFrontDoorCoordinator);
  const Principal who = PrincipalFor(coordinator, "coord", Role::kFrontDoorCoordinator);
  FamilyService families(temp_.db());  // not told of the index: the database logs the edit
  auto stored = families.GetPerson(who, added);
  ASSERT_TRUE(stored);
  auto updated = families.UpdatePerson(who, added,
                                       MakeInput({{"given_name", "Dafydd"},
                                                  {"family_name", "Rees"},
                                                  {"date_of_birth", "1975-05-30"},
                                                  {"sex", "male"},
                                                  {"role", "parent"}}),
                                       stored->version);
  ASSERT_TRUE(updated) << updated.error().internal;
  EXPECT_TRUE(linkage->Rank(probe, at, 10).empty()) << "the old details are no longer indexed";
  ranked = linkage->Rank(PersonNamed("Dafydd", "Rees", "1975-05-30", Sex::kMale), at, 10);
  ASSERT_EQ(ranked.size(), 1u);
  EXPECT_EQ(ranked[0].person_id, added);
  EXPECT_EQ(linkage->Size(), 81u);
}

// `hearth import --update` runs in another process and tells the server nothing: the index learns of its edits
// from the log the database keeps (migration 0011). Here the import runs through the same use case on the same
// database file, with no reference to the index.
TEST_F(PersonLinkageTest, AnImportThatChangesStoredPeopleAndAddressesIsSeenByTheNextLookup) {
  StoreOthers();
  const std::string header = R"({"type":"header","format":"hearth-interchange","version":1})";
  auto import = [&](const std::string& family, const std::string& person) {
    testing::StringLines lines(header + "\n" + family + "\n" + person + "\n");
    ImportOptions options;
    options.update = true;
    return ImportService(temp_.db()).Import(SystemPrincipal(), lines, options);
  };
  ASSERT_TRUE(import(R"({"type":"family","id":"F-9","area":"West","postcode":"SA1 3SN"})",
                     R"({"type":"person","id":"P-9","family":"F-9","given_name":"Catrin","family_name":"Prosser",)"
                     R"("date_of_birth":"2012-09-14","sex":"female","role":"child"})")
                  .imported());
  auto linkage = Start();
  ASSERT_TRUE(linkage);
  const Family old_home = Household("SA1 3SN", "");
  const auto before = linkage->Rank(PersonNamed("Catrin", "Prosser", "2012-09-14", Sex::kFemale), old_home, 10);
  ASSERT_EQ(before.size(), 1u);
  const RecordId catrin = before[0].person_id;

  // The same person renamed and born on another day; the household moved.
  ASSERT_TRUE(import(R"({"type":"family","id":"F-9","area":"West","postcode":"LL57 2DG"})",
                     R"({"type":"person","id":"P-9","family":"F-9","given_name":"Nia","family_name":"Gwilym",)"
                     R"("date_of_birth":"2011-01-30","sex":"female","role":"child"})")
                  .imported());
  EXPECT_TRUE(linkage->Rank(PersonNamed("Catrin", "Prosser", "2012-09-14", Sex::kFemale), old_home, 10).empty())
      << "the old details are no longer indexed";
  const auto after =
      linkage->Rank(PersonNamed("Nia", "Gwilym", "2011-01-30", Sex::kFemale), Household("LL57 2DG", ""), 10);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].person_id, catrin);
  const auto postcode = std::find_if(after[0].explanation.steps.begin(), after[0].explanation.steps.end(),
                                     [](const MatchStep& s) { return s.field == "postcode"; });
  ASSERT_NE(postcode, after[0].explanation.steps.end());
  EXPECT_EQ(postcode->level, "exact") << "the household's new postcode is indexed";
  EXPECT_EQ(linkage->Size(), 81u);

  // Importing the same file again changes nothing, so it logs nothing.
  const std::string logged = testing::RawSqlite(temp_.path()).Scalar("SELECT count(*) FROM linkage_changes");
  ASSERT_TRUE(import(R"({"type":"family","id":"F-9","area":"West","postcode":"LL57 2DG"})",
                     R"({"type":"person","id":"P-9","family":"F-9","given_name":"Nia","family_name":"Gwilym",)"
                     R"("date_of_birth":"2011-01-30","sex":"female","role":"child"})")
                  .imported());
  EXPECT_EQ(testing::RawSqlite(temp_.path()).Scalar("SELECT count(*) FROM linkage_changes"), logged);
  EXPECT_EQ(logged, "2");
}

TEST_F(PersonLinkageTest, OnlyPeopleTheCallerMaySeeAreOfferedAndTheyStillRankFirst) {
  StoreOthers();
  // Two records that could be the child: the closer one in a family not shared with health, the other shared.
  const RecordId hidden =
      Store(PersonNamed("Olivia", "Hughes", "2015-03-04", Sex::kFemale), Household("CF37 1DL", "1 Taff Street"));
  const RecordId shared =
      Store(PersonNamed("Liv", "Hughes", "2015-03-04", Sex::kFemale), Household("CF37 2AA", "9 Mill Street"));
  testing::InsertReferral(temp_.db(), FamilyOf(hidden), true, {Agency::kHousing});
  testing::InsertReferral(temp_.db(), FamilyOf(shared), true, {Agency::kHealth});
  auto linkage = Start();
  ASSERT_TRUE(linkage);
  ReferralService referrals(temp_.db());
  referrals.UseLinkage(linkage.get());
  const std::vector<Person> entered = {PersonNamed("Olivia", "Hughes", "2015-03-04", Sex::kFemale)};
  const Family at = Household("CF37 1DL", "1 Taff Street");

  const Principal coordinator = PrincipalFor(testing::InsertUser(temp_.db(), "coord", Role::kFrontDoorCoordinator),
                                             "coord", Role::kFrontDoorCoordinator);
  auto all = referrals.FindPossibleMatches(coordinator, entered, at);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].person.id, hidden);
  EXPECT_EQ(all[1].person.id, shared);
  EXPECT_GT(*all[0].probability, *all[1].probability);
  ASSERT_TRUE(all[0].explanation);

  const Principal health = PrincipalFor(testing::InsertUser(temp_.db(), "health", Role::kPartner, Agency::kHealth),
                                        "health", Role::kPartner, Agency::kHealth);
  auto seen = referrals.FindPossibleMatches(health, entered, at);
  ASSERT_EQ(seen.size(), 1u) << "the family not shared with health is not offered, nor anything about it";
  EXPECT_EQ(seen[0].person.id, shared);
  EXPECT_EQ(seen[0].family.id, FamilyOf(shared));

  const Principal analyst =
      PrincipalFor(testing::InsertUser(temp_.db(), "analyst", Role::kAnalyst), "analyst", Role::kAnalyst);
  EXPECT_TRUE(referrals.FindPossibleMatches(analyst, entered, at).empty());
}

TEST_F(PersonLinkageTest, ARecordedReferralOffersTheKnownFamilyWithItsProbability) {
  auto linkage = Start();  // an empty database: people come later, by referral
  ASSERT_TRUE(linkage);
  EXPECT_EQ(linkage->Size(), 0u);
  ReferralService referrals(temp_.db());
  referrals.UseLinkage(linkage.get());
  const Principal who = PrincipalFor(testing::InsertUser(temp_.db(), "coord", Role::kFrontDoorCoordinator), "coord",
                                     Role::kFrontDoorCoordinator);
  auto submission = [](const std::string& given, const std::string& dob) {
    ReferralSubmission s;
    s.referral = MakeInput({{"received_on", "2025-06-02"},
                            {"source", "school"},
                            {"reasons", "education"},
                            {"decision", "advice"},
                            {"rationale", "Attendance has fallen this term."}});
    s.family = MakeInput({{"area", "West"}, {"postcode", "CF37 1DL"}, {"address_line_1", "1 Taff Street"}});
    s.people.push_back(MakeInput({{"given_name", given},
                                  {"family_name", "Hughes"},
                                  {"date_of_birth", dob},
                                  {"sex", "female"},
                                  {"role", "child"}}));
    return s;
  };
  auto first = referrals.Record(who, submission("Katherine", "2015-03-04"));
  ASSERT_TRUE(first);
  ASSERT_NE(first->referral_id, 0);

  auto again = referrals.Record(who, submission("Kate", "2015-04-03"));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->referral_id, 0) << "nothing recorded while a possible match awaits a decision";
  ASSERT_EQ(again->possible_matches.size(), 1u);
  EXPECT_EQ(again->possible_matches[0].family.id, first->family_id);
  ASSERT_TRUE(again->possible_matches[0].probability);
  EXPECT_GT(*again->possible_matches[0].probability, 0.5);
  ASSERT_TRUE(again->possible_matches[0].explanation);
}

TEST(LevelWord, PutsEngineLevelsIntoTheCataloguesWords) {
  EXPECT_EQ(LevelWord("exact"), "exact");
  EXPECT_EQ(LevelWord("exact (same place)"), "exact_same_place");
  EXPECT_EQ(LevelWord("jaro_winkler>=0.92"), "similar");
  EXPECT_EQ(LevelWord("damerau<=1 (same place)"), "similar_same_place");
  EXPECT_EQ(LevelWord("day_month_swapped"), "day_month_swapped");
  EXPECT_EQ(LevelWord("within_days<=365"), "within_days");
  EXPECT_EQ(LevelWord("null"), "missing");
  EXPECT_EQ(LevelWord("else (same place)"), "different");
  EXPECT_EQ(LevelWord("not counted (names swapped)"), "swapped_counted_once");
}

}  // namespace
}  // namespace hearth
