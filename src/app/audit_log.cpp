#include "app/audit_log.hpp"

#include "app/audit_sink.hpp"
#include "common/date.hpp"

namespace hearth {

namespace {
AuditEvent MakeEvent(const Principal& who, std::string_view action, const AuditTarget& target,
                     std::string_view outcome) {
  AuditEvent e;
  e.at = UtcTimestampNow();
  e.user_id = who.user_id;
  e.role = who.user_id == 0 ? "system" : std::string(ToString(who.role));
  e.action = action;
  e.record_type = target.record_type;
  e.record_id = target.record_id;
  e.family_id = target.family_id;
  e.outcome = outcome;
  return e;
}
}  // namespace

void Audit(UnitOfWork& uow, const Principal& who, std::string_view action, const AuditTarget& target,
           std::string_view outcome) {
  uow.Audit().Append(MakeEvent(who, action, target, outcome));
}

void AuditSeparately(Database& db, AuditSink* sink, const Principal& who, std::string_view action,
                     const AuditTarget& target, std::string_view outcome) {
  if (sink != nullptr) {
    sink->Enqueue(MakeEvent(who, action, target, outcome));
    return;
  }
  auto uow = db.BeginWrite();
  Audit(*uow, who, action, target, outcome);
  uow->Commit();
}

}  // namespace hearth
