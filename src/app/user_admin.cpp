#include "app/user_admin.hpp"

#include "app/audit_log.hpp"
#include "common/secrets.hpp"
#include "domain/field_rules.hpp"

namespace hearth {
namespace {
bool ValidUsername(const std::string& name) {
  if (name.size() < 2 || name.size() > 64) return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// The command line (user_id 0) is trusted; on the web only administrators manage users.
bool MayManage(const Principal& actor) { return actor.user_id == 0 || actor.Can(Capability::kManageUsers); }
}  // namespace

Principal SystemPrincipal() {
  Principal p;
  p.username = "system";
  p.role = Role::kAdministrator;
  return p;
}

Result<RecordId> UserAdmin::AddUser(const Principal& actor, const NewUser& in) {
  if (!MayManage(actor)) return Error::Forbidden("add user");
  std::vector<FieldError> errors;
  if (!ValidUsername(in.username)) errors.push_back({"username", "error.username_invalid"});
  auto role = ParseEnum<Role>(in.role);
  if (!role) errors.push_back({"role", in.role.empty() ? "error.choose" : "error.choice_invalid"});
  const std::string team = rules::Trim(in.team);
  if (team.size() > rules::kNameMax) errors.push_back({"team", "error.too_long"});
  std::optional<Agency> agency;
  if (!in.agency.empty()) {
    agency = ParseEnum<Agency>(in.agency);
    if (!agency) errors.push_back({"agency", "error.choice_invalid"});
  }
  if (role == Role::kPartner && !agency) errors.push_back({"agency", "error.partner_needs_agency"});
  if (in.password.size() < kPasswordMin) errors.push_back({"password", "error.password_too_short"});
  if (in.password.size() > kPasswordMax) errors.push_back({"password", "error.password_too_long"});
  if (!errors.empty()) return Error::Validation(std::move(errors));

  const std::string hash = HashPassword(in.password);  // slow on purpose: outside the write lock
  auto uow = db_.BeginWrite();
  if (uow->Users().FindByUsername(in.username))
    return Error::Conflict("username taken", "error.validation", {{"username", "error.username_taken"}});
  User u;
  u.username = in.username;
  u.role = *role;
  u.agency = role == Role::kPartner ? agency : std::nullopt;
  if (!team.empty()) {
    auto existing = uow->Users().FindTeamByName(team);
    u.team_id = existing ? existing->id : uow->Users().InsertTeam(team);
  }
  u.password_hash = hash;
  u.created_at = UtcTimestampNow();
  const RecordId id = uow->Users().Insert(u);
  Audit(*uow, actor, "create", {"user", id, 0});
  uow->Commit();
  return id;
}

namespace {
Result<void> SetDisabled(Database& db, const Principal& actor, const std::string& username, bool disabled) {
  if (!MayManage(actor)) return Error::Forbidden("disable user");
  auto uow = db.BeginWrite();
  auto user = uow->Users().FindByUsername(username);
  if (!user) return Error::NotFound("no such user");
  uow->Users().SetDisabled(user->id, disabled);
  if (disabled) {
    uow->Sessions().DeleteForUser(user->id);
    uow->Users().DeleteApiTokens(user->id);
  }
  Audit(*uow, actor, disabled ? "disable" : "enable", {"user", user->id, 0});
  uow->Commit();
  return {};
}
}  // namespace

Result<void> UserAdmin::DisableUser(const Principal& actor, const std::string& username) {
  return SetDisabled(db_, actor, username, true);
}

Result<void> UserAdmin::EnableUser(const Principal& actor, const std::string& username) {
  return SetDisabled(db_, actor, username, false);
}

Result<std::string> UserAdmin::CreateApiToken(const Principal& actor, const std::string& username) {
  if (!MayManage(actor) && actor.username != username) return Error::Forbidden("token for another user");
  auto uow = db_.BeginWrite();
  auto user = uow->Users().FindByUsername(username);
  if (!user) return Error::NotFound("no such user");
  if (user->disabled) return Error::Conflict("user disabled", "error.user_disabled");
  std::string token = RandomHex(32);
  uow->Users().InsertApiToken(user->id, Sha256Hex(token), UtcTimestampNow());
  Audit(*uow, actor, "create_token", {"user", user->id, 0});
  uow->Commit();
  return token;
}

Result<UserPage> UserAdmin::ListUsers(const Principal& actor, int offset, int limit) {
  if (!actor.Can(Capability::kManageUsers)) return Error::Forbidden("list users");
  auto uow = db_.BeginRead();
  return UserPage{uow->Users().List(offset, limit), uow->Users().Count()};
}

}  // namespace hearth
