// Compares two JSON values structurally: same keys, same strings and nulls, numbers equal within a tiny relative
// tolerance (integers and doubles compare by value). On a difference, says where.
#pragma once
#include <boost/json.hpp>
#include <cmath>
#include <string>

namespace hearth::testing {

inline bool NumberOf(const boost::json::value& v, double& out) {
  if (v.is_int64()) out = static_cast<double>(v.get_int64());
  else if (v.is_uint64()) out = static_cast<double>(v.get_uint64());
  else if (v.is_double()) out = v.get_double();
  else return false;
  return true;
}

// Empty when equal; otherwise the path of the first difference and both values.
inline std::string JsonDifference(const boost::json::value& actual, const boost::json::value& expected,
                                  const std::string& path = "$") {
  const auto differ = [&] {
    return path + ": got " + boost::json::serialize(actual) + ", expected " + boost::json::serialize(expected);
  };
  double a = 0, e = 0;
  if (NumberOf(expected, e)) {
    if (!NumberOf(actual, a)) return differ();
    if (std::fabs(a - e) > 1e-9 * std::max(1.0, std::max(std::fabs(a), std::fabs(e)))) return differ();
    return {};
  }
  if (expected.is_object()) {
    if (!actual.is_object()) return differ();
    const auto& ao = actual.get_object();
    const auto& eo = expected.get_object();
    for (const auto& [key, value] : eo) {
      if (!ao.contains(key)) return path + "." + std::string(key) + ": missing";
      std::string d = JsonDifference(ao.at(key), value, path + "." + std::string(key));
      if (!d.empty()) return d;
    }
    for (const auto& [key, value] : ao)
      if (!eo.contains(key)) return path + "." + std::string(key) + ": unexpected key";
    return {};
  }
  if (expected.is_array()) {
    if (!actual.is_array() || actual.get_array().size() != expected.get_array().size()) return differ();
    for (std::size_t i = 0; i < expected.get_array().size(); ++i) {
      std::string d = JsonDifference(actual.get_array()[i], expected.get_array()[i], path + "[" + std::to_string(i) + "]");
      if (!d.empty()) return d;
    }
    return {};
  }
  if (actual != expected) return differ();
  return {};
}

}  // namespace hearth::testing
