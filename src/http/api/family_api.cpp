#include "http/routes.hpp"

namespace hearth::http {

void RegisterFamilyApi(Router&, RouteDeps) {}

}  // namespace hearth::http
