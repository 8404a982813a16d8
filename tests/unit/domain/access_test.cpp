#include "domain/access.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace hearth {
namespace {

// What each of the 11 roles may do (DESIGN.md §1, §5): one row per role, deny by default.
struct RoleRow {
  Role role;
  bool view_families;
  bool edit_families;
  bool record_referrals;
  bool manage_users;
  bool view_audit;
  FamilyScope scope;
};

constexpr RoleRow kMatrix[] = {
    //  role                          view   edit   refer  users  audit  scope
    {Role::kAdministrator,           true,  true,  true,  true,  true,  FamilyScope::kAll},
    {Role::kFrontDoorCoordinator,    true,  true,  true,  false, false, FamilyScope::kAll},
    {Role::kEaOfficer,               true,  true,  false, false, false, FamilyScope::kCaseload},
    {Role::kBrOfficer,               true,  true,  false, false, false, FamilyScope::kCaseload},
    {Role::kInterventionWorker,      true,  true,  false, false, false, FamilyScope::kCaseload},
    {Role::kFamilyAide,              true,  true,  false, false, false, FamilyScope::kCaseload},
    {Role::kSocialWorker,            true,  true,  true,  false, false, FamilyScope::kAll},
    {Role::kManager,                 true,  true,  true,  false, false, FamilyScope::kAll},
    {Role::kAuditor,                 true,  false, false, false, true,  FamilyScope::kAll},
    {Role::kPartner,                 true,  false, false, false, false, FamilyScope::kShared},
    {Role::kAnalyst,                 false, false, false, false, false, FamilyScope::kNone},
};

TEST(AccessMatrix, CoversEveryRoleExactlyOnce) {
  std::set<Role> seen;
  for (const auto& row : kMatrix) EXPECT_TRUE(seen.insert(row.role).second) << ToString(row.role);
  EXPECT_EQ(seen.size(), AllValues<Role>().size());
  EXPECT_EQ(AllValues<Role>().size(), 11u);
}

TEST(AccessMatrix, EachRoleHasExactlyItsCapabilities) {
  for (const auto& row : kMatrix) {
    const std::string name(ToString(row.role));
    EXPECT_EQ(RoleHas(row.role, Capability::kViewFamilies), row.view_families) << name << " view families";
    EXPECT_EQ(RoleHas(row.role, Capability::kEditFamilies), row.edit_families) << name << " edit families";
    EXPECT_EQ(RoleHas(row.role, Capability::kRecordReferrals), row.record_referrals) << name << " record referrals";
    EXPECT_EQ(RoleHas(row.role, Capability::kManageUsers), row.manage_users) << name << " manage users";
    EXPECT_EQ(RoleHas(row.role, Capability::kViewAudit), row.view_audit) << name << " view audit";
  }
}

TEST(AccessMatrix, EachRoleSeesItsFamilyScope) {
  for (const auto& row : kMatrix)
    EXPECT_EQ(FamilyScopeFor(row.role), row.scope) << ToString(row.role);
}

TEST(AccessMatrix, OnlyAdministratorsManageUsers) {
  for (Role role : AllValues<Role>())
    EXPECT_EQ(RoleHas(role, Capability::kManageUsers), role == Role::kAdministrator) << ToString(role);
}

TEST(AccessMatrix, NoRoleEditsWhatItCannotView) {
  for (Role role : AllValues<Role>()) {
    if (RoleHas(role, Capability::kEditFamilies)) {
      EXPECT_TRUE(RoleHas(role, Capability::kViewFamilies)) << ToString(role);
    }
    if (RoleHas(role, Capability::kRecordReferrals)) {
      EXPECT_EQ(FamilyScopeFor(role), FamilyScope::kAll) << ToString(role);
    }
  }
}

TEST(AccessPolicy, ServiceReportIsForManagersAdministratorsAndAnalystsOnly) {
  for (Role role : AllValues<Role>()) {
    const bool expected = role == Role::kManager || role == Role::kAdministrator || role == Role::kAnalyst;
    EXPECT_EQ(RoleHas(role, Capability::kViewReports), expected) << ToString(role);
  }
}

TEST(RoleNames, RoundTripThroughParseEnum) {
  for (Role role : AllValues<Role>()) EXPECT_EQ(ParseEnum<Role>(ToString(role)), role);
  EXPECT_FALSE(ParseEnum<Role>("Administrator"));
  EXPECT_FALSE(ParseEnum<Role>("root"));
}

}  // namespace
}  // namespace hearth
