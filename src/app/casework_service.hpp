// The records kept while an episode moves through its stages: the whole-family assessment, appraisal requests and
// partners' answers, the family action plan (objectives, actions), contacts, Team Around the Family meetings and
// statutory involvement; and the episode's file that shows them all. Same checks as the journey steps: the family
// must be visible, the caller must be allowed to act, versions must match, dates keep the episode's order.
#pragma once
#include <map>
#include <optional>
#include <vector>

#include "app/audit_sink.hpp"
#include "app/principal.hpp"
#include "common/error.hpp"
#include "domain/input.hpp"
#include "ports/database.hpp"

namespace hearth {

// Everything on one episode's file, as its page and the API show it.
struct EpisodeFile {
  Episode episode;
  Date referral_received_on;
  Family family;
  std::vector<Person> members;
  std::vector<Assignment> assignments;
  std::optional<FamilyAssessment> assessment;
  std::vector<Appraisal> appraisals;
  std::optional<FamilyPlan> plan;
  std::vector<PanelDecision> panel_decisions;
  std::vector<Contact> contacts;
  std::vector<TafMeeting> taf_meetings;
  std::vector<PlanReview> reviews;
  std::vector<WorkerChange> worker_changes;
  std::vector<StatutoryInvolvement> statutory;  // the family's, across episodes
  std::vector<Service> services;  // the directory, for naming action owners
  // The practitioners the file names: the episode's lead professional and each TAF meeting's, by id.
  std::map<RecordId, Practitioner> practitioners;
  bool may_act = false;            // the caller may record casework here
  bool may_allocate = false;       // the caller may allocate and record panel decisions
};

class CaseworkService {
 public:
  explicit CaseworkService(Database& db, AuditSink* sink = nullptr) : db_(db), sink_(sink) {}

  Result<EpisodeFile> View(const Principal& who, RecordId episode_id);

  // While the episode is in assessment. `version` is the assessment's (0 before the first save).
  Result<FamilyAssessment> SaveAssessment(const Principal& who, RecordId episode_id, const Input& in, int version);

  // While in brokerage.
  Result<RecordId> RequestAppraisal(const Principal& who, RecordId episode_id, const Input& in);
  // A partner of the appraisal's agency (on a family that shares with it), or someone who may act on the episode.
  Result<Appraisal> AnswerAppraisal(const Principal& who, RecordId appraisal_id, const Input& in, int version);
  Result<Appraisal> GetAppraisal(const Principal& who, RecordId appraisal_id);
  // A partner's list: requests sent to their agency on families that share with it.
  Result<std::vector<Appraisal>> AppraisalsForAgency(const Principal& who, int page, int page_size = 20);

  // The plan's own fields, while in brokerage. `version` is the plan's (0 before the first save).
  Result<FamilyPlan> SavePlan(const Principal& who, RecordId episode_id, const Input& in, int version);
  Result<RecordId> AddObjective(const Principal& who, RecordId episode_id, const Input& in);
  Result<RecordId> AddAction(const Principal& who, RecordId episode_id, RecordId objective_id, const Input& in);
  // status* (and optionally due_on): progress on an action, from brokerage to review.
  Result<PlanAction> UpdateAction(const Principal& who, RecordId action_id, const Input& in, int version);

  Result<RecordId> AddContact(const Principal& who, RecordId episode_id, const Input& in);
  // During intervention or review.
  Result<RecordId> AddTafMeeting(const Principal& who, RecordId episode_id, const Input& in);
  // Social workers and managers, on a family they can see: statutory involvement as a dated event.
  Result<RecordId> RecordStatutory(const Principal& who, RecordId family_id, const Input& in);

  std::vector<Service> Services();
  Result<RecordId> AddService(const Principal& who, const Input& in);
  // One entry of the directory, for its edit form (kManageDirectory).
  Result<Service> GetService(const Principal& who, RecordId service_id);
  // name*, kind; refused as stale unless `version` is the stored one, and as a conflict if another entry has the name.
  Result<Service> UpdateService(const Principal& who, RecordId service_id, const Input& in, int version);

 private:
  Database& db_;
  AuditSink* sink_;
};

}  // namespace hearth
