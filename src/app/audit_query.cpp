#include "app/audit_query.hpp"

#include <algorithm>

#include "app/audit_log.hpp"

namespace hearth {

Result<AuditPage> AuditQuery::ForFamily(const Principal& who, RecordId family_id, int page, int page_size) {
  if (!who.Can(Capability::kViewAudit)) {
    AuditSeparately(db_, sink_, who, "view_audit", {"family", family_id, family_id}, "denied");
    return Error::Forbidden("audit trail");
  }
  if (sink_ != nullptr) sink_->Flush();  // so that the views just made are on the list
  AuditPage out;
  out.page = std::max(page, 1);
  out.page_size = std::clamp(page_size, 1, 200);
  {
    auto uow = db_.BeginRead();
    if (!uow->Families().FindById(family_id)) return Error::NotFound("family");
    out.total = uow->Audit().CountForFamily(family_id);
    out.events = uow->Audit().ListForFamily(family_id, (out.page - 1) * out.page_size, out.page_size);
  }
  AuditSeparately(db_, sink_, who, "view_audit", {"family", family_id, family_id}, "ok");
  return out;
}

Result<AuditPage> AuditQuery::Recent(const Principal& who, int page, int page_size) {
  if (!who.Can(Capability::kViewAudit)) return Error::Forbidden("audit trail");
  if (sink_ != nullptr) sink_->Flush();
  AuditPage out;
  out.page = std::max(page, 1);
  out.page_size = std::clamp(page_size, 1, 200);
  auto uow = db_.BeginRead();
  out.total = uow->Audit().Count();
  out.events = uow->Audit().ListRecent((out.page - 1) * out.page_size, out.page_size);
  return out;
}

}  // namespace hearth
