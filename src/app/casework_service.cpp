#include "app/casework_service.hpp"

#include <algorithm>

#include "app/episode_access.hpp"
#include "domain/casework_rules.hpp"
#include "domain/field_rules.hpp"
#include "domain/journey.hpp"
#include "domain/service_directory.hpp"

namespace hearth {
namespace {

std::optional<Error> RequireStage(const Episode& e, std::initializer_list<EpisodeStage> stages) {
  if (e.IsOpen())
    for (EpisodeStage s : stages)
      if (e.stage == s) return std::nullopt;
  return StageOrderError(e.stage);
}

// Records dated before the episode opened break INTERCHANGE.md's rules.
std::optional<Error> NotBefore(const Date& on, const std::optional<Date>& earliest, const std::string& field) {
  if (earliest && on < *earliest) return Error::Validation({{field, "error.date_before_episode"}});
  return std::nullopt;
}

// Every child id must be a member of the family.
std::optional<Error> ChildrenOfFamily(UnitOfWork& uow, RecordId family_id, const std::vector<RecordId>& ids,
                                      const std::string& field) {
  if (ids.empty()) return std::nullopt;
  auto members = uow.People().ListForFamily(family_id);
  for (RecordId id : ids) {
    bool found = false;
    for (const auto& m : members) found = found || (m.id == id && m.role == MemberRole::kChild);
    if (!found) return Error::Validation({{field, "error.not_a_child_of_family"}});
  }
  return std::nullopt;
}

std::vector<RecordId> ViewIds(const std::vector<ChildView>& views) {
  std::vector<RecordId> ids;
  for (const auto& v : views) ids.push_back(v.person_id);
  return ids;
}

// Adds one record to an episode the caller may act on, in one write transaction: the access checks (a refusal is
// audited), the stage (`stages` empty: any open stage), then `insert(uow, episode)` — which may still refuse — and
// an audit row naming what was created.
template <class Insert>
Result<RecordId> CreateOnEpisode(Database& db, AuditSink* sink, const Principal& who, RecordId episode_id,
                                 std::initializer_list<EpisodeStage> stages, std::string_view record_type,
                                 Insert&& insert) {
  return WithRefusalAudit(db, sink, who, [&](std::optional<Refusal>& refusal) -> Result<RecordId> {
    auto uow = db.BeginWrite();
    auto episode = LoadEpisode(*uow, who, episode_id, EpisodeNeed::kAct, "create", refusal);
    if (!episode) return episode.error();
    if (!episode->IsOpen()) return StageOrderError(episode->stage);
    if (stages.size() > 0)
      if (auto e = RequireStage(*episode, stages)) return *e;
    Result<RecordId> created = insert(*uow, *episode);
    if (!created) return created;
    Audit(*uow, who, "create", {record_type, *created, episode->family_id});
    uow->Commit();
    return created;
  });
}

// The practitioners named as lead professional on the episode and at its TAF meetings, each once.
std::vector<RecordId> LeadPractitionerIds(const Episode& episode, const std::vector<TafMeeting>& meetings) {
  std::vector<RecordId> ids;
  auto add = [&](RecordId id) {
    if (id != 0 && std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  };
  add(episode.lead_practitioner_id);
  for (const auto& m : meetings) add(m.lead_practitioner_id);
  return ids;
}

bool PartnerMayAnswer(UnitOfWork& uow, const Principal& who, const Appraisal& a) {
  return who.Can(Capability::kAnswerAppraisals) && who.agency == a.kind &&
         uow.Families().IsVisible(a.family_id, who.Visibility());
}

}  // namespace

Result<EpisodeFile> CaseworkService::View(const Principal& who, RecordId id) {
  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<EpisodeFile> {
    EpisodeFile file;
    {
      auto uow = db_.BeginRead();
      auto episode = LoadEpisode(*uow, who, id, EpisodeNeed::kView, "view", refusal);
      if (!episode) return episode.error();
      file.episode = *episode;
      if (auto referral = uow->Referrals().FindById(episode->referral_id)) file.referral_received_on = referral->received_on;
      if (auto family = uow->Families().FindById(episode->family_id)) file.family = *family;
      file.members = uow->People().ListForFamily(episode->family_id);
      file.assignments = uow->Episodes().ListAssignments(id);
      file.worker_changes = uow->Episodes().ListWorkerChanges(id);
      auto& cw = uow->Casework();
      file.assessment = cw.FindAssessment(id);
      file.appraisals = cw.ListAppraisals(id);
      file.plan = cw.FindPlan(id);
      file.panel_decisions = cw.ListPanelDecisions(id);
      file.contacts = cw.ListContacts(id);
      file.taf_meetings = cw.ListTafMeetings(id);
      file.reviews = cw.ListReviews(id);
      file.statutory = cw.ListStatutory(episode->family_id);
      file.services = cw.ListServices();
      for (RecordId pid : LeadPractitionerIds(file.episode, file.taf_meetings))
        if (auto p = uow->Practitioners().FindById(pid)) file.practitioners.emplace(pid, *p);
      file.may_act = MayAct(*uow, who, *episode) && episode->IsOpen();
      file.may_allocate = who.Can(Capability::kAllocateCases) && episode->IsOpen();
    }
    // Partners see the appraisals sent to their agency, not the rest of the casework.
    if (who.role == Role::kPartner) {
      std::erase_if(file.appraisals, [&](const Appraisal& a) { return a.kind != who.agency; });
      file.assessment.reset();
      file.contacts.clear();
      file.taf_meetings.clear();
      file.practitioners.clear();
      file.reviews.clear();
      file.statutory.clear();
    }
    AuditSeparately(db_, sink_, who, "view", {"episode", id, file.episode.family_id}, "ok");
    return file;
  });
}

Result<FamilyAssessment> CaseworkService::SaveAssessment(const Principal& who, RecordId id, const Input& in,
                                                         int version) {
  auto parsed = AssessmentFromInput(in);
  if (!parsed) return parsed.error();
  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<FamilyAssessment> {
    auto uow = db_.BeginWrite();
    auto episode = LoadEpisode(*uow, who, id, EpisodeNeed::kAct, "update", refusal);
    if (!episode) return episode.error();
    if (auto e = RequireStage(*episode, {EpisodeStage::kAssessment})) return *e;
    if (auto e = ChildrenOfFamily(*uow, episode->family_id, ViewIds(parsed->child_views), "child_view")) return *e;
    parsed->episode_id = id;
    parsed->version = version;
    if (!uow->Casework().SaveAssessment(*parsed)) return Error::Stale("assessment");
    Audit(*uow, who, "update", {"assessment", id, episode->family_id});
    uow->Commit();
    ++parsed->version;
    return *parsed;
  });
}

Result<RecordId> CaseworkService::RequestAppraisal(const Principal& who, RecordId id, const Input& in) {
  auto parsed = AppraisalRequestFromInput(in, Date::TodayUtc());
  if (!parsed) return parsed.error();
  return CreateOnEpisode(db_, sink_, who, id, {EpisodeStage::kBrokerage}, "appraisal",
                         [&](UnitOfWork& uow, const Episode& episode) -> Result<RecordId> {
                           if (auto e = NotBefore(parsed->requested_on, episode.opened_on, "requested_on")) return *e;
                           parsed->episode_id = id;
                           parsed->family_id = episode.family_id;
                           parsed->requested_by = who.user_id;
                           return uow.Casework().InsertAppraisal(*parsed);
                         });
}

Result<Appraisal> CaseworkService::AnswerAppraisal(const Principal& who, RecordId appraisal_id, const Input& in,
                                                   int version) {
  auto answer = AppraisalAnswerFromInput(in, Date::TodayUtc());
  if (!answer) return answer.error();
  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<Appraisal> {
    auto uow = db_.BeginWrite();
    auto appraisal = uow->Casework().FindAppraisal(appraisal_id);
    const RecordId family_id = appraisal ? appraisal->family_id : 0;
    if (!appraisal || !uow->Families().IsVisible(family_id, who.Visibility()) ||
        (who.role == Role::kPartner && who.agency != appraisal->kind)) {
      refusal = Refusal{"update", {"appraisal", appraisal_id, family_id}, "not_found"};
      return Error::NotFound("appraisal");
    }
    if (!PartnerMayAnswer(*uow, who, *appraisal)) {
      std::optional<Refusal> ignored;
      auto episode = LoadEpisode(*uow, who, appraisal->episode_id, EpisodeNeed::kAct, "update", ignored);
      if (!episode) {
        refusal = Refusal{"update", {"appraisal", appraisal_id, family_id}, "denied"};
        return Error::Forbidden("answer appraisal");
      }
    }
    if (appraisal->version != version) return Error::Stale("appraisal");
    if (auto e = NotBefore(*answer->completed_on, appraisal->requested_on, "completed_on")) return *e;
    appraisal->completed_on = answer->completed_on;
    appraisal->recommendations = answer->recommendations;
    appraisal->commitments = answer->commitments;
    appraisal->answered_by = who.user_id;
    if (!uow->Casework().AnswerAppraisal(*appraisal)) return Error::Stale("appraisal");
    Audit(*uow, who, "update", {"appraisal", appraisal_id, family_id});
    uow->Commit();
    ++appraisal->version;
    return *appraisal;
  });
}

Result<Appraisal> CaseworkService::GetAppraisal(const Principal& who, RecordId appraisal_id) {
  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<Appraisal> {
    std::optional<Appraisal> appraisal;
    {
      auto uow = db_.BeginRead();
      appraisal = uow->Casework().FindAppraisal(appraisal_id);
      const RecordId family_id = appraisal ? appraisal->family_id : 0;
      if (!appraisal || !who.Can(Capability::kViewFamilies) ||
          !uow->Families().IsVisible(family_id, who.Visibility()) ||
          (who.role == Role::kPartner && who.agency != appraisal->kind)) {
        refusal = Refusal{"view", {"appraisal", appraisal_id, family_id}, "not_found"};
        return Error::NotFound("appraisal");
      }
    }
    AuditSeparately(db_, sink_, who, "view", {"appraisal", appraisal_id, appraisal->family_id}, "ok");
    return *appraisal;
  });
}

Result<std::vector<Appraisal>> CaseworkService::AppraisalsForAgency(const Principal& who, int page, int page_size) {
  if (!who.Can(Capability::kAnswerAppraisals) || !who.agency) {
    AuditSeparately(db_, sink_, who, "list", {"appraisal", 0, 0}, "denied");
    return Error::Forbidden("appraisals for agency");
  }
  std::vector<Appraisal> out;
  {
    auto uow = db_.BeginRead();
    for (auto& a : uow->Casework().ListAppraisalsForAgency(*who.agency, std::max(0, page - 1) * page_size, page_size))
      if (uow->Families().IsVisible(a.family_id, who.Visibility())) out.push_back(std::move(a));
  }
  AuditSeparately(db_, sink_, who, "list", {"appraisal", 0, 0}, "ok");
  return out;
}

Result<FamilyPlan> CaseworkService::SavePlan(const Principal& who, RecordId id, const Input& in, int version) {
  auto parsed = PlanFromInput(in, Date::TodayUtc());
  if (!parsed) return parsed.error();
  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<FamilyPlan> {
    auto uow = db_.BeginWrite();
    auto episode = LoadEpisode(*uow, who, id, EpisodeNeed::kAct, "update", refusal);
    if (!episode) return episode.error();
    if (auto e = RequireStage(*episode, {EpisodeStage::kBrokerage})) return *e;
    if (parsed->agreed_on)
      if (auto e = NotBefore(*parsed->agreed_on, episode->brokerage_started_on, "agreed_on")) return *e;
    if (auto e = ChildrenOfFamily(*uow, episode->family_id, ViewIds(parsed->child_views), "child_view")) return *e;
    parsed->episode_id = id;
    parsed->version = version;
    if (!uow->Casework().SavePlan(*parsed)) return Error::Stale("plan");
    Audit(*uow, who, "update", {"plan", id, episode->family_id});
    uow->Commit();
    ++parsed->version;
    return *parsed;
  });
}

Result<RecordId> CaseworkService::AddObjective(const Principal& who, RecordId id, const Input& in) {
  auto parsed = ObjectiveFromInput(in);
  if (!parsed) return parsed.error();
  return CreateOnEpisode(db_, sink_, who, id, {EpisodeStage::kBrokerage}, "objective",
                         [&](UnitOfWork& uow, const Episode&) -> Result<RecordId> {
                           if (!uow.Casework().FindPlan(id))
                             return Error::Validation({{"plan", "error.plan_not_started"}});
                           parsed->episode_id = id;
                           return uow.Casework().InsertObjective(*parsed);
                         });
}

Result<RecordId> CaseworkService::AddAction(const Principal& who, RecordId id, RecordId objective_id, const Input& in) {
  auto parsed = ActionFromInput(in);
  if (!parsed) return parsed.error();
  return CreateOnEpisode(
      db_, sink_, who, id, {EpisodeStage::kBrokerage, EpisodeStage::kIntervention, EpisodeStage::kReview}, "action",
      [&](UnitOfWork& uow, const Episode&) -> Result<RecordId> {
        auto plan = uow.Casework().FindPlan(id);
        bool objective_known = false;
        if (plan)
          for (const auto& o : plan->objectives) objective_known = objective_known || o.id == objective_id;
        if (!objective_known) return Error::Validation({{"objective_id", "error.choice_invalid"}});
        if (parsed->service_id != 0 && !uow.Casework().FindService(parsed->service_id))
          return Error::Validation({{"service_id", "error.choice_invalid"}});
        parsed->episode_id = id;
        parsed->objective_id = objective_id;
        return uow.Casework().InsertAction(*parsed);
      });
}

Result<PlanAction> CaseworkService::UpdateAction(const Principal& who, RecordId action_id, const Input& in,
                                                 int version) {
  std::vector<FieldError> errors;
  auto status = rules::EnumField<ActionStatus>(in, "status", true, errors);
  auto due = rules::DateField(in, "due_on", false, std::nullopt, errors);
  if (!errors.empty()) return Error::Validation(std::move(errors));
  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<PlanAction> {
    auto uow = db_.BeginWrite();
    auto action = uow->Casework().FindAction(action_id);
    if (!action) {
      refusal = Refusal{"update", {"action", action_id, 0}, "not_found"};
      return Error::NotFound("action");
    }
    auto episode = LoadEpisode(*uow, who, action->episode_id, EpisodeNeed::kAct, "update", refusal);
    if (!episode) return episode.error();
    if (auto e = RequireStage(*episode, {EpisodeStage::kBrokerage, EpisodeStage::kIntervention, EpisodeStage::kReview}))
      return *e;
    if (action->version != version) return Error::Stale("action");
    action->status = *status;
    if (due) action->due_on = due;
    if (!uow->Casework().UpdateAction(*action)) return Error::Stale("action");
    Audit(*uow, who, "update", {"action", action_id, episode->family_id});
    uow->Commit();
    ++action->version;
    return *action;
  });
}

Result<RecordId> CaseworkService::AddContact(const Principal& who, RecordId id, const Input& in) {
  auto parsed = ContactFromInput(in, Date::TodayUtc());
  if (!parsed) return parsed.error();
  return CreateOnEpisode(db_, sink_, who, id, {}, "contact", [&](UnitOfWork& uow, const Episode& episode) -> Result<RecordId> {
    if (auto e = NotBefore(parsed->on, episode.opened_on, "on")) return *e;
    if (auto e = ChildrenOfFamily(uow, episode.family_id, parsed->children_seen, "children_seen")) return *e;
    parsed->episode_id = id;
    parsed->worker_id = who.user_id;
    return uow.Casework().InsertContact(*parsed);
  });
}

Result<RecordId> CaseworkService::AddTafMeeting(const Principal& who, RecordId id, const Input& in) {
  auto parsed = TafMeetingFromInput(in, Date::TodayUtc());
  if (!parsed) return parsed.error();
  return CreateOnEpisode(db_, sink_, who, id, {EpisodeStage::kIntervention, EpisodeStage::kReview}, "taf_meeting",
                         [&](UnitOfWork& uow, const Episode& episode) -> Result<RecordId> {
                           if (auto e = NotBefore(parsed->on, episode.intervention_started_on, "on")) return *e;
                           if (!uow.Practitioners().FindById(parsed->lead_practitioner_id))
                             return Error::Validation({{"lead_practitioner_id", "error.choice_invalid"}});
                           parsed->episode_id = id;
                           const RecordId created = uow.Casework().InsertTafMeeting(*parsed);
                           // The episode's lead professional is the latest meeting's choice: a meeting recorded
                           // late, dated before another, does not replace it.
                           const auto meetings = uow.Casework().ListTafMeetings(id);
                           if (!meetings.empty() && meetings.back().id == created)
                             uow.Episodes().SetLeadPractitioner(id, parsed->lead_practitioner_id);
                           return created;
                         });
}

Result<RecordId> CaseworkService::RecordStatutory(const Principal& who, RecordId family_id, const Input& in) {
  auto parsed = StatutoryFromInput(in, Date::TodayUtc());
  if (!parsed) return parsed.error();
  return WithRefusalAudit(db_, sink_, who, [&](std::optional<Refusal>& refusal) -> Result<RecordId> {
    auto uow = db_.BeginWrite();
    if (!uow->Families().FindById(family_id) || !uow->Families().IsVisible(family_id, who.Visibility())) {
      refusal = Refusal{"create", {"statutory", 0, family_id}, "not_found"};
      return Error::NotFound("family");
    }
    if (!who.Can(Capability::kRecordStatutory)) {
      refusal = Refusal{"create", {"statutory", 0, family_id}, "denied"};
      return Error::Forbidden("record statutory involvement");
    }
    if (parsed->person_id != 0) {
      auto person = uow->People().FindById(parsed->person_id);
      if (!person || person->family_id != family_id) return Error::Validation({{"person_id", "error.choice_invalid"}});
    }
    parsed->family_id = family_id;
    const RecordId statutory_id = uow->Casework().InsertStatutory(*parsed);
    Audit(*uow, who, "create", {"statutory", statutory_id, family_id});
    uow->Commit();
    return statutory_id;
  });
}

std::vector<Service> CaseworkService::Services() {
  auto uow = db_.BeginRead();
  return uow->Casework().ListServices();
}

Result<RecordId> CaseworkService::AddService(const Principal& who, const Input& in) {
  if (!who.Can(Capability::kManageDirectory)) {
    AuditSeparately(db_, sink_, who, "create", {"service", 0, 0}, "denied");
    return Error::Forbidden("services directory");
  }
  auto s = ServiceFromInput(in);
  if (!s) return s.error();
  auto uow = db_.BeginWrite();
  if (uow->Casework().FindServiceByName(s->name))
    return Error::Conflict("service name taken", "error.validation", {{"name", "error.service_name_taken"}});
  const RecordId id = uow->Casework().InsertService(*s);
  Audit(*uow, who, "create", {"service", id, 0});
  uow->Commit();
  return id;
}

Result<Service> CaseworkService::GetService(const Principal& who, RecordId service_id) {
  if (!who.Can(Capability::kManageDirectory)) return Error::Forbidden("services directory");
  auto uow = db_.BeginRead();
  auto found = uow->Casework().FindService(service_id);
  if (!found) return Error::NotFound("service");
  return *found;
}

Result<Service> CaseworkService::UpdateService(const Principal& who, RecordId service_id, const Input& in,
                                               int version) {
  if (!who.Can(Capability::kManageDirectory)) {
    AuditSeparately(db_, sink_, who, "update", {"service", service_id, 0}, "denied");
    return Error::Forbidden("services directory");
  }
  auto s = ServiceFromInput(in);
  if (!s) return s.error();
  auto uow = db_.BeginWrite();
  auto stored = uow->Casework().FindService(service_id);
  if (!stored) return Error::NotFound("service");
  if (stored->version != version) return Error::Stale("service");
  auto same_name = uow->Casework().FindServiceByName(s->name);
  if (same_name && same_name->id != service_id)
    return Error::Conflict("service name taken", "error.validation", {{"name", "error.service_name_taken"}});
  s->id = service_id;
  s->version = version;
  if (!uow->Casework().UpdateService(*s)) return Error::Stale("service");
  Audit(*uow, who, "update", {"service", service_id, 0});
  uow->Commit();
  ++s->version;
  return *s;
}

}  // namespace hearth
