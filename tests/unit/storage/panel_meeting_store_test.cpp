// The allocation panel's meetings and the practitioner directory in SQLite: round trips, stale saves refused
// unchanged, the lists in the order the pages show them.
#include <gtest/gtest.h>

#include "unit/storage/journey_fixture.hpp"

namespace hearth {
namespace {

using testing::D;

class PanelMeetingStoreTest : public testing::JourneyFixture {
 protected:
  RecordId AddMeeting(const char* on, const std::string& chair = "") {
    PanelMeeting m;
    m.on = D(on);
    m.chair = chair;
    auto uow = db().BeginWrite();
    const RecordId id = uow->PanelMeetings().Insert(m, 0);
    uow->Commit();
    return id;
  }
  std::vector<Date> Dates(const std::vector<PanelMeeting>& meetings) {
    std::vector<Date> out;
    for (const auto& m : meetings) out.push_back(m.on);
    return out;
  }
};

TEST_F(PanelMeetingStoreTest, RoundTripsAndRefusesAStaleUpdateUnchanged) {
  const RecordId id = AddMeeting("2026-11-18", "Sam Price");
  auto uow = db().BeginWrite();
  auto stored = uow->PanelMeetings().FindById(id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->on, D("2026-11-18"));
  EXPECT_EQ(stored->chair, "Sam Price");
  EXPECT_EQ(stored->version, 1);
  PanelMeeting changed = *stored;
  changed.notes = "Apologies: housing";
  EXPECT_TRUE(uow->PanelMeetings().Update(changed));  // version 1 → 2
  changed.notes = "Overwritten from a stale copy";
  EXPECT_FALSE(uow->PanelMeetings().Update(changed));  // still says version 1
  auto now = uow->PanelMeetings().FindById(id);
  EXPECT_EQ(now->notes, "Apologies: housing");
  EXPECT_EQ(now->version, 2);
}

TEST_F(PanelMeetingStoreTest, ListsComingMeetingsSoonestFirstAndHeldOnesLatestFirstByPage) {
  for (const char* on : {"2026-11-04", "2026-11-25", "2026-11-11", "2026-11-18", "2026-12-02"}) AddMeeting(on);
  auto uow = db().BeginRead();
  auto& meetings = uow->PanelMeetings();
  EXPECT_EQ(Dates(meetings.ListFrom(D("2026-11-18"), 10)),
            (std::vector<Date>{D("2026-11-18"), D("2026-11-25"), D("2026-12-02")}));
  EXPECT_EQ(Dates(meetings.ListBefore(D("2026-11-18"), 0, 1)), (std::vector<Date>{D("2026-11-11")}));
  EXPECT_EQ(Dates(meetings.ListBefore(D("2026-11-18"), 1, 1)), (std::vector<Date>{D("2026-11-04")}));
  EXPECT_EQ(meetings.CountBefore(D("2026-11-18")), 2);
}

TEST_F(PanelMeetingStoreTest, DecisionsAreListedByTheMeetingThatTookThem) {
  const RecordId meeting = AddMeeting("2026-11-18");
  const RecordId other = AddMeeting("2026-11-25");
  const RecordId episode = AddEpisode("2026-10-01");
  auto uow = db().BeginWrite();
  PanelDecision d;
  d.episode_id = episode;
  d.on = D("2026-11-18");
  d.outcome = PanelOutcome::kSendBack;
  d.reasons = "Add a housing objective";
  d.meeting_id = meeting;
  uow->Casework().InsertPanelDecision(d);
  PanelDecision before_meetings = d;  // a decision recorded before meetings existed names none
  before_meetings.meeting_id = 0;
  uow->Casework().InsertPanelDecision(before_meetings);
  uow->Commit();
  auto read = db().BeginRead();
  auto at_meeting = read->PanelMeetings().ListDecisions(meeting);
  ASSERT_EQ(at_meeting.size(), 1u);
  EXPECT_EQ(at_meeting[0].episode_id, episode);
  EXPECT_EQ(at_meeting[0].reasons, "Add a housing objective");
  EXPECT_TRUE(read->PanelMeetings().ListDecisions(other).empty());
  auto on_episode = read->Casework().ListPanelDecisions(episode);
  ASSERT_EQ(on_episode.size(), 2u);
  EXPECT_EQ(on_episode[0].meeting_id, meeting);
  EXPECT_EQ(on_episode[1].meeting_id, 0);
}

class PractitionerStoreTest : public testing::JourneyFixture {
 protected:
  RecordId Add(const std::string& name, const std::string& kind = "health") {
    Practitioner p;
    p.name = name;
    p.organisation_kind = kind;
    auto uow = db().BeginWrite();
    const RecordId id = uow->Practitioners().Insert(p);
    uow->Commit();
    return id;
  }
};

TEST_F(PractitionerStoreTest, ListsByNameWhateverTheCaseAPageAtATime) {
  Add("Zara Khan");
  Add("de Souza, Ana");
  Add("Bethan Rees");
  auto uow = db().BeginRead();
  auto all = uow->Practitioners().List(0, -1);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].name, "Bethan Rees");
  EXPECT_EQ(all[1].name, "de Souza, Ana");
  EXPECT_EQ(all[2].name, "Zara Khan");
  auto second = uow->Practitioners().List(1, 1);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].name, "de Souza, Ana");
  EXPECT_EQ(uow->Practitioners().Count(), 3);
}

TEST_F(PractitionerStoreTest, RefusesAStaleUpdateUnchanged) {
  const RecordId id = Add("Bethan Rees");
  auto uow = db().BeginWrite();
  auto p = *uow->Practitioners().FindById(id);
  p.role_title = "School nurse";
  p.email = "bethan.rees@example.org";
  EXPECT_TRUE(uow->Practitioners().Update(p));
  p.role_title = "Health visitor";
  EXPECT_FALSE(uow->Practitioners().Update(p));
  auto now = *uow->Practitioners().FindById(id);
  EXPECT_EQ(now.role_title, "School nurse");
  EXPECT_EQ(now.email, "bethan.rees@example.org");
  EXPECT_EQ(now.version, 2);
}

TEST_F(PractitionerStoreTest, TheEpisodeKeepsItsLeadProfessionalWithoutChangingItsVersion) {
  const RecordId lead = Add("Bethan Rees");
  const RecordId episode = AddEpisode("2026-10-01");
  const int version = Find(episode).version;
  auto uow = db().BeginWrite();
  uow->Episodes().SetLeadPractitioner(episode, lead);
  uow->Commit();
  EXPECT_EQ(Find(episode).lead_practitioner_id, lead);
  EXPECT_EQ(Find(episode).version, version);
}

}  // namespace
}  // namespace hearth
