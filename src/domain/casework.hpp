// The records kept on a family's file while an episode moves through its stages (DESIGN.md §2, issue 3): the
// whole-family assessment, appraisal requests to partner agencies, the family action plan with its SMART
// objectives and actions, contacts, Team Around the Family meetings, reviews and statutory involvement.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "domain/enums.hpp"
#include "domain/family.hpp"

namespace hearth {

// A child's own words, recorded against the child.
struct ChildView {
  RecordId person_id = 0;
  std::string views;
};

// The whole-family assessment of the E&A officer. Saved as work goes on; completing it ends the assessment stage.
struct FamilyAssessment {
  RecordId episode_id = 0;
  std::map<OutcomeArea, std::string> needs;  // the need seen in each outcome area that applies
  std::string strengths;
  std::string family_wants;  // what the family wants to change, in their words
  std::vector<ChildView> child_views;
  int version = 0;  // 0: nothing saved yet
};

// A request to a partner agency for its view of the family, and the agency's answer.
struct Appraisal {
  RecordId id = 0;
  RecordId episode_id = 0;
  RecordId family_id = 0;
  Agency kind = Agency::kHealth;
  std::string question;
  Date requested_on;
  Date due_on;
  RecordId requested_by = 0;
  std::optional<Date> completed_on;
  std::string recommendations;
  std::string commitments;
  RecordId answered_by = 0;
  int version = 0;

  bool Answered() const { return completed_on.has_value(); }
};

// Who carries out an action: a service from the directory, or the family itself (service_id 0).
struct PlanAction {
  RecordId id = 0;
  RecordId episode_id = 0;
  RecordId objective_id = 0;
  std::string description;
  RecordId service_id = 0;
  std::optional<Date> due_on;
  ActionStatus status = ActionStatus::kNotStarted;
  int version = 0;
};

// A SMART objective written with the family: the outcome, how it is measured, who, by when.
struct Objective {
  RecordId id = 0;
  RecordId episode_id = 0;
  std::string outcome;
  std::string measure;
  std::string who;
  Date target_on;
  std::vector<PlanAction> actions;
};

// One plan per episode: the family's own words, each child's views, the day the family agreed it.
struct FamilyPlan {
  RecordId episode_id = 0;
  std::string family_words;
  std::vector<ChildView> child_views;
  std::optional<Date> agreed_on;
  std::vector<Objective> objectives;
  int version = 0;  // 0: nothing saved yet
};

struct Service {
  RecordId id = 0;
  std::string name;
  std::string kind;  // free text, e.g. housing
  int version = 1;
};

struct Contact {
  RecordId id = 0;
  RecordId episode_id = 0;
  Date on;
  ContactKind kind = ContactKind::kHomeVisit;
  RecordId worker_id = 0;
  std::vector<RecordId> children_seen;  // each child of the family seen at this contact
  std::string seen;                     // who else was seen
  std::string note;
};

struct TafMeeting {
  RecordId id = 0;
  RecordId episode_id = 0;
  Date on;
  std::string attendees;
  std::vector<Agency> agencies;
  // The lead professional chosen from the practitioner directory; meetings recorded before the directory existed
  // have 0 and name theirs in `lead_professional` (free text).
  RecordId lead_practitioner_id = 0;
  std::string lead_professional;
  std::string decisions;
  std::optional<Date> next_meeting_on;
};

// The plan review: the status of each action is recorded on the actions; this holds what changes next.
struct PlanReview {
  RecordId id = 0;
  RecordId episode_id = 0;
  Date on;
  std::string next_steps;
};

struct StatutoryInvolvement {
  RecordId id = 0;
  RecordId family_id = 0;
  RecordId person_id = 0;  // 0: the family as a whole
  StatutoryKind kind = StatutoryKind::kChildInNeed;
  Date started_on;
  std::optional<Date> ended_on;
};

// A change of the worker on an episode, with its date and reason: continuity is a measure the service reports.
struct WorkerChange {
  RecordId episode_id = 0;
  RecordId from_user_id = 0;
  RecordId to_user_id = 0;
  Role role = Role::kInterventionWorker;
  Date on;
  std::string reason;
};

// A decision of the allocation panel: allocate a team and worker, or send the plan back with reasons.
struct PanelDecision {
  RecordId id = 0;
  RecordId episode_id = 0;
  Date on;
  PanelOutcome outcome = PanelOutcome::kAllocate;
  RecordId team_id = 0;
  RecordId worker_id = 0;
  std::string reasons;
  RecordId meeting_id = 0;  // the panel meeting it was taken at; 0 for decisions recorded before meetings existed
};

}  // namespace hearth
