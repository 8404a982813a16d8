// Signing in and out, sessions and API tokens (DESIGN.md §5).
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "app/principal.hpp"
#include "common/error.hpp"
#include "ports/database.hpp"

namespace hearth {

struct AuthSettings {
  long long idle_timeout_s = 30 * 60;
  long long absolute_timeout_s = 12 * 60 * 60;
  // Failed sign-ins from one source address within the window before that address is refused for a while.
  int max_failures_per_source = 10;
  long long failure_window_s = 15 * 60;
  // last_seen is written at most this often, so reading a page is not a database write every time.
  long long touch_interval_s = 60;
  // How long a timed-out session is kept (ended, never resumed) so that a form posted from it can still be kept as
  // its owner's draft (DraftService). Sign-out and disabling delete sessions at once: those leave nothing behind.
  long long ended_session_grace_s = 24 * 60 * 60;
  std::function<long long()> now = [] { return UnixSecondsNow(); };
};

struct NewSession {
  std::string cookie_value;  // 128-bit random id, hex; only its hash is stored
  Principal principal;
};

// The principal a user's session or token stands for (no session id or CSRF token filled in).
Principal PrincipalFromUser(const User& user);

class AuthService {
 public:
  AuthService(Database& db, AuthSettings settings) : db_(db), settings_(std::move(settings)) {}

  // Errors: kTooManyRequests (this source failed too often), kUnauthenticated (wrong name or password, or a
  // disabled account; the message does not say which).
  Result<NewSession> SignIn(const std::string& username, const std::string& password, const std::string& source);
  // The principal for a session cookie, or nullopt when unknown, expired or the user is disabled. A session found
  // expired is marked ended, not deleted (see AuthSettings::ended_session_grace_s).
  std::optional<Principal> ResumeSession(const std::string& cookie_value);
  std::optional<Principal> AuthenticateToken(const std::string& bearer_token);
  void SignOut(const Principal& principal);
  const AuthSettings& Settings() const { return settings_; }

 private:
  Database& db_;
  AuthSettings settings_;
};

}  // namespace hearth
