// The forms of issue 4 beyond the Resilience Assessment, through InstrumentService: the ACE checklist, the feedback
// forms, management oversight and quality audits, each kept in its own table.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "app/instrument_service.hpp"
#include "unit/support/temp_database.hpp"

namespace hearth {
namespace {

using testing::PrincipalFor;

class InstrumentFormsTest : public ::testing::Test {
 protected:
  InstrumentFormsTest()
      : registry_(LoadInstruments(std::filesystem::path(HEARTH_SOURCE_ROOT) / "config/instruments")),
        service_(temp_.db(), nullptr, registry_) {
    family_ = testing::InsertFamily(temp_.db(), "CF37 1DL");
    child_ = testing::InsertPerson(temp_.db(), family_, "Olivia", "Hughes", "2012-03-04", MemberRole::kChild);
    referral_ = testing::InsertReferral(temp_.db(), family_, true, {Agency::kHealth});
    {
      auto uow = temp_.db().BeginWrite();
      team_ = uow->Users().InsertTeam("Families Team West");
      uow->Commit();
    }
    worker_ = Who("worker", Role::kInterventionWorker, team_);
    manager_ = Who("manager", Role::kManager, team_);
    auditor_ = Who("auditor", Role::kAuditor);
    partner_ = PrincipalFor(testing::InsertUser(temp_.db(), "nurse", Role::kPartner, Agency::kHealth), "nurse",
                            Role::kPartner, Agency::kHealth);
    {
      auto uow = temp_.db().BeginWrite();
      Episode e;
      e.family_id = family_;
      e.referral_id = referral_;
      e.opened_on = *Date::Parse("2025-03-10");
      e.worker_id = worker_.user_id;
      e.team_id = team_;
      episode_ = uow->Referrals().InsertEpisode(e);
      uow->Commit();
    }
    testing::AssignToCaseload(temp_.db(), episode_, worker_.user_id, Role::kInterventionWorker);
  }

  Principal Who(const std::string& name, Role role, RecordId team = 0) {
    RecordId id = 0;
    {
      auto uow = temp_.db().BeginWrite();
      User u;
      u.username = name;
      u.role = role;
      u.team_id = team;
      u.password_hash = "not-a-real-hash";
      u.created_at = "2026-01-01T00:00:00Z";
      id = uow->Users().Insert(u);
      uow->Commit();
    }
    Principal p = PrincipalFor(id, name, role);
    p.team_id = team;
    return p;
  }

  AssessmentStart Start(const char* instrument, std::optional<RecordId> person = std::nullopt,
                        InstrumentStage stage = InstrumentStage::kAny) {
    return AssessmentStart{instrument, stage, *Date::Parse("2025-03-12"), person};
  }

  static ResultKey KeyOf(const AssessmentView& view) { return ResultKey{view.result.instrument, view.result.id}; }

  // Saves `answers` on a new draft and finalises it.
  AssessmentView Completed(const Principal& who, const AssessmentStart& start, const Answers& answers) {
    auto draft = service_.StartDraft(who, episode_, start);
    EXPECT_TRUE(draft);
    auto saved = service_.SaveDraft(who, KeyOf(*draft), answers, draft->result.version);
    EXPECT_TRUE(saved);
    auto final = service_.Finalise(who, KeyOf(*draft), saved->result.version);
    EXPECT_TRUE(final) << (final ? "" : final.error().internal);
    return *final;
  }

  std::string Sql(const std::string& sql) {
    testing::RawSqlite raw(temp_.path());
    return raw.Scalar(sql);
  }

  std::vector<std::string> AuditTrail() {
    auto uow = temp_.db().BeginRead();
    std::vector<std::string> out;
    for (const AuditEvent& e : uow->Audit().ListForFamily(family_, 0, 100))
      if (e.record_type != "episode" || e.outcome != "ok")
        out.push_back(e.action + " " + e.record_type + " " + e.outcome);
    std::sort(out.begin(), out.end());
    return out;
  }

  Answers NoAces() {
    Answers answers;
    for (const Question& q : registry_.Current("ace_checklist")->questions)
      if (q.only_if.empty()) answers[q.id] = "no";
    return answers;
  }

  Answers Audit(const char* grade) {
    Answers answers{{"audited_on", "2025-05-01"}};
    for (const Question& q : registry_.Current("quality_audit")->questions) {
      if (q.kind == QuestionKind::kChoice) answers[q.id] = grade;
      if (q.kind == QuestionKind::kText) answers[q.id] = "Reasons given";
    }
    return answers;
  }

  testing::TempDatabase temp_;
  InstrumentRegistry registry_;
  InstrumentService service_;
  RecordId family_ = 0, child_ = 0, referral_ = 0, team_ = 0, episode_ = 0;
  Principal worker_, manager_, auditor_, partner_;
};

TEST_F(InstrumentFormsTest, AnAceChecklistWritesOneAceRowPerApplyingAceWithItsStatus) {
  auto draft = service_.StartDraft(worker_, episode_, Start("ace_checklist", child_));
  ASSERT_TRUE(draft);
  Answers answers = NoAces();
  answers["domestic_violence"] = "yes";
  auto saved = service_.SaveDraft(worker_, KeyOf(*draft), answers, 1);
  ASSERT_TRUE(saved);
  EXPECT_EQ(Sql("SELECT ace || ' ' || identified_on || ' ' || status FROM aces"),
            "domestic_violence 2025-03-12 draft");  // a draft's ACE without its date yet has the checklist's

  auto incomplete = service_.Finalise(worker_, KeyOf(*draft), saved->result.version);
  ASSERT_FALSE(incomplete);
  EXPECT_EQ(incomplete.error().fields.at(0).field, "domestic_violence_identified_on");

  answers["domestic_violence_identified_on"] = "2025-03-11";
  saved = service_.SaveDraft(worker_, KeyOf(*draft), answers, saved->result.version);
  ASSERT_TRUE(saved);
  auto final = service_.Finalise(worker_, KeyOf(*draft), saved->result.version);
  ASSERT_TRUE(final);
  EXPECT_EQ(Sql("SELECT ace || ' ' || identified_on || ' ' || status || ' ' || COALESCE(improved, '-') FROM aces"),
            "domestic_violence 2025-03-11 final -");

  // At closure: whether it improved, recorded by superseding the final checklist.
  answers["domestic_violence_improved"] = "yes";
  auto closing =
      service_.Supersede(worker_, KeyOf(*draft), answers, "Closure: improvement recorded", final->result.version);
  ASSERT_TRUE(closing);
  EXPECT_EQ(Sql("SELECT group_concat(status || ' ' || COALESCE(improved, '-'), ', ') FROM "
                "(SELECT * FROM aces ORDER BY id)"),
            "superseded -, final 1");
  EXPECT_EQ(AuditTrail(), (std::vector<std::string>{"create ace ok", "create ace ok", "finalise ace ok",
                                                    "supersede ace ok", "update ace ok", "update ace ok"}));
}

TEST_F(InstrumentFormsTest, AnAceChecklistIsAboutAChildOfTheFamily) {
  EXPECT_EQ(service_.StartDraft(worker_, episode_, Start("ace_checklist")).error().fields.at(0).field, "person_id");
  EXPECT_EQ(service_.StartDraft(worker_, episode_, Start("ace_checklist", child_, InstrumentStage::kInitial))
                .error()
                .fields.at(0)
                .field,
            "stage");
  const auto no_aces = Completed(worker_, Start("ace_checklist", child_), NoAces());
  EXPECT_EQ(no_aces.result.status, ResultStatus::kFinal);
  EXPECT_EQ(Sql("SELECT COUNT(*) FROM aces"), "0");
  EXPECT_EQ(Sql("SELECT COUNT(*) FROM ace_checklists WHERE status = 'final'"), "1");
}

TEST_F(InstrumentFormsTest, ServiceUserFeedbackKeepsItsSatisfactionForTheReport) {
  EXPECT_EQ(service_.StartDraft(worker_, episode_, Start("service_user_feedback")).error().fields.at(0).field,
            "stage");  // taken before closure only
  Completed(worker_, Start("service_user_feedback", std::nullopt, InstrumentStage::kEvaluation),
            {{"satisfaction", "very_happy"}, {"comments", "Thank you"}});
  EXPECT_EQ(Sql("SELECT form || ' ' || satisfaction || ' ' || status || ' ' || answers FROM feedback"),
            "service_user very_happy final {\"comments\":\"Thank you\",\"satisfaction\":\"very_happy\"}");

  auto bad = service_.StartDraft(worker_, episode_, Start("relationship_feedback"));
  ASSERT_TRUE(bad);
  auto refused = service_.SaveDraft(worker_, KeyOf(*bad), {{"listened_to", "9"}, {"respected", "x"}}, 1);
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 2u);
  EXPECT_EQ(refused.error().fields[0].field, "listened_to");
  EXPECT_EQ(refused.error().fields[1].field, "respected");
  // The two feedback forms share a table; an id of one is not a result of the other.
  EXPECT_EQ(service_.View(worker_, ResultKey{"service_user_feedback", bad->result.id}).error().code,
            ErrorCode::kNotFound);
}

TEST_F(InstrumentFormsTest, OversightIsAManagersAndNamesAMemberOfStaff) {
  EXPECT_EQ(service_.StartDraft(worker_, episode_, Start("management_oversight")).error().code, ErrorCode::kForbidden);
  auto draft = service_.StartDraft(manager_, episode_, Start("management_oversight"));
  ASSERT_TRUE(draft);
  auto unknown = service_.SaveDraft(manager_, KeyOf(*draft), {{"worker", "9999"}}, 1);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().fields.at(0).field, "worker");
  EXPECT_EQ(unknown.error().fields.at(0).message_key, "error.instrument.unknown_worker");

  Answers answers{{"oversight_on", "2025-04-02"},
                  {"worker", std::to_string(worker_.user_id)},
                  {"considered_plan_effectiveness", "yes"},
                  {"decisions", "Continue the plan"},
                  {"actions", "Review in four weeks"}};
  auto saved = service_.SaveDraft(manager_, KeyOf(*draft), answers, 1);
  ASSERT_TRUE(saved);
  ASSERT_TRUE(service_.Finalise(manager_, KeyOf(*draft), saved->result.version));
  EXPECT_EQ(Sql("SELECT recorded_on || ' ' || manager_id || ' ' || worker_id || ' ' || "
                "considered_plan_effectiveness || ' ' || decisions || ' ' || status FROM oversight_records"),
            "2025-04-02 " + std::to_string(manager_.user_id) + " " + std::to_string(worker_.user_id) +
                " 1 Continue the plan final");
}

TEST_F(InstrumentFormsTest, AFinalAuditGoesToTheWorkerAndTheirManagerWhoEachAcknowledgeIt) {
  EXPECT_EQ(service_.StartDraft(manager_, episode_, Start("quality_audit")).error().code, ErrorCode::kForbidden);
  const auto audit = Completed(auditor_, Start("quality_audit"), Audit("good"));
  EXPECT_EQ(audit.result.sent_to_worker, worker_.user_id);
  EXPECT_EQ(audit.result.sent_to_manager, manager_.user_id);
  EXPECT_EQ(Sql("SELECT audited_on || ' ' || grade || ' ' || shared_with_worker FROM quality_audits"),
            "2025-05-01 good 1");

  ASSERT_EQ(service_.AuditsToAcknowledge(worker_)->size(), 1u);
  ASSERT_EQ(service_.AuditsToAcknowledge(manager_)->size(), 1u);
  EXPECT_EQ(service_.AcknowledgeAudit(auditor_, audit.result.id, audit.result.version).error().code,
            ErrorCode::kForbidden);
  auto by_worker = service_.AcknowledgeAudit(worker_, audit.result.id, audit.result.version);
  ASSERT_TRUE(by_worker);
  EXPECT_EQ(by_worker->result.worker_acknowledged_on, Date::TodayUtc());
  EXPECT_FALSE(by_worker->result.manager_acknowledged_on.has_value());
  EXPECT_TRUE(service_.AuditsToAcknowledge(worker_)->empty());
  EXPECT_EQ(service_.AcknowledgeAudit(manager_, audit.result.id, audit.result.version).error().code,
            ErrorCode::kStaleVersion);
  ASSERT_TRUE(service_.AcknowledgeAudit(manager_, audit.result.id, by_worker->result.version));
  EXPECT_TRUE(service_.AuditsToAcknowledge(manager_)->empty());
  EXPECT_EQ(Sql("SELECT worker_acknowledged_on IS NOT NULL AND manager_acknowledged_on IS NOT NULL "
                "FROM quality_audits"),
            "1");
}

TEST_F(InstrumentFormsTest, PartnersSeeFinalResultsOfFamiliesSharedWithThemButNoDrafts) {
  const auto final =
      Completed(worker_, Start("relationship_feedback"), {{"listened_to", "5"}, {"respected", "4"}, {"helpful", "4"}});
  auto draft = service_.StartDraft(worker_, episode_, Start("relationship_feedback"));
  ASSERT_TRUE(draft);
  EXPECT_TRUE(service_.View(partner_, KeyOf(final)));
  EXPECT_EQ(service_.View(partner_, KeyOf(*draft)).error().code, ErrorCode::kNotFound);
  auto listed = service_.ListForEpisode(partner_, episode_);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().result.id, final.result.id);
  EXPECT_EQ(service_.ListForEpisode(worker_, episode_)->size(), 2u);
  EXPECT_EQ(service_.SaveDraft(partner_, KeyOf(*draft), {}, 1).error().code, ErrorCode::kNotFound);
}

TEST_F(InstrumentFormsTest, OnlyFormsWithATableAndTheCallersRoleAreOffered) {
  std::vector<std::string> ids;
  for (const Instrument* form : service_.FormsFor(manager_)) ids.push_back(form->id);
  EXPECT_EQ(ids, (std::vector<std::string>{"management_oversight", "service_user_feedback"}));
}

}  // namespace
}  // namespace hearth
