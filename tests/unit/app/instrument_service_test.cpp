#include "app/instrument_service.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "unit/support/temp_database.hpp"

namespace hearth {
namespace {

using testing::PrincipalFor;

class InstrumentServiceTest : public ::testing::Test {
 protected:
  InstrumentServiceTest()
      : registry_(LoadInstruments(std::filesystem::path(HEARTH_SOURCE_ROOT) / "config/instruments")),
        service_(temp_.db(), nullptr, registry_) {
    family_ = testing::InsertFamily(temp_.db(), "CF37 1DL");
    child_ = testing::InsertPerson(temp_.db(), family_, "Olivia", "Hughes", "2012-03-04", MemberRole::kChild);
    parent_ = testing::InsertPerson(temp_.db(), family_, "Sian", "Hughes", "1988-05-06", MemberRole::kParent);
    episode_ = testing::InsertEpisode(temp_.db(), family_, testing::InsertReferral(temp_.db(), family_, true));
    officer_ = Who("officer", Role::kEaOfficer);
    aide_ = Who("aide", Role::kFamilyAide);
    stranger_ = Who("stranger", Role::kEaOfficer);
    testing::AssignToCaseload(temp_.db(), episode_, officer_.user_id, Role::kEaOfficer);
    testing::AssignToCaseload(temp_.db(), episode_, aide_.user_id, Role::kFamilyAide);
  }

  Principal Who(const std::string& name, Role role) {
    return PrincipalFor(testing::InsertUser(temp_.db(), name, role), name, role);
  }

  AssessmentStart Start(const char* instrument = "resilience", InstrumentStage stage = InstrumentStage::kInitial) {
    return AssessmentStart{instrument, stage, *Date::Parse("2025-03-12"), std::nullopt};
  }

  // Every item of the current resilience definition answered `value`.
  Answers AllAnswered(const char* instrument, int value) {
    Answers answers;
    for (const Item& item : registry_.Current(instrument)->items) answers[item.id] = std::to_string(value);
    return answers;
  }

  static ResultKey KeyOf(const AssessmentView& view) { return ResultKey{view.result.instrument, view.result.id}; }

  std::vector<std::string> AuditTrail() {
    auto uow = temp_.db().BeginRead();
    std::vector<std::string> out;
    for (const AuditEvent& e : uow->Audit().ListForFamily(family_, 0, 100))
      if (e.record_type == "assessment" || e.outcome != "ok")
        out.push_back(e.action + " " + e.record_type + " " + e.outcome);
    // Rows of one second are not ordered between the change and access trails: compare them as a set.
    std::sort(out.begin(), out.end());
    return out;
  }

  testing::TempDatabase temp_;
  InstrumentRegistry registry_;
  InstrumentService service_;
  RecordId family_ = 0, child_ = 0, parent_ = 0, episode_ = 0;
  Principal officer_, aide_, stranger_;
};

TEST_F(InstrumentServiceTest, DraftIsSavedIncompleteThenFinalisedWithItsTotals) {
  auto draft = service_.StartDraft(officer_, episode_, Start());
  ASSERT_TRUE(draft);
  EXPECT_EQ(draft->result.status, ResultStatus::kDraft);
  EXPECT_EQ(draft->result.instrument_version, 1);

  Answers answers = AllAnswered("resilience", 3);
  answers.erase("vulnerability_care");
  auto saved = service_.SaveDraft(officer_, KeyOf(*draft), answers, draft->result.version);
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->result.domain_totals,
            (std::map<std::string, int>{{"adversity", 15}, {"environment", 15}, {"resilience", 15}}));
  EXPECT_FALSE(saved->scores.combined.has_value());

  auto refused = service_.Finalise(officer_, KeyOf(*draft), saved->result.version);
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "vulnerability_care");
  EXPECT_EQ(refused.error().fields[0].message_key, "error.instrument.missing");

  answers["vulnerability_care"] = "6";
  saved = service_.SaveDraft(officer_, KeyOf(*draft), answers, saved->result.version);
  ASSERT_TRUE(saved);
  auto final = service_.Finalise(officer_, KeyOf(*draft), saved->result.version);
  ASSERT_TRUE(final);
  EXPECT_EQ(final->result.status, ResultStatus::kFinal);

  auto viewed = service_.View(officer_, KeyOf(*draft));
  ASSERT_TRUE(viewed);
  EXPECT_EQ(viewed->result.status, ResultStatus::kFinal);
  EXPECT_EQ(viewed->result.domain_totals.at("vulnerability"), 18);
  EXPECT_EQ(viewed->scores.combined, 63);
  EXPECT_EQ(viewed->scores.combined_band->id, "some_concern");
  EXPECT_EQ(AuditTrail(),
            (std::vector<std::string>{"create assessment ok", "finalise assessment ok", "update assessment ok",
                                      "update assessment ok", "view assessment ok"}));
}

TEST_F(InstrumentServiceTest, EachBadAnswerIsReportedOnItsItem) {
  auto draft = service_.StartDraft(officer_, episode_, Start());
  ASSERT_TRUE(draft);
  auto refused = service_.SaveDraft(officer_, KeyOf(*draft),
                                    {{"environment_home", "7"}, {"environment_money", "x"}, {"shoe_size", "9"}},
                                    draft->result.version);
  ASSERT_FALSE(refused);
  std::vector<std::string> fields;
  for (const FieldError& f : refused.error().fields) fields.push_back(f.field + " " + f.message_key);
  EXPECT_EQ(fields, (std::vector<std::string>{"environment_home error.instrument.out_of_scale",
                                              "environment_money error.instrument.not_a_number",
                                              "shoe_size error.instrument.unknown_item"}));
}

TEST_F(InstrumentServiceTest, AFinalResultIsNeverEditedOnlySupersededWithAReason) {
  auto draft = service_.StartDraft(officer_, episode_, Start());
  ASSERT_TRUE(draft);
  auto saved = service_.SaveDraft(officer_, KeyOf(*draft), AllAnswered("resilience", 2), 1);
  ASSERT_TRUE(saved);
  auto final = service_.Finalise(officer_, KeyOf(*draft), saved->result.version);
  ASSERT_TRUE(final);
  const int final_version = final->result.version;

  auto edit = service_.SaveDraft(officer_, KeyOf(*draft), AllAnswered("resilience", 3), final_version);
  ASSERT_FALSE(edit);
  EXPECT_EQ(edit.error().code, ErrorCode::kConflict);
  EXPECT_EQ(service_.Finalise(officer_, KeyOf(*draft), final_version).error().code, ErrorCode::kConflict);

  auto no_reason = service_.Supersede(officer_, KeyOf(*draft), AllAnswered("resilience", 3), "  ", final_version);
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().fields.at(0).field, "reason");

  auto successor = service_.Supersede(officer_, KeyOf(*draft), AllAnswered("resilience", 3),
                                      "Scores entered against the wrong family member", final_version);
  ASSERT_TRUE(successor);
  EXPECT_EQ(successor->result.status, ResultStatus::kFinal);
  EXPECT_EQ(successor->result.domain_totals.at("environment"), 15);
  EXPECT_NE(successor->result.id, draft->result.id);

  auto old = service_.View(officer_, KeyOf(*draft));
  ASSERT_TRUE(old);
  EXPECT_EQ(old->result.status, ResultStatus::kSuperseded);
  EXPECT_EQ(old->result.superseded_by, successor->result.id);
  EXPECT_EQ(old->result.supersede_reason, "Scores entered against the wrong family member");
  EXPECT_EQ(old->result.domain_totals.at("environment"), 10);  // the old result's own answers stay as they were

  auto again = service_.Supersede(officer_, KeyOf(*draft), AllAnswered("resilience", 4), "again", old->result.version);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST_F(InstrumentServiceTest, AStaleSaveIsRefused) {
  auto draft = service_.StartDraft(officer_, episode_, Start());
  ASSERT_TRUE(draft);
  ASSERT_TRUE(service_.SaveDraft(officer_, KeyOf(*draft), {{"environment_home", "1"}}, 1));
  auto stale = service_.SaveDraft(officer_, KeyOf(*draft), {{"environment_home", "2"}}, 1);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kStaleVersion);
}

TEST_F(InstrumentServiceTest, OnlyTheRolesTheDefinitionNamesMayCompleteIt) {
  // The family aide works on the episode, but resilience.v1.toml does not name family aides.
  auto refused = service_.StartDraft(aide_, episode_, Start());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);

  auto draft = service_.StartDraft(officer_, episode_, Start());
  ASSERT_TRUE(draft);
  auto save = service_.SaveDraft(aide_, KeyOf(*draft), {{"environment_home", "1"}}, 1);
  ASSERT_FALSE(save);
  EXPECT_EQ(save.error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(service_.View(aide_, KeyOf(*draft)));  // seeing it is the episode's rule, not the form's
  EXPECT_EQ(AuditTrail(), (std::vector<std::string>{"create assessment ok", "create episode denied",
                                                    "update assessment denied", "view assessment ok"}));
}

TEST_F(InstrumentServiceTest, AnInvisibleResultLooksMissing) {
  auto draft = service_.StartDraft(officer_, episode_, Start());
  ASSERT_TRUE(draft);
  EXPECT_EQ(service_.View(stranger_, KeyOf(*draft)).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_.View(stranger_, ResultKey{"resilience", draft->result.id + 100}).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(service_.SaveDraft(stranger_, KeyOf(*draft), {}, 1).error().code, ErrorCode::kNotFound);
}

TEST_F(InstrumentServiceTest, TheYoungPersonsFormIsAboutAChildOfTheFamily) {
  AssessmentStart start = Start("young_person_resilience");
  EXPECT_EQ(service_.StartDraft(officer_, episode_, start).error().fields.at(0).field, "person_id");
  start.person_id = parent_;
  EXPECT_EQ(service_.StartDraft(officer_, episode_, start).error().fields.at(0).field, "person_id");
  start.person_id = child_;
  auto draft = service_.StartDraft(officer_, episode_, start);
  ASSERT_TRUE(draft);
  EXPECT_EQ(draft->result.person_id, child_);
  EXPECT_EQ(draft->definition->id, "young_person_resilience");

  AssessmentStart family = Start();
  family.person_id = child_;
  EXPECT_EQ(service_.StartDraft(officer_, episode_, family).error().fields.at(0).field, "person_id");
}

TEST_F(InstrumentServiceTest, RefusesAnUnknownFormAStageItIsNotTakenAtAndADateBeforeTheEpisode) {
  EXPECT_EQ(service_.StartDraft(officer_, episode_, Start("shoe_survey")).error().fields.at(0).field, "instrument");
  EXPECT_EQ(
      service_.StartDraft(officer_, episode_, Start("resilience", InstrumentStage::kAny)).error().fields.at(0).field,
      "stage");
  AssessmentStart early = Start();
  early.assessed_on = *Date::Parse("2025-03-09");
  EXPECT_EQ(service_.StartDraft(officer_, episode_, early).error().fields.at(0).field, "assessed_on");
  EXPECT_TRUE(service_.StartDraft(officer_, episode_, Start("resilience", InstrumentStage::kEvaluation)));
}

}  // namespace
}  // namespace hearth
