// Small conversions every JSON view shares: dates as "YYYY-MM-DD" or null, enumerations by their INTERCHANGE
// names, lists of either, ids that may be absent (0) as null.
#pragma once
#include <boost/json/array.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <vector>

#include "common/date.hpp"
#include "domain/enum_names.hpp"

namespace hearth::http::jsonh {

inline boost::json::value DateJson(const std::optional<Date>& date) {
  if (!date) return nullptr;
  return boost::json::value(date->ToString());
}

template <class E>
boost::json::value EnumJson(E value) {
  const auto name = ToString(value);
  return boost::json::value(boost::json::string_view(name.data(), name.size()));
}

template <class E>
boost::json::value OptionalEnumJson(const std::optional<E>& value) {
  if (!value) return nullptr;
  return EnumJson(*value);
}

template <class E>
boost::json::array EnumListJson(const std::vector<E>& values) {
  boost::json::array out;
  for (E v : values) out.push_back(EnumJson(v));
  return out;
}

template <class T, class F>
boost::json::array ListJson(const std::vector<T>& items, F convert) {
  boost::json::array out;
  out.reserve(items.size());
  for (const auto& item : items) out.push_back(convert(item));
  return out;
}

inline boost::json::value IdOrNull(std::int64_t id) {
  if (id == 0) return nullptr;
  return boost::json::value(id);
}

}  // namespace hearth::http::jsonh
