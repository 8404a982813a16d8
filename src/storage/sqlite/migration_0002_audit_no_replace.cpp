#include "storage/sqlite/migrations.hpp"

namespace hearth::sqlite {

// INSERT OR REPLACE deletes the old row without firing delete triggers unless a connection turns on
// recursive_triggers. Refusing an insert over an existing id closes that door at the schema, for every connection.
const std::string_view kMigration0002AuditNoReplace = R"SQL(
CREATE TRIGGER audit_events_no_replace BEFORE INSERT ON audit_events
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit_events WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'audit rows cannot be replaced'); END;
)SQL";

}  // namespace hearth::sqlite
