// Port: what the family's file, the work lists and the Supporting Families claim read of the outcome records
// (needs and their outcomes, ACEs, feedback, oversight, audits). Only `final` instrument rows count; recording
// the instruments is the instrument use cases' business, not this port's.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "domain/need_outcome.hpp"
#include "domain/outcome_enums.hpp"
#include "domain/supporting_families.hpp"

namespace hearth {

// One ACE of one child, as the family page lists it.
struct AceEntry {
  RecordId episode_id = 0;
  RecordId person_id = 0;
  AceType ace = AceType::kPhysicalAbuse;
  Date identified_on;
  std::optional<bool> improved;  // none: still open (not yet judged at closure)
};

// Each episode's needs, in outcome area order.
struct EpisodeNeeds {
  RecordId episode_id = 0;
  std::vector<NeedRecord> needs;
};

// A dated outcome record for the chronology: kind is feedback, oversight or audit; detail an enumeration value
// (feedback form, audit grade) or "".
struct OutcomeEvent {
  Date on;
  std::string kind;
  std::string detail;
  RecordId episode_id = 0;
};

// An open episode held by the users asked about, with the dates its oversight counts from.
struct OversightDueFacts {
  RecordId episode_id = 0;
  RecordId family_id = 0;
  Date opened_on;
  std::optional<Date> last_oversight_on;
  std::vector<RecordId> worker_ids;  // of those asked about, the holders of an open assignment
};

// An open episode with an agreed plan and no final audit.
struct AuditDueFacts {
  RecordId episode_id = 0;
  RecordId family_id = 0;
  Date plan_agreed_on;
};

// A final management oversight record, and a final quality assurance audit, as the demo history writes them.
struct OversightEntry {
  RecordId episode_id = 0;
  Date on;
  RecordId manager_id = 0;
  RecordId worker_id = 0;  // 0: none named
  bool considered_plan_effectiveness = true;
  std::string decisions;
  std::string actions;
};

struct AuditEntry {
  RecordId episode_id = 0;
  Date on;
  RecordId auditor_id = 0;
  AuditGrade grade = AuditGrade::kGood;
  bool shared_with_worker = true;
  std::string feedback;
  std::optional<Date> worker_acknowledged_on;
  std::optional<Date> manager_acknowledged_on;
};

class OutcomeRepository {
 public:
  virtual ~OutcomeRepository() = default;
  virtual std::vector<NeedRecord> ListNeeds(RecordId episode_id) = 0;
  // Records the outcome of each need of the episode named in `outcomes` (areas without a need are ignored).
  virtual void SetNeedOutcomes(RecordId episode_id, const std::map<OutcomeArea, NeedOutcome>& outcomes) = 0;

  // The family page: final ACEs of the family's children, newest first; needs of each episode; final feedback,
  // oversight and audits as dated events.
  virtual std::vector<AceEntry> ListAces(RecordId family_id) = 0;
  virtual std::vector<EpisodeNeeds> ListFamilyNeeds(RecordId family_id) = 0;
  virtual std::vector<OutcomeEvent> ListOutcomeEvents(RecordId family_id) = 0;

  // The work lists. Oversight: open episodes with an open assignment to any of `user_ids`. Audits: every open
  // episode with a plan agreed on or before `plan_agreed_by` and no final audit, oldest plan first.
  virtual std::vector<OversightDueFacts> ListOversightFacts(const std::vector<RecordId>& user_ids) = 0;
  virtual std::vector<AuditDueFacts> ListAuditsDue(const Date& plan_agreed_by) = 0;

  // The Supporting Families claim: every episode closed between `from` and `to` (inclusive), by closure date.
  virtual std::vector<ClaimFacts> ListClaimFacts(const Date& from, const Date& to) = 0;

  // Final records written whole, for the demo history: completing and finalising the forms one by one, with their
  // drafts and versions, is the instrument use cases' business.
  virtual void InsertFinalAce(const AceEntry& ace, RecordId recorded_by) = 0;
  virtual void InsertFinalFeedback(RecordId episode_id, const Date& on, FeedbackForm form,
                                   std::optional<Satisfaction> satisfaction, const std::string& answers_json,
                                   RecordId recorded_by) = 0;
  virtual void InsertFinalOversight(const OversightEntry& entry) = 0;
  virtual void InsertFinalAudit(const AuditEntry& entry) = 0;
};

}  // namespace hearth
