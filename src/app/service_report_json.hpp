// The service report as the one JSON object METRICS.md defines: the same object for `hearth report service --json`
// and GET /api/v1/reports/service. Enumeration-keyed objects carry every value; id-keyed ones only those that occur.
#pragma once
#include <boost/json/object.hpp>

#include "domain/service_report.hpp"

namespace hearth {

boost::json::object ServiceReportJson(const ServiceReport& report);

}  // namespace hearth
