#include "app/service_report_csv.hpp"

#include <charconv>

#include "app/service_report_rows.hpp"

namespace hearth {
namespace {
namespace json = boost::json;

// Quotes a field only when it needs it (a comma, quote or line break: ids are free text).
std::string Field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

// Numbers in the shortest form that reads back to the same double; integers as integers.
std::string Value(const json::value& v) {
  char buffer[64];
  if (v.is_int64()) return std::to_string(v.get_int64());
  if (v.is_uint64()) return std::to_string(v.get_uint64());
  if (v.is_double()) {
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v.get_double());
    return ec == std::errc() ? std::string(buffer, end) : std::string();
  }
  if (v.is_string()) return Field(v.get_string());
  if (v.is_bool()) return v.get_bool() ? "true" : "false";
  return {};  // null
}

}  // namespace

std::string ServiceReportCsv(const json::object& report) {
  std::string out = "section,key,subkey,value\r\n";
  ForEachReportFigure(report, [&out](std::string_view section, std::string_view key, std::string_view subkey,
                                     const json::value& value) {
    out += Field(section) + ',' + Field(key) + ',' + Field(subkey) + ',' + Value(value) + "\r\n";
  });
  return out;
}

}  // namespace hearth
