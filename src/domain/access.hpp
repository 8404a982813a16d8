// Who may do what (DESIGN.md §5): deny by default. Route policies name a Capability; record-level access
// narrows which families a role sees.
#pragma once
#include <optional>

#include "domain/enums.hpp"

namespace hearth {

enum class Capability {
  kViewFamilies,     // search and open family records (within the role's FamilyScope)
  kEditFamilies,     // create and edit families, people and relationships
  kRecordReferrals,  // the front door: record referrals and screening decisions
  kManageUsers,      // users, teams, API tokens of others
  kViewAudit,        // who accessed a record
};

bool RoleHas(Role role, Capability capability);

// Which families a role sees at all.
enum class FamilyScope {
  kAll,       // service-wide roles
  kCaseload,  // families with an episode assigned to the user
  kShared,    // partner agencies: families that consented to share with the user's agency
  kNone,      // analysts work with aggregate reports only
};

FamilyScope FamilyScopeFor(Role role);

}  // namespace hearth
