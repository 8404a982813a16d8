// Port: the audit trail. Rows are appended, never changed; they hold who did what to which record, not the data.
#pragma once
#include <string>
#include <vector>

#include "domain/enums.hpp"
#include "domain/family.hpp"

namespace hearth {

struct AuditEvent {
  RecordId id = 0;
  std::string at;            // UTC, ISO 8601
  RecordId user_id = 0;      // 0 for the command line or an anonymous caller
  std::string username;      // filled on reads
  std::string role;          // role name at the time
  std::string action;        // view, create, update, export, search, sign_in, ...
  std::string record_type;   // family, person, referral, user, session
  RecordId record_id = 0;
  RecordId family_id = 0;    // the family the record belongs to, so "who accessed this family" is one query
  std::string outcome;       // ok, denied, not_found, invalid
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  virtual void Append(const AuditEvent& event) = 0;
  virtual std::vector<AuditEvent> ListForFamily(RecordId family_id, int offset, int limit) = 0;
  virtual int CountForFamily(RecordId family_id) = 0;
  virtual std::vector<AuditEvent> ListRecent(int offset, int limit) = 0;
  virtual int Count() = 0;
};

}  // namespace hearth
