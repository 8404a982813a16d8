#include "storage/sqlite/migrations.hpp"

namespace hearth::sqlite {

// external_id columns keep the ids of records brought in through the interchange format (INTERCHANGE.md).
// *_key columns hold case-folded, letters-only names and space-free postcodes so that searching by prefix is a
// plain index range scan (portable to PostgreSQL).
const std::string_view kMigration0001Initial = R"SQL(
CREATE TABLE teams (
  id INTEGER PRIMARY KEY,
  external_id TEXT UNIQUE,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  team_id INTEGER REFERENCES teams(id),
  agency TEXT,
  disabled INTEGER NOT NULL DEFAULT 0,
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE api_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE sign_in_failures (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX sign_in_failures_source ON sign_in_failures(source, at);

CREATE TABLE families (
  id INTEGER PRIMARY KEY,
  external_id TEXT UNIQUE,
  area TEXT NOT NULL,
  address_line_1 TEXT NOT NULL DEFAULT '',
  address_line_2 TEXT NOT NULL DEFAULT '',
  town TEXT NOT NULL DEFAULT '',
  postcode TEXT NOT NULL DEFAULT '',
  postcode_key TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX families_postcode ON families(postcode_key);

CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  external_id TEXT UNIQUE,
  family_id INTEGER NOT NULL REFERENCES families(id),
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  given_name_key TEXT NOT NULL,
  family_name_key TEXT NOT NULL,
  date_of_birth TEXT,
  sex TEXT NOT NULL,
  role TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX people_family ON people(family_id);
CREATE INDEX people_given_name ON people(given_name_key);
CREATE INDEX people_family_name ON people(family_name_key);
CREATE INDEX people_date_of_birth ON people(date_of_birth);

CREATE TABLE relationships (
  id INTEGER PRIMARY KEY,
  family_id INTEGER NOT NULL REFERENCES families(id),
  from_person_id INTEGER NOT NULL REFERENCES people(id),
  to_person_id INTEGER NOT NULL REFERENCES people(id),
  kind TEXT NOT NULL,
  UNIQUE (from_person_id, to_person_id, kind)
);
CREATE INDEX relationships_family ON relationships(family_id);

CREATE TABLE referrals (
  id INTEGER PRIMARY KEY,
  external_id TEXT UNIQUE,
  family_id INTEGER NOT NULL REFERENCES families(id),
  received_on TEXT NOT NULL,
  source TEXT NOT NULL,
  reasons TEXT NOT NULL DEFAULT '',
  consent_given INTEGER,
  consent_given_by TEXT NOT NULL DEFAULT '',
  consent_given_on TEXT,
  decision TEXT NOT NULL,
  rationale TEXT NOT NULL DEFAULT '',
  recorded_by INTEGER REFERENCES users(id),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE INDEX referrals_family ON referrals(family_id);
CREATE INDEX referrals_received ON referrals(received_on);

-- The agencies a family consented to share with, one row each, so partner visibility is a join.
CREATE TABLE referral_share_agencies (
  referral_id INTEGER NOT NULL REFERENCES referrals(id),
  agency TEXT NOT NULL,
  PRIMARY KEY (referral_id, agency)
);
CREATE INDEX referral_share_agencies_agency ON referral_share_agencies(agency);

CREATE TABLE episodes (
  id INTEGER PRIMARY KEY,
  external_id TEXT UNIQUE,
  family_id INTEGER NOT NULL REFERENCES families(id),
  referral_id INTEGER NOT NULL REFERENCES referrals(id),
  opened_on TEXT NOT NULL,
  stage TEXT NOT NULL,
  closed_on TEXT,
  closure_reason TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE INDEX episodes_family ON episodes(family_id);

CREATE TABLE episode_assignments (
  id INTEGER PRIMARY KEY,
  external_id TEXT UNIQUE,
  episode_id INTEGER NOT NULL REFERENCES episodes(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  role TEXT NOT NULL,
  from_on TEXT NOT NULL,
  to_on TEXT
);
CREATE INDEX episode_assignments_user ON episode_assignments(user_id, to_on);
CREATE INDEX episode_assignments_episode ON episode_assignments(episode_id);

-- Who did what to which record; never the record's contents. Append-only: the triggers refuse changes.
CREATE TABLE audit_events (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id INTEGER,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  record_type TEXT NOT NULL,
  record_id INTEGER,
  family_id INTEGER,
  outcome TEXT NOT NULL
);
CREATE INDEX audit_events_family ON audit_events(family_id, id);
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit rows cannot be changed'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit rows cannot be deleted'); END;
)SQL";

}  // namespace hearth::sqlite
