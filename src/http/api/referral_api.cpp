#include "http/routes.hpp"

namespace hearth::http {

void RegisterReferralApi(Router&, RouteDeps) {}

}  // namespace hearth::http
