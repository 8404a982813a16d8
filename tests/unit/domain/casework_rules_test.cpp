#include "domain/casework_rules.hpp"

#include <gtest/gtest.h>

namespace hearth {
namespace {

Date D(const char* text) { return *Date::Parse(text); }

Input Fields(std::initializer_list<std::pair<const char*, const char*>> values) {
  Input in;
  for (const auto& [k, v] : values) in.Add(k, v);
  return in;
}

bool HasField(const Error& error, const std::string& field, const std::string& key) {
  for (const auto& f : error.fields)
    if (f.field == field && f.message_key == key) return true;
  return false;
}

const Date kToday = D("2026-03-01");

TEST(CaseworkRules, AssessmentKeepsNeedsByOutcomeAreaAndChildViews) {
  auto a = AssessmentFromInput(Fields({{"need.housing", "Overcrowded flat"},
                                       {"need.education", " "},
                                       {"strengths", "Close to grandmother"},
                                       {"child_view.42", "I want my own room"}}));
  ASSERT_TRUE(a);
  ASSERT_EQ(a->needs.size(), 1u);
  EXPECT_EQ(a->needs.at(OutcomeArea::kHousing), "Overcrowded flat");
  ASSERT_EQ(a->child_views.size(), 1u);
  EXPECT_EQ(a->child_views[0].person_id, 42);
  auto unknown = AssessmentFromInput(Fields({{"need.weather", "x"}}));
  ASSERT_FALSE(unknown);
  EXPECT_TRUE(HasField(unknown.error(), "need.weather", "error.choice_invalid"));
  auto bad_child = AssessmentFromInput(Fields({{"child_view.abc", "x"}}));
  ASSERT_FALSE(bad_child);
}

TEST(CaseworkRules, AppraisalRequestNeedsKindQuestionAndADueDateAfterTheRequest) {
  auto ok = AppraisalRequestFromInput(
      Fields({{"kind", "housing"}, {"question", "Is the tenancy at risk?"}, {"due_on", "2026-03-15"}}), kToday);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->kind, Agency::kHousing);
  EXPECT_EQ(ok->requested_on, kToday);
  auto bad = AppraisalRequestFromInput(
      Fields({{"kind", "police"}, {"due_on", "2026-02-01"}, {"requested_on", "2026-02-10"}}), kToday);
  ASSERT_FALSE(bad);
  EXPECT_TRUE(HasField(bad.error(), "kind", "error.choice_invalid"));
  EXPECT_TRUE(HasField(bad.error(), "question", "error.required"));
  EXPECT_TRUE(HasField(bad.error(), "due_on", "error.due_before_requested"));
}

TEST(CaseworkRules, ActionOwnerIsAServiceOrTheFamily) {
  auto family = ActionFromInput(Fields({{"description", "Attend parenting group"}, {"service_id", "family"}}));
  ASSERT_TRUE(family);
  EXPECT_EQ(family->service_id, 0);
  EXPECT_EQ(family->status, ActionStatus::kNotStarted);
  auto service = ActionFromInput(Fields({{"description", "Debt advice"}, {"service_id", "7"}, {"status", "in_progress"}}));
  ASSERT_TRUE(service);
  EXPECT_EQ(service->service_id, 7);
  EXPECT_EQ(service->status, ActionStatus::kInProgress);
  EXPECT_FALSE(ActionFromInput(Fields({{"description", "x"}, {"service_id", "-3"}})));
  EXPECT_FALSE(ActionFromInput(Fields({{"description", "x"}, {"status", "done"}})));
}

TEST(CaseworkRules, ContactDateNotInTheFutureAndChildrenByValidId) {
  Input in = Fields({{"on", "2026-02-20"}, {"kind", "home_visit"}, {"note", "Saw everyone"}});
  in.Add("children_seen", "4");
  in.Add("children_seen", "5");
  auto ok = ContactFromInput(in, kToday);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->children_seen, (std::vector<RecordId>{4, 5}));
  auto future = ContactFromInput(Fields({{"on", "2026-03-02"}, {"kind", "phone"}}), kToday);
  ASSERT_FALSE(future);
  EXPECT_EQ(future.error().fields[0].field, "on");
  Input bad_child = Fields({{"on", "2026-02-20"}, {"kind", "phone"}});
  bad_child.Add("children_seen", "x");
  EXPECT_FALSE(ContactFromInput(bad_child, kToday));
}

TEST(CaseworkRules, TafNextMeetingMustFollowTheMeeting) {
  auto bad = TafMeetingFromInput(Fields({{"on", "2026-02-20"},
                                         {"attendees", "Mum, school nurse"},
                                         {"lead_practitioner_id", "7"},
                                         {"next_meeting_on", "2026-02-20"}}),
                                 kToday);
  ASSERT_FALSE(bad);
  EXPECT_TRUE(HasField(bad.error(), "next_meeting_on", "error.next_meeting_not_after"));
}

TEST(CaseworkRules, TafLeadProfessionalIsChosenFromTheDirectory) {
  auto missing = TafMeetingFromInput(Fields({{"on", "2026-02-20"}, {"attendees", "Mum, school nurse"}}), kToday);
  ASSERT_FALSE(missing);
  EXPECT_TRUE(HasField(missing.error(), "lead_practitioner_id", "error.choose"));
  auto typed = TafMeetingFromInput(
      Fields({{"on", "2026-02-20"}, {"attendees", "Mum"}, {"lead_practitioner_id", "Ms Jones"}}), kToday);
  ASSERT_FALSE(typed);
  EXPECT_EQ(typed.error().fields[0].field, "lead_practitioner_id");
  auto chosen = TafMeetingFromInput(
      Fields({{"on", "2026-02-20"}, {"attendees", "Mum"}, {"lead_practitioner_id", "7"}}), kToday);
  ASSERT_TRUE(chosen);
  EXPECT_EQ(chosen->lead_practitioner_id, 7);
  EXPECT_TRUE(chosen->lead_professional.empty());
}

TEST(CaseworkRules, StatutoryEndNotBeforeStart) {
  auto bad = StatutoryFromInput(
      Fields({{"kind", "child_protection"}, {"started_on", "2026-02-10"}, {"ended_on", "2026-02-01"}}), kToday);
  ASSERT_FALSE(bad);
  EXPECT_TRUE(HasField(bad.error(), "ended_on", "error.ended_before_started"));
  auto ok = StatutoryFromInput(Fields({{"kind", "looked_after"}, {"started_on", "2026-02-10"}}), kToday);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->kind, StatutoryKind::kLookedAfter);
  EXPECT_FALSE(ok->ended_on);
}

}  // namespace
}  // namespace hearth
