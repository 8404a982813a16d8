#include "storage/sqlite/interchange_store.hpp"

#include "domain/interchange_parse.hpp"
#include "domain/name_similarity.hpp"
#include "domain/service_directory.hpp"
#include "storage/sqlite/interchange_queries.hpp"

namespace hearth::sqlite {
namespace {
namespace json = boost::json;
using interchange::FieldKind;
using interchange::RecordType;

constexpr std::string_view kFindObjective =
    "SELECT id FROM objectives WHERE episode_id = ?1 AND outcome = ?2 ORDER BY id LIMIT 1";
constexpr std::string_view kInsertObjective =
    "INSERT INTO objectives (episode_id, outcome, measure, who, target_on, created_at) VALUES (?1, ?2, '', '', ?3, ?4)";
constexpr std::string_view kUsernameTaken = "SELECT 1 FROM users WHERE username = ?1";
constexpr std::string_view kServiceKeyTaken = "SELECT 1 FROM services WHERE name_key = ?1 AND id <> ?2";
constexpr std::string_view kTeamNamed = "SELECT external_id FROM teams WHERE name = ?1";
constexpr std::string_view kCommonRoleOfTeam =
    "SELECT u.role FROM users u JOIN teams t ON t.id = u.team_id WHERE t.external_id = ?1 "
    "GROUP BY u.role ORDER BY count(*) DESC, u.role LIMIT 1";
constexpr std::string_view kInstancePrefix = "SELECT prefix FROM instance_identity WHERE id = 1";
constexpr std::string_view kIndexesOfTable =
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL ORDER BY name";
constexpr int kCreatedAtParameter = 20;
constexpr int kExtraParameter = 21;

// Postcode search key, as the family store keeps it: the postcode without spaces.
std::string PostcodeKey(std::string_view postcode) {
  std::string key;
  for (char c : postcode)
    if (c != ' ') key += c;
  return key;
}

std::string JoinReasons(const json::value* v) {
  std::string out;
  if (!v || !v->is_array()) return out;
  for (const auto& item : v->get_array()) {
    if (!out.empty()) out += ',';
    out += std::string_view(item.get_string());
  }
  return out;
}

// One column of a stored row into the record, by the interchange field it is named after.
void PutColumn(const interchange::TypeSpec& spec, const Statement& st, int column, json::object& out) {
  if (st.IsNull(column)) return;
  const auto name = st.ColumnName(column);
  if (name.starts_with("scores.")) {
    auto& scores = out["scores"];
    if (!scores.is_object()) scores = json::object();
    scores.get_object()[name.substr(7)] = st.Int(column);
    return;
  }
  const auto index = spec.FieldIndex(name);
  const auto kind = index ? spec.fields[*index].kind : FieldKind::kText;
  switch (kind) {
    case FieldKind::kBool:
      out[name] = st.Int(column) != 0;
      return;
    case FieldKind::kAnswers:
      out[name] = json::parse(st.Text(column));
      return;
    case FieldKind::kReasons: {
      const auto text = st.Text(column);
      if (text.empty()) return;
      json::array reasons;
      std::size_t start = 0;
      while (start <= text.size()) {
        auto end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        reasons.emplace_back(std::string_view(text).substr(start, end - start));
        start = end + 1;
      }
      out[name] = std::move(reasons);
      return;
    }
    default: {
      auto text = st.Text(column);
      if (!text.empty()) out[name] = std::move(text);
      return;
    }
  }
}

json::object RowRecord(const interchange::TypeSpec& spec, const Statement& st) {
  json::object out;
  out["type"] = spec.name;
  for (int c = 1; c < st.ColumnCount(); ++c) PutColumn(spec, st, c, out);
  return out;
}

}  // namespace

void SqliteInterchange::BeginBulkImport() {
  c_.Execute("PRAGMA defer_foreign_keys = ON");
  // 768 MiB: a history of 200,000 episodes (about 600 MB of tables and indexes) stays in memory until the commit,
  // instead of spilling half-built index pages to the WAL. The sorts of EndBulkImport's CREATE INDEX stay in memory.
  c_.Execute("PRAGMA cache_size = -786432");
  c_.Execute("PRAGMA temp_store = MEMORY");
  SetAsideIndexesOfEmptyTables();
}

// A table that is empty before the import gets its secondary indexes back after the rows: CREATE INDEX sorts once,
// instead of millions of inserts at random places in each index's b-tree. The statements come from sqlite_master,
// so indexes added by later migrations are covered; DDL is transactional, so a rolled-back import leaves them as
// they were. Indexes SQLite makes for UNIQUE columns (sql IS NULL) cannot be dropped and stay; the queries the
// import itself runs use only those, row ids and tables that were not empty (or, services' name key, a handful of
// rows).
void SqliteInterchange::SetAsideIndexesOfEmptyTables() {
  for (const auto& spec : interchange::AllTypes()) {
    const std::string table(QueriesFor(spec.type).table);
    {
      auto any = c_.Prepare("SELECT EXISTS (SELECT 1 FROM " + table + ")");
      any.Step();
      if (any.Int(0) != 0) continue;
    }
    std::vector<std::string> names;
    {
      auto st = c_.Prepare(kIndexesOfTable);
      st.Bind(1, table);
      while (st.Step()) {
        names.push_back(st.Text(0));
        set_aside_.push_back(st.Text(1));
      }
    }
    for (const auto& name : names) c_.Execute("DROP INDEX \"" + name + "\"");
  }
}

void SqliteInterchange::EndBulkImport() {
  for (const auto& sql : set_aside_) c_.Execute(sql);
  set_aside_.clear();
}

std::int64_t SqliteInterchange::MaxRow(RecordType type) {
  auto st = c_.Prepare("SELECT COALESCE(max(id), 0) FROM " + std::string(QueriesFor(type).table));
  st.Step();
  return st.Int(0);
}

std::optional<StoredRecord> SqliteInterchange::Find(RecordType type, std::string_view id) {
  auto st = c_.Prepare(std::string(QueriesFor(type).select) + " AND t.external_id = ?1");
  st.Bind(1, id);
  if (!st.Step()) return std::nullopt;
  return StoredRecord{st.Int(0), RowRecord(interchange::Spec(type), st)};
}

std::optional<std::string> SqliteInterchange::TeamNamed(std::string_view name) {
  auto st = c_.Prepare(kTeamNamed);
  st.Bind(1, name);
  if (!st.Step()) return std::nullopt;
  return st.Text(0);
}

void SqliteInterchange::ForEach(RecordType type, const std::function<void(json::object&)>& visit) {
  const auto& spec = interchange::Spec(type);
  auto st = c_.Prepare(std::string(QueriesFor(type).select) + " ORDER BY t.id");
  while (st.Step()) {
    auto record = RowRecord(spec, st);
    visit(record);
  }
}

std::string SqliteInterchange::CommonRoleOfTeam(std::string_view team_id) {
  auto st = c_.Prepare(kCommonRoleOfTeam);
  st.Bind(1, team_id);
  return st.Step() ? st.Text(0) : std::string();
}

std::string SqliteInterchange::InstancePrefix() {
  auto st = c_.Prepare(kInstancePrefix);
  return st.Step() ? st.Text(0) : std::string();
}

std::int64_t SqliteInterchange::ObjectiveFor(std::int64_t episode_row, std::string_view outcome,
                                             std::string_view target_on, std::string_view created_at) {
  auto key = std::make_pair(episode_row, std::string(outcome));
  if (auto it = objectives_.find(key); it != objectives_.end()) return it->second;
  std::int64_t id = 0;
  {
    auto find = c_.Prepare(kFindObjective);
    find.Bind(1, episode_row).Bind(2, outcome);
    if (find.Step()) id = find.Int(0);
  }
  if (id == 0) {
    c_.Prepare(kInsertObjective).Bind(1, episode_row).Bind(2, outcome).Bind(3, target_on).Bind(4, created_at).Run();
    id = c_.LastInsertId();
  }
  objectives_.emplace(std::move(key), id);
  return id;
}

// Imported workers sign in only once an administrator gives them a password: a unique name derived from the id.
std::string SqliteInterchange::UsernameFor(std::string_view external_id, std::int64_t row) {
  std::string name = "ix-";
  for (char c : external_id) {
    if (name.size() >= 60) break;
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    const bool allowed = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') || lower == '.' ||
                         lower == '_' || lower == '-';
    name += allowed ? lower : '-';
  }
  auto st = c_.Prepare(kUsernameTaken);
  st.Bind(1, name);
  if (st.Step()) name += "-" + std::to_string(row);
  return name;
}

// As migration 0005: a name whose key another service already has keeps a key suffixed with its row id.
std::string SqliteInterchange::ServiceKeyFor(std::string_view name, std::int64_t row) {
  auto key = ServiceNameKey(name);
  auto st = c_.Prepare(kServiceKeyTaken);
  st.Bind(1, key).Bind(2, row);
  if (st.Step()) key += " #" + std::to_string(row);
  return key;
}

void SqliteInterchange::Write(const RecordWrite& w) {
  const auto& spec = interchange::Spec(w.type);
  const auto& r = *w.record;
  auto st = c_.PrepareStatic(w.update ? QueriesFor(w.type).upsert : InsertFor(w.type));
  st.Bind(1, w.row).Bind(kCreatedAtParameter, w.created_at);
  for (std::size_t i = 0; i < spec.fields.size(); ++i) {
    const auto& f = spec.fields[i];
    const int p = static_cast<int>(i) + 2;
    const auto* v = r.if_contains(f.name);
    if (f.kind == FieldKind::kRef) {
      if (w.refs[i] != 0) st.Bind(p, w.refs[i]);
      continue;
    }
    if (!v || v->is_null()) continue;  // bindings start NULL
    switch (f.kind) {
      case FieldKind::kBool:
        st.Bind(p, v->get_bool() ? 1 : 0);
        break;
      case FieldKind::kReasons:
        st.Bind(p, JoinReasons(v));
        break;
      case FieldKind::kAnswers:
        st.Bind(p, json::serialize(*v));
        break;
      case FieldKind::kScores:
        break;
      default:
        st.Bind(p, std::string_view(v->get_string()));
        break;
    }
  }
  const auto text = [&](std::string_view field) { return interchange::TextOf(r, field); };
  switch (w.type) {
    case RecordType::kWorker:
      st.Bind(kExtraParameter, UsernameFor(text("id"), w.row));  // kept on update: the conflict clause skips it
      break;
    case RecordType::kService:
      st.Bind(kExtraParameter, ServiceKeyFor(text("name"), w.row));
      break;
    case RecordType::kFamily:
      st.Bind(kExtraParameter, PostcodeKey(text("postcode")));
      break;
    case RecordType::kPerson:
      st.Bind(kExtraParameter, NormaliseName(text("given_name")));
      st.Bind(kExtraParameter + 1, NormaliseName(text("family_name")));
      break;
    case RecordType::kEpisode:
      st.Bind(kExtraParameter, w.stage);
      if (w.worker_row != 0) st.Bind(kExtraParameter + 1, w.worker_row);
      break;
    case RecordType::kAppraisal:
      st.Bind(kExtraParameter, w.family_row).Bind(kExtraParameter + 1, w.derived_date);
      break;
    case RecordType::kAction:
      st.Bind(kExtraParameter, ObjectiveFor(w.refs[1], text("objective"), w.derived_date, w.created_at));
      break;
    case RecordType::kAssessment: {
      const auto& scores = r.at("scores").get_object();
      int p = kExtraParameter;
      for (auto domain : {"environment", "adversity", "resilience", "vulnerability"})
        st.Bind(p++, scores.at(domain).to_number<std::int64_t>());
      break;
    }
    case RecordType::kFeedback:
      if (const auto* s = r.at("answers").get_object().if_contains("satisfaction");
          text("form") == "service_user" && s && s->is_string())
        st.Bind(kExtraParameter, std::string_view(s->get_string()));
      break;
    default:
      break;
  }
  st.Run();
}

}  // namespace hearth::sqlite
