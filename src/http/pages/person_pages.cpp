#include "http/routes.hpp"

namespace hearth::http {

void RegisterPersonPages(Router&, RouteDeps) {}

}  // namespace hearth::http
