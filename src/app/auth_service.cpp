#include "app/auth_service.hpp"

#include "app/audit_log.hpp"
#include "common/secrets.hpp"

namespace hearth {

Principal PrincipalFromUser(const User& u) {
  Principal p;
  p.user_id = u.id;
  p.username = u.username;
  p.role = u.role;
  p.team_id = u.team_id;
  p.team_name = u.team_name;
  p.agency = u.agency;
  return p;
}

namespace {
// Verifying against a real hash even for unknown names keeps the response time the same, so timing
// does not reveal which usernames exist.
const std::string& DummyHash() {
  static const std::string hash = HashPassword(RandomHex(16));
  return hash;
}
}  // namespace

Result<NewSession> AuthService::SignIn(const std::string& username, const std::string& password,
                                       const std::string& source) {
  const long long now = settings_.now();
  {
    // Check and count the attempt in one write transaction, before the slow password check: concurrent attempts
    // from one address cannot all slip under the limit. A successful sign-in clears the count again.
    auto uow = db_.BeginWrite();
    if (uow->Throttle().CountFailuresSince(source, now - settings_.failure_window_s) >=
        settings_.max_failures_per_source)
      return Error{ErrorCode::kTooManyRequests, "sign-in throttled for source", "sign_in.throttled", {}};
    uow->Throttle().RecordFailure(source, now);
    uow->Commit();
  }
  std::optional<User> user;
  {
    auto uow = db_.BeginRead();
    user = uow->Users().FindByUsername(username);
  }
  const bool password_ok = VerifyPassword(user ? user->password_hash : DummyHash(), password);
  auto uow = db_.BeginWrite();
  if (!user || !password_ok || user->disabled) {
    uow->Throttle().DeleteBefore(now - settings_.failure_window_s);
    Principal who;
    if (user) who = PrincipalFromUser(*user);
    Audit(*uow, who, "sign_in", {"session", 0, 0}, user && user->disabled ? "disabled" : "denied");
    uow->Commit();
    return Error{ErrorCode::kUnauthenticated, "bad credentials", "sign_in.failed", {}};
  }
  NewSession s;
  s.cookie_value = RandomHex(16);
  s.principal = PrincipalFromUser(*user);
  s.principal.session_id_hash = Sha256Hex(s.cookie_value);
  s.principal.csrf_token = RandomHex(16);
  uow->Sessions().Insert({s.principal.session_id_hash, user->id, s.principal.csrf_token, now, now});
  const long long grace = settings_.ended_session_grace_s;
  uow->Sessions().DeleteExpired(now - settings_.idle_timeout_s - grace, now - settings_.absolute_timeout_s - grace);
  uow->Throttle().ClearFailures(source);
  Audit(*uow, s.principal, "sign_in", {"session", 0, 0});
  uow->Commit();
  return s;
}

std::optional<Principal> AuthService::ResumeSession(const std::string& cookie_value) {
  if (cookie_value.size() != 32) return std::nullopt;
  const std::string id_hash = Sha256Hex(cookie_value);
  const long long now = settings_.now();
  std::optional<SessionRecord> session;
  std::optional<User> user;
  {
    auto uow = db_.BeginRead();
    session = uow->Sessions().Find(id_hash);
    if (!session) return std::nullopt;
    user = uow->Users().FindById(session->user_id);
  }
  if (session->ended_at != 0) return std::nullopt;
  if (!user || user->disabled) {
    auto uow = db_.BeginWrite();
    uow->Sessions().Delete(id_hash);
    uow->Commit();
    return std::nullopt;
  }
  const bool expired = now - session->last_seen_at > settings_.idle_timeout_s ||
                       now - session->created_at > settings_.absolute_timeout_s;
  if (expired) {
    // Ended for good, but kept a while: a form its owner was filling in may still arrive (DraftService).
    auto uow = db_.BeginWrite();
    uow->Sessions().MarkEnded(id_hash, now);
    uow->Commit();
    return std::nullopt;
  }
  if (now - session->last_seen_at >= settings_.touch_interval_s) {
    auto uow = db_.BeginWrite();
    uow->Sessions().Touch(id_hash, now);
    uow->Commit();
  }
  Principal p = PrincipalFromUser(*user);
  p.session_id_hash = id_hash;
  p.csrf_token = session->csrf_token;
  return p;
}

std::optional<Principal> AuthService::AuthenticateToken(const std::string& bearer_token) {
  if (bearer_token.size() < 32 || bearer_token.size() > 128) return std::nullopt;
  auto uow = db_.BeginRead();
  auto user = uow->Users().FindByApiTokenHash(Sha256Hex(bearer_token));
  if (!user || user->disabled) return std::nullopt;
  return PrincipalFromUser(*user);
}

void AuthService::SignOut(const Principal& principal) {
  auto uow = db_.BeginWrite();
  if (!principal.session_id_hash.empty()) uow->Sessions().Delete(principal.session_id_hash);
  Audit(*uow, principal, "sign_out", {"session", 0, 0});
  uow->Commit();
}

}  // namespace hearth
