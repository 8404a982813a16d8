// Every use case, built once over one database and shared by the web server and the command line.
#pragma once
#include "app/audit_query.hpp"
#include "app/auth_service.hpp"
#include "app/casework_service.hpp"
#include "app/draft_service.hpp"
#include "app/family_service.hpp"
#include "app/instrument_config.hpp"
#include "app/instrument_service.hpp"
#include "app/journey_service.hpp"
#include "app/panel_service.hpp"
#include "app/practitioner_service.hpp"
#include "app/referral_service.hpp"
#include "app/report_service.hpp"
#include "app/supporting_families_service.hpp"
#include "app/user_admin.hpp"
#include "app/work_list.hpp"

namespace hearth {

struct Services {
  Services(Database& database, AuthSettings auth_settings, TimescaleConfig timescales, InstrumentRegistry instrument_defs)
      : db(database),
        instruments(std::move(instrument_defs)),
        audit_sink(database),
        auth(database, std::move(auth_settings)),
        users(database),
        families(database, &audit_sink),
        referrals(database, &audit_sink),
        audit(database, &audit_sink),
        journey(database, &audit_sink),
        casework(database, &audit_sink),
        panel(database, &audit_sink),
        practitioners(database, &audit_sink),
        work(database, &audit_sink, std::move(timescales)),
        drafts(database, &audit_sink, auth.Settings()),
        reports(database, &audit_sink, work.Calendar()),
        assessments(database, &audit_sink, instruments),
        claims(database, &audit_sink) {
    if (const Instrument* form = instruments.Current("quality_audit")) work.SetAuditRoles(form->completed_by);
  }

  // The front door's possible matches from the linkage engine (see PersonLinkage; it learns of edits from the
  // database itself).
  void UseLinkage(PersonLinkage* linkage) { referrals.UseLinkage(linkage); }

  Database& db;
  const InstrumentRegistry instruments;  // every version of every form in config/instruments, never changed after start-up
  AuditSink audit_sink;  // first to be built, last to go: flushes queued view rows at shutdown
  AuthService auth;
  UserAdmin users;
  FamilyService families;
  ReferralService referrals;
  AuditQuery audit;
  JourneyService journey;
  CaseworkService casework;
  PanelService panel;
  PractitionerService practitioners;
  WorkListService work;
  DraftService drafts;  // shares the sessions' clock and timeouts
  ReportService reports;  // uses the work list's working-day calendar (configured extra holidays)
  InstrumentService assessments;  // Resilience Assessments, scored by `instruments`
  SupportingFamiliesService claims;  // the Supporting Families claim list
};

}  // namespace hearth
