#include "app/audit_log.hpp"

#include "common/date.hpp"

namespace hearth {

void Audit(UnitOfWork& uow, const Principal& who, std::string_view action, const AuditTarget& target,
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
  uow.Audit().Append(e);
}

void AuditSeparately(Database& db, const Principal& who, std::string_view action, const AuditTarget& target,
                     std::string_view outcome) {
  auto uow = db.BeginWrite();
  Audit(*uow, who, action, target, outcome);
  uow->Commit();
}

}  // namespace hearth
