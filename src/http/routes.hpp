// Every route of the web application and the JSON API, registered by resource.
#pragma once
#include "app/services.hpp"
#include "http/router.hpp"
#include "http/views.hpp"

namespace hearth::http {

struct RouteDeps {
  Services& services;
  const Views& views;
};

void RegisterRoutes(Router& router, RouteDeps deps);

// One per resource, each in its own file.
void RegisterAuthRoutes(Router& router, RouteDeps deps);      // pages/auth_pages.cpp
void RegisterFamilyPages(Router& router, RouteDeps deps);     // pages/family_pages.cpp
void RegisterPersonPages(Router& router, RouteDeps deps);     // pages/person_pages.cpp
void RegisterReferralPages(Router& router, RouteDeps deps);   // pages/referral_pages.cpp
void RegisterAdminPages(Router& router, RouteDeps deps);      // pages/admin_pages.cpp
void RegisterCaseworkPages(Router& router, RouteDeps deps);   // pages/casework_pages.cpp
void RegisterReportPages(Router& router, RouteDeps deps);     // pages/report_pages.cpp (dashboard, CSV, XLSX)
void RegisterSupportingFamiliesPages(Router& router, RouteDeps deps);  // pages/supporting_families_pages.cpp
void RegisterPanelPages(Router& router, RouteDeps deps);      // pages/panel_pages.cpp
void RegisterPractitionerPages(Router& router, RouteDeps deps);  // pages/practitioner_pages.cpp
void RegisterWorkPages(Router& router, RouteDeps deps);       // pages/work_pages.cpp (page and API)
void RegisterDraftPages(Router& router, RouteDeps deps);      // pages/draft_pages.cpp
void RegisterFamilyApi(Router& router, RouteDeps deps);       // api/family_api.cpp
void RegisterReferralApi(Router& router, RouteDeps deps);     // api/referral_api.cpp
void RegisterJourneyApi(Router& router, RouteDeps deps);      // api/journey_api.cpp
void RegisterCaseworkApi(Router& router, RouteDeps deps);     // api/casework_api.cpp
void RegisterReportApi(Router& router, RouteDeps deps);       // api/report_api.cpp
void RegisterPanelApi(Router& router, RouteDeps deps);        // api/panel_api.cpp (meetings and practitioners)
void RegisterInstrumentApi(Router& router, RouteDeps deps);   // api/instrument_api.cpp
void RegisterInstrumentPages(Router& router, RouteDeps deps);  // pages/instrument_pages.cpp

}  // namespace hearth::http
