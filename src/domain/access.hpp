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
  kAllocateCases,    // allocate families to officers, record the allocation panel's decisions
  kWorkOnCases,      // record casework on episodes the role may act on (MayActOnEpisode)
  kAnswerAppraisals, // partner agencies: answer the appraisal requests sent to their agency
  kRecordStatutory,  // step up to statutory social care; record statutory involvement
  kManageDirectory,  // the services directory that plan actions name as owners
  kViewReports,      // the service report (METRICS.md): aggregate figures, no family named
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

// What decides whether a caller may act on one episode (beyond seeing the family).
struct EpisodeAccessFacts {
  bool assigned_to_caller = false;       // an open assignment to the caller
  bool assigned_within_team = false;     // an open assignment to someone in the caller's team, or the team allocated
};

// Officers and workers act on the episodes allocated to them, managers on their team's, social workers on any
// (they oversee risk across the service); everyone else acts on none (allocation and panel decisions are
// kAllocateCases, answering appraisals kAnswerAppraisals).
bool MayActOnEpisode(Role role, const EpisodeAccessFacts& facts);

}  // namespace hearth
