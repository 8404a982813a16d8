// Reading one line of an interchange file (INTERCHANGE.md) into a record, with an error for every field that is
// missing, of the wrong type, outside its closed enumeration, not a real date, or not in the record type at all.
// No I/O: the caller hands in each line's text.
#pragma once
#include <array>
#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/interchange_schema.hpp"

namespace hearth::interchange {

// One error of an import: the line (1-based), the field ("" for the line as a whole; "scores.adversity" inside an
// object) and the catalogue key of what is wrong. other_line: the line of the record it clashes with, if any.
struct LineError {
  std::uint32_t line = 0;
  std::string field;
  std::string message_key;
  std::uint32_t other_line = 0;

  bool operator==(const LineError&) const = default;
};

// A date as a day number (days since 1970-01-01), if `text` is a real "YYYY-MM-DD" date within 1900..2100.
std::optional<std::int32_t> DayNumber(std::string_view text);

// What a line held.
struct ParsedLine {
  enum class Kind { kBlank, kHeader, kRecord, kInvalid };
  Kind kind = Kind::kBlank;
  RecordType type = RecordType::kTeam;
  // kRecord, and kInvalid when the line is an object of a known type: valid until the next Parse.
  const boost::json::object* record = nullptr;
};

// Parses lines one at a time with one reused parser and buffer, so a file of millions of lines allocates little.
class LineParser {
 public:
  // `header_allowed`: this is the first non-blank line, where the optional header may stand.
  ParsedLine Parse(std::string_view text, std::uint32_t line, bool header_allowed, std::vector<LineError>& errors);
  // The same, with the line's value kept in `out` and its memory taken from `storage` (the caller's, so that many
  // lines can be held at once); the result's record points into `out`.
  ParsedLine ParseInto(std::string_view text, std::uint32_t line, bool header_allowed, std::vector<LineError>& errors,
                       boost::json::storage_ptr storage, std::optional<boost::json::value>& out);

 private:
  ParsedLine Examine(const boost::json::value& value, std::uint32_t line, bool header_allowed,
                     std::vector<LineError>& errors);

  boost::json::stream_parser parser_;
  // Each line's value lives in a fixed buffer, started afresh for every line: no allocation per member (a line
  // larger than the buffer spills to the heap).
  alignas(std::max_align_t) std::array<unsigned char, 16384> buffer_{};
  std::optional<boost::json::monotonic_resource> memory_;
  std::optional<boost::json::value> value_;  // moved in, so it keeps the buffer's memory
};

// The field rules alone (no references), for a record already known to be of `type`.
void CheckFields(RecordType type, const boost::json::object& record, std::uint32_t line,
                 std::vector<LineError>& errors);

// Text of an optional string member ("" when absent or null); the record has passed CheckFields.
std::string_view TextOf(const boost::json::object& record, std::string_view field);
// Day number of a date member, if present.
std::optional<std::int32_t> DayOf(const boost::json::object& record, std::string_view field);

// The record as export writes it: members that are null, "" or [] dropped (export leaves optional fields out when
// empty), so a stored record and a line can be compared member by member.
boost::json::object Canonical(const boost::json::object& record);

}  // namespace hearth::interchange
