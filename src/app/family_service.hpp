// Use cases on a family's record: search, view, create and edit the household and its members.
// Every view and change is audited; a family the caller may not see is "not found".
#pragma once
#include <map>
#include <string>
#include <vector>

#include "app/audit_sink.hpp"
#include "app/principal.hpp"
#include "common/error.hpp"
#include "domain/input.hpp"
#include "domain/work_due.hpp"
#include "ports/database.hpp"

namespace hearth {

// One dated line in the family's chronology; `what` is a message key, `detail` an enumeration value or "".
struct ChronologyEntry {
  Date on;
  std::string what;
  std::string detail;
  RecordId record_id = 0;
};

struct FamilyView {
  Family family;
  std::vector<Person> members;
  std::vector<Relationship> relationships;
  std::vector<Referral> referrals;
  std::vector<Episode> episodes;
  std::vector<ChronologyEntry> chronology;  // newest first
  std::map<RecordId, DueFacts> due_facts;   // of each open episode: the dates its timescales count from
  std::vector<AceEntry> aces;               // final ACEs of the children, newest first (app/family_outcomes)
  std::vector<EpisodeNeeds> needs;          // each episode's needs with their outcome, newest episode first
};

struct SearchPage {
  FamilySearchResult result;
  int page = 1;
  int page_size = 20;
  std::string query;
};

class FamilyService {
 public:
  // Without a sink, view and refusal audit rows are committed one by one (command line, tests).
  explicit FamilyService(Database& db, AuditSink* sink = nullptr) : db_(db), sink_(sink) {}

  // `query`: words are name prefixes, a YYYY-MM-DD (or DD/MM/YYYY) is a date of birth, a postcode or its
  // outward part matches the household postcode. Case-insensitive. Pages start at 1.
  Result<SearchPage> Search(const Principal& who, const std::string& query, int page, int page_size = 20);
  Result<FamilyView> View(const Principal& who, RecordId family_id);
  Result<RecordId> Create(const Principal& who, const Input& family_fields);
  // `expected_version` is the version the editor started from; a newer stored one is kStaleVersion.
  Result<void> Update(const Principal& who, RecordId family_id, const Input& fields, int expected_version);

  Result<Person> GetPerson(const Principal& who, RecordId person_id);
  Result<RecordId> AddPerson(const Principal& who, RecordId family_id, const Input& fields);
  Result<void> UpdatePerson(const Principal& who, RecordId person_id, const Input& fields, int expected_version);
  Result<RecordId> AddRelationship(const Principal& who, RecordId family_id, const Input& fields);
  Result<void> RemoveRelationship(const Principal& who, RecordId family_id, RecordId relationship_id);

 private:
  Database& db_;
  AuditSink* sink_;
};

// Reads a search box: words are name prefixes; a date (YYYY-MM-DD or DD/MM/YYYY) is a date of birth; a postcode,
// or a word mixing letters and digits, is a postcode prefix. Exposed for tests.
FamilySearch ParseSearch(const std::string& query);

// Builds the chronology from a family's referrals and episodes (pure; exposed for tests).
std::vector<ChronologyEntry> BuildChronology(const std::vector<Referral>& referrals,
                                             const std::vector<Episode>& episodes);

}  // namespace hearth
