// The administration pages, registered by RegisterAdminPages (routes.hpp) in three parts.
#pragma once
#include "http/routes.hpp"

namespace hearth::http {

// Who has accessed a family's record, and the service's recent audit events (pages/audit_pages.cpp).
void RegisterAuditPages(Router& router, RouteDeps deps);
// The services directory: list and add (pages/service_pages.cpp).
void RegisterServicePages(Router& router, RouteDeps deps);

}  // namespace hearth::http
