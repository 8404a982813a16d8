#include "storage/sqlite/migrations.hpp"

namespace hearth::sqlite {

// The front door's linkage index (app/person_linkage) lives in the server's memory and must learn of every edit of
// what it compares: a person's names, date of birth, sex or household, and a household's postcode or first address
// line. Edits come from the server itself but also from other processes (`hearth import --update`), so the
// database records them, whoever makes them: each such edit adds a row here, and the server reads the rows past
// the last it has seen before each lookup (a primary-key range, empty almost always). New people need no row: they
// are found by id. The WHEN clauses keep unchanged rows (an import of the same file again) out of the log.
// AUTOINCREMENT so that a sequence number is never reused after the server forgets the rows it has applied.
const std::string_view kMigration0011LinkageChanges = R"SQL(
CREATE TABLE linkage_changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id INTEGER,
  family_id INTEGER,
  CHECK ((person_id IS NULL) <> (family_id IS NULL))
);
CREATE TRIGGER people_linkage_change AFTER UPDATE OF given_name, family_name, date_of_birth, sex, family_id ON people
WHEN OLD.given_name IS NOT NEW.given_name OR OLD.family_name IS NOT NEW.family_name
  OR OLD.date_of_birth IS NOT NEW.date_of_birth OR OLD.sex IS NOT NEW.sex OR OLD.family_id IS NOT NEW.family_id
BEGIN
  INSERT INTO linkage_changes (person_id) VALUES (NEW.id);
END;
CREATE TRIGGER families_linkage_change AFTER UPDATE OF postcode, address_line_1 ON families
WHEN OLD.postcode IS NOT NEW.postcode OR OLD.address_line_1 IS NOT NEW.address_line_1
BEGIN
  INSERT INTO linkage_changes (family_id) VALUES (NEW.id);
END;
)SQL";

}  // namespace hearth::sqlite
