// Port: families, their members and relationships, referrals and episodes.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/access.hpp"
#include "domain/family.hpp"
#include "domain/referral.hpp"

namespace hearth {

// Which families the caller may see; storage applies it inside the query so paging stays right.
struct FamilyVisibility {
  FamilyScope scope = FamilyScope::kNone;
  RecordId user_id = 0;          // kCaseload: families with an open assignment to this user
  std::optional<Agency> agency;  // kShared: families whose consent names this agency
};

struct FamilySearch {
  std::vector<std::string> name_prefixes;  // each must begin the given or family name of one member (case-folded)
  std::optional<Date> date_of_birth;       // a member born that day
  std::string postcode_prefix;             // normalised, no spaces, upper case
  FamilyVisibility visibility;
  int offset = 0;
  int limit = 20;
};

struct FamilySummary {
  RecordId id = 0;
  std::string area;
  std::string postcode;
  std::string members;  // "Given Family, Given Family" for the result list
  int member_count = 0;
};

struct Page {
  int total = 0;  // matches in all, for pagination
};

struct FamilySearchResult {
  std::vector<FamilySummary> families;
  int total = 0;
};

class FamilyRepository {
 public:
  virtual ~FamilyRepository() = default;
  virtual RecordId Insert(const Family& family) = 0;
  // False when the stored version is not family.version (a colleague saved first); bumps the version.
  virtual bool Update(const Family& family) = 0;
  virtual std::optional<Family> FindById(RecordId id) = 0;
  virtual bool IsVisible(RecordId family_id, const FamilyVisibility& visibility) = 0;
  virtual FamilySearchResult Search(const FamilySearch& search) = 0;
  virtual int Count() = 0;
};

// A stored person with the parts of their household's address that record linkage compares.
struct PersonWithAddress {
  Person person;
  std::string postcode;
  std::string address_line_1;
};

// An edit of what record linkage compares, logged by the database whoever made it (migration 0011): either a
// person (person_id) or a household, whose members all changed address (family_id); the other is 0.
struct LinkageChange {
  std::int64_t seq = 0;
  RecordId person_id = 0;
  RecordId family_id = 0;
};

class PersonRepository {
 public:
  virtual ~PersonRepository() = default;
  virtual RecordId Insert(const Person& person) = 0;
  virtual bool Update(const Person& person) = 0;  // false on a stale version
  virtual std::optional<Person> FindById(RecordId id) = 0;
  virtual std::vector<Person> ListForFamily(RecordId family_id) = 0;
  // People born on `date_of_birth`, any family: candidates for "already known?".
  virtual std::vector<Person> FindByDateOfBirth(const Date& date_of_birth, const FamilyVisibility& visibility) = 0;
  // People with ids above `after_id`, in id order, at most `limit`, whatever their family's visibility: the
  // linkage index reads every person this way, in pages, and catches up with people added since.
  virtual std::vector<PersonWithAddress> ListWithAddressAfter(RecordId after_id, int limit) = 0;
  // Edits of people and households logged after `after_seq`, in order, at most `limit`; and the last one logged
  // (0 if none): the linkage index starts from it and reads on from there.
  virtual std::vector<LinkageChange> LinkageChangesAfter(std::int64_t after_seq, int limit) = 0;
  virtual std::int64_t LastLinkageChange() = 0;

  virtual RecordId InsertRelationship(const Relationship& relationship) = 0;
  virtual std::vector<Relationship> ListRelationships(RecordId family_id) = 0;
  virtual bool DeleteRelationship(RecordId family_id, RecordId relationship_id) = 0;
};

class ReferralRepository {
 public:
  virtual ~ReferralRepository() = default;
  virtual RecordId Insert(const Referral& referral) = 0;
  virtual std::optional<Referral> FindById(RecordId id) = 0;
  virtual std::vector<Referral> ListForFamily(RecordId family_id) = 0;

  virtual RecordId InsertEpisode(const Episode& episode) = 0;
  virtual std::vector<Episode> ListEpisodes(RecordId family_id) = 0;
  // Records that `user_id` works on the episode as `role` from `from` (caseload access follows it).
  virtual void InsertAssignment(RecordId episode_id, RecordId user_id, Role role, const Date& from) = 0;
};

}  // namespace hearth
