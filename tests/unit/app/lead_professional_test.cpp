// The practitioner directory and the lead professional: a TAF meeting chooses one from the directory, the episode
// keeps the latest meeting's choice, and the family page's overdue marks count the TAF interval as the work list does.
#include <gtest/gtest.h>

#include "app/casework_service.hpp"
#include "app/family_service.hpp"
#include "app/practitioner_service.hpp"
#include "app/timescale_config.hpp"
#include "app/work_list.hpp"
#include "unit/storage/journey_fixture.hpp"

namespace hearth {
namespace {

using testing::MakeInput;
using testing::PrincipalFor;

class LeadProfessionalTest : public testing::JourneyFixture {
 protected:
  void SetUp() override {
    manager_ = PrincipalFor(AddUser("mary", Role::kManager), "mary", Role::kManager);
    social_worker_ = PrincipalFor(AddUser("sol", Role::kSocialWorker), "sol", Role::kSocialWorker);
    worker_ = PrincipalFor(AddUser("wyn", Role::kInterventionWorker), "wyn", Role::kInterventionWorker);
    episode_ = InIntervention(30);
  }

  // An episode whose intervention started `days_ago`.
  RecordId InIntervention(int days_ago) {
    const Date start = today_.AddDays(-days_ago);
    const RecordId id = AddEpisode(start.AddDays(-40).ToString().c_str());
    Episode e = Find(id);
    e.stage = EpisodeStage::kIntervention;
    e.ea_officer_id = AddUser("ella" + std::to_string(id), Role::kEaOfficer);
    e.br_officer_id = AddUser("ben" + std::to_string(id), Role::kBrOfficer);
    e.team_id = AddTeam("Families Team " + std::to_string(id));
    e.worker_id = worker_.user_id;
    e.allocated_assessment_on = start.AddDays(-39);
    e.assessment_completed_on = start.AddDays(-30);
    e.brokerage_started_on = start.AddDays(-29);
    e.plan_completed_on = start.AddDays(-20);
    e.panel_on = start.AddDays(-1);
    e.intervention_started_on = start;
    auto uow = db().BeginWrite();
    EXPECT_TRUE(uow->Episodes().Update(e));
    uow->Commit();
    return id;
  }

  RecordId AddPractitioner(const std::string& name) {
    auto id = practitioners_.Add(manager_, MakeInput({{"name", name}, {"organisation_kind", "education"}}));
    EXPECT_TRUE(id);
    return id ? *id : 0;
  }

  Result<RecordId> Taf(RecordId lead, const Date& on, std::optional<Date> next = std::nullopt) {
    Input in = MakeInput(
        {{"on", on.ToString()}, {"attendees", "Mum, school"}, {"lead_practitioner_id", std::to_string(lead)}});
    if (next) in.Add("next_meeting_on", next->ToString());
    return casework_.AddTafMeeting(social_worker_, episode_, in);
  }

  const Date today_ = Date::TodayUtc();
  PractitionerService practitioners_{db()};
  CaseworkService casework_{db()};
  Principal manager_;
  Principal social_worker_;
  Principal worker_;
  RecordId episode_ = 0;
};

TEST_F(LeadProfessionalTest, OnlyDirectoryManagersChangeTheDirectoryButCaseworkersReadIt) {
  auto refused = practitioners_.Add(worker_, MakeInput({{"name", "Bethan Rees"}, {"organisation_kind", "health"}}));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  AddPractitioner("Bethan Rees");
  auto choices = practitioners_.Choices(worker_);
  ASSERT_TRUE(choices);
  ASSERT_EQ(choices->size(), 1u);
  EXPECT_EQ((*choices)[0].name, "Bethan Rees");
  EXPECT_FALSE(practitioners_.List(worker_, 1));
}

TEST_F(LeadProfessionalTest, AStaleChangeIsRefusedAndChangesNothing) {
  const RecordId id = AddPractitioner("Bethan Rees");
  auto changed = practitioners_.Update(
      manager_, id, MakeInput({{"name", "Bethan Rees"}, {"organisation_kind", "health"}, {"role_title", "Nurse"}}), 1);
  ASSERT_TRUE(changed);
  auto stale = practitioners_.Update(manager_, id, MakeInput({{"name", "B Rees"}, {"organisation_kind", "health"}}), 1);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kStaleVersion);
  auto stored = practitioners_.Get(manager_, id);
  EXPECT_EQ(stored->name, "Bethan Rees");
  EXPECT_EQ(stored->organisation_kind, "health");
  EXPECT_EQ(stored->role_title, "Nurse");
}

TEST_F(LeadProfessionalTest, ATafMeetingMustChooseSomeoneInTheDirectory) {
  auto unknown = Taf(999, today_.AddDays(-5));
  ASSERT_FALSE(unknown);
  ASSERT_EQ(unknown.error().fields.size(), 1u);
  EXPECT_EQ(unknown.error().fields[0].field, "lead_practitioner_id");
  EXPECT_EQ(Find(episode_).lead_practitioner_id, 0);
}

TEST_F(LeadProfessionalTest, TheEpisodeKeepsTheLatestMeetingsLeadProfessional) {
  const RecordId bethan = AddPractitioner("Bethan Rees");
  const RecordId cerys = AddPractitioner("Cerys Lloyd");
  const int version = Find(episode_).version;
  ASSERT_TRUE(Taf(bethan, today_.AddDays(-20)));
  EXPECT_EQ(Find(episode_).lead_practitioner_id, bethan);
  ASSERT_TRUE(Taf(cerys, today_.AddDays(-25)));  // recorded late, held earlier: not the current choice
  EXPECT_EQ(Find(episode_).lead_practitioner_id, bethan);
  ASSERT_TRUE(Taf(cerys, today_.AddDays(-10)));
  EXPECT_EQ(Find(episode_).lead_practitioner_id, cerys);
  EXPECT_EQ(Find(episode_).version, version) << "a TAF meeting does not make open step forms stale";

  auto file = casework_.View(manager_, episode_);
  ASSERT_TRUE(file);
  EXPECT_EQ(file->episode.lead_practitioner_id, cerys);
  EXPECT_EQ(file->practitioners.size(), 2u);
  EXPECT_EQ(file->practitioners.at(cerys).name, "Cerys Lloyd");
}

TEST_F(LeadProfessionalTest, TheFamilyPageCountsTheTafIntervalAsTheWorkListDoes) {
  const RecordId bethan = AddPractitioner("Bethan Rees");
  // The meeting set its next date two days ago; nothing else on the episode is due yet.
  ASSERT_TRUE(Taf(bethan, today_.AddDays(-28), today_.AddDays(-2)));
  FamilyService families(db());
  const RecordId family = Find(episode_).family_id;
  auto view = families.View(manager_, family);
  ASSERT_TRUE(view);
  ASSERT_TRUE(view->due_facts.contains(episode_));
  const DueFacts& facts = view->due_facts.at(episode_);
  EXPECT_EQ(facts.last_taf_on, today_.AddDays(-28));
  EXPECT_EQ(facts.next_taf_on, today_.AddDays(-2));

  WorkListService work(db(), nullptr, LoadTimescaleConfig(std::string(HEARTH_SOURCE_ROOT) + "/config/timescales.toml"));
  std::vector<std::string> overdue;
  for (const auto& d : work.DueFor(Find(episode_), facts, today_))
    if (d.status == DueStatus::kOverdue) overdue.push_back(d.what);
  EXPECT_EQ(overdue, std::vector<std::string>{"taf_meeting"});
}

}  // namespace
}  // namespace hearth
