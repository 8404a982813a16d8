// Drafts: what a worker typed into any form survives their session timing out (DESIGN.md §6, issue 3 "Not losing
// work"). Nothing here knows any particular form: the pipeline hands over whatever form was posted to a page that
// needs a session, and the draft goes back to the same page through that page's own handler, which validates it as
// it validates everything. See docs/security.md ("Drafts") for why each check is there.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/audit_sink.hpp"
#include "app/auth_service.hpp"
#include "app/principal.hpp"
#include "common/error.hpp"
#include "ports/database.hpp"

namespace hearth {

struct DraftSettings {
  long long keep_s = 7 * 24 * 60 * 60;  // drafts older than this are purged
  // Per user. Beyond it a new draft is not kept: the table cannot be filled by one stolen session.
  int max_per_user = 20;
};

// A form as it was posted: where to, its fields in order (the CSRF token among them), and the token it carried.
struct PostedForm {
  std::string path;
  std::vector<DraftField> fields;
  std::string csrf_token;
};

class DraftService {
 public:
  DraftService(Database& db, AuditSink* sink, AuthSettings auth, DraftSettings settings = {})
      : db_(db), sink_(sink), auth_(std::move(auth)), settings_(settings) {}

  // A form posted with the cookie of a session that timed out (and is still within its grace period) carrying that
  // session's own CSRF token: kept as the session owner's draft. nullopt (nothing kept) for an unknown, live or
  // signed-out session, a token that does not match, a disabled user, a form with nothing worth keeping, or a user
  // who already has the maximum number of drafts.
  std::optional<RecordId> KeepAfterTimeout(const std::string& cookie_value, const PostedForm& form);
  // A form posted by a signed-in user with the CSRF token of an earlier session of theirs: the page was loaded
  // before their session timed out and they signed in again elsewhere (another tab). Kept as their draft.
  std::optional<RecordId> KeepFromEarlierSession(const Principal& who, const PostedForm& form);

  // Purges expired drafts and returns the ids of `who`'s drafts, newest first. Shows no contents, so not audited.
  std::vector<RecordId> Pending(const Principal& who);
  // `who`'s drafts with their contents, newest first; each one listed is audited as viewed.
  std::vector<Draft> List(const Principal& who);
  // One of `who`'s drafts (audited); another user's is kNotFound, exactly like a missing one.
  Result<Draft> View(const Principal& who, RecordId draft_id);
  // The draft was sent on to its page (`path`, which must be the draft's own) and that page's handler has answered:
  // it is deleted and the use audited. kNotFound if it is not `who`'s or was posted to another page.
  Result<void> MarkUsed(const Principal& who, RecordId draft_id, const std::string& path);
  Result<void> Discard(const Principal& who, RecordId draft_id);

  // The fields of `form` worth keeping: without the CSRF token (it is dead) and without any field whose name says
  // password (never stored outside its hash). Empty when nothing is left, e.g. a sign-out button.
  static std::vector<DraftField> KeptFields(const PostedForm& form);

 private:
  std::optional<RecordId> Keep(UnitOfWork& uow, const Principal& owner, const PostedForm& form, long long now);

  Database& db_;
  AuditSink* sink_;
  AuthSettings auth_;
  DraftSettings settings_;
};

}  // namespace hearth
