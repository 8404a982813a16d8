#include "http/status_map.hpp"

namespace hearth::http {

using boost::beast::http::status;

status StatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kValidation: return status::unprocessable_entity;
    case ErrorCode::kNotFound: return status::not_found;
    case ErrorCode::kConflict: return status::conflict;
    case ErrorCode::kStaleVersion: return status::precondition_failed;
    case ErrorCode::kForbidden: return status::forbidden;
    case ErrorCode::kUnauthenticated: return status::unauthorized;
    case ErrorCode::kTooManyRequests: return status::too_many_requests;
    case ErrorCode::kPayloadTooLarge: return status::payload_too_large;
  }
  return status::internal_server_error;
}

const char* ApiCodeFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kValidation: return "validation_failed";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kStaleVersion: return "stale_version";
    case ErrorCode::kForbidden: return "forbidden";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kTooManyRequests: return "too_many_requests";
    case ErrorCode::kPayloadTooLarge: return "payload_too_large";
  }
  return "internal_error";
}

}  // namespace hearth::http
