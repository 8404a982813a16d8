// The allocation panel's meetings as use cases: who may arrange and change them, the version check, and the
// panel's decisions recorded within a meeting that has happened (JourneyService::PanelDecide).
#include "app/panel_service.hpp"

#include <gtest/gtest.h>

#include "app/journey_service.hpp"
#include "unit/storage/journey_fixture.hpp"

namespace hearth {
namespace {

using testing::MakeInput;
using testing::PrincipalFor;

bool HasField(const Error& error, const std::string& field, const std::string& key) {
  for (const auto& f : error.fields)
    if (f.field == field && f.message_key == key) return true;
  return false;
}

class PanelServiceTest : public testing::JourneyFixture {
 protected:
  void SetUp() override {
    manager_ = PrincipalFor(AddUser("mary", Role::kManager), "mary", Role::kManager);
    worker_ = PrincipalFor(AddUser("wyn", Role::kInterventionWorker), "wyn", Role::kInterventionWorker);
    ea_officer_ = AddUser("ella", Role::kEaOfficer);
    br_officer_ = AddUser("ben", Role::kBrOfficer);
  }

  RecordId Arrange(const Date& on, const std::string& chair = "") {
    auto id = panel_.CreateMeeting(manager_, MakeInput({{"on", on.ToString()}, {"chair", chair}}));
    EXPECT_TRUE(id);
    return id ? *id : 0;
  }

  // An episode whose plan was completed `days_ago`, waiting for the panel.
  RecordId WaitingForPanel(int days_ago) {
    const Date plan = today_.AddDays(-days_ago);
    const RecordId id = AddEpisode(plan.AddDays(-30).ToString().c_str());
    Episode e = Find(id);
    e.stage = EpisodeStage::kPanel;
    e.ea_officer_id = ea_officer_;
    e.br_officer_id = br_officer_;
    e.allocated_assessment_on = plan.AddDays(-29);
    e.assessment_completed_on = plan.AddDays(-20);
    e.brokerage_started_on = plan.AddDays(-19);
    e.plan_completed_on = plan;
    auto uow = db().BeginWrite();
    EXPECT_TRUE(uow->Episodes().Update(e));
    uow->Commit();
    return id;
  }

  int AuditRows(const std::string& record_type, const std::string& action) {
    auto uow = db().BeginRead();
    int n = 0;
    for (const auto& e : uow->Audit().ListRecent(0, 1000))
      n += e.record_type == record_type && e.action == action && e.outcome == "ok";
    return n;
  }

  const Date today_ = Date::TodayUtc();
  PanelService panel_{db()};
  JourneyService journey_{db()};
  Principal manager_;
  Principal worker_;
  RecordId ea_officer_ = 0;
  RecordId br_officer_ = 0;
};

TEST_F(PanelServiceTest, ArrangesAMeetingAndAuditsIt) {
  const RecordId id = Arrange(today_.AddDays(3), "Sam Price");
  auto meeting = panel_.GetMeeting(manager_, id);
  ASSERT_TRUE(meeting);
  EXPECT_EQ(meeting->on, today_.AddDays(3));
  EXPECT_EQ(meeting->chair, "Sam Price");
  EXPECT_EQ(AuditRows("panel_meeting", "create"), 1);
}

TEST_F(PanelServiceTest, OnlyThoseWhoRunThePanelMayArrangeOrSeeMeetings) {
  auto refused = panel_.CreateMeeting(worker_, MakeInput({{"on", today_.ToString()}}));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  EXPECT_FALSE(panel_.Meetings(worker_, 1));
  const RecordId id = Arrange(today_);
  auto view = panel_.ViewMeeting(worker_, id);
  ASSERT_FALSE(view);
  EXPECT_EQ(view.error().code, ErrorCode::kForbidden);
}

TEST_F(PanelServiceTest, ListsComingMeetingsAndThoseHeld) {
  Arrange(today_.AddDays(-14));
  Arrange(today_.AddDays(-7));
  Arrange(today_);
  Arrange(today_.AddDays(7));
  auto list = panel_.Meetings(manager_, 1);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->upcoming.size(), 1u);
  EXPECT_EQ(list->upcoming[0].on, today_.AddDays(7));
  ASSERT_EQ(list->recent.size(), 3u);  // today's meeting is held: decisions can be recorded within it
  EXPECT_EQ(list->recent[0].on, today_);
  EXPECT_EQ(list->recent[2].on, today_.AddDays(-14));
  EXPECT_EQ(list->recent_total, 3);
}

TEST_F(PanelServiceTest, AStaleChangeIsRefusedAndChangesNothing) {
  const RecordId id = Arrange(today_.AddDays(7), "Sam Price");
  auto changed =
      panel_.UpdateMeeting(manager_, id, MakeInput({{"on", today_.AddDays(8).ToString()}, {"chair", "Jo"}}), 1);
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->version, 2);
  auto stale = panel_.UpdateMeeting(manager_, id, MakeInput({{"on", today_.AddDays(9).ToString()}}), 1);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kStaleVersion);
  auto stored = panel_.GetMeeting(manager_, id);
  EXPECT_EQ(stored->on, today_.AddDays(8));
  EXPECT_EQ(stored->chair, "Jo");
}

TEST_F(PanelServiceTest, ADecisionNeedsAMeetingThatHasHappened) {
  const RecordId episode = WaitingForPanel(10);
  const int version = Find(episode).version;
  auto none =
      journey_.PanelDecide(manager_, episode, MakeInput({{"outcome", "send_back"}, {"reasons", "More"}}), version);
  ASSERT_FALSE(none);
  EXPECT_TRUE(HasField(none.error(), "meeting_id", "error.choose"));
  const RecordId coming = Arrange(today_.AddDays(2));
  auto early = journey_.PanelDecide(
      manager_, episode,
      MakeInput({{"outcome", "send_back"}, {"reasons", "More"}, {"meeting_id", std::to_string(coming)}}), version);
  ASSERT_FALSE(early);
  EXPECT_TRUE(HasField(early.error(), "meeting_id", "error.panel_meeting_not_held"));
  auto unknown = journey_.PanelDecide(
      manager_, episode, MakeInput({{"outcome", "send_back"}, {"reasons", "More"}, {"meeting_id", "999"}}), version);
  ASSERT_FALSE(unknown);
  EXPECT_TRUE(HasField(unknown.error(), "meeting_id", "error.choice_invalid"));
  EXPECT_EQ(Find(episode).stage, EpisodeStage::kPanel);
  EXPECT_EQ(Find(episode).version, version);
}

TEST_F(PanelServiceTest, TheDecisionIsDatedByItsMeetingAndListedThere) {
  const RecordId episode = WaitingForPanel(10);
  const RecordId other = WaitingForPanel(9);
  const RecordId held = Arrange(today_.AddDays(-3));
  auto mismatch = journey_.PanelDecide(manager_, episode,
                                       MakeInput({{"outcome", "send_back"},
                                                  {"reasons", "Add a housing objective"},
                                                  {"meeting_id", std::to_string(held)},
                                                  {"panel_on", today_.AddDays(-2).ToString()}}),
                                       Find(episode).version);
  ASSERT_FALSE(mismatch);
  EXPECT_TRUE(HasField(mismatch.error(), "panel_on", "error.panel_on_not_meeting_date"));

  auto decided = journey_.PanelDecide(
      manager_, episode,
      MakeInput(
          {{"outcome", "send_back"}, {"reasons", "Add a housing objective"}, {"meeting_id", std::to_string(held)}}),
      Find(episode).version);
  ASSERT_TRUE(decided) << decided.error().internal << " " << decided.error().message_key << " "
                       << (decided.error().fields.empty()
                               ? ""
                               : decided.error().fields[0].field + "=" + decided.error().fields[0].message_key);
  EXPECT_EQ(decided->stage, EpisodeStage::kBrokerage);
  auto file = panel_.ViewMeeting(manager_, held);
  ASSERT_TRUE(file);
  EXPECT_TRUE(file->can_decide);
  ASSERT_EQ(file->decisions.size(), 1u);
  EXPECT_EQ(file->decisions[0].episode_id, episode);
  EXPECT_EQ(file->decisions[0].on, today_.AddDays(-3));
  ASSERT_EQ(file->waiting.size(), 1u);  // the family sent back no longer waits; the other still does
  EXPECT_EQ(file->waiting[0].id, other);
  EXPECT_EQ(AuditRows("panel_meeting", "view"), 1);
}

TEST_F(PanelServiceTest, AMeetingWithDecisionsKeepsItsDate) {
  const RecordId episode = WaitingForPanel(10);
  const RecordId held = Arrange(today_.AddDays(-3));
  ASSERT_TRUE(journey_.PanelDecide(
      manager_, episode,
      MakeInput({{"outcome", "send_back"}, {"reasons", "More"}, {"meeting_id", std::to_string(held)}}),
      Find(episode).version));
  auto moved = panel_.UpdateMeeting(manager_, held, MakeInput({{"on", today_.AddDays(-4).ToString()}}), 1);
  ASSERT_FALSE(moved);
  EXPECT_TRUE(HasField(moved.error(), "on", "error.panel_meeting_has_decisions"));
  auto notes =
      panel_.UpdateMeeting(manager_, held, MakeInput({{"on", today_.AddDays(-3).ToString()}, {"notes", "Quorate"}}), 1);
  ASSERT_TRUE(notes);
  EXPECT_EQ(notes->notes, "Quorate");
}

}  // namespace
}  // namespace hearth
