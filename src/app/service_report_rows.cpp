#include "app/service_report_rows.hpp"

#include <string>

namespace hearth {
namespace {
namespace json = boost::json;

// Everything below `key`, flattened: nested object keys joined with '.'.
void Visit(const ReportFigureVisitor& visit, std::string_view section, std::string_view key, const std::string& subkey,
           const json::value& value) {
  if (!value.is_object()) return visit(section, key, subkey, value);
  for (const auto& [name, inner] : value.get_object())
    Visit(visit, section, key, subkey.empty() ? std::string(name) : subkey + "." + std::string(name), inner);
}

}  // namespace

void ForEachReportFigure(const json::object& report, const ReportFigureVisitor& visit) {
  for (const auto& [section, figures] : report) {
    if (!figures.is_object()) continue;
    for (const auto& [key, value] : figures.get_object()) Visit(visit, section, key, "", value);
  }
}

}  // namespace hearth
