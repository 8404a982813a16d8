// The practitioner directory that lead professionals are chosen from.
#include "common/date.hpp"
#include "storage/sqlite/repositories.hpp"

namespace hearth::sqlite {
namespace {
constexpr std::string_view kColumns =
    "SELECT id, name, organisation_kind, organisation, role_title, email, version FROM practitioners ";
// name COLLATE NOCASE: a directory read by people, so "de Souza" sits beside "Davies", not after "Zhang".
const std::string kList = std::string(kColumns) + "ORDER BY name COLLATE NOCASE, id LIMIT ?1 OFFSET ?2";
const std::string kSelect = std::string(kColumns) + "WHERE id = ?1";
constexpr std::string_view kCount = "SELECT COUNT(*) FROM practitioners";
constexpr std::string_view kInsert =
    "INSERT INTO practitioners (name, organisation_kind, organisation, role_title, email, version, created_at, "
    "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?6)";
constexpr std::string_view kUpdate =
    "UPDATE practitioners SET name = ?2, organisation_kind = ?3, organisation = ?4, role_title = ?5, email = ?6, "
    "version = version + 1, updated_at = ?7 WHERE id = ?1 AND version = ?8";

Practitioner ReadPractitioner(const Statement& st) {
  Practitioner p;
  p.id = st.Int(0);
  p.name = st.Text(1);
  p.organisation_kind = st.Text(2);
  p.organisation = st.Text(3);
  p.role_title = st.Text(4);
  p.email = st.Text(5);
  p.version = static_cast<int>(st.Int(6));
  return p;
}
}  // namespace

std::vector<Practitioner> SqlitePractitioners::List(int offset, int limit) {
  std::vector<Practitioner> out;
  auto st = c_.Prepare(kList);
  st.Bind(1, limit).Bind(2, offset);  // SQLite reads a negative LIMIT as no limit
  while (st.Step()) out.push_back(ReadPractitioner(st));
  return out;
}

int SqlitePractitioners::Count() {
  auto st = c_.Prepare(kCount);
  return st.Step() ? static_cast<int>(st.Int(0)) : 0;
}

std::optional<Practitioner> SqlitePractitioners::FindById(RecordId id) {
  auto st = c_.Prepare(kSelect);
  st.Bind(1, id);
  if (!st.Step()) return std::nullopt;
  return ReadPractitioner(st);
}

RecordId SqlitePractitioners::Insert(const Practitioner& p) {
  c_.Prepare(kInsert)
      .Bind(1, p.name)
      .Bind(2, p.organisation_kind)
      .Bind(3, p.organisation)
      .Bind(4, p.role_title)
      .Bind(5, p.email)
      .Bind(6, UtcTimestampNow())
      .Run();
  return c_.LastInsertId();
}

bool SqlitePractitioners::Update(const Practitioner& p) {
  c_.Prepare(kUpdate)
      .Bind(1, p.id)
      .Bind(2, p.name)
      .Bind(3, p.organisation_kind)
      .Bind(4, p.organisation)
      .Bind(5, p.role_title)
      .Bind(6, p.email)
      .Bind(7, UtcTimestampNow())
      .Bind(8, p.version)
      .Run();
  return c_.Changes() == 1;
}

}  // namespace hearth::sqlite
