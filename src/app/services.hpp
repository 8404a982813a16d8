// Every use case, built once over one database and shared by the web server and the command line.
#pragma once
#include "app/audit_query.hpp"
#include "app/auth_service.hpp"
#include "app/family_service.hpp"
#include "app/referral_service.hpp"
#include "app/user_admin.hpp"

namespace hearth {

struct Services {
  Services(Database& database, AuthSettings auth_settings)
      : db(database),
        auth(database, std::move(auth_settings)),
        users(database),
        families(database),
        referrals(database),
        audit(database) {}

  Database& db;
  AuthService auth;
  UserAdmin users;
  FamilyService families;
  ReferralService referrals;
  AuditQuery audit;
};

}  // namespace hearth
