#include "common/date.hpp"
#include "domain/name_similarity.hpp"
#include "storage/sqlite/repositories.hpp"

namespace hearth::sqlite {
namespace {
constexpr std::string_view kInsertFamily =
    "INSERT INTO families (area, address_line_1, address_line_2, town, postcode, postcode_key, version, created_at, "
    "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?7)";
constexpr std::string_view kUpdateFamily =
    "UPDATE families SET area = ?2, address_line_1 = ?3, address_line_2 = ?4, town = ?5, postcode = ?6, "
    "postcode_key = ?7, version = version + 1, updated_at = ?8 WHERE id = ?1 AND version = ?9";
constexpr std::string_view kSelectFamily =
    "SELECT id, area, address_line_1, address_line_2, town, postcode, version FROM families WHERE id = ?1";
constexpr std::string_view kCountFamilies = "SELECT COUNT(*) FROM families";

std::string PostcodeKey(const std::string& postcode) {
  std::string key;
  for (char c : postcode)
    if (c != ' ') key += c;
  return key;
}

// The smallest string greater than every string starting with `prefix` (for range scans on a prefix).
std::string PrefixUpperBound(std::string prefix) {
  while (!prefix.empty()) {
    auto& last = prefix.back();
    if (static_cast<unsigned char>(last) < 0x7f) {
      ++last;
      return prefix;
    }
    prefix.pop_back();
  }
  return "\x7f";
}
}  // namespace

std::vector<std::string> AppendVisibilityFilter(std::string& sql, const FamilyVisibility& v) {
  switch (v.scope) {
    case FamilyScope::kAll:
      return {};
    case FamilyScope::kCaseload:
      sql += " AND EXISTS (SELECT 1 FROM episodes e JOIN episode_assignments a ON a.episode_id = e.id "
             "WHERE e.family_id = f.id AND a.user_id = ? AND a.to_on IS NULL)";
      return {std::to_string(v.user_id)};
    case FamilyScope::kShared:
      sql += " AND EXISTS (SELECT 1 FROM referrals r JOIN referral_share_agencies s ON s.referral_id = r.id "
             "WHERE r.family_id = f.id AND r.consent_given = 1 AND s.agency = ?)";
      return {v.agency ? std::string(ToString(*v.agency)) : std::string("-")};
    case FamilyScope::kNone:
      sql += " AND 0";
      return {};
  }
  return {};
}

RecordId SqliteFamilies::Insert(const Family& f) {
  c_.Prepare(kInsertFamily)
      .Bind(1, f.area)
      .Bind(2, f.address_line_1)
      .Bind(3, f.address_line_2)
      .Bind(4, f.town)
      .Bind(5, f.postcode)
      .Bind(6, PostcodeKey(f.postcode))
      .Bind(7, UtcTimestampNow())
      .Run();
  return c_.LastInsertId();
}

bool SqliteFamilies::Update(const Family& f) {
  c_.Prepare(kUpdateFamily)
      .Bind(1, f.id)
      .Bind(2, f.area)
      .Bind(3, f.address_line_1)
      .Bind(4, f.address_line_2)
      .Bind(5, f.town)
      .Bind(6, f.postcode)
      .Bind(7, PostcodeKey(f.postcode))
      .Bind(8, UtcTimestampNow())
      .Bind(9, f.version)
      .Run();
  return c_.Changes() == 1;
}

std::optional<Family> SqliteFamilies::FindById(RecordId id) {
  auto st = c_.Prepare(kSelectFamily);
  st.Bind(1, id);
  if (!st.Step()) return std::nullopt;
  Family f;
  f.id = st.Int(0);
  f.area = st.Text(1);
  f.address_line_1 = st.Text(2);
  f.address_line_2 = st.Text(3);
  f.town = st.Text(4);
  f.postcode = st.Text(5);
  f.version = static_cast<int>(st.Int(6));
  return f;
}

bool SqliteFamilies::IsVisible(RecordId family_id, const FamilyVisibility& visibility) {
  if (visibility.scope == FamilyScope::kAll) return true;
  std::string sql = "SELECT 1 FROM families f WHERE f.id = ?";
  auto binds = AppendVisibilityFilter(sql, visibility);
  auto st = c_.Prepare(sql);
  st.Bind(1, family_id);
  for (std::size_t i = 0; i < binds.size(); ++i) st.Bind(static_cast<int>(i + 2), binds[i]);
  return st.Step();
}

FamilySearchResult SqliteFamilies::Search(const FamilySearch& s) {
  // One member must match every name prefix and the date of birth; the postcode is the household's.
  std::string sql =
      "SELECT f.id, f.area, f.postcode, "
      "(SELECT group_concat(given_name || ' ' || family_name, ', ') FROM "
      "  (SELECT given_name, family_name FROM people WHERE family_id = f.id ORDER BY id)), "
      "(SELECT COUNT(*) FROM people WHERE family_id = f.id), COUNT(*) OVER () "
      "FROM families f WHERE 1";
  std::vector<std::string> binds;
  if (!s.name_prefixes.empty() || s.date_of_birth) {
    sql += " AND EXISTS (SELECT 1 FROM people p WHERE p.family_id = f.id";
    for (const auto& raw : s.name_prefixes) {
      const std::string prefix = NormaliseName(raw);
      sql += " AND ((p.given_name_key >= ? AND p.given_name_key < ?) OR (p.family_name_key >= ? AND "
             "p.family_name_key < ?))";
      const std::string upper = PrefixUpperBound(prefix);
      binds.insert(binds.end(), {prefix, upper, prefix, upper});
    }
    if (s.date_of_birth) {
      sql += " AND p.date_of_birth = ?";
      binds.push_back(s.date_of_birth->ToString());
    }
    sql += ")";
  }
  if (!s.postcode_prefix.empty()) {
    sql += " AND f.postcode_key >= ? AND f.postcode_key < ?";
    binds.push_back(s.postcode_prefix);
    binds.push_back(PrefixUpperBound(s.postcode_prefix));
  }
  auto vis = AppendVisibilityFilter(sql, s.visibility);
  binds.insert(binds.end(), vis.begin(), vis.end());
  sql += " ORDER BY f.id DESC LIMIT ? OFFSET ?";

  FamilySearchResult result;
  {
    // Scoped: the recount below prepares the same SQL and must get the statement back reset.
    auto st = c_.Prepare(sql);
    int i = 1;
    for (const auto& b : binds) st.Bind(i++, b);
    st.Bind(i, s.limit);
    st.Bind(i + 1, s.offset);
    while (st.Step()) {
      result.families.push_back({st.Int(0), st.Text(1), st.Text(2), st.Text(3), static_cast<int>(st.Int(4))});
      result.total = static_cast<int>(st.Int(5));
    }
  }
  if (result.families.empty() && s.offset > 0) {
    // Past the last page: the window count is unavailable, so count separately.
    FamilySearch first = s;
    first.offset = 0;
    first.limit = 1;
    result.total = Search(first).total;
  }
  return result;
}

int SqliteFamilies::Count() {
  auto st = c_.Prepare(kCountFamilies);
  st.Step();
  return static_cast<int>(st.Int(0));
}

}  // namespace hearth::sqlite
