// Port: form drafts. What a worker posted after their session had ended, kept for them (and only them) until they
// sign in again and send it on or throw it away (DESIGN.md §6: a session timeout never loses what was typed).
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/family.hpp"

namespace hearth {

// One posted field. Repeated names (checkboxes) are repeated entries; their order is kept.
using DraftField = std::pair<std::string, std::string>;

struct Draft {
  RecordId id = 0;
  RecordId user_id = 0;
  std::string path;  // the page the form was posted to, e.g. /families/42
  std::vector<DraftField> fields;
  long long saved_at = 0;  // Unix seconds
};

class DraftRepository {
 public:
  virtual ~DraftRepository() = default;
  virtual RecordId Insert(const Draft& draft) = 0;
  // Newest first.
  virtual std::vector<Draft> ListForUser(RecordId user_id) = 0;
  virtual int CountForUser(RecordId user_id) = 0;
  // Only the owner's: another user's draft is as absent as a missing one.
  virtual std::optional<Draft> FindForUser(RecordId draft_id, RecordId user_id) = 0;
  virtual bool DeleteForUser(RecordId draft_id, RecordId user_id) = 0;
  virtual void DeleteSavedBefore(long long cutoff) = 0;
};

}  // namespace hearth
