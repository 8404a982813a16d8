#include "storage/sqlite/repositories.hpp"

namespace hearth::sqlite {
namespace {
constexpr std::string_view kInsertSession =
    "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at) VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr std::string_view kSelectSession =
    "SELECT id_hash, user_id, csrf_token, created_at, last_seen_at, ended_at FROM sessions WHERE id_hash = ?1";
constexpr std::string_view kSelectSessionByCsrf =
    "SELECT id_hash, user_id, csrf_token, created_at, last_seen_at, ended_at FROM sessions "
    "WHERE user_id = ?1 AND csrf_token = ?2";
constexpr std::string_view kMarkSessionEnded = "UPDATE sessions SET ended_at = ?2 WHERE id_hash = ?1 AND ended_at = 0";
constexpr std::string_view kTouchSession = "UPDATE sessions SET last_seen_at = ?2 WHERE id_hash = ?1";
constexpr std::string_view kDeleteSession = "DELETE FROM sessions WHERE id_hash = ?1";
constexpr std::string_view kDeleteUserSessions = "DELETE FROM sessions WHERE user_id = ?1";
constexpr std::string_view kDeleteExpiredSessions = "DELETE FROM sessions WHERE last_seen_at < ?1 OR created_at < ?2";

constexpr std::string_view kCountFailures = "SELECT COUNT(*) FROM sign_in_failures WHERE source = ?1 AND at >= ?2";
constexpr std::string_view kInsertFailure = "INSERT INTO sign_in_failures (source, at) VALUES (?1, ?2)";
constexpr std::string_view kClearFailures = "DELETE FROM sign_in_failures WHERE source = ?1";
constexpr std::string_view kDeleteOldFailures = "DELETE FROM sign_in_failures WHERE at < ?1";
}  // namespace

void SqliteSessions::Insert(const SessionRecord& s) {
  c_.Prepare(kInsertSession)
      .Bind(1, s.id_hash)
      .Bind(2, s.user_id)
      .Bind(3, s.csrf_token)
      .Bind(4, static_cast<std::int64_t>(s.created_at))
      .Bind(5, static_cast<std::int64_t>(s.last_seen_at))
      .Run();
}

namespace {
SessionRecord SessionFrom(const Statement& st) {
  return SessionRecord{st.Text(0), st.Int(1), st.Text(2), st.Int(3), st.Int(4), st.Int(5)};
}
}  // namespace

std::optional<SessionRecord> SqliteSessions::Find(const std::string& id_hash) {
  auto st = c_.Prepare(kSelectSession);
  st.Bind(1, id_hash);
  if (!st.Step()) return std::nullopt;
  return SessionFrom(st);
}

std::optional<SessionRecord> SqliteSessions::FindForUserByCsrf(RecordId user_id, const std::string& csrf_token) {
  auto st = c_.Prepare(kSelectSessionByCsrf);
  st.Bind(1, user_id).Bind(2, csrf_token);
  if (!st.Step()) return std::nullopt;
  return SessionFrom(st);
}

void SqliteSessions::MarkEnded(const std::string& id_hash, long long now) {
  c_.Prepare(kMarkSessionEnded).Bind(1, id_hash).Bind(2, static_cast<std::int64_t>(now)).Run();
}

void SqliteSessions::Touch(const std::string& id_hash, long long now) {
  c_.Prepare(kTouchSession).Bind(1, id_hash).Bind(2, static_cast<std::int64_t>(now)).Run();
}

void SqliteSessions::Delete(const std::string& id_hash) { c_.Prepare(kDeleteSession).Bind(1, id_hash).Run(); }

void SqliteSessions::DeleteForUser(RecordId user_id) { c_.Prepare(kDeleteUserSessions).Bind(1, user_id).Run(); }

void SqliteSessions::DeleteExpired(long long idle_cutoff, long long absolute_cutoff) {
  c_.Prepare(kDeleteExpiredSessions)
      .Bind(1, static_cast<std::int64_t>(idle_cutoff))
      .Bind(2, static_cast<std::int64_t>(absolute_cutoff))
      .Run();
}

int SqliteThrottle::CountFailuresSince(const std::string& source, long long since) {
  auto st = c_.Prepare(kCountFailures);
  st.Bind(1, source).Bind(2, static_cast<std::int64_t>(since));
  st.Step();
  return static_cast<int>(st.Int(0));
}

void SqliteThrottle::RecordFailure(const std::string& source, long long at) {
  c_.Prepare(kInsertFailure).Bind(1, source).Bind(2, static_cast<std::int64_t>(at)).Run();
}

void SqliteThrottle::ClearFailures(const std::string& source) { c_.Prepare(kClearFailures).Bind(1, source).Run(); }

void SqliteThrottle::DeleteBefore(long long cutoff) {
  c_.Prepare(kDeleteOldFailures).Bind(1, static_cast<std::int64_t>(cutoff)).Run();
}

}  // namespace hearth::sqlite
