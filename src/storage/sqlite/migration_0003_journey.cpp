#include "storage/sqlite/migrations.hpp"

namespace hearth::sqlite {

// The early help journey (issue 3): the stage dates and people on an episode, and the casework recorded while it
// moves through its stages. Only portable SQL (ALTER TABLE ADD COLUMN, partial indexes, ON CONFLICT) so that the
// PostgreSQL schema can say the same. Lists of enum values are rows of child tables, so that a report or a
// visibility rule can join on them. "on" is a keyword, so dates of events are named for the event (held_on, …).
const std::string_view kMigration0003Journey = R"SQL(
ALTER TABLE episodes ADD COLUMN allocated_assessment_on TEXT;
ALTER TABLE episodes ADD COLUMN ea_officer_id INTEGER REFERENCES users(id);
ALTER TABLE episodes ADD COLUMN assessment_completed_on TEXT;
ALTER TABLE episodes ADD COLUMN brokerage_started_on TEXT;
ALTER TABLE episodes ADD COLUMN br_officer_id INTEGER REFERENCES users(id);
ALTER TABLE episodes ADD COLUMN plan_completed_on TEXT;
ALTER TABLE episodes ADD COLUMN panel_on TEXT;
ALTER TABLE episodes ADD COLUMN intervention_started_on TEXT;
ALTER TABLE episodes ADD COLUMN team_id INTEGER REFERENCES teams(id);
ALTER TABLE episodes ADD COLUMN worker_id INTEGER REFERENCES users(id);
ALTER TABLE episodes ADD COLUMN review_started_on TEXT;
ALTER TABLE episodes ADD COLUMN closure_summary TEXT NOT NULL DEFAULT '';
ALTER TABLE episodes ADD COLUMN exit_plan TEXT NOT NULL DEFAULT '';
-- The families waiting in a stage (e.g. for the allocation panel), oldest first; closed episodes are most rows.
CREATE INDEX episodes_open_stage ON episodes(stage, opened_on, id) WHERE closed_on IS NULL;

ALTER TABLE episode_assignments ADD COLUMN reason TEXT NOT NULL DEFAULT '';

-- INTERCHANGE.md team kind (front_door, assessment, …); NULL for teams made before it was recorded.
ALTER TABLE teams ADD COLUMN kind TEXT;

CREATE TABLE family_assessments (
  id INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL UNIQUE REFERENCES episodes(id),
  strengths TEXT NOT NULL DEFAULT '',
  family_wants TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE assessment_needs (
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  outcome_area TEXT NOT NULL,
  need TEXT NOT NULL,
  PRIMARY KEY (episode_id, outcome_area)
);

-- A child's own words, in the assessment or in the plan.
CREATE TABLE child_views (
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  context TEXT NOT NULL CHECK (context IN ('assessment', 'plan')),
  person_id INTEGER NOT NULL REFERENCES people(id),
  views TEXT NOT NULL,
  PRIMARY KEY (episode_id, context, person_id)
);

CREATE TABLE appraisals (
  id INTEGER PRIMARY KEY,
  external_id TEXT UNIQUE,
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  family_id INTEGER NOT NULL REFERENCES families(id),
  kind TEXT NOT NULL,
  question TEXT NOT NULL DEFAULT '',
  requested_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  requested_by INTEGER REFERENCES users(id),
  completed_on TEXT,
  recommendations TEXT NOT NULL DEFAULT '',
  commitments TEXT NOT NULL DEFAULT '',
  answered_by INTEGER REFERENCES users(id),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX appraisals_episode ON appraisals(episode_id);
CREATE INDEX appraisals_kind ON appraisals(kind, requested_on);

CREATE TABLE family_plans (
  id INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL UNIQUE REFERENCES episodes(id),
  family_words TEXT NOT NULL DEFAULT '',
  agreed_on TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE objectives (
  id INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  outcome TEXT NOT NULL,
  measure TEXT NOT NULL,
  who TEXT NOT NULL,
  target_on TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX objectives_episode ON objectives(episode_id);

CREATE TABLE services (
  id INTEGER PRIMARY KEY,
  external_id TEXT UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT ''
);
CREATE INDEX services_name ON services(name);

-- service_id NULL: the family itself carries out the action.
CREATE TABLE actions (
  id INTEGER PRIMARY KEY,
  external_id TEXT UNIQUE,
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  objective_id INTEGER NOT NULL REFERENCES objectives(id),
  description TEXT NOT NULL,
  service_id INTEGER REFERENCES services(id),
  due_on TEXT,
  status TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX actions_episode ON actions(episode_id);
CREATE INDEX actions_objective ON actions(objective_id);
CREATE INDEX actions_service ON actions(service_id);

CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  external_id TEXT UNIQUE,
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  occurred_on TEXT NOT NULL,
  kind TEXT NOT NULL,
  worker_id INTEGER REFERENCES users(id),
  seen TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX contacts_episode ON contacts(episode_id, occurred_on);
CREATE INDEX contacts_worker ON contacts(worker_id);

CREATE TABLE contact_children (
  contact_id INTEGER NOT NULL REFERENCES contacts(id),
  person_id INTEGER NOT NULL REFERENCES people(id),
  PRIMARY KEY (contact_id, person_id)
);
CREATE INDEX contact_children_person ON contact_children(person_id);

CREATE TABLE taf_meetings (
  id INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  held_on TEXT NOT NULL,
  attendees TEXT NOT NULL DEFAULT '',
  lead_professional TEXT NOT NULL DEFAULT '',
  decisions TEXT NOT NULL DEFAULT '',
  next_meeting_on TEXT,
  created_at TEXT NOT NULL
);
-- Also serves the work list's "last TAF meeting" of each episode.
CREATE INDEX taf_meetings_episode ON taf_meetings(episode_id, held_on);

CREATE TABLE taf_agencies (
  meeting_id INTEGER NOT NULL REFERENCES taf_meetings(id),
  agency TEXT NOT NULL,
  PRIMARY KEY (meeting_id, agency)
);

CREATE TABLE plan_reviews (
  id INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  reviewed_on TEXT NOT NULL,
  next_steps TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX plan_reviews_episode ON plan_reviews(episode_id, reviewed_on);

-- What the allocation panel decided: allocate (team, worker) or send the plan back (reasons).
CREATE TABLE panel_decisions (
  id INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  decided_on TEXT NOT NULL,
  outcome TEXT NOT NULL,
  team_id INTEGER REFERENCES teams(id),
  worker_id INTEGER REFERENCES users(id),
  reasons TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX panel_decisions_episode ON panel_decisions(episode_id, decided_on);

-- person_id NULL: the family as a whole.
CREATE TABLE statutory_involvements (
  id INTEGER PRIMARY KEY,
  external_id TEXT UNIQUE,
  family_id INTEGER NOT NULL REFERENCES families(id),
  person_id INTEGER REFERENCES people(id),
  kind TEXT NOT NULL,
  started_on TEXT NOT NULL,
  ended_on TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX statutory_involvements_family ON statutory_involvements(family_id, started_on);
CREATE INDEX statutory_involvements_person ON statutory_involvements(person_id);

CREATE TABLE worker_changes (
  id INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  from_user_id INTEGER REFERENCES users(id),
  to_user_id INTEGER REFERENCES users(id),
  role TEXT NOT NULL,
  changed_on TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX worker_changes_episode ON worker_changes(episode_id, changed_on);
)SQL";

}  // namespace hearth::sqlite
