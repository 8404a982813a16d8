#include "common/error.hpp"
#include "storage/sqlite/repositories.hpp"

namespace hearth::sqlite {
namespace {
constexpr std::string_view kUserColumns =
    "u.id, u.username, u.role, COALESCE(u.team_id, 0), COALESCE(t.name, ''), u.agency, u.disabled, u.password_hash, "
    "u.created_at FROM users u LEFT JOIN teams t ON t.id = u.team_id ";
const std::string kSelectUserByName = "SELECT " + std::string(kUserColumns) + "WHERE u.username = ?1";
const std::string kSelectUserById = "SELECT " + std::string(kUserColumns) + "WHERE u.id = ?1";
const std::string kSelectUserByToken = "SELECT " + std::string(kUserColumns) +
                                       "JOIN api_tokens k ON k.user_id = u.id WHERE k.token_hash = ?1";
const std::string kListUsers = "SELECT " + std::string(kUserColumns) + "ORDER BY u.username LIMIT ?1 OFFSET ?2";
constexpr std::string_view kInsertUser =
    "INSERT INTO users (username, role, team_id, agency, disabled, password_hash, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr std::string_view kSetDisabled = "UPDATE users SET disabled = ?2 WHERE id = ?1";
constexpr std::string_view kSetPasswordHash = "UPDATE users SET password_hash = ?2 WHERE id = ?1";
constexpr std::string_view kCountUsers = "SELECT COUNT(*) FROM users";
constexpr std::string_view kSelectTeamByName = "SELECT id, name FROM teams WHERE name = ?1";
constexpr std::string_view kInsertTeam = "INSERT INTO teams (name) VALUES (?1)";
constexpr std::string_view kListTeams = "SELECT id, name FROM teams ORDER BY name";
constexpr std::string_view kInsertToken = "INSERT INTO api_tokens (token_hash, user_id, created_at) VALUES (?1, ?2, ?3)";
constexpr std::string_view kDeleteTokens = "DELETE FROM api_tokens WHERE user_id = ?1";

User ReadUser(const Statement& st) {
  User u;
  u.id = st.Int(0);
  u.username = st.Text(1);
  u.role = ParseEnum<Role>(st.Text(2)).value_or(Role::kAnalyst);
  u.team_id = st.Int(3);
  u.team_name = st.Text(4);
  if (auto agency = st.OptionalText(5)) u.agency = ParseEnum<Agency>(*agency);
  u.disabled = st.Int(6) != 0;
  u.password_hash = st.Text(7);
  u.created_at = st.Text(8);
  return u;
}

std::optional<User> One(Connection& c, std::string_view sql, const std::string& key) {
  auto st = c.Prepare(sql);
  st.Bind(1, key);
  if (!st.Step()) return std::nullopt;
  return ReadUser(st);
}
}  // namespace

std::optional<User> SqliteUsers::FindByUsername(const std::string& username) {
  return One(c_, kSelectUserByName, username);
}

std::optional<User> SqliteUsers::FindById(RecordId id) {
  auto st = c_.Prepare(kSelectUserById);
  st.Bind(1, id);
  if (!st.Step()) return std::nullopt;
  return ReadUser(st);
}

std::optional<User> SqliteUsers::FindByApiTokenHash(const std::string& token_hash) {
  return One(c_, kSelectUserByToken, token_hash);
}

RecordId SqliteUsers::Insert(const User& user) {
  auto st = c_.Prepare(kInsertUser);
  st.Bind(1, user.username).Bind(2, ToString(user.role));
  if (user.team_id != 0)
    st.Bind(3, user.team_id);
  else
    st.BindNull(3);
  if (user.agency)
    st.Bind(4, ToString(*user.agency));
  else
    st.BindNull(4);
  st.Bind(5, user.disabled ? 1 : 0).Bind(6, user.password_hash).Bind(7, user.created_at);
  st.Run();
  return c_.LastInsertId();
}

void SqliteUsers::SetDisabled(RecordId id, bool disabled) {
  c_.Prepare(kSetDisabled).Bind(1, id).Bind(2, disabled ? 1 : 0).Run();
}

void SqliteUsers::SetPasswordHash(RecordId id, const std::string& hash) {
  c_.Prepare(kSetPasswordHash).Bind(1, id).Bind(2, hash).Run();
}

std::vector<User> SqliteUsers::List(int offset, int limit) {
  std::vector<User> out;
  auto st = c_.Prepare(kListUsers);
  st.Bind(1, limit).Bind(2, offset);
  while (st.Step()) out.push_back(ReadUser(st));
  return out;
}

int SqliteUsers::Count() {
  auto st = c_.Prepare(kCountUsers);
  st.Step();
  return static_cast<int>(st.Int(0));
}

std::optional<Team> SqliteUsers::FindTeamByName(const std::string& name) {
  auto st = c_.Prepare(kSelectTeamByName);
  st.Bind(1, name);
  if (!st.Step()) return std::nullopt;
  return Team{st.Int(0), st.Text(1)};
}

RecordId SqliteUsers::InsertTeam(const std::string& name) {
  c_.Prepare(kInsertTeam).Bind(1, name).Run();
  return c_.LastInsertId();
}

std::vector<Team> SqliteUsers::ListTeams() {
  std::vector<Team> out;
  auto st = c_.Prepare(kListTeams);
  while (st.Step()) out.push_back(Team{st.Int(0), st.Text(1)});
  return out;
}

void SqliteUsers::InsertApiToken(RecordId user_id, const std::string& token_hash, const std::string& created_at) {
  c_.Prepare(kInsertToken).Bind(1, token_hash).Bind(2, user_id).Bind(3, created_at).Run();
}

void SqliteUsers::DeleteApiTokens(RecordId user_id) { c_.Prepare(kDeleteTokens).Bind(1, user_id).Run(); }

}  // namespace hearth::sqlite
