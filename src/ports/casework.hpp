// Port: episodes as they move through their stages, and the casework recorded on them (domain/casework.hpp).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/casework.hpp"
#include "domain/referral.hpp"

namespace hearth {

// Who works on an episode, in which role, from when to when (open while `to_on` is empty). Caseload access
// follows open assignments.
struct Assignment {
  RecordId id = 0;
  RecordId episode_id = 0;
  RecordId user_id = 0;
  std::string username;  // for display
  RecordId team_id = 0;  // the user's team
  Role role = Role::kEaOfficer;
  Date from_on;
  std::optional<Date> to_on;
  std::string reason;  // why it ended or began (a change of worker)
};

// A row of a work list: an open episode with the dates that decide what is due.
struct WorkItem {
  Episode episode;
  std::string family_label;  // "Given Family, …" of the household: filled only for the rows shown (FamilyLabels)
  Date referral_received_on;
  std::optional<Date> last_taf_on;
  std::optional<Date> next_taf_on;
  std::vector<RecordId> worker_ids;  // the users (of those asked about) with an open assignment on it
};

class EpisodeRepository {
 public:
  virtual ~EpisodeRepository() = default;
  virtual std::optional<Episode> FindById(RecordId id) = 0;
  // Writes every stage field; false when the stored version is not episode.version. Bumps the version.
  virtual bool Update(const Episode& episode) = 0;
  // Open episodes in `stage`, oldest first (e.g. the families waiting for the allocation panel).
  virtual std::vector<Episode> ListInStage(EpisodeStage stage, int offset, int limit) = 0;

  virtual RecordId InsertAssignment(const Assignment& assignment) = 0;
  // Ends the open assignments of the episode (of `role` only, when given) on `on`, with `reason`.
  virtual void EndAssignments(RecordId episode_id, std::optional<Role> role, const Date& on,
                              const std::string& reason) = 0;
  virtual std::vector<Assignment> ListAssignments(RecordId episode_id) = 0;
  virtual void InsertWorkerChange(const WorkerChange& change) = 0;
  virtual std::vector<WorkerChange> ListWorkerChanges(RecordId episode_id) = 0;
  // The episode's current lead professional (0: none). Not a stage field: the episode's version is unchanged.
  virtual void SetLeadPractitioner(RecordId episode_id, RecordId practitioner_id) = 0;

  // Open episodes with an open assignment to any of `user_ids`, for the work lists, oldest referral first; each
  // item's worker_ids are those of `user_ids` holding it. family_label is left empty (see FamilyLabels).
  virtual std::vector<WorkItem> ListWork(const std::vector<RecordId>& user_ids) = 0;
  // "Given Family, …" for each of the households, for the rows a page shows.
  virtual std::map<RecordId, std::string> FamilyLabels(const std::vector<RecordId>& family_ids) = 0;
};

class CaseworkRepository {
 public:
  virtual ~CaseworkRepository() = default;
  virtual std::optional<FamilyAssessment> FindAssessment(RecordId episode_id) = 0;
  // Inserts (version 0 → 1) or updates the assessment; false on a stale version.
  virtual bool SaveAssessment(const FamilyAssessment& assessment) = 0;

  virtual RecordId InsertAppraisal(const Appraisal& appraisal) = 0;
  virtual std::optional<Appraisal> FindAppraisal(RecordId id) = 0;
  // Records the answer; false on a stale version. Bumps the version.
  virtual bool AnswerAppraisal(const Appraisal& appraisal) = 0;
  virtual std::vector<Appraisal> ListAppraisals(RecordId episode_id) = 0;
  // Requests sent to `agency`, unanswered first, then newest, for the partner's list.
  virtual std::vector<Appraisal> ListAppraisalsForAgency(Agency agency, int offset, int limit) = 0;

  // The plan with its objectives and their actions (nullopt when nothing has been saved).
  virtual std::optional<FamilyPlan> FindPlan(RecordId episode_id) = 0;
  // Inserts or updates the plan's own fields (not its objectives); false on a stale version.
  virtual bool SavePlan(const FamilyPlan& plan) = 0;
  virtual RecordId InsertObjective(const Objective& objective) = 0;
  virtual RecordId InsertAction(const PlanAction& action) = 0;
  virtual std::optional<PlanAction> FindAction(RecordId id) = 0;
  virtual bool UpdateAction(const PlanAction& action) = 0;  // false on a stale version

  virtual std::vector<Service> ListServices() = 0;
  virtual std::optional<Service> FindService(RecordId id) = 0;
  virtual RecordId InsertService(const Service& service) = 0;  // stores the name's ServiceNameKey, unique
  // The entry whose name is the same as `name` once both are reduced to ServiceNameKey.
  virtual std::optional<Service> FindServiceByName(const std::string& name) = 0;
  virtual bool UpdateService(const Service& service) = 0;  // false on a stale version

  virtual RecordId InsertContact(const Contact& contact) = 0;
  virtual std::vector<Contact> ListContacts(RecordId episode_id) = 0;
  virtual RecordId InsertTafMeeting(const TafMeeting& meeting) = 0;
  virtual std::vector<TafMeeting> ListTafMeetings(RecordId episode_id) = 0;
  virtual RecordId InsertReview(const PlanReview& review) = 0;
  virtual std::vector<PlanReview> ListReviews(RecordId episode_id) = 0;
  virtual RecordId InsertPanelDecision(const PanelDecision& decision) = 0;
  virtual std::vector<PanelDecision> ListPanelDecisions(RecordId episode_id) = 0;
  virtual RecordId InsertStatutory(const StatutoryInvolvement& involvement) = 0;
  virtual std::vector<StatutoryInvolvement> ListStatutory(RecordId family_id) = 0;
};

}  // namespace hearth
