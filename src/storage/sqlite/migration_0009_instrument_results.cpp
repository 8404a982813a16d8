#include "storage/sqlite/migrations.hpp"

namespace hearth::sqlite {

// Issue 4's forms, completed in Hearth rather than only imported. Every result keeps the version of the form it was
// made with and, once superseded, its successor and the reason; oversight records keep every answer (a draft may
// leave the yes/no unanswered, which the NOT NULL column cannot say). A quality audit names the worker and manager
// it was sent to, who each acknowledge it. An ACE checklist is one form for one child, but the interchange and the
// service report count ACEs one row each (aces): the checklist is kept whole in ace_checklists and its applying ACEs
// are written to aces with the checklist's status, so a checklist where no ACE applies is still a record.
const std::string_view kMigration0009InstrumentResults = R"SQL(
CREATE TABLE ace_checklists (
  id INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  person_id INTEGER NOT NULL REFERENCES people(id),
  instrument_version INTEGER NOT NULL,
  completed_on TEXT NOT NULL,
  answers TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL CHECK (status IN ('draft', 'final', 'superseded')),
  recorded_by INTEGER REFERENCES users(id),
  superseded_by INTEGER REFERENCES ace_checklists(id),
  supersede_reason TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX ace_checklists_episode ON ace_checklists(episode_id);
ALTER TABLE aces ADD COLUMN checklist_id INTEGER REFERENCES ace_checklists(id);
CREATE INDEX aces_checklist ON aces(checklist_id);

ALTER TABLE feedback ADD COLUMN instrument_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE feedback ADD COLUMN superseded_by INTEGER REFERENCES feedback(id);
ALTER TABLE feedback ADD COLUMN supersede_reason TEXT NOT NULL DEFAULT '';

ALTER TABLE oversight_records ADD COLUMN instrument_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE oversight_records ADD COLUMN answers TEXT;
ALTER TABLE oversight_records ADD COLUMN superseded_by INTEGER REFERENCES oversight_records(id);
ALTER TABLE oversight_records ADD COLUMN supersede_reason TEXT NOT NULL DEFAULT '';

ALTER TABLE quality_audits ADD COLUMN instrument_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE quality_audits ADD COLUMN superseded_by INTEGER REFERENCES quality_audits(id);
ALTER TABLE quality_audits ADD COLUMN supersede_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE quality_audits ADD COLUMN worker_id INTEGER REFERENCES users(id);
ALTER TABLE quality_audits ADD COLUMN manager_id INTEGER REFERENCES users(id);
CREATE INDEX quality_audits_worker ON quality_audits(worker_id);
CREATE INDEX quality_audits_manager ON quality_audits(manager_id);
)SQL";

}  // namespace hearth::sqlite
