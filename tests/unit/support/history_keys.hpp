// Readable names for the numbers a ServiceHistory groups workers and families by, and for its services: fixtures
// say Key("w1") and ServiceOf(h, "s1") instead of bare numbers.
#pragma once
#include <algorithm>
#include <map>
#include <string>
#include <string_view>

#include "domain/service_history.hpp"

namespace hearth::test {

// The same name always gives the same key, different names different keys, and no name gives kNoOne.
inline GroupKey Key(std::string_view name) {
  static std::map<std::string, GroupKey, std::less<>> keys;
  const auto it = keys.find(name);
  if (it != keys.end()) return it->second;
  const auto key = static_cast<GroupKey>(keys.size() + 1);
  keys.emplace(std::string(name), key);
  return key;
}

// The service's position in h.services, added there when it is new.
inline ServiceIndex ServiceOf(ServiceHistory& h, std::string_view id) {
  const auto it = std::find(h.services.begin(), h.services.end(), id);
  if (it != h.services.end()) return static_cast<ServiceIndex>(it - h.services.begin());
  h.services.emplace_back(id);
  return static_cast<ServiceIndex>(h.services.size() - 1);
}

}  // namespace hearth::test
