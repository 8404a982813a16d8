// The one table from error codes to HTTP statuses (STYLE.md: only in http/).
#pragma once
#include <boost/beast/http/status.hpp>

#include "common/error.hpp"

namespace hearth::http {

boost::beast::http::status StatusFor(ErrorCode code);
// The stable machine-readable code the JSON API reports, e.g. "validation_failed".
const char* ApiCodeFor(ErrorCode code);

}  // namespace hearth::http
