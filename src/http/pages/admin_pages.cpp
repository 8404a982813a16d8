#include "http/routes.hpp"

namespace hearth::http {

void RegisterAdminPages(Router&, RouteDeps) {}

}  // namespace hearth::http
