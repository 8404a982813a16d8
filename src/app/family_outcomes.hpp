// The outcome records on a family's page (issue 4): ACEs per child, needs per outcome area with their outcome,
// and feedback, oversight and audits as chronology entries. Partners see none of them: consent to share with an
// agency covers the appraisals asked of it, not the family's outcome records.
#pragma once
#include <vector>

#include "app/family_service.hpp"
#include "app/principal.hpp"
#include "ports/database.hpp"

namespace hearth {

// Fills view.aces and view.needs and adds the outcome records to view.chronology (kept newest first), when `who`
// may see them.
void ReadFamilyOutcomes(UnitOfWork& uow, const Principal& who, RecordId family_id, FamilyView& view);

// The chronology entries of outcome records: chronology.feedback (detail: the form), chronology.oversight and
// chronology.audit (detail: the grade), each naming its episode. Exposed for tests.
std::vector<ChronologyEntry> OutcomeChronology(const std::vector<OutcomeEvent>& events);

}  // namespace hearth
