// Every use case, built once over one database and shared by the web server and the command line.
#pragma once
#include "app/audit_query.hpp"
#include "app/auth_service.hpp"
#include "app/draft_service.hpp"
#include "app/family_service.hpp"
#include "app/referral_service.hpp"
#include "app/user_admin.hpp"

namespace hearth {

struct Services {
  Services(Database& database, AuthSettings auth_settings)
      : db(database),
        audit_sink(database),
        auth(database, std::move(auth_settings)),
        users(database),
        families(database, &audit_sink),
        referrals(database, &audit_sink),
        audit(database, &audit_sink),
        drafts(database, &audit_sink, auth.Settings()) {}

  Database& db;
  AuditSink audit_sink;  // first to be built, last to go: flushes queued view rows at shutdown
  AuthService auth;
  UserAdmin users;
  FamilyService families;
  ReferralService referrals;
  AuditQuery audit;
  DraftService drafts;  // shares the sessions' clock and timeouts
};

}  // namespace hearth
