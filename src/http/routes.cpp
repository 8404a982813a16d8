#include "http/routes.hpp"

namespace hearth::http {

void RegisterRoutes(Router& router, RouteDeps deps) {
  RegisterAuthRoutes(router, deps);
  RegisterFamilyPages(router, deps);
  RegisterPersonPages(router, deps);
  RegisterReferralPages(router, deps);
  RegisterAdminPages(router, deps);
  RegisterCaseworkPages(router, deps);
  RegisterPanelPages(router, deps);
  RegisterPractitionerPages(router, deps);
  RegisterWorkPages(router, deps);
  RegisterReportPages(router, deps);
  RegisterSupportingFamiliesPages(router, deps);
  RegisterDraftPages(router, deps);
  RegisterFamilyApi(router, deps);
  RegisterReferralApi(router, deps);
  RegisterJourneyApi(router, deps);
  RegisterCaseworkApi(router, deps);
  RegisterReportApi(router, deps);
  RegisterPanelApi(router, deps);
  RegisterInstrumentApi(router, deps);
  RegisterInstrumentPages(router, deps);
}

}  // namespace hearth::http
