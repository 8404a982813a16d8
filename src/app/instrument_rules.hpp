// What the instrument use cases need to know beyond a form's definition: under which record type each form's
// results are audited, whether a start is sound (stage, date, person), which date a result is filed under, and that
// a `worker` answer names a member of staff.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "domain/instrument_result.hpp"
#include "domain/referral.hpp"
#include "ports/database.hpp"

namespace hearth {

struct AssessmentStart {
  std::string instrument;                             // any form in config/instruments that Hearth has a table for
  InstrumentStage stage = InstrumentStage::kInitial;  // kAny for forms taken at any time
  Date assessed_on;
  std::optional<RecordId> person_id;  // the person, for a per-person form (the ACE checklist, the young person's)
};

// The audit trail's record type for a form's results: the interchange names (assessment, ace, feedback, oversight,
// audit), so that a trail reads the same as an export.
std::string_view AuditRecordType(std::string_view instrument);

Error InstrumentFieldProblem(std::string field, std::string key);

// The stage must be one the form is taken at (kAny exactly for forms taken at any time), the date on or after the
// episode opened and not in the future, and the person a member of the family of the form's role, for a per-person
// form, and absent otherwise.
std::optional<Error> CheckStart(UnitOfWork& uow, const Instrument& definition, const Episode& episode,
                                const AssessmentStart& start);

// A form whose first question is a date (the oversight's, the audit's) is filed under that date once it is answered.
void FileUnderAnsweredDate(const Instrument& definition, InstrumentResult& result);

// Each `worker` answer must be the id of a member of staff; one FieldError per one that is not.
std::optional<Error> CheckWorkers(UnitOfWork& uow, const Instrument& definition, const Answers& answers);

}  // namespace hearth
