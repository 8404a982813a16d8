// Expected failures as values. `internal` is for logs (never personal data); `message_key` names the
// catalogue entry the user sees; `fields` names each offending input.
#pragma once
#include <boost/system/result.hpp>
#include <string>
#include <utility>
#include <vector>

namespace hearth {

enum class ErrorCode {
  kValidation,       // input is malformed or breaks a rule
  kNotFound,         // no such record, or one the caller may not see (indistinguishable on purpose)
  kConflict,         // would duplicate a unique value
  kStaleVersion,     // edited from an out-of-date copy
  kForbidden,        // the caller's role may not do this
  kUnauthenticated,  // no valid session or token
  kTooManyRequests,  // throttled
  kPayloadTooLarge,  // request body over the limit
};

struct FieldError {
  std::string field;        // form field / JSON member name, e.g. "date_of_birth"
  std::string message_key;  // catalogue key, e.g. "error.date.invalid"
};

struct Error {
  ErrorCode code = ErrorCode::kValidation;
  std::string internal;     // for logs: no personal data
  std::string message_key;  // catalogue key of the summary message
  std::vector<FieldError> fields;

  static Error Validation(std::vector<FieldError> fields, std::string internal = "validation failed") {
    return Error{ErrorCode::kValidation, std::move(internal), "error.validation", std::move(fields)};
  }
  static Error NotFound(std::string internal = "not found") {
    return Error{ErrorCode::kNotFound, std::move(internal), "error.not_found", {}};
  }
  static Error Forbidden(std::string internal = "forbidden") {
    return Error{ErrorCode::kForbidden, std::move(internal), "error.forbidden", {}};
  }
  static Error Conflict(std::string internal, std::string key, std::vector<FieldError> fields = {}) {
    return Error{ErrorCode::kConflict, std::move(internal), std::move(key), std::move(fields)};
  }
  static Error Stale(std::string internal = "stale version") {
    return Error{ErrorCode::kStaleVersion, std::move(internal), "error.stale_version", {}};
  }
};

// Lets boost::system::result<T, Error>::value() throw when misused.
[[noreturn]] void throw_exception_from_error(const Error& e, const boost::source_location& loc);

template <class T>
using Result = boost::system::result<T, Error>;

// Thrown only for "cannot continue" conditions (database gone, corrupt configuration).
class FatalError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace hearth
