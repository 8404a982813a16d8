// The family plan in SQLite: its own fields and child views, objectives with their actions, stale saves refused.
#include <gtest/gtest.h>

#include "unit/storage/journey_fixture.hpp"

namespace hearth {
namespace {

using testing::D;

class PlanStoreTest : public testing::JourneyFixture {
 protected:
  void SetUp() override {
    episode_ = AddEpisode("2025-03-10");
    child_ = testing::InsertPerson(db(), Find(episode_).family_id, "Alfie", "Hughes", "2017-01-09");
    auto uow = db().BeginWrite();
    service_ = uow->Casework().InsertService({0, "Tenancy Support", "housing"});
    uow->Commit();
  }
  FamilyPlan Plan(int version) {
    FamilyPlan p;
    p.episode_id = episode_;
    p.family_words = "We want calmer mornings";
    p.child_views = {{child_, "I want to walk to school"}};
    p.agreed_on = D("2025-04-01");
    p.version = version;
    return p;
  }
  bool Save(const FamilyPlan& p) {
    auto uow = db().BeginWrite();
    const bool saved = uow->Casework().SavePlan(p);
    uow->Commit();
    return saved;
  }
  std::optional<FamilyPlan> Stored() {
    auto uow = db().BeginRead();
    return uow->Casework().FindPlan(episode_);
  }
  RecordId AddObjective(const std::string& outcome) {
    auto uow = db().BeginWrite();
    const RecordId id = uow->Casework().InsertObjective(
        {0, episode_, outcome, "Attendance over 90%", "Mum and school", D("2025-06-30"), {}});
    uow->Commit();
    return id;
  }
  RecordId AddAction(RecordId objective_id, const std::string& description, RecordId service_id) {
    auto uow = db().BeginWrite();
    PlanAction a;
    a.episode_id = episode_;
    a.objective_id = objective_id;
    a.description = description;
    a.service_id = service_id;
    a.due_on = D("2025-05-01");
    const RecordId id = uow->Casework().InsertAction(a);
    uow->Commit();
    return id;
  }
  PlanAction StoredAction(RecordId id) {
    auto uow = db().BeginRead();
    return *uow->Casework().FindAction(id);
  }

  RecordId episode_ = 0, child_ = 0, service_ = 0;
};

TEST_F(PlanStoreTest, NoPlanUntilSomethingIsSaved) { EXPECT_FALSE(Stored()); }

TEST_F(PlanStoreTest, ThePlanRoundTripsWithObjectivesAndTheirActions) {
  ASSERT_TRUE(Save(Plan(0)));
  const RecordId school = AddObjective("Alfie at school every day");
  const RecordId home = AddObjective("A home without damp");
  const RecordId chart = AddAction(school, "Morning routine chart", 0);
  const RecordId repair = AddAction(home, "Landlord repairs", service_);
  const RecordId alarm = AddAction(school, "Alarm clock", 0);
  auto plan = Stored();
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->episode_id, episode_);
  EXPECT_EQ(plan->version, 1);
  EXPECT_EQ(plan->family_words, "We want calmer mornings");
  EXPECT_EQ(plan->agreed_on, D("2025-04-01"));
  ASSERT_EQ(plan->child_views.size(), 1u);
  EXPECT_EQ(plan->child_views[0].person_id, child_);
  EXPECT_EQ(plan->child_views[0].views, "I want to walk to school");
  ASSERT_EQ(plan->objectives.size(), 2u);
  const Objective& first = plan->objectives[0];
  EXPECT_EQ(first.id, school);
  EXPECT_EQ(first.episode_id, episode_);
  EXPECT_EQ(first.outcome, "Alfie at school every day");
  EXPECT_EQ(first.measure, "Attendance over 90%");
  EXPECT_EQ(first.who, "Mum and school");
  EXPECT_EQ(first.target_on, D("2025-06-30"));
  ASSERT_EQ(first.actions.size(), 2u);
  EXPECT_EQ(first.actions[0].id, chart);
  EXPECT_EQ(first.actions[1].id, alarm);
  ASSERT_EQ(plan->objectives[1].actions.size(), 1u);
  const PlanAction& a = plan->objectives[1].actions[0];
  EXPECT_EQ(a.id, repair);
  EXPECT_EQ(a.objective_id, home);
  EXPECT_EQ(a.episode_id, episode_);
  EXPECT_EQ(a.description, "Landlord repairs");
  EXPECT_EQ(a.service_id, service_);
  EXPECT_EQ(a.due_on, D("2025-05-01"));
  EXPECT_EQ(a.status, ActionStatus::kNotStarted);
  EXPECT_EQ(a.version, 1);
}

TEST_F(PlanStoreTest, ObjectivesBeforeTheFirstSaveMakeAPlanAtVersionZero) {
  AddObjective("Alfie at school every day");
  auto plan = Stored();
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->version, 0);
  EXPECT_EQ(plan->objectives.size(), 1u);
  EXPECT_TRUE(Save(Plan(0)));
  EXPECT_EQ(Stored()->version, 1);
}

TEST_F(PlanStoreTest, SavingFromTheCurrentVersionUpdatesTheOwnFields) {
  ASSERT_TRUE(Save(Plan(0)));
  FamilyPlan next = Plan(1);
  next.family_words = "Mornings are better";
  next.agreed_on.reset();
  next.child_views.clear();
  ASSERT_TRUE(Save(next));
  auto plan = Stored();
  EXPECT_EQ(plan->version, 2);
  EXPECT_EQ(plan->family_words, "Mornings are better");
  EXPECT_FALSE(plan->agreed_on);
  EXPECT_TRUE(plan->child_views.empty());
}

TEST_F(PlanStoreTest, AStalePlanSaveIsRefusedAndChangesNothing) {
  ASSERT_TRUE(Save(Plan(0)));
  ASSERT_TRUE(Save(Plan(1)));
  FamilyPlan stale = Plan(1);
  stale.family_words = "stale";
  stale.child_views.clear();
  EXPECT_FALSE(Save(stale));
  FamilyPlan second_first = Plan(0);
  second_first.family_words = "also stale";
  EXPECT_FALSE(Save(second_first));
  auto plan = Stored();
  EXPECT_EQ(plan->version, 2);
  EXPECT_EQ(plan->family_words, "We want calmer mornings");
  EXPECT_EQ(plan->child_views.size(), 1u);
}

TEST_F(PlanStoreTest, AnActionUpdatesFromItsCurrentVersionOnly) {
  const RecordId objective = AddObjective("Alfie at school every day");
  const RecordId id = AddAction(objective, "Morning routine chart", 0);
  PlanAction mine = StoredAction(id), theirs = StoredAction(id);
  theirs.status = ActionStatus::kCompleted;
  theirs.service_id = service_;
  theirs.due_on.reset();
  theirs.description = "Routine chart on the fridge";
  {
    auto uow = db().BeginWrite();
    ASSERT_TRUE(uow->Casework().UpdateAction(theirs));
    uow->Commit();
  }
  mine.status = ActionStatus::kNoLongerRequired;
  {
    auto uow = db().BeginWrite();
    EXPECT_FALSE(uow->Casework().UpdateAction(mine));
    uow->Commit();
  }
  const PlanAction stored = StoredAction(id);
  EXPECT_EQ(stored.version, 2);
  EXPECT_EQ(stored.status, ActionStatus::kCompleted);
  EXPECT_EQ(stored.service_id, service_);
  EXPECT_FALSE(stored.due_on);
  EXPECT_EQ(stored.description, "Routine chart on the fridge");
  EXPECT_EQ(stored.objective_id, objective);
  auto uow = db().BeginRead();
  EXPECT_FALSE(uow->Casework().FindAction(id + 1));
}

}  // namespace
}  // namespace hearth
