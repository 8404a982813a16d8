// Versioned, forward-only schema migrations. Each is applied once, in order, inside one transaction with its
// record in schema_migrations; a migration is never edited after release, only followed by a new one.
#pragma once
#include <string_view>
#include <vector>

namespace hearth::sqlite {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

const std::vector<Migration>& AllMigrations();

extern const std::string_view kMigration0001Initial;
extern const std::string_view kMigration0002AuditNoReplace;
extern const std::string_view kMigration0003Journey;
extern const std::string_view kMigration0004Drafts;
extern const std::string_view kMigration0005ServiceNames;
extern const std::string_view kMigration0006Interchange;
extern const std::string_view kMigration0007PanelMeetingsPractitioners;
extern const std::string_view kMigration0008Outcomes;
extern const std::string_view kMigration0009InstrumentResults;
extern const std::string_view kMigration0010ReportIndexes;
extern const std::string_view kMigration0011LinkageChanges;

}  // namespace hearth::sqlite
