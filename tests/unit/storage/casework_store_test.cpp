// Casework records in SQLite: the assessment, appraisals, the plan with its objectives and actions, services,
// contacts, TAF meetings, reviews and statutory involvement. Versioned records refuse stale saves unchanged.
#include <gtest/gtest.h>

#include <algorithm>

#include "unit/storage/journey_fixture.hpp"

namespace hearth {
namespace {

using testing::D;

class CaseworkStoreTest : public testing::JourneyFixture {
 protected:
  void SetUp() override {
    episode_ = AddEpisode("2025-03-10");
    family_ = Find(episode_).family_id;
    child_ = testing::InsertPerson(db(), family_, "Alfie", "Hughes", "2017-01-09");
    sibling_ = testing::InsertPerson(db(), family_, "Ruby", "Hughes", "2019-11-23");
  }

  FamilyAssessment Assessment(int version) {
    FamilyAssessment a;
    a.episode_id = episode_;
    a.needs = {{OutcomeArea::kEducation, "Attendance 71%"}, {OutcomeArea::kHousing, "Damp flat"}};
    a.strengths = "Close to grandparents";
    a.family_wants = "Mornings that are calmer";
    a.child_views = {{child_, "I like football"}, {sibling_, "I miss my friends"}};
    a.version = version;
    return a;
  }
  bool Save(const FamilyAssessment& a) {
    auto uow = db().BeginWrite();
    const bool saved = uow->Casework().SaveAssessment(a);
    uow->Commit();
    return saved;
  }
  std::optional<FamilyAssessment> StoredAssessment() {
    auto uow = db().BeginRead();
    return uow->Casework().FindAssessment(episode_);
  }
  Appraisal Request(Agency kind, const char* requested_on) {
    Appraisal a;
    a.episode_id = episode_;
    a.family_id = family_;
    a.kind = kind;
    a.question = "Is the family known to you?";
    a.requested_on = D(requested_on);
    a.due_on = D(requested_on).AddDays(10);
    return a;
  }
  RecordId Insert(const Appraisal& a) {
    auto uow = db().BeginWrite();
    const RecordId id = uow->Casework().InsertAppraisal(a);
    uow->Commit();
    return id;
  }

  RecordId episode_ = 0, family_ = 0, child_ = 0, sibling_ = 0;
};

TEST_F(CaseworkStoreTest, AnAssessmentRoundTripsWithItsNeedsAndChildViews) {
  EXPECT_FALSE(StoredAssessment());
  ASSERT_TRUE(Save(Assessment(0)));
  auto stored = StoredAssessment();
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->episode_id, episode_);
  EXPECT_EQ(stored->version, 1);
  EXPECT_EQ(stored->needs, Assessment(0).needs);
  EXPECT_EQ(stored->strengths, "Close to grandparents");
  EXPECT_EQ(stored->family_wants, "Mornings that are calmer");
  ASSERT_EQ(stored->child_views.size(), 2u);
  EXPECT_EQ(stored->child_views[0].person_id, child_);
  EXPECT_EQ(stored->child_views[0].views, "I like football");
  EXPECT_EQ(stored->child_views[1].person_id, sibling_);
}

TEST_F(CaseworkStoreTest, SavingFromTheCurrentVersionReplacesNeedsAndViews) {
  ASSERT_TRUE(Save(Assessment(0)));
  FamilyAssessment next = Assessment(1);
  next.needs = {{OutcomeArea::kDomesticAbuse, "Police call-outs"}};
  next.child_views = {{sibling_, "Better now"}};
  next.strengths = "Mum is determined";
  ASSERT_TRUE(Save(next));
  auto stored = StoredAssessment();
  EXPECT_EQ(stored->version, 2);
  EXPECT_EQ(stored->needs, next.needs);
  ASSERT_EQ(stored->child_views.size(), 1u);
  EXPECT_EQ(stored->child_views[0].views, "Better now");
  EXPECT_EQ(stored->strengths, "Mum is determined");
}

TEST_F(CaseworkStoreTest, AStaleAssessmentSaveIsRefusedAndChangesNothing) {
  ASSERT_TRUE(Save(Assessment(0)));
  ASSERT_TRUE(Save(Assessment(1)));
  FamilyAssessment stale = Assessment(1);
  stale.needs = {{OutcomeArea::kCrime, "x"}};
  stale.child_views.clear();
  stale.strengths = "stale";
  EXPECT_FALSE(Save(stale));
  FamilyAssessment second_first = Assessment(0);  // a colleague's first save, made before ours arrived
  second_first.strengths = "also stale";
  EXPECT_FALSE(Save(second_first));
  auto stored = StoredAssessment();
  EXPECT_EQ(stored->version, 2);
  EXPECT_EQ(stored->needs, Assessment(0).needs);
  EXPECT_EQ(stored->child_views.size(), 2u);
  EXPECT_EQ(stored->strengths, "Close to grandparents");
}

TEST_F(CaseworkStoreTest, AppraisalsRoundTripAndAreAnsweredOnce) {
  const RecordId br = AddUser("br", Role::kBrOfficer);
  const RecordId partner = AddUser("nurse", Role::kPartner);
  Appraisal request = Request(Agency::kHealth, "2025-03-20");
  request.requested_by = br;
  const RecordId id = Insert(request);
  Appraisal stored;
  {
    auto uow = db().BeginRead();
    stored = *uow->Casework().FindAppraisal(id);
  }
  EXPECT_EQ(stored.id, id);
  EXPECT_EQ(stored.episode_id, episode_);
  EXPECT_EQ(stored.family_id, family_);
  EXPECT_EQ(stored.kind, Agency::kHealth);
  EXPECT_EQ(stored.question, "Is the family known to you?");
  EXPECT_EQ(stored.requested_on, D("2025-03-20"));
  EXPECT_EQ(stored.due_on, D("2025-03-30"));
  EXPECT_EQ(stored.requested_by, br);
  EXPECT_FALSE(stored.Answered());
  EXPECT_EQ(stored.answered_by, 0);
  EXPECT_EQ(stored.version, 1);

  Appraisal answer = stored, late_answer = stored;
  answer.completed_on = D("2025-03-25");
  answer.recommendations = "Health visitor to call";
  answer.commitments = "Weekly visits";
  answer.answered_by = partner;
  {
    auto uow = db().BeginWrite();
    ASSERT_TRUE(uow->Casework().AnswerAppraisal(answer));
    uow->Commit();
  }
  late_answer.completed_on = D("2025-03-26");
  late_answer.recommendations = "stale";
  {
    auto uow = db().BeginWrite();
    EXPECT_FALSE(uow->Casework().AnswerAppraisal(late_answer));
    uow->Commit();
  }
  auto uow = db().BeginRead();
  auto listed = uow->Casework().ListAppraisals(episode_);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].version, 2);
  EXPECT_EQ(listed[0].completed_on, D("2025-03-25"));
  EXPECT_EQ(listed[0].recommendations, "Health visitor to call");
  EXPECT_EQ(listed[0].commitments, "Weekly visits");
  EXPECT_EQ(listed[0].answered_by, partner);
  EXPECT_FALSE(uow->Casework().FindAppraisal(id + 100));
}

TEST_F(CaseworkStoreTest, AnAgencysAppraisalsListUnansweredFirstThenNewest) {
  const RecordId old_open = Insert(Request(Agency::kHousing, "2025-03-01"));
  const RecordId new_answered = Insert(Request(Agency::kHousing, "2025-03-20"));
  const RecordId new_open = Insert(Request(Agency::kHousing, "2025-03-15"));
  const RecordId old_answered = Insert(Request(Agency::kHousing, "2025-02-01"));
  Insert(Request(Agency::kHealth, "2025-03-30"));  // another agency's
  {
    auto uow = db().BeginWrite();
    for (RecordId id : {new_answered, old_answered}) {
      Appraisal a = *uow->Casework().FindAppraisal(id);
      a.completed_on = D("2025-04-01");
      a.recommendations = "none";
      ASSERT_TRUE(uow->Casework().AnswerAppraisal(a));
    }
    uow->Commit();
  }
  auto uow = db().BeginRead();
  std::vector<RecordId> ids;
  for (const auto& a : uow->Casework().ListAppraisalsForAgency(Agency::kHousing, 0, 10)) ids.push_back(a.id);
  EXPECT_EQ(ids, (std::vector<RecordId>{new_open, old_open, new_answered, old_answered}));
  auto page = uow->Casework().ListAppraisalsForAgency(Agency::kHousing, 2, 1);
  ASSERT_EQ(page.size(), 1u);
  EXPECT_EQ(page[0].id, new_answered);
  EXPECT_TRUE(uow->Casework().ListAppraisalsForAgency(Agency::kParenting, 0, 10).empty());
}

TEST_F(CaseworkStoreTest, ServicesRoundTripInNameOrder) {
  RecordId housing = 0, debt = 0;
  {
    auto uow = db().BeginWrite();
    housing = uow->Casework().InsertService({0, "Tenancy Support", "housing"});
    debt = uow->Casework().InsertService({0, "Citizens Advice debt clinic", ""});
    uow->Commit();
  }
  auto uow = db().BeginRead();
  auto list = uow->Casework().ListServices();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, debt);
  EXPECT_EQ(list[1].id, housing);
  auto found = uow->Casework().FindService(housing);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->name, "Tenancy Support");
  EXPECT_EQ(found->kind, "housing");
  EXPECT_FALSE(uow->Casework().FindService(housing + debt + 1));
}

TEST_F(CaseworkStoreTest, ServiceFoundByNameWhateverItsCaseAndKeyIsUnique) {
  RecordId housing = 0;
  {
    auto uow = db().BeginWrite();
    housing = uow->Casework().InsertService({0, "Tenancy Support", "housing"});
    uow->Commit();
  }
  {
    auto uow = db().BeginRead();
    auto found = uow->Casework().FindServiceByName(" tenancy  SUPPORT");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, housing);
    EXPECT_FALSE(uow->Casework().FindServiceByName("Tenancy Support West"));
  }
  // The unique index is the last line of defence if a caller skips the check.
  auto uow = db().BeginWrite();
  EXPECT_ANY_THROW(uow->Casework().InsertService({0, "TENANCY SUPPORT", ""}));
}

TEST_F(CaseworkStoreTest, ContactsRoundTripWithTheChildrenSeen) {
  const RecordId worker = AddUser("w", Role::kInterventionWorker);
  {
    auto uow = db().BeginWrite();
    Contact later{0, episode_, D("2025-04-20"), ContactKind::kPhone, worker, {}, "Mum", "Call about school"};
    Contact visit{0, episode_, D("2025-04-14"), ContactKind::kHomeVisit, worker, {sibling_, child_}, "Mum", "Visit"};
    uow->Casework().InsertContact(later);
    uow->Casework().InsertContact(visit);
    uow->Commit();
  }
  auto uow = db().BeginRead();
  auto list = uow->Casework().ListContacts(episode_);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].on, D("2025-04-14"));
  EXPECT_EQ(list[0].episode_id, episode_);
  EXPECT_EQ(list[0].kind, ContactKind::kHomeVisit);
  EXPECT_EQ(list[0].worker_id, worker);
  EXPECT_EQ(list[0].children_seen, (std::vector<RecordId>{child_, sibling_}));
  EXPECT_EQ(list[0].seen, "Mum");
  EXPECT_EQ(list[0].note, "Visit");
  EXPECT_EQ(list[1].kind, ContactKind::kPhone);
  EXPECT_TRUE(list[1].children_seen.empty());
}

TEST_F(CaseworkStoreTest, TafMeetingsRoundTripWithTheirAgencies) {
  {
    auto uow = db().BeginWrite();
    TafMeeting m;
    m.episode_id = episode_;
    m.on = D("2025-05-01");
    m.attendees = "Mum, school, health visitor";
    m.agencies = {Agency::kEducation, Agency::kHealth};
    m.lead_professional = "School family liaison";
    m.decisions = "Morning routine chart";
    m.next_meeting_on = D("2025-06-12");
    uow->Casework().InsertTafMeeting(m);
    TafMeeting first;
    first.episode_id = episode_;
    first.on = D("2025-04-01");
    uow->Casework().InsertTafMeeting(first);
    uow->Commit();
  }
  auto uow = db().BeginRead();
  auto list = uow->Casework().ListTafMeetings(episode_);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].on, D("2025-04-01"));
  EXPECT_TRUE(list[0].agencies.empty());
  EXPECT_FALSE(list[0].next_meeting_on);
  const auto& m = list[1];
  EXPECT_EQ(m.attendees, "Mum, school, health visitor");
  EXPECT_EQ(m.agencies.size(), 2u);
  EXPECT_NE(std::find(m.agencies.begin(), m.agencies.end(), Agency::kEducation), m.agencies.end());
  EXPECT_NE(std::find(m.agencies.begin(), m.agencies.end(), Agency::kHealth), m.agencies.end());
  EXPECT_EQ(m.lead_professional, "School family liaison");
  EXPECT_EQ(m.decisions, "Morning routine chart");
  EXPECT_EQ(m.next_meeting_on, D("2025-06-12"));
}

TEST_F(CaseworkStoreTest, ReviewsRoundTripInDateOrder) {
  {
    auto uow = db().BeginWrite();
    uow->Casework().InsertReview({0, episode_, D("2025-06-20"), "Close at next review"});
    uow->Casework().InsertReview({0, episode_, D("2025-05-19"), "Keep the routine chart"});
    uow->Commit();
  }
  auto uow = db().BeginRead();
  auto list = uow->Casework().ListReviews(episode_);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].on, D("2025-05-19"));
  EXPECT_EQ(list[0].next_steps, "Keep the routine chart");
  EXPECT_EQ(list[0].episode_id, episode_);
  EXPECT_EQ(list[1].on, D("2025-06-20"));
}

TEST_F(CaseworkStoreTest, StatutoryInvolvementRoundTripsForTheFamilyOrAChild) {
  {
    auto uow = db().BeginWrite();
    uow->Casework().InsertStatutory(
        {0, family_, child_, StatutoryKind::kChildProtection, D("2025-08-01"), D("2025-12-01")});
    uow->Casework().InsertStatutory({0, family_, 0, StatutoryKind::kChildInNeed, D("2025-07-01"), std::nullopt});
    uow->Commit();
  }
  auto uow = db().BeginRead();
  auto list = uow->Casework().ListStatutory(family_);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].person_id, 0);
  EXPECT_EQ(list[0].kind, StatutoryKind::kChildInNeed);
  EXPECT_EQ(list[0].started_on, D("2025-07-01"));
  EXPECT_FALSE(list[0].ended_on);
  EXPECT_EQ(list[1].family_id, family_);
  EXPECT_EQ(list[1].person_id, child_);
  EXPECT_EQ(list[1].kind, StatutoryKind::kChildProtection);
  EXPECT_EQ(list[1].ended_on, D("2025-12-01"));
  EXPECT_TRUE(uow->Casework().ListStatutory(family_ + 1000).empty());
}

}  // namespace
}  // namespace hearth
