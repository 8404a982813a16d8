// Writes audit rows for use cases: who (user, role), what (action), which record, and how it ended.
// Never the record's contents, so the trail itself holds no personal data.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "app/principal.hpp"
#include "ports/database.hpp"

namespace hearth {

struct AuditTarget {
  std::string_view record_type;  // family, person, referral, user, session
  RecordId record_id = 0;
  RecordId family_id = 0;
};

void Audit(UnitOfWork& uow, const Principal& who, std::string_view action, const AuditTarget& target,
           std::string_view outcome = "ok");

class AuditSink;

// An audit row that is not part of a change (a view, a search, a refusal whose attempt was rolled back). With a
// sink it is group-committed (see audit_sink.hpp); without one (command line, tests) it is committed at once.
void AuditSeparately(Database& db, AuditSink* sink, const Principal& who, std::string_view action,
                     const AuditTarget& target, std::string_view outcome);

}  // namespace hearth

namespace hearth {

// A refused attempt, noted inside a transaction and written after it has been rolled back.
struct Refusal {
  std::string action;
  AuditTarget target;
  std::string outcome;  // denied, not_found
};

// Runs `work(refusal)`; its unit of work must be scoped inside `work`. A refusal it notes is audited afterwards,
// in a transaction of its own, so refusals are on the record even though the attempt changed nothing.
template <class Work>
auto WithRefusalAudit(Database& db, AuditSink* sink, const Principal& who, Work&& work) {
  std::optional<Refusal> refusal;
  auto result = work(refusal);
  if (refusal) AuditSeparately(db, sink, who, refusal->action, refusal->target, refusal->outcome);
  return result;
}

}  // namespace hearth
