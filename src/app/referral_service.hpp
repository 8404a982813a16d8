// The front door: recording a referral, for a family already known or a new one, with the screening
// decision. Before a new family is created, people who may be the same are offered so that families are not
// entered twice: with the linkage engine (PersonLinkage), every stored person ranked by match probability with the
// reasons; without it (command-line tools, some tests), people with the same date of birth and a similar name.
#pragma once
#include <optional>
#include <vector>

#include "app/match_explanation.hpp"
#include "app/principal.hpp"
#include "common/error.hpp"
#include "domain/input.hpp"
#include "app/audit_sink.hpp"
#include "ports/database.hpp"

namespace hearth {

class PersonLinkage;  // app/person_linkage.hpp

struct PossibleMatch {
  Person person;     // the existing person
  Family family;     // their household
  int new_person_index = 0;  // which of the submitted people it resembles
  // From the linkage engine (absent when the date-of-birth rule found the person): how likely it is the same
  // person, and why.
  std::optional<double> probability;
  std::optional<MatchExplanation> explanation;
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
  // From now on possible matches come from the engine (built at start-up; outlives this service's use).
  void UseLinkage(PersonLinkage* linkage) { linkage_ = linkage; }

  // Field errors name "family.<field>", "people[i].<field>" or the referral's own field.
  Result<ReferralOutcome> Record(const Principal& who, const ReferralSubmission& submission);
  Result<Referral> Get(const Principal& who, RecordId referral_id);
  // People in families the caller may see who may be one of `candidates` (living at `household`'s address), most
  // likely first. People the caller may not see are left out before anything about them is read.
  std::vector<PossibleMatch> FindPossibleMatches(const Principal& who, const std::vector<Person>& candidates,
                                                 const Family& household = {});
  static constexpr std::size_t kMostMatchesShown = 10;

 private:
  Database& db_;
  AuditSink* sink_;
  PersonLinkage* linkage_ = nullptr;

  std::vector<PossibleMatch> RankedMatches(const Principal& who, const std::vector<Person>& candidates,
                                           const Family& household);
};

}  // namespace hearth
