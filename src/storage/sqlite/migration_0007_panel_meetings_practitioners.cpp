#include "storage/sqlite/migrations.hpp"

namespace hearth::sqlite {

// Issue 3's remaining gaps. The allocation panel meets weekly: a meeting has a date (and optionally a chair and
// notes), and each decision names the meeting it was taken at (decisions recorded before meetings existed keep a
// NULL meeting_id). The practitioner directory lists the people of any agency who can be a family's lead
// professional: a TAF meeting names its choice by id (the free-text lead_professional stays for older rows) and the
// episode keeps the current one, so its page does not have to work it out from every meeting.
const std::string_view kMigration0007PanelMeetingsPractitioners = R"SQL(
CREATE TABLE panel_meetings (
  id INTEGER PRIMARY KEY,
  held_on TEXT NOT NULL,
  chair TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX panel_meetings_held_on ON panel_meetings(held_on, id);
ALTER TABLE panel_decisions ADD COLUMN meeting_id INTEGER REFERENCES panel_meetings(id);
CREATE INDEX panel_decisions_meeting ON panel_decisions(meeting_id);

CREATE TABLE practitioners (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  organisation_kind TEXT NOT NULL,
  organisation TEXT NOT NULL DEFAULT '',
  role_title TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX practitioners_name ON practitioners(name, id);
ALTER TABLE taf_meetings ADD COLUMN lead_practitioner_id INTEGER REFERENCES practitioners(id);
ALTER TABLE episodes ADD COLUMN lead_practitioner_id INTEGER REFERENCES practitioners(id);
)SQL";

}  // namespace hearth::sqlite
