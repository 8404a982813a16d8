// The services directory (casework.hpp Service): which input makes a valid entry, and when two names are the same
// service. Plan actions name a service as their owner, so two entries that differ only in case would split them.
#pragma once
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "domain/casework.hpp"
#include "domain/input.hpp"

namespace hearth {

// name* (at most 100 characters), kind (optional, at most 100).
Result<Service> ServiceFromInput(const Input& in);

// The form of a name under which duplicates are refused: trimmed, inner runs of white space as one space, ASCII
// letters lower-cased ("Housing  Options " and "housing options" are the same service). Stored as services.name_key.
std::string ServiceNameKey(std::string_view name);

}  // namespace hearth
