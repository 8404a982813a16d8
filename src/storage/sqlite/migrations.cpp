#include "storage/sqlite/migrations.hpp"

namespace hearth::sqlite {

const std::vector<Migration>& AllMigrations() {
  static const std::vector<Migration> kAll = {
      {1, "initial: users, sessions, families, people, referrals, episodes, audit", kMigration0001Initial},
      {2, "audit rows cannot be replaced", kMigration0002AuditNoReplace},
      {3, "early help journey: episode stages, assignments' reasons, casework records", kMigration0003Journey},
      {4, "form drafts kept across an expired session; sessions.ended_at", kMigration0004Drafts},
      {5, "services directory: one entry per name, whatever its case; versioned", kMigration0005ServiceNames},
      {6, "interchange ids on every record; workers' names; instrument, oversight and audit records",
       kMigration0006Interchange},
      {7, "panel meetings; practitioner directory; lead professional by practitioner",
       kMigration0007PanelMeetingsPractitioners},
      {8, "outcome of each need at closure; indexes for the oversight and audit work lists", kMigration0008Outcomes},
      {9, "instrument results completed in Hearth: versions, supersession, ACE checklists, audit recipients",
       kMigration0009InstrumentResults},
      {10, "covering indexes for the service report's load", kMigration0010ReportIndexes},
      {11, "edits of people and households logged for the front door's linkage index", kMigration0011LinkageChanges},
  };
  return kAll;
}

}  // namespace hearth::sqlite
