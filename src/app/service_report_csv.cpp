#include "app/service_report_csv.hpp"

#include <charconv>

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

void Row(std::string& out, std::string_view section, std::string_view key, std::string_view subkey,
         const json::value& value) {
  out += Field(section) + ',' + Field(key) + ',' + Field(subkey) + ',' + Value(value) + "\r\n";
}

// Everything below `key`, flattened: nested object keys joined with '.'.
void Rows(std::string& out, std::string_view section, std::string_view key, const std::string& subkey,
          const json::value& value) {
  if (!value.is_object()) return Row(out, section, key, subkey, value);
  for (const auto& [name, inner] : value.get_object())
    Rows(out, section, key, subkey.empty() ? std::string(name) : subkey + "." + std::string(name), inner);
}

}  // namespace

std::string ServiceReportCsv(const json::object& report) {
  std::string out = "section,key,subkey,value\r\n";
  for (const auto& [section, figures] : report) {
    if (!figures.is_object()) continue;
    for (const auto& [key, value] : figures.get_object()) Rows(out, section, key, "", value);
  }
  return out;
}

}  // namespace hearth
