#include "storage/sqlite/repositories.hpp"

namespace hearth::sqlite {
namespace {
constexpr std::string_view kInsertAudit =
    "INSERT INTO audit_events (at, user_id, role, action, record_type, record_id, family_id, outcome) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
// Change rows live in audit_events; access rows (views, searches, refusals), batched by the audit sink, in the
// attached access log (see SqliteDatabase). Reads see both as one trail, newest first.
constexpr std::string_view kBothTrails =
    "SELECT id, at, user_id, role, action, record_type, record_id, family_id, outcome, 0 AS src FROM audit_events "
    "UNION ALL SELECT id, at, user_id, role, action, record_type, record_id, family_id, outcome, 1 FROM "
    "access.access_events";
constexpr std::string_view kTrailColumns =
    "SELECT a.id, a.at, COALESCE(a.user_id, 0), COALESCE(u.username, ''), a.role, a.action, a.record_type, "
    "COALESCE(a.record_id, 0), COALESCE(a.family_id, 0), a.outcome FROM (";
const std::string kListForFamily = std::string(kTrailColumns) + std::string(kBothTrails) +
                                   ") a LEFT JOIN users u ON u.id = a.user_id WHERE a.family_id = ?1 "
                                   "ORDER BY a.at DESC, a.src DESC, a.id DESC LIMIT ?2 OFFSET ?3";
const std::string kListRecent = std::string(kTrailColumns) + std::string(kBothTrails) +
                                ") a LEFT JOIN users u ON u.id = a.user_id ORDER BY a.at DESC, a.src DESC, a.id DESC "
                                "LIMIT ?1 OFFSET ?2";
constexpr std::string_view kCountForFamily =
    "SELECT (SELECT COUNT(*) FROM audit_events WHERE family_id = ?1) + "
    "(SELECT COUNT(*) FROM access.access_events WHERE family_id = ?1)";
constexpr std::string_view kCountAll =
    "SELECT (SELECT COUNT(*) FROM audit_events) + (SELECT COUNT(*) FROM access.access_events)";

AuditEvent Read(const Statement& st) {
  return AuditEvent{st.Int(0), st.Text(1), st.Int(2), st.Text(3), st.Text(4),
                    st.Text(5), st.Text(6), st.Int(7), st.Int(8), st.Text(9)};
}
}  // namespace

void SqliteAudit::Append(const AuditEvent& e) {
  auto st = c_.Prepare(kInsertAudit);
  st.Bind(1, e.at);
  if (e.user_id != 0)
    st.Bind(2, e.user_id);
  else
    st.BindNull(2);
  st.Bind(3, e.role).Bind(4, e.action).Bind(5, e.record_type);
  if (e.record_id != 0)
    st.Bind(6, e.record_id);
  else
    st.BindNull(6);
  if (e.family_id != 0)
    st.Bind(7, e.family_id);
  else
    st.BindNull(7);
  st.Bind(8, e.outcome);
  st.Run();
}

std::vector<AuditEvent> SqliteAudit::ListForFamily(RecordId family_id, int offset, int limit) {
  std::vector<AuditEvent> out;
  auto st = c_.Prepare(kListForFamily);
  st.Bind(1, family_id).Bind(2, limit).Bind(3, offset);
  while (st.Step()) out.push_back(Read(st));
  return out;
}

int SqliteAudit::CountForFamily(RecordId family_id) {
  auto st = c_.Prepare(kCountForFamily);
  st.Bind(1, family_id);
  st.Step();
  return static_cast<int>(st.Int(0));
}

std::vector<AuditEvent> SqliteAudit::ListRecent(int offset, int limit) {
  std::vector<AuditEvent> out;
  auto st = c_.Prepare(kListRecent);
  st.Bind(1, limit).Bind(2, offset);
  while (st.Step()) out.push_back(Read(st));
  return out;
}

int SqliteAudit::Count() {
  auto st = c_.Prepare(kCountAll);
  st.Step();
  return static_cast<int>(st.Int(0));
}

}  // namespace hearth::sqlite
