// The record types of INTERCHANGE.md as data: for each type, its fields, which are required, what each holds
// (text, a date, a closed enumeration, a reference to another type, ...). Parsing, checking, import and export all
// read this one table, so a field is described once.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace hearth::interchange {

enum class RecordType : std::uint8_t {
  kTeam,
  kWorker,
  kService,
  kFamily,
  kPerson,
  kReferral,
  kEpisode,
  kAssignment,
  kAppraisal,
  kAction,
  kContact,
  kAssessment,
  kAce,
  kStatutory,
  kFeedback,
  kOversight,
  kAudit
};
inline constexpr std::size_t kRecordTypeCount = 17;

enum class FieldKind : std::uint8_t {
  kId,    // the record's own id: a non-empty string
  kText,  // a non-empty string when required; any string when optional
  kRef,   // the id of a record of FieldSpec::ref
  kDate,  // "YYYY-MM-DD", a real date within 1900-01-01..2100-12-31
  kEnum,  // one of FieldSpec::values
  kBool,
  kReasons,  // a list of outcome areas
  kScores,   // {environment, adversity, resilience, vulnerability}, integers 5-30
  kAnswers,  // any JSON object (for the service user form it must hold a valid satisfaction)
};

struct FieldSpec {
  std::string_view name;
  FieldKind kind;
  bool required;
  RecordType ref = RecordType::kTeam;          // kRef only
  std::span<const std::string_view> values{};  // kEnum and kReasons only
};

struct TypeSpec {
  RecordType type;
  std::string_view name;  // the "type" member
  std::span<const FieldSpec> fields;

  // Index of the field called `name`, if the type has one.
  std::optional<std::size_t> FieldIndex(std::string_view field) const;
};

// All record types, in the order their records are exported (referenced types first).
std::span<const TypeSpec> AllTypes();
const TypeSpec& Spec(RecordType type);
std::optional<RecordType> TypeNamed(std::string_view name);
inline std::size_t TypeIndex(RecordType type) { return static_cast<std::size_t>(type); }

// The values a worker's role and an assignment's role may take, and whether a Hearth role is one of them.
std::span<const std::string_view> WorkerRoles();
bool IsWorkerRole(std::string_view role);

}  // namespace hearth::interchange
