#include "demo/demo_generator.hpp"
#include "domain/journey.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "demo/british_names.hpp"
#include "domain/postcode.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace hearth {
namespace {

const Date kToday = *Date::Parse("2026-11-22");

// A SQLite file of its own, removed (with its WAL files) afterwards.
class TempDatabase {
 public:
  explicit TempDatabase(const std::string& tag)
      : path_(std::filesystem::temp_directory_path() /
              ("hearth_demo_" + tag + "_" + std::to_string(::getpid()) + ".db")) {
    Remove();
    db_ = sqlite::OpenSqlite(path_.string());
    db_->Migrate();
  }
  ~TempDatabase() {
    db_.reset();
    Remove();
  }
  Database& db() { return *db_; }

 private:
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }
  std::filesystem::path path_;
  std::unique_ptr<Database> db_;
};

struct FamilyRecord {
  Family family;
  std::vector<Person> people;
  std::vector<Relationship> relationships;
  std::vector<Referral> referrals;
  std::vector<Episode> episodes;
};

std::vector<FamilyRecord> ReadAll(Database& db) {
  auto uow = db.BeginRead();
  FamilySearch search;
  search.visibility.scope = FamilyScope::kAll;
  search.limit = 100000;
  std::vector<FamilyRecord> out;
  for (const FamilySummary& summary : uow->Families().Search(search).families) {
    FamilyRecord record;
    record.family = *uow->Families().FindById(summary.id);
    record.people = uow->People().ListForFamily(summary.id);
    record.relationships = uow->People().ListRelationships(summary.id);
    record.referrals = uow->Referrals().ListForFamily(summary.id);
    record.episodes = uow->Referrals().ListEpisodes(summary.id);
    out.push_back(std::move(record));
  }
  return out;
}

DemoOptions SmallRun(int families, unsigned seed = 20261122) {
  DemoOptions options;
  options.families = families;
  options.seed = seed;
  options.today = kToday;
  return options;
}

// One 200-family history shared by the tests that only read it (hashing the staff passwords is the slow part).
class DemoGenerator : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    database_ = new TempDatabase("suite");
    auto result = GenerateDemo(database_->db(), SmallRun(200));
    ASSERT_TRUE(result.has_value()) << result.error().internal;
    summary_ = *result;
    records_ = new std::vector<FamilyRecord>(ReadAll(database_->db()));
  }
  static void TearDownTestSuite() {
    delete records_;
    delete database_;
  }
  static TempDatabase* database_;
  static DemoSummary summary_;
  static std::vector<FamilyRecord>* records_;
};
TempDatabase* DemoGenerator::database_ = nullptr;
DemoSummary DemoGenerator::summary_;
std::vector<FamilyRecord>* DemoGenerator::records_ = nullptr;

TEST_F(DemoGenerator, WritesWhatTheSummarySays) {
  EXPECT_EQ(summary_.families, 200);
  int people = 0, referrals = 0, episodes = 0;
  for (const auto& r : *records_) {
    people += static_cast<int>(r.people.size());
    referrals += static_cast<int>(r.referrals.size());
    episodes += static_cast<int>(r.episodes.size());
  }
  EXPECT_EQ(static_cast<int>(records_->size()), summary_.families);
  EXPECT_EQ(people, summary_.people);
  EXPECT_EQ(referrals, summary_.referrals);
  EXPECT_EQ(episodes, summary_.episodes);
  EXPECT_GE(summary_.staff, 20);
  auto uow = database_->db().BeginRead();
  EXPECT_EQ(uow->Families().Count(), summary_.families);
  EXPECT_EQ(uow->Users().Count(), summary_.staff);
  ASSERT_TRUE(uow->Users().FindByUsername("demo.ea1"));
  EXPECT_EQ(uow->Users().FindByUsername("demo.ea1")->role, Role::kEaOfficer);
  EXPECT_TRUE(uow->Users().FindTeamByName("Families Team West"));
}

TEST_F(DemoGenerator, EveryAddressHasAValidPostcodeAndAnArea) {
  const std::set<std::string> areas{"West", "East", "North", "South", "Central"};
  for (const auto& r : *records_) {
    const auto normalised = NormaliseUkPostcode(r.family.postcode);
    ASSERT_TRUE(normalised) << r.family.postcode;
    EXPECT_EQ(*normalised, r.family.postcode);
    EXPECT_TRUE(areas.count(r.family.area)) << r.family.area;
    EXPECT_FALSE(r.family.address_line_1.empty());
    EXPECT_FALSE(r.family.town.empty());
  }
}

TEST_F(DemoGenerator, HouseholdsHaveOneOrTwoAdultsAndOneToFourChildren) {
  for (const auto& r : *records_) {
    int adults = 0, children = 0;
    for (const Person& p : r.people) (p.role == MemberRole::kChild ? children : adults)++;
    EXPECT_GE(adults, 1);
    EXPECT_LE(adults, 2);
    EXPECT_GE(children, 1);
    EXPECT_LE(children, 4);
  }
}

TEST_F(DemoGenerator, ChildrenAreYoungerThanTheirParents) {
  for (const auto& r : *records_) {
    std::map<RecordId, const Person*> by_id;
    for (const Person& p : r.people) {
      ASSERT_TRUE(p.date_of_birth);
      by_id[p.id] = &p;
    }
    // Every adult in the household, parent or not, is at least 17 years older than every child.
    for (const Person& adult : r.people) {
      if (adult.role == MemberRole::kChild) continue;
      for (const Person& child : r.people) {
        if (child.role == MemberRole::kChild) {
          EXPECT_GE(adult.date_of_birth->AgeOn(*child.date_of_birth), 17);
        }
      }
    }
    // Each child has someone in the household who is their parent or carer.
    std::set<RecordId> cared_for;
    for (const Relationship& rel : r.relationships) {
      if (rel.kind != RelationshipKind::kParentOf && rel.kind != RelationshipKind::kCarerOf) continue;
      cared_for.insert(rel.to_person_id);
      EXPECT_GE(by_id.at(rel.from_person_id)->date_of_birth->AgeOn(*by_id.at(rel.to_person_id)->date_of_birth), 17);
    }
    for (const Person& p : r.people) {
      if (p.role == MemberRole::kChild) {
        EXPECT_TRUE(cared_for.count(p.id));
      }
    }
  }
}

TEST_F(DemoGenerator, ChildrenAreUnderEighteenAtEveryReferral) {
  for (const auto& r : *records_)
    for (const Referral& referral : r.referrals)
      for (const Person& p : r.people) {
        if (p.role != MemberRole::kChild) continue;
        EXPECT_LT(*p.date_of_birth, referral.received_on);
        EXPECT_LE(p.date_of_birth->AgeOn(referral.received_on), 17);
      }
}

TEST_F(DemoGenerator, EveryEarlyHelpReferralOpensExactlyOneEpisodeWithConsent) {
  for (const auto& r : *records_) {
    EXPECT_GE(r.referrals.size(), 1u);
    EXPECT_LE(r.referrals.size(), 3u);
    for (const Referral& referral : r.referrals) {
      int episodes = 0;
      for (const Episode& e : r.episodes) episodes += e.referral_id == referral.id ? 1 : 0;
      EXPECT_GE(referral.received_on, kToday.AddDays(-3 * 365));
      EXPECT_LE(referral.received_on, kToday);
      EXPECT_FALSE(referral.reasons.empty());
      EXPECT_FALSE(referral.rationale.empty());
      if (referral.decision != ReferralDecision::kEarlyHelp) {
        EXPECT_EQ(episodes, 0);
        continue;
      }
      // At most one: a referral while the family's episode is still open joins it, as at the front door.
      EXPECT_LE(episodes, 1);
      ASSERT_TRUE(referral.consent.given);
      EXPECT_TRUE(*referral.consent.given);
      EXPECT_FALSE(referral.consent.given_by.empty());
      EXPECT_EQ(referral.consent.given_on, referral.received_on);
      EXPECT_FALSE(referral.consent.share_with.empty());
    }
  }
}

TEST_F(DemoGenerator, EpisodesMoveThroughTheStagesInOrderUpToToday) {
  std::map<EpisodeStage, int> stages;
  std::map<ClosureReason, int> reasons;
  for (const auto& r : *records_)
    for (const Episode& e : r.episodes) {
      ++stages[e.stage];
      EXPECT_TRUE(StageDateErrors(e).empty()) << "episode " << e.id;
      for (const auto& d : {e.allocated_assessment_on, e.assessment_completed_on, e.brokerage_started_on,
                            e.plan_completed_on, e.panel_on, e.intervention_started_on, e.review_started_on,
                            e.closed_on})
        if (d) {
          EXPECT_LE(*d, kToday);
        }
      if (e.closed_on) {
        EXPECT_EQ(e.stage, EpisodeStage::kClosed);
        ASSERT_TRUE(e.closure_reason);
        ++reasons[*e.closure_reason];
        if (*e.closure_reason == ClosureReason::kOutcomesMet) {
          EXPECT_FALSE(e.exit_plan.empty());
        }
      } else if (e.review_started_on) {
        EXPECT_EQ(e.stage, EpisodeStage::kReview);
      } else if (e.intervention_started_on) {
        EXPECT_EQ(e.stage, EpisodeStage::kIntervention);
      }
    }
  // A live service: most old episodes closed with their outcomes met, some disengaged or stepped up, some open.
  EXPECT_GT(stages[EpisodeStage::kClosed], 0);
  EXPECT_GT(reasons[ClosureReason::kOutcomesMet], reasons[ClosureReason::kDisengaged]);
  EXPECT_GT(reasons[ClosureReason::kDisengaged], 0);
  EXPECT_GT(reasons[ClosureReason::kSteppedUp], 0);
  int open = 0;
  for (const auto& [stage, count] : stages) open += stage == EpisodeStage::kClosed ? 0 : count;
  EXPECT_GT(open, 0);
}

TEST_F(DemoGenerator, DecisionsFollowRealisticProportions) {
  int total = 0, early_help = 0, returning = 0;
  for (const auto& r : *records_) {
    returning += r.referrals.size() > 1 ? 1 : 0;
    for (const Referral& referral : r.referrals) {
      ++total;
      early_help += referral.decision == ReferralDecision::kEarlyHelp ? 1 : 0;
    }
  }
  EXPECT_GT(early_help * 100, total * 60);
  EXPECT_LT(early_help * 100, total * 82);
  EXPECT_GT(returning, 20);  // some families come back
}

TEST_F(DemoGenerator, RefusesADatabaseThatAlreadyHoldsFamilies) {
  auto second = GenerateDemo(database_->db(), SmallRun(10));
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().code, ErrorCode::kConflict);
  EXPECT_EQ(second.error().message_key, "demo.not_empty");
  EXPECT_EQ(database_->db().BeginRead()->Families().Count(), 200);
}

std::vector<std::string> FirstFamilyNames(const std::string& tag, unsigned seed) {
  TempDatabase database(tag);
  auto result = GenerateDemo(database.db(), SmallRun(3, seed));
  EXPECT_TRUE(result.has_value());
  const auto records = ReadAll(database.db());
  std::vector<std::string> names;
  for (const auto& r : records)
    if (r.family.id == 1)
      for (const Person& p : r.people) names.push_back(p.FullName() + " " + p.date_of_birth->ToString());
  return names;
}

TEST(DemoGeneratorSeed, TheSameSeedGivesTheSameFamilies) {
  const auto first = FirstFamilyNames("seed_a", 7);
  const auto again = FirstFamilyNames("seed_b", 7);
  const auto other = FirstFamilyNames("seed_c", 8);
  ASSERT_FALSE(first.empty());
  EXPECT_EQ(first, again);
  EXPECT_NE(first, other);
}

TEST(DemoGeneratorSeed, ReportsProgressAfterEachBatch) {
  TempDatabase database("progress");
  std::vector<int> seen;
  auto result = GenerateDemo(database.db(), SmallRun(600), [&](int done, int total) {
    EXPECT_EQ(total, 600);
    seen.push_back(done);
  });
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(seen, (std::vector<int>{500, 600}));
}

TEST(DemoGeneratorTeams, TeamSizeFillsEveryFamiliesTeam) {
  TempDatabase database("teams");
  DemoOptions options = SmallRun(20);
  options.team_size = 5;
  auto result = GenerateDemo(database.db(), options);
  ASSERT_TRUE(result.has_value());
  auto uow = database.db().BeginRead();
  std::map<std::string, int> workers;
  for (const auto& u : uow->Users().List(0, 1000))
    if (u.role == Role::kInterventionWorker || u.role == Role::kFamilyAide) ++workers[u.team_name];
  for (const char* team : {"Families Team West", "Families Team East", "Families Plus", "CANS"})
    EXPECT_EQ(workers[team], 5) << team;
}

TEST(DemoNameTables, AreGenerousAndHaveNoDuplicates) {
  auto check = [](std::span<const std::string_view> names, std::size_t at_least) {
    EXPECT_GE(names.size(), at_least);
    std::set<std::string_view> unique(names.begin(), names.end());
    EXPECT_EQ(unique.size(), names.size());
  };
  check(demo::AdultFemaleNames(), 75);
  check(demo::AdultMaleNames(), 75);
  check(demo::ChildFemaleNames(), 75);
  check(demo::ChildMaleNames(), 75);
  check(demo::FamilyNames(), 200);
  check(demo::StreetNames(), 40);
  for (const auto& town : demo::Towns())
    for (char sector : town.sectors) {
      const std::string postcode = std::string(town.district) + " " + sector + "AB";
      EXPECT_TRUE(NormaliseUkPostcode(postcode)) << postcode;
    }
}

}  // namespace
}  // namespace hearth
