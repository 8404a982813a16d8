#include "storage/sqlite/migrations.hpp"

namespace hearth::sqlite {

// Interchange (INTERCHANGE.md) and the instruments of issue 4.
//
// Every record Hearth exports needs an id that stays the same from one export to the next and that a re-import
// recognises. Imported rows keep the file's id in external_id; rows made in Hearth get one at insert, by trigger, as
// "<instance prefix>-<interchange type>-<row id>". The prefix is random per database so that a history exported from
// one Hearth and imported into another cannot collide with the second one's own records.
//
// users gain external_id and name: interchange workers are staff (most of them, in an imported history, without a
// sign-in: disabled, with no usable password).
//
// The scored and recorded instruments get one table per interchange type. Each row has a status (draft, final,
// superseded): only final rows are reported and exported; a finalised result is never edited, only superseded by a
// new row that names it (issue 4). Imported rows are final. Item-level answers of a form are kept as JSON in
// `answers`, because their shape belongs to the instrument definition (config/instruments), not to the schema.
const std::string_view kMigration0006Interchange = R"SQL(
CREATE TABLE instance_identity (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  prefix TEXT NOT NULL
);
INSERT INTO instance_identity (id, prefix) VALUES (1, 'h' || lower(hex(randomblob(4))));

ALTER TABLE users ADD COLUMN external_id TEXT;
ALTER TABLE users ADD COLUMN name TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX users_external_id ON users(external_id);

-- INTERCHANGE.md `assessment`: a Resilience Assessment (whole family) or a Young Person's Resilience Assessment
-- (person_id: the young person). Domain totals are NULL while a draft is incomplete.
CREATE TABLE resilience_assessments (
  id INTEGER PRIMARY KEY,
  external_id TEXT UNIQUE,
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  person_id INTEGER REFERENCES people(id),
  instrument TEXT NOT NULL,
  instrument_version INTEGER NOT NULL DEFAULT 1,
  stage TEXT NOT NULL,
  assessed_on TEXT NOT NULL,
  environment INTEGER,
  adversity INTEGER,
  resilience INTEGER,
  vulnerability INTEGER,
  answers TEXT,
  status TEXT NOT NULL DEFAULT 'final' CHECK (status IN ('draft', 'final', 'superseded')),
  recorded_by INTEGER REFERENCES users(id),
  superseded_by INTEGER REFERENCES resilience_assessments(id),
  supersede_reason TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX resilience_assessments_episode ON resilience_assessments(episode_id, assessed_on);

-- INTERCHANGE.md `ace`: one adverse childhood experience of one child, and at closure whether it improved.
CREATE TABLE aces (
  id INTEGER PRIMARY KEY,
  external_id TEXT UNIQUE,
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  person_id INTEGER NOT NULL REFERENCES people(id),
  ace TEXT NOT NULL,
  identified_on TEXT NOT NULL,
  improved INTEGER,
  status TEXT NOT NULL DEFAULT 'final' CHECK (status IN ('draft', 'final', 'superseded')),
  recorded_by INTEGER REFERENCES users(id),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX aces_episode ON aces(episode_id);
CREATE INDEX aces_identified ON aces(identified_on);

-- INTERCHANGE.md `feedback`: the service user form (satisfaction, kept in its own column for reporting) or the
-- Relationship Feedback Form. answers: the form's answers as a JSON object, exactly as given.
CREATE TABLE feedback (
  id INTEGER PRIMARY KEY,
  external_id TEXT UNIQUE,
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  given_on TEXT NOT NULL,
  form TEXT NOT NULL,
  satisfaction TEXT,
  answers TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL DEFAULT 'final' CHECK (status IN ('draft', 'final', 'superseded')),
  recorded_by INTEGER REFERENCES users(id),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX feedback_episode ON feedback(episode_id);
CREATE INDEX feedback_given ON feedback(given_on);

-- INTERCHANGE.md `oversight`: a manager's oversight of a family's file (seed 004), on the file itself.
CREATE TABLE oversight_records (
  id INTEGER PRIMARY KEY,
  external_id TEXT UNIQUE,
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  recorded_on TEXT NOT NULL,
  manager_id INTEGER NOT NULL REFERENCES users(id),
  worker_id INTEGER REFERENCES users(id),
  considered_plan_effectiveness INTEGER NOT NULL,
  decisions TEXT NOT NULL DEFAULT '',
  actions TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'final' CHECK (status IN ('draft', 'final', 'superseded')),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX oversight_records_episode ON oversight_records(episode_id, recorded_on);
CREATE INDEX oversight_records_recorded ON oversight_records(recorded_on);

-- INTERCHANGE.md `audit`: a quality assurance audit of a family's file. details: the graded areas with reasons
-- (JSON, shaped by the instrument definition); NULL for imported audits.
CREATE TABLE quality_audits (
  id INTEGER PRIMARY KEY,
  external_id TEXT UNIQUE,
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  audited_on TEXT NOT NULL,
  auditor_id INTEGER NOT NULL REFERENCES users(id),
  grade TEXT NOT NULL,
  shared_with_worker INTEGER NOT NULL,
  details TEXT,
  feedback_text TEXT NOT NULL DEFAULT '',
  worker_acknowledged_on TEXT,
  manager_acknowledged_on TEXT,
  status TEXT NOT NULL DEFAULT 'final' CHECK (status IN ('draft', 'final', 'superseded')),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX quality_audits_episode ON quality_audits(episode_id);
CREATE INDEX quality_audits_audited ON quality_audits(audited_on);

-- Rows made before this migration get their ids now; rows made after, at insert.
UPDATE teams SET external_id = (SELECT prefix FROM instance_identity) || '-team-' || id WHERE external_id IS NULL;
UPDATE users SET external_id = (SELECT prefix FROM instance_identity) || '-worker-' || id WHERE external_id IS NULL;
UPDATE services SET external_id = (SELECT prefix FROM instance_identity) || '-service-' || id WHERE external_id IS NULL;
UPDATE families SET external_id = (SELECT prefix FROM instance_identity) || '-family-' || id WHERE external_id IS NULL;
UPDATE people SET external_id = (SELECT prefix FROM instance_identity) || '-person-' || id WHERE external_id IS NULL;
UPDATE referrals SET external_id = (SELECT prefix FROM instance_identity) || '-referral-' || id WHERE external_id IS NULL;
UPDATE episodes SET external_id = (SELECT prefix FROM instance_identity) || '-episode-' || id WHERE external_id IS NULL;
UPDATE episode_assignments SET external_id = (SELECT prefix FROM instance_identity) || '-assignment-' || id WHERE external_id IS NULL;
UPDATE appraisals SET external_id = (SELECT prefix FROM instance_identity) || '-appraisal-' || id WHERE external_id IS NULL;
UPDATE actions SET external_id = (SELECT prefix FROM instance_identity) || '-action-' || id WHERE external_id IS NULL;
UPDATE contacts SET external_id = (SELECT prefix FROM instance_identity) || '-contact-' || id WHERE external_id IS NULL;
UPDATE statutory_involvements SET external_id = (SELECT prefix FROM instance_identity) || '-statutory-' || id WHERE external_id IS NULL;

CREATE TRIGGER teams_external_id AFTER INSERT ON teams WHEN NEW.external_id IS NULL
BEGIN UPDATE teams SET external_id = (SELECT prefix FROM instance_identity) || '-team-' || NEW.id WHERE id = NEW.id; END;
CREATE TRIGGER users_external_id AFTER INSERT ON users WHEN NEW.external_id IS NULL
BEGIN UPDATE users SET external_id = (SELECT prefix FROM instance_identity) || '-worker-' || NEW.id WHERE id = NEW.id; END;
CREATE TRIGGER services_external_id AFTER INSERT ON services WHEN NEW.external_id IS NULL
BEGIN UPDATE services SET external_id = (SELECT prefix FROM instance_identity) || '-service-' || NEW.id WHERE id = NEW.id; END;
CREATE TRIGGER families_external_id AFTER INSERT ON families WHEN NEW.external_id IS NULL
BEGIN UPDATE families SET external_id = (SELECT prefix FROM instance_identity) || '-family-' || NEW.id WHERE id = NEW.id; END;
CREATE TRIGGER people_external_id AFTER INSERT ON people WHEN NEW.external_id IS NULL
BEGIN UPDATE people SET external_id = (SELECT prefix FROM instance_identity) || '-person-' || NEW.id WHERE id = NEW.id; END;
CREATE TRIGGER referrals_external_id AFTER INSERT ON referrals WHEN NEW.external_id IS NULL
BEGIN UPDATE referrals SET external_id = (SELECT prefix FROM instance_identity) || '-referral-' || NEW.id WHERE id = NEW.id; END;
CREATE TRIGGER episodes_external_id AFTER INSERT ON episodes WHEN NEW.external_id IS NULL
BEGIN UPDATE episodes SET external_id = (SELECT prefix FROM instance_identity) || '-episode-' || NEW.id WHERE id = NEW.id; END;
CREATE TRIGGER episode_assignments_external_id AFTER INSERT ON episode_assignments WHEN NEW.external_id IS NULL
BEGIN UPDATE episode_assignments SET external_id = (SELECT prefix FROM instance_identity) || '-assignment-' || NEW.id WHERE id = NEW.id; END;
CREATE TRIGGER appraisals_external_id AFTER INSERT ON appraisals WHEN NEW.external_id IS NULL
BEGIN UPDATE appraisals SET external_id = (SELECT prefix FROM instance_identity) || '-appraisal-' || NEW.id WHERE id = NEW.id; END;
CREATE TRIGGER actions_external_id AFTER INSERT ON actions WHEN NEW.external_id IS NULL
BEGIN UPDATE actions SET external_id = (SELECT prefix FROM instance_identity) || '-action-' || NEW.id WHERE id = NEW.id; END;
CREATE TRIGGER contacts_external_id AFTER INSERT ON contacts WHEN NEW.external_id IS NULL
BEGIN UPDATE contacts SET external_id = (SELECT prefix FROM instance_identity) || '-contact-' || NEW.id WHERE id = NEW.id; END;
CREATE TRIGGER resilience_assessments_external_id AFTER INSERT ON resilience_assessments WHEN NEW.external_id IS NULL
BEGIN UPDATE resilience_assessments SET external_id = (SELECT prefix FROM instance_identity) || '-assessment-' || NEW.id WHERE id = NEW.id; END;
CREATE TRIGGER aces_external_id AFTER INSERT ON aces WHEN NEW.external_id IS NULL
BEGIN UPDATE aces SET external_id = (SELECT prefix FROM instance_identity) || '-ace-' || NEW.id WHERE id = NEW.id; END;
CREATE TRIGGER statutory_involvements_external_id AFTER INSERT ON statutory_involvements WHEN NEW.external_id IS NULL
BEGIN UPDATE statutory_involvements SET external_id = (SELECT prefix FROM instance_identity) || '-statutory-' || NEW.id WHERE id = NEW.id; END;
CREATE TRIGGER feedback_external_id AFTER INSERT ON feedback WHEN NEW.external_id IS NULL
BEGIN UPDATE feedback SET external_id = (SELECT prefix FROM instance_identity) || '-feedback-' || NEW.id WHERE id = NEW.id; END;
CREATE TRIGGER oversight_records_external_id AFTER INSERT ON oversight_records WHEN NEW.external_id IS NULL
BEGIN UPDATE oversight_records SET external_id = (SELECT prefix FROM instance_identity) || '-oversight-' || NEW.id WHERE id = NEW.id; END;
CREATE TRIGGER quality_audits_external_id AFTER INSERT ON quality_audits WHEN NEW.external_id IS NULL
BEGIN UPDATE quality_audits SET external_id = (SELECT prefix FROM instance_identity) || '-audit-' || NEW.id WHERE id = NEW.id; END;
)SQL";

}  // namespace hearth::sqlite
