// Port: staff accounts, teams, API tokens, sessions and sign-in throttling.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/enums.hpp"
#include "domain/family.hpp"

namespace hearth {

struct Team {
  RecordId id = 0;
  std::string name;
};

struct User {
  RecordId id = 0;
  std::string username;
  Role role = Role::kFrontDoorCoordinator;
  RecordId team_id = 0;
  std::string team_name;          // filled on reads
  std::optional<Agency> agency;   // partners only: the agency they work for
  bool disabled = false;
  std::string password_hash;      // argon2id encoded string
  std::string created_at;
};

// A signed-in browser. The database keeps a hash of the cookie value, never the value itself.
struct SessionRecord {
  std::string id_hash;
  RecordId user_id = 0;
  std::string csrf_token;
  long long created_at = 0;    // Unix seconds
  long long last_seen_at = 0;  // Unix seconds
  long long ended_at = 0;      // Unix seconds; non-zero once it timed out (kept a while for drafts, never resumed)
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  virtual std::optional<User> FindByUsername(const std::string& username) = 0;
  virtual std::optional<User> FindById(RecordId id) = 0;
  virtual RecordId Insert(const User& user) = 0;
  virtual void SetDisabled(RecordId id, bool disabled) = 0;
  virtual void SetPasswordHash(RecordId id, const std::string& hash) = 0;
  virtual std::vector<User> List(int offset, int limit) = 0;
  virtual int Count() = 0;

  virtual std::optional<Team> FindTeamByName(const std::string& name) = 0;
  virtual RecordId InsertTeam(const std::string& name) = 0;
  virtual std::vector<Team> ListTeams() = 0;

  virtual void InsertApiToken(RecordId user_id, const std::string& token_hash, const std::string& created_at) = 0;
  virtual std::optional<User> FindByApiTokenHash(const std::string& token_hash) = 0;
  virtual void DeleteApiTokens(RecordId user_id) = 0;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  virtual void Insert(const SessionRecord& session) = 0;
  virtual std::optional<SessionRecord> Find(const std::string& id_hash) = 0;
  virtual void Touch(const std::string& id_hash, long long now) = 0;
  // Marks a timed-out session as ended: it never authenticates again, but its owner and CSRF token stay known
  // until DeleteExpired removes it, so a form posted from it can be kept as a draft.
  virtual void MarkEnded(const std::string& id_hash, long long now) = 0;
  // A session of `user_id` (live or ended) whose CSRF token is `csrf_token`.
  virtual std::optional<SessionRecord> FindForUserByCsrf(RecordId user_id, const std::string& csrf_token) = 0;
  virtual void Delete(const std::string& id_hash) = 0;
  virtual void DeleteForUser(RecordId user_id) = 0;
  // Removes sessions idle since before `idle_cutoff` or created before `absolute_cutoff`.
  virtual void DeleteExpired(long long idle_cutoff, long long absolute_cutoff) = 0;
};

// Failed sign-ins per source address (never per account, so an attacker cannot lock a real user out).
class SignInThrottleRepository {
 public:
  virtual ~SignInThrottleRepository() = default;
  virtual int CountFailuresSince(const std::string& source, long long since) = 0;
  virtual void RecordFailure(const std::string& source, long long at) = 0;
  virtual void ClearFailures(const std::string& source) = 0;
  virtual void DeleteBefore(long long cutoff) = 0;
};

}  // namespace hearth
