#include "http/routes.hpp"

namespace hearth::http {

void RegisterFamilyPages(Router&, RouteDeps) {}

}  // namespace hearth::http
