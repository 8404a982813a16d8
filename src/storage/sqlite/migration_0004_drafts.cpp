#include "storage/sqlite/migrations.hpp"

namespace hearth::sqlite {

// Form drafts (app/draft_service.hpp). `fields` is the posted form minus its CSRF token and any password field, as
// a JSON array of [name, value] pairs, so repeated names and their order survive.
//
// sessions.ended_at: a session that timed out is no longer deleted on sight but marked ended and kept for a grace
// period, so that a form posted with its cookie and its own CSRF token can still be attributed to its owner and
// kept as a draft. A row with ended_at set never authenticates again.
const std::string_view kMigration0004Drafts = R"SQL(
ALTER TABLE sessions ADD COLUMN ended_at INTEGER NOT NULL DEFAULT 0;

CREATE TABLE drafts (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  path TEXT NOT NULL,
  fields TEXT NOT NULL,
  saved_at INTEGER NOT NULL
);
CREATE INDEX drafts_user ON drafts(user_id, saved_at);
CREATE INDEX drafts_saved_at ON drafts(saved_at);
)SQL";

}  // namespace hearth::sqlite
