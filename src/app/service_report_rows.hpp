// The service report's figures one by one, in the order of the METRICS.md object: the rows shared by the CSV and
// XLSX downloads. `subkey` is "" for a plain figure, else the month, enumeration value or id under the figure, with
// nested keys joined by '.' ("2020-03.health" in appraisals.requested_by_month).
#pragma once
#include <boost/json/object.hpp>
#include <functional>
#include <string_view>

namespace hearth {

using ReportFigureVisitor = std::function<void(std::string_view section, std::string_view key, std::string_view subkey,
                                               const boost::json::value& value)>;

void ForEachReportFigure(const boost::json::object& report, const ReportFigureVisitor& visit);

}  // namespace hearth
