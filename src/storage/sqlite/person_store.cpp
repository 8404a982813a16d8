#include "common/date.hpp"
#include "domain/name_similarity.hpp"
#include "storage/sqlite/repositories.hpp"

namespace hearth::sqlite {
namespace {
constexpr std::string_view kPersonColumns =
    "SELECT p.id, p.family_id, p.given_name, p.family_name, p.date_of_birth, p.sex, p.role, p.version FROM people p ";
const std::string kSelectPerson = std::string(kPersonColumns) + "WHERE p.id = ?1";
const std::string kListPeople = std::string(kPersonColumns) +
                                "WHERE p.family_id = ?1 ORDER BY p.role = 'child', "
                                "p.date_of_birth, p.id";
// By primary key, so reading every person in pages and catching up with new ones both cost what they return.
const std::string kListWithAddressAfter =
    "SELECT p.id, p.family_id, p.given_name, p.family_name, p.date_of_birth, p.sex, p.role, p.version, f.postcode, "
    "f.address_line_1 FROM people p JOIN families f ON f.id = p.family_id WHERE p.id > ?1 ORDER BY p.id LIMIT ?2";
// The log of edits the linkage index must apply (migration 0011's triggers write it).
constexpr std::string_view kLinkageChangesAfter =
    "SELECT seq, COALESCE(person_id, 0), COALESCE(family_id, 0) FROM linkage_changes WHERE seq > ?1 ORDER BY seq "
    "LIMIT ?2";
constexpr std::string_view kLastLinkageChange = "SELECT COALESCE(max(seq), 0) FROM linkage_changes";
constexpr std::string_view kInsertPerson =
    "INSERT INTO people (family_id, given_name, family_name, given_name_key, family_name_key, date_of_birth, sex, "
    "role, version, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, ?9)";
constexpr std::string_view kUpdatePerson =
    "UPDATE people SET given_name = ?2, family_name = ?3, given_name_key = ?4, family_name_key = ?5, "
    "date_of_birth = ?6, sex = ?7, role = ?8, version = version + 1, updated_at = ?9 WHERE id = ?1 AND version = ?10";
constexpr std::string_view kInsertRelationship =
    "INSERT INTO relationships (family_id, from_person_id, to_person_id, kind) VALUES (?1, ?2, ?3, ?4)";
constexpr std::string_view kListRelationships =
    "SELECT id, family_id, from_person_id, to_person_id, kind FROM relationships WHERE family_id = ?1 ORDER BY id";
constexpr std::string_view kDeleteRelationship = "DELETE FROM relationships WHERE id = ?2 AND family_id = ?1";

Person ReadPerson(const Statement& st) {
  Person p;
  p.id = st.Int(0);
  p.family_id = st.Int(1);
  p.given_name = st.Text(2);
  p.family_name = st.Text(3);
  if (auto dob = st.OptionalText(4)) p.date_of_birth = Date::Parse(*dob);
  p.sex = ParseEnum<Sex>(st.Text(5)).value_or(Sex::kUnknown);
  p.role = ParseEnum<MemberRole>(st.Text(6)).value_or(MemberRole::kOtherAdult);
  p.version = static_cast<int>(st.Int(7));
  return p;
}

std::optional<std::string> DobText(const Person& p) {
  if (!p.date_of_birth) return std::nullopt;
  return p.date_of_birth->ToString();
}
}  // namespace

RecordId SqlitePeople::Insert(const Person& p) {
  c_.Prepare(kInsertPerson)
      .Bind(1, p.family_id)
      .Bind(2, p.given_name)
      .Bind(3, p.family_name)
      .Bind(4, NormaliseName(p.given_name))
      .Bind(5, NormaliseName(p.family_name))
      .Bind(6, DobText(p))
      .Bind(7, ToString(p.sex))
      .Bind(8, ToString(p.role))
      .Bind(9, UtcTimestampNow())
      .Run();
  return c_.LastInsertId();
}

bool SqlitePeople::Update(const Person& p) {
  c_.Prepare(kUpdatePerson)
      .Bind(1, p.id)
      .Bind(2, p.given_name)
      .Bind(3, p.family_name)
      .Bind(4, NormaliseName(p.given_name))
      .Bind(5, NormaliseName(p.family_name))
      .Bind(6, DobText(p))
      .Bind(7, ToString(p.sex))
      .Bind(8, ToString(p.role))
      .Bind(9, UtcTimestampNow())
      .Bind(10, p.version)
      .Run();
  return c_.Changes() == 1;
}

std::optional<Person> SqlitePeople::FindById(RecordId id) {
  auto st = c_.Prepare(kSelectPerson);
  st.Bind(1, id);
  if (!st.Step()) return std::nullopt;
  return ReadPerson(st);
}

std::vector<Person> SqlitePeople::ListForFamily(RecordId family_id) {
  std::vector<Person> out;
  auto st = c_.Prepare(kListPeople);
  st.Bind(1, family_id);
  while (st.Step()) out.push_back(ReadPerson(st));
  return out;
}

std::vector<PersonWithAddress> SqlitePeople::ListWithAddressAfter(RecordId after_id, int limit) {
  std::vector<PersonWithAddress> out;
  auto st = c_.Prepare(kListWithAddressAfter);
  st.Bind(1, after_id).Bind(2, static_cast<RecordId>(limit));
  while (st.Step()) out.push_back({ReadPerson(st), st.Text(8), st.Text(9)});
  return out;
}

std::vector<LinkageChange> SqlitePeople::LinkageChangesAfter(std::int64_t after_seq, int limit) {
  std::vector<LinkageChange> out;
  auto st = c_.Prepare(kLinkageChangesAfter);
  st.Bind(1, after_seq).Bind(2, static_cast<std::int64_t>(limit));
  while (st.Step()) out.push_back({st.Int(0), st.Int(1), st.Int(2)});
  return out;
}

std::int64_t SqlitePeople::LastLinkageChange() {
  auto st = c_.Prepare(kLastLinkageChange);
  return st.Step() ? st.Int(0) : 0;
}

std::vector<Person> SqlitePeople::FindByDateOfBirth(const Date& dob, const FamilyVisibility& visibility) {
  std::string sql = std::string(kPersonColumns) + "JOIN families f ON f.id = p.family_id WHERE p.date_of_birth = ?";
  auto binds = AppendVisibilityFilter(sql, visibility);
  sql += " ORDER BY p.id LIMIT 200";
  auto st = c_.Prepare(sql);
  st.Bind(1, dob.ToString());
  for (std::size_t i = 0; i < binds.size(); ++i) st.Bind(static_cast<int>(i + 2), binds[i]);
  std::vector<Person> out;
  while (st.Step()) out.push_back(ReadPerson(st));
  return out;
}

RecordId SqlitePeople::InsertRelationship(const Relationship& r) {
  c_.Prepare(kInsertRelationship)
      .Bind(1, r.family_id)
      .Bind(2, r.from_person_id)
      .Bind(3, r.to_person_id)
      .Bind(4, ToString(r.kind))
      .Run();
  return c_.LastInsertId();
}

std::vector<Relationship> SqlitePeople::ListRelationships(RecordId family_id) {
  std::vector<Relationship> out;
  auto st = c_.Prepare(kListRelationships);
  st.Bind(1, family_id);
  while (st.Step())
    out.push_back({st.Int(0), st.Int(1), st.Int(2), st.Int(3),
                   ParseEnum<RelationshipKind>(st.Text(4)).value_or(RelationshipKind::kOther)});
  return out;
}

bool SqlitePeople::DeleteRelationship(RecordId family_id, RecordId relationship_id) {
  c_.Prepare(kDeleteRelationship).Bind(1, family_id).Bind(2, relationship_id).Run();
  return c_.Changes() == 1;
}

}  // namespace hearth::sqlite
