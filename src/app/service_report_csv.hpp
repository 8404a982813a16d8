// The service report as CSV (RFC 4180): a header `section,key,subkey,value`, then one row per figure of the
// METRICS.md object in its order. `subkey` is empty for a plain figure, the month, enumeration value or id of a
// keyed figure, and "month.kind" / "month.figure" for the two doubly keyed ones (appraisals.requested_by_month,
// returning_families.by_month). `value` is empty for null. docs/api.md describes the layout.
#pragma once
#include <boost/json/object.hpp>
#include <string>

namespace hearth {

std::string ServiceReportCsv(const boost::json::object& report);

}  // namespace hearth
