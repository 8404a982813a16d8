#include "storage/sqlite/migrations.hpp"

namespace hearth::sqlite {

// One directory entry per service name, whatever its case: services.name_key holds domain ServiceNameKey(name) and
// is unique. Rows already stored get lower(trim(name)); where that would collide, every row after the first keeps a
// key suffixed with its id, so the migration never fails or renames anything an administrator sees.
// services.version: entries are editable, and a stale edit is refused rather than overwriting a colleague's.
const std::string_view kMigration0005ServiceNames = R"SQL(
ALTER TABLE services ADD COLUMN name_key TEXT;
UPDATE services SET name_key = lower(trim(name))
  WHERE id = (SELECT min(s.id) FROM services s WHERE lower(trim(s.name)) = lower(trim(services.name)));
UPDATE services SET name_key = lower(trim(name)) || ' #' || id WHERE name_key IS NULL;
CREATE UNIQUE INDEX services_name_key ON services(name_key);
ALTER TABLE services ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
)SQL";

}  // namespace hearth::sqlite
