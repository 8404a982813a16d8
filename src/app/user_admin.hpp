// Administering staff accounts: add, disable, API tokens. Used by the admin pages and the command line
// (where the actor is the system principal, user_id 0).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/principal.hpp"
#include "common/error.hpp"
#include "ports/database.hpp"

namespace hearth {

struct NewUser {
  std::string username;
  std::string role;      // a Role name
  std::string team;      // team name; created when it does not exist yet
  std::string agency;    // partners: an Agency name
  std::string password;
};

struct UserPage {
  std::vector<User> users;
  int total = 0;
};

inline constexpr std::size_t kPasswordMin = 12;
inline constexpr std::size_t kPasswordMax = 128;

class UserAdmin {
 public:
  explicit UserAdmin(Database& db) : db_(db) {}

  // Field errors on username, role, team, agency, password.
  Result<RecordId> AddUser(const Principal& actor, const NewUser& input);
  // Disables the account and ends its sessions and API tokens at once.
  Result<void> DisableUser(const Principal& actor, const std::string& username);
  Result<void> EnableUser(const Principal& actor, const std::string& username);
  // A new bearer token for `username` (shown once; only its hash is kept).
  Result<std::string> CreateApiToken(const Principal& actor, const std::string& username);
  Result<UserPage> ListUsers(const Principal& actor, int offset, int limit);

 private:
  Database& db_;
};

// The principal for work done from the command line by whoever runs the server.
Principal SystemPrincipal();

}  // namespace hearth
