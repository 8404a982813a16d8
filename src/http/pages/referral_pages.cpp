#include "http/routes.hpp"

namespace hearth::http {

void RegisterReferralPages(Router&, RouteDeps) {}

}  // namespace hearth::http
