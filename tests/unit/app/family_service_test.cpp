// Family records through the use cases: who may see what, auditing, optimistic versions and search.
#include "app/family_service.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "unit/support/temp_database.hpp"

namespace hearth {
namespace {

using testing::MakeInput;
using testing::PrincipalFor;
using testing::RawSqlite;
using testing::TempDatabase;

class FamilyServiceTest : public ::testing::Test {
 protected:
  FamilyServiceTest() : families_(temp_.db()) {}

  void SetUp() override {
    coordinator_ = Who("coord", Role::kFrontDoorCoordinator);
    officer_ = Who("ea.officer", Role::kEaOfficer);
    auditor_ = Who("qa", Role::kAuditor);
    analyst_ = Who("analyst", Role::kAnalyst);
    health_ = Who("nurse", Role::kPartner, Agency::kHealth);
  }

  Principal Who(const std::string& name, Role role, std::optional<Agency> agency = std::nullopt) {
    return PrincipalFor(testing::InsertUser(temp_.db(), name, role, agency), name, role, agency);
  }

  RecordId CreateFamily(const std::string& postcode = "CF37 1DL") {
    auto id = families_.Create(coordinator_, MakeInput({{"area", "West"}, {"postcode", postcode},
                                                        {"address_line_1", "12 Llewellyn Street"}}));
    EXPECT_TRUE(id) << (id ? "" : id.error().internal);
    return id ? *id : 0;
  }
  RecordId AddChild(RecordId family, const std::string& given, const std::string& surname,
                    const std::string& dob = "2015-03-04") {
    auto id = families_.AddPerson(coordinator_, family,
                                  MakeInput({{"given_name", given}, {"family_name", surname},
                                             {"date_of_birth", dob}, {"sex", "female"}, {"role", "child"}}));
    EXPECT_TRUE(id) << (id ? "" : id.error().internal);
    return id ? *id : 0;
  }
  // Puts `family` on `who`'s caseload through an early-help referral and episode.
  void Assign(RecordId family, const Principal& who) {
    const RecordId referral = testing::InsertReferral(temp_.db(), family, true, {Agency::kHealth});
    const RecordId episode = testing::InsertEpisode(temp_.db(), family, referral);
    testing::AssignToCaseload(temp_.db(), episode, who.user_id, who.role);
  }
  std::vector<AuditEvent> Audit() {
    auto uow = temp_.db().BeginRead();
    return uow->Audit().ListRecent(0, 1000);
  }
  std::vector<AuditEvent> AuditFor(const Principal& who, const std::string& action) {
    std::vector<AuditEvent> out;
    for (const auto& e : Audit())
      if (e.user_id == who.user_id && e.action == action) out.push_back(e);
    return out;
  }

  TempDatabase temp_;
  FamilyService families_;
  Principal coordinator_, officer_, auditor_, analyst_, health_;
};

TEST_F(FamilyServiceTest, ViewingAFamilyWritesAViewAuditRow) {
  const RecordId family = CreateFamily();
  ASSERT_TRUE(families_.View(coordinator_, family));
  auto views = AuditFor(coordinator_, "view");
  ASSERT_EQ(views.size(), 1u);
  EXPECT_EQ(views[0].outcome, "ok");
  EXPECT_EQ(views[0].record_type, "family");
  EXPECT_EQ(views[0].record_id, family);
  EXPECT_EQ(views[0].family_id, family);
  EXPECT_EQ(views[0].role, "front_door_coordinator");
  EXPECT_FALSE(views[0].at.empty());
}

TEST_F(FamilyServiceTest, AFamilyTheCallerMayNotSeeIsNotFoundAndTheAttemptIsAudited) {
  const RecordId family = CreateFamily();
  auto view = families_.View(officer_, family);
  ASSERT_FALSE(view);
  EXPECT_EQ(view.error().code, ErrorCode::kNotFound);
  auto attempts = AuditFor(officer_, "view");
  ASSERT_EQ(attempts.size(), 1u);
  EXPECT_EQ(attempts[0].outcome, "not_found");
  EXPECT_EQ(attempts[0].record_id, family);
  EXPECT_EQ(attempts[0].role, "ea_officer");
}

TEST_F(FamilyServiceTest, AnInvisibleFamilyLooksExactlyLikeAMissingOne) {
  const RecordId family = CreateFamily();
  auto hidden = families_.View(officer_, family);
  auto missing = families_.View(officer_, family + 1000);
  ASSERT_FALSE(hidden);
  ASSERT_FALSE(missing);
  EXPECT_EQ(hidden.error().code, missing.error().code);
  EXPECT_EQ(hidden.error().message_key, missing.error().message_key);
  EXPECT_EQ(hidden.error().internal, missing.error().internal);
}

TEST_F(FamilyServiceTest, CaseloadOfficersSeeTheirAssignedFamilies) {
  const RecordId mine = CreateFamily();
  const RecordId other = CreateFamily();
  Assign(mine, officer_);
  EXPECT_TRUE(families_.View(officer_, mine));
  EXPECT_FALSE(families_.View(officer_, other));
  auto page = families_.Search(officer_, "", 1);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->result.total, 1);
  ASSERT_EQ(page->result.families.size(), 1u);
  EXPECT_EQ(page->result.families[0].id, mine);
}

TEST_F(FamilyServiceTest, PartnersSeeOnlyFamiliesSharedWithTheirAgency) {
  const RecordId shared = CreateFamily();
  const RecordId not_shared = CreateFamily();
  testing::InsertReferral(temp_.db(), shared, true, {Agency::kHealth});
  testing::InsertReferral(temp_.db(), not_shared, true, {Agency::kHousing});
  EXPECT_TRUE(families_.View(health_, shared));
  auto hidden = families_.View(health_, not_shared);
  ASSERT_FALSE(hidden);
  EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
}

TEST_F(FamilyServiceTest, AnalystsCannotSearchOrViewFamilies) {
  const RecordId family = CreateFamily();
  auto search = families_.Search(analyst_, "smith", 1);
  ASSERT_FALSE(search);
  EXPECT_EQ(search.error().code, ErrorCode::kForbidden);
  auto view = families_.View(analyst_, family);
  ASSERT_FALSE(view);
  EXPECT_EQ(view.error().code, ErrorCode::kNotFound);
}

TEST_F(FamilyServiceTest, AuditorsMayViewButNotEdit) {
  const RecordId family = CreateFamily();
  EXPECT_TRUE(families_.View(auditor_, family));
  auto update = families_.Update(auditor_, family, MakeInput({{"area", "East"}}), 1);
  ASSERT_FALSE(update);
  EXPECT_EQ(update.error().code, ErrorCode::kForbidden);
  auto denied = AuditFor(auditor_, "update");
  ASSERT_EQ(denied.size(), 1u);
  EXPECT_EQ(denied[0].outcome, "denied");
}

TEST_F(FamilyServiceTest, CaseloadOfficersCannotCreateFamilies) {
  auto id = families_.Create(officer_, MakeInput({{"area", "West"}}));
  ASSERT_FALSE(id);
  EXPECT_EQ(id.error().code, ErrorCode::kForbidden);
  auto uow = temp_.db().BeginRead();
  EXPECT_EQ(uow->Families().Count(), 0);
}

TEST_F(FamilyServiceTest, InvalidInputStoresNothing) {
  auto id = families_.Create(coordinator_, MakeInput({{"area", ""}, {"postcode", "nope"}}));
  ASSERT_FALSE(id);
  EXPECT_EQ(id.error().code, ErrorCode::kValidation);
  EXPECT_EQ(id.error().fields.size(), 2u);
  auto uow = temp_.db().BeginRead();
  EXPECT_EQ(uow->Families().Count(), 0);
}

TEST_F(FamilyServiceTest, AStaleUpdateIsRefusedAndKeepsTheColleaguesChange) {
  const RecordId family = CreateFamily();
  ASSERT_TRUE(families_.Update(coordinator_, family, MakeInput({{"area", "East"}, {"postcode", "CF37 1DL"}}), 1));
  auto stale = families_.Update(coordinator_, family, MakeInput({{"area", "North"}, {"postcode", "CF37 1DL"}}), 1);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kStaleVersion);
  auto view = families_.View(coordinator_, family);
  ASSERT_TRUE(view);
  EXPECT_EQ(view->family.area, "East");
  EXPECT_EQ(view->family.version, 2);
}

TEST_F(FamilyServiceTest, AStalePersonUpdateIsRefused) {
  const RecordId family = CreateFamily();
  const RecordId person = AddChild(family, "Olivia", "Hughes");
  const Input edit = MakeInput({{"given_name", "Olive"}, {"family_name", "Hughes"}, {"role", "child"}});
  ASSERT_TRUE(families_.UpdatePerson(coordinator_, person, edit, 1));
  auto stale = families_.UpdatePerson(coordinator_, person, edit, 1);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kStaleVersion);
}

TEST_F(FamilyServiceTest, ViewShowsMembersReferralsEpisodesAndChronology) {
  const RecordId family = CreateFamily();
  AddChild(family, "Olivia", "Hughes");
  Assign(family, officer_);
  auto view = families_.View(coordinator_, family);
  ASSERT_TRUE(view);
  EXPECT_EQ(view->members.size(), 1u);
  EXPECT_EQ(view->referrals.size(), 1u);
  EXPECT_EQ(view->episodes.size(), 1u);
  EXPECT_EQ(view->chronology.size(), 3u);  // referral received, decision, episode opened
  EXPECT_EQ(view->family.postcode, "CF37 1DL");
}

TEST_F(FamilyServiceTest, AuditRowsHoldIdsAndActionsButNoPersonalData) {
  const RecordId family = CreateFamily("SA1 1AA");
  const RecordId person = AddChild(family, "Zephyrine", "Quillfeather", "2013-08-09");
  ASSERT_TRUE(families_.View(coordinator_, family));
  ASSERT_TRUE(families_.GetPerson(coordinator_, person));
  ASSERT_TRUE(families_.Search(coordinator_, "Zephyrine Quillfeather 2013-08-09 SA1", 1));
  ASSERT_FALSE(families_.View(officer_, family));

  const std::vector<std::string> personal = {"Zephyrine", "Quillfeather", "zephyrine", "quillfeather",
                                             "2013-08-09", "SA1", "Llewellyn"};
  const auto events = Audit();
  ASSERT_GE(events.size(), 6u);
  for (const auto& e : events) {
    for (const std::string* field : {&e.at, &e.role, &e.action, &e.record_type, &e.outcome}) {
      for (const auto& secret : personal)
        EXPECT_EQ(field->find(secret), std::string::npos) << "audit field holds \"" << secret << "\": " << *field;
    }
    EXPECT_TRUE(e.record_type == "family" || e.record_type == "person" || e.record_type == "session")
        << e.record_type;
  }
  // And the table itself, every column.
  RawSqlite raw(temp_.path());
  for (const auto& secret : personal)
    EXPECT_EQ(raw.Scalar("SELECT COUNT(*) FROM audit_events WHERE instr(COALESCE(at,'') || '|' || "
                         "COALESCE(user_id,'') || '|' || role || '|' || action || '|' || record_type || '|' || "
                         "COALESCE(record_id,'') || '|' || COALESCE(family_id,'') || '|' || outcome, '" +
                         secret + "') > 0"),
              "0")
        << secret;
}

TEST_F(FamilyServiceTest, SearchIsAuditedWithoutItsTerms) {
  CreateFamily();
  ASSERT_TRUE(families_.Search(coordinator_, "Hughes", 1));
  auto searches = AuditFor(coordinator_, "search");
  ASSERT_EQ(searches.size(), 1u);
  EXPECT_EQ(searches[0].outcome, "ok");
  EXPECT_EQ(searches[0].record_id, 0);
}

TEST_F(FamilyServiceTest, SearchFindsNamesDatesAndPostcodes) {
  const RecordId hughes = CreateFamily("CF37 1DL");
  AddChild(hughes, "Olivia", "Hughes", "2015-03-04");
  const RecordId evans = CreateFamily("SA1 1AA");
  AddChild(evans, "Megan", "Evans", "2016-01-02");
  auto total = [&](const std::string& query) {
    auto page = families_.Search(coordinator_, query, 1);
    EXPECT_TRUE(page) << query;
    return page ? page->result.total : -1;
  };
  EXPECT_EQ(total(""), 2);
  EXPECT_EQ(total("olivia"), 1);
  EXPECT_EQ(total("OLI HUG"), 1);
  EXPECT_EQ(total("2015-03-04"), 1);
  EXPECT_EQ(total("04/03/2015"), 1);
  EXPECT_EQ(total("cf37"), 1);
  EXPECT_EQ(total("CF371DL"), 1);
  EXPECT_EQ(total("megan 2015-03-04"), 0);
}

// People type postcodes with their space; the search box must treat "CF37 1DL" as one postcode.
TEST_F(FamilyServiceTest, SearchFindsAWholePostcodeWrittenWithItsSpace) {
  const RecordId hughes = CreateFamily("CF37 1DL");
  AddChild(hughes, "Olivia", "Hughes");
  const RecordId other = CreateFamily("CF37 4AB");
  AddChild(other, "Megan", "Evans");
  auto page = families_.Search(coordinator_, "CF37 1DL", 1);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->result.total, 1);
  auto lower = families_.Search(coordinator_, "olivia cf37 1dl", 1);
  ASSERT_TRUE(lower);
  EXPECT_EQ(lower->result.total, 1);
}

TEST_F(FamilyServiceTest, SearchPagesStartAtOneAndReportTheTotal) {
  for (int i = 0; i < 5; ++i) AddChild(CreateFamily(), "Olivia", "Hughes");
  auto second = families_.Search(coordinator_, "hughes", 2, 2);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->page, 2);
  EXPECT_EQ(second->result.total, 5);
  EXPECT_EQ(second->result.families.size(), 2u);
  auto zero = families_.Search(coordinator_, "hughes", 0, 2);
  ASSERT_TRUE(zero);
  EXPECT_EQ(zero->page, 1);
}

TEST(ParseSearch, SortsWordsIntoNamesDateAndPostcode) {
  auto s = ParseSearch("Olivia O'Hughes 04/03/2015 cf37");
  EXPECT_EQ(s.name_prefixes, (std::vector<std::string>{"olivia", "ohughes"}));
  EXPECT_EQ(s.date_of_birth, Date::Parse("2015-03-04"));
  EXPECT_EQ(s.postcode_prefix, "CF37");
}

TEST(ParseSearch, AWholePostcodeWithASpaceIsOnePostcode) {
  EXPECT_EQ(ParseSearch("CF37 1DL").postcode_prefix, "CF371DL");
  EXPECT_EQ(ParseSearch("sw1a 1aa").postcode_prefix, "SW1A1AA");
  EXPECT_EQ(ParseSearch("CF371DL").postcode_prefix, "CF371DL");
}

TEST(ParseSearch, LimitsTheNumberOfNameWords) {
  auto s = ParseSearch("a b c d e f g h");
  EXPECT_LE(s.name_prefixes.size(), 5u);
}

TEST(Chronology, ListsReferralsAndEpisodesNewestFirst) {
  Referral r;
  r.id = 1;
  r.received_on = *Date::Parse("2025-01-10");
  r.decision = ReferralDecision::kEarlyHelp;
  Episode e;
  e.id = 2;
  e.opened_on = *Date::Parse("2025-01-10");
  e.closed_on = Date::Parse("2025-06-30");
  e.closure_reason = ClosureReason::kOutcomesMet;
  auto entries = BuildChronology({r}, {e});
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(entries[0].what, "chronology.episode_closed");
  EXPECT_EQ(entries[0].detail, "outcomes_met");
  for (std::size_t i = 1; i < entries.size(); ++i) EXPECT_GE(entries[i - 1].on, entries[i].on);
}

}  // namespace
}  // namespace hearth
