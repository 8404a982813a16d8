// Test support: building an Input (the shape of a form or JSON body) from name/value pairs.
#pragma once
#include <initializer_list>
#include <string>
#include <utility>

#include "domain/input.hpp"

namespace hearth::testing {

// A name may repeat (checkboxes).
inline Input MakeInput(std::initializer_list<std::pair<std::string, std::string>> pairs) {
  Input in;
  for (const auto& [name, value] : pairs) in.Add(name, value);
  return in;
}

}  // namespace hearth::testing
