// The front door: recording a referral, for a family already known or a new one, with the screening
// decision. Before a new family is created, people who may be the same (same date of birth, similar name)
// are offered so that families are not entered twice.
#pragma once
#include <optional>
#include <vector>

#include "app/principal.hpp"
#include "common/error.hpp"
#include "domain/input.hpp"
#include "app/audit_sink.hpp"
#include "ports/database.hpp"

namespace hearth {

struct PossibleMatch {
  Person person;     // the existing person
  Family family;     // their household
  int new_person_index = 0;  // which of the submitted people it resembles
};

struct ReferralSubmission {
  Input referral;                 // ReferralFromInput fields
  std::optional<RecordId> family_id;  // an existing family; otherwise `family` and `people` describe a new one
  Input family;                   // FamilyFromInput fields
  std::vector<Input> people;      // PersonFromInput fields, at least one for a new family
  bool confirmed_new_family = false;  // the user has seen the possible matches and says this family is new
};

struct ReferralOutcome {
  RecordId referral_id = 0;  // 0 when nothing was recorded because possible matches need a decision
  RecordId family_id = 0;
  std::optional<RecordId> episode_id;  // opened by an early-help decision
  bool joined_open_episode = false;    // early help, but the family already had an open episode
  std::vector<PossibleMatch> possible_matches;
};

class ReferralService {
 public:
  // Without a sink, view and refusal audit rows are committed one by one (command line, tests).
  explicit ReferralService(Database& db, AuditSink* sink = nullptr) : db_(db), sink_(sink) {}

  // Field errors name "family.<field>", "people[i].<field>" or the referral's own field.
  Result<ReferralOutcome> Record(const Principal& who, const ReferralSubmission& submission);
  Result<Referral> Get(const Principal& who, RecordId referral_id);
  // People in families the caller may see who may be `candidate` (same date of birth, similar name).
  std::vector<PossibleMatch> FindPossibleMatches(const Principal& who, const std::vector<Person>& candidates);

 private:
  Database& db_;
  AuditSink* sink_;
};

}  // namespace hearth
