#include "domain/panel_meeting.hpp"

#include <gtest/gtest.h>

#include "unit/support/inputs.hpp"

namespace hearth {
namespace {

using testing::MakeInput;

Date D(const char* text) { return *Date::Parse(text); }

bool HasField(const Error& error, const std::string& field, const std::string& key) {
  for (const auto& f : error.fields)
    if (f.field == field && f.message_key == key) return true;
  return false;
}

TEST(PanelMeetingRules, NeedsARealDate) {
  auto missing = PanelMeetingFromInput(MakeInput({{"chair", "Sam Price"}}));
  ASSERT_FALSE(missing);
  EXPECT_TRUE(HasField(missing.error(), "on", "error.required"));
  auto garbled = PanelMeetingFromInput(MakeInput({{"on", "2026-02-30"}}));
  ASSERT_FALSE(garbled);
  EXPECT_TRUE(HasField(garbled.error(), "on", "error.date_invalid"));
}

TEST(PanelMeetingRules, AcceptsAMeetingArrangedAheadWithOptionalChairAndNotes) {
  auto m = PanelMeetingFromInput(
      MakeInput({{"on", "2100-01-05"}, {"chair", "  Sam Price "}, {"notes", "Apologies: housing"}}));
  ASSERT_TRUE(m);
  EXPECT_EQ(m->on, D("2100-01-05"));
  EXPECT_EQ(m->chair, "Sam Price");
  EXPECT_EQ(m->notes, "Apologies: housing");
  auto bare = PanelMeetingFromInput(MakeInput({{"on", "2026-11-18"}}));
  ASSERT_TRUE(bare);
  EXPECT_TRUE(bare->chair.empty());
}

TEST(PanelMeetingRules, RefusesAChairNameOverOneHundredCharacters) {
  auto m = PanelMeetingFromInput(MakeInput({{"on", "2026-11-18"}, {"chair", std::string(101, 'a')}}));
  ASSERT_FALSE(m);
  EXPECT_TRUE(HasField(m.error(), "chair", "error.too_long"));
}

TEST(PanelMeetingRules, DecisionsWaitForTheDayOfTheMeeting) {
  PanelMeeting m;
  m.on = D("2026-11-18");
  EXPECT_FALSE(MeetingCanDecide(m, D("2026-11-17")));
  EXPECT_TRUE(MeetingCanDecide(m, D("2026-11-18")));
  EXPECT_TRUE(MeetingCanDecide(m, D("2026-12-01")));
}

}  // namespace
}  // namespace hearth
