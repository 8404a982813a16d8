// The signed-in caller of a use case: who they are, their role, and which families they may see.
#pragma once
#include <optional>
#include <string>

#include "domain/access.hpp"
#include "ports/families.hpp"

namespace hearth {

struct Principal {
  RecordId user_id = 0;
  std::string username;
  Role role = Role::kAnalyst;
  RecordId team_id = 0;
  std::string team_name;
  std::optional<Agency> agency;
  std::string session_id_hash;  // empty for API tokens and the command line
  std::string csrf_token;       // the session's synchroniser token

  bool Can(Capability c) const { return RoleHas(role, c); }
  FamilyVisibility Visibility() const { return FamilyVisibility{FamilyScopeFor(role), user_id, agency}; }
};

}  // namespace hearth
