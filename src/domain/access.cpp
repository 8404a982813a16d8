#include "domain/access.hpp"

namespace hearth {

FamilyScope FamilyScopeFor(Role role) {
  switch (role) {
    case Role::kAdministrator:
    case Role::kFrontDoorCoordinator:
    case Role::kManager:
    case Role::kSocialWorker:
    case Role::kAuditor:
      return FamilyScope::kAll;
    case Role::kEaOfficer:
    case Role::kBrOfficer:
    case Role::kInterventionWorker:
    case Role::kFamilyAide:
      return FamilyScope::kCaseload;
    case Role::kPartner:
      return FamilyScope::kShared;
    case Role::kAnalyst:
      return FamilyScope::kNone;
  }
  return FamilyScope::kNone;
}

bool RoleHas(Role role, Capability capability) {
  switch (capability) {
    case Capability::kViewFamilies:
      return FamilyScopeFor(role) != FamilyScope::kNone;
    case Capability::kEditFamilies: {
      const auto scope = FamilyScopeFor(role);
      return (scope == FamilyScope::kAll && role != Role::kAuditor) || scope == FamilyScope::kCaseload;
    }
    case Capability::kRecordReferrals:
      return role == Role::kAdministrator || role == Role::kFrontDoorCoordinator || role == Role::kManager ||
             role == Role::kSocialWorker;
    case Capability::kManageUsers:
      return role == Role::kAdministrator;
    case Capability::kViewAudit:
      return role == Role::kAdministrator || role == Role::kAuditor;
    case Capability::kAllocateCases:
      return role == Role::kManager || role == Role::kFrontDoorCoordinator;
    case Capability::kWorkOnCases:
      return role == Role::kEaOfficer || role == Role::kBrOfficer || role == Role::kInterventionWorker ||
             role == Role::kFamilyAide || role == Role::kSocialWorker || role == Role::kManager;
    case Capability::kAnswerAppraisals:
      return role == Role::kPartner;
    case Capability::kRecordStatutory:
      return role == Role::kSocialWorker || role == Role::kManager;
    case Capability::kManageDirectory:
      return role == Role::kAdministrator || role == Role::kManager;
    // Service leads are managers or administrators in Hearth's roles; analysts see only aggregate reports.
    case Capability::kViewReports:
      return role == Role::kManager || role == Role::kAdministrator || role == Role::kAnalyst;
  }
  return false;
}

bool MayActOnEpisode(Role role, const EpisodeAccessFacts& facts) {
  switch (role) {
    case Role::kEaOfficer:
    case Role::kBrOfficer:
    case Role::kInterventionWorker:
    case Role::kFamilyAide:
      return facts.assigned_to_caller;
    case Role::kManager:
      return facts.assigned_to_caller || facts.assigned_within_team;
    case Role::kSocialWorker:
      return true;
    default:
      return false;
  }
}

}  // namespace hearth
