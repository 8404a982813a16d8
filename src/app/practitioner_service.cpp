#include "app/practitioner_service.hpp"

#include "app/audit_log.hpp"

namespace hearth {

Result<PractitionerPage> PractitionerService::List(const Principal& who, int page, int page_size) {
  if (!who.Can(Capability::kManageDirectory)) return Error::Forbidden("practitioner directory");
  PractitionerPage out;
  out.page = page < 1 ? 1 : page;
  out.page_size = page_size;
  auto uow = db_.BeginRead();
  out.items = uow->Practitioners().List((out.page - 1) * page_size, page_size);
  out.total = uow->Practitioners().Count();
  return out;
}

Result<std::vector<Practitioner>> PractitionerService::Choices(const Principal& who) {
  if (!who.Can(Capability::kWorkOnCases) && !who.Can(Capability::kManageDirectory))
    return Error::Forbidden("practitioner directory");
  auto uow = db_.BeginRead();
  return uow->Practitioners().List(0, -1);
}

Result<RecordId> PractitionerService::Add(const Principal& who, const Input& in) {
  if (!who.Can(Capability::kManageDirectory)) {
    AuditSeparately(db_, sink_, who, "create", {"practitioner", 0, 0}, "denied");
    return Error::Forbidden("practitioner directory");
  }
  auto p = PractitionerFromInput(in);
  if (!p) return p.error();
  auto uow = db_.BeginWrite();
  const RecordId id = uow->Practitioners().Insert(*p);
  Audit(*uow, who, "create", {"practitioner", id, 0});
  uow->Commit();
  return id;
}

Result<Practitioner> PractitionerService::Get(const Principal& who, RecordId id) {
  if (!who.Can(Capability::kManageDirectory)) return Error::Forbidden("practitioner directory");
  auto uow = db_.BeginRead();
  auto found = uow->Practitioners().FindById(id);
  if (!found) return Error::NotFound("practitioner");
  return *found;
}

Result<Practitioner> PractitionerService::Update(const Principal& who, RecordId id, const Input& in, int version) {
  if (!who.Can(Capability::kManageDirectory)) {
    AuditSeparately(db_, sink_, who, "update", {"practitioner", id, 0}, "denied");
    return Error::Forbidden("practitioner directory");
  }
  auto p = PractitionerFromInput(in);
  if (!p) return p.error();
  auto uow = db_.BeginWrite();
  auto stored = uow->Practitioners().FindById(id);
  if (!stored) return Error::NotFound("practitioner");
  if (stored->version != version) return Error::Stale("practitioner");
  p->id = id;
  p->version = version;
  if (!uow->Practitioners().Update(*p)) return Error::Stale("practitioner");
  Audit(*uow, who, "update", {"practitioner", id, 0});
  uow->Commit();
  ++p->version;
  return *p;
}

}  // namespace hearth
