#include "common/error.hpp"

#include <stdexcept>

namespace hearth {

void throw_exception_from_error(const Error& e, const boost::source_location&) {
  throw std::logic_error("unchecked error result: " + e.internal);
}

}  // namespace hearth
