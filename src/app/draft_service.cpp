#include "app/draft_service.hpp"

#include <algorithm>
#include <cctype>

#include "app/audit_log.hpp"
#include "common/secrets.hpp"

namespace hearth {
namespace {
constexpr std::string_view kDraftRecord = "draft";
constexpr std::size_t kMaxPathLength = 2048;

bool NamesAPassword(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find("password") != std::string::npos;
}

// Only a path of this server: the draft page later renders it as a form's action.
bool IsLocalPath(std::string_view path) {
  return path.size() > 1 && path.size() <= kMaxPathLength && path.front() == '/' && path[1] != '/' && path[1] != '\\';
}

bool TimedOut(const SessionRecord& s, const AuthSettings& auth, long long now) {
  return s.ended_at != 0 || now - s.last_seen_at > auth.idle_timeout_s || now - s.created_at > auth.absolute_timeout_s;
}

// Still inside the grace period in which a timed-out session's forms are kept: the same cut-offs with which
// AuthService::SignIn deletes old session rows, so the answer does not depend on when someone last signed in.
bool WithinGrace(const SessionRecord& s, const AuthSettings& auth, long long now) {
  const long long grace = auth.ended_session_grace_s;
  return now - s.last_seen_at <= auth.idle_timeout_s + grace && now - s.created_at <= auth.absolute_timeout_s + grace;
}
}  // namespace

std::vector<DraftField> DraftService::KeptFields(const PostedForm& form) {
  std::vector<DraftField> kept;
  for (const auto& field : form.fields)
    if (field.first != "csrf_token" && !NamesAPassword(field.first)) kept.push_back(field);
  return kept;
}

std::optional<RecordId> DraftService::Keep(UnitOfWork& uow, const Principal& owner, const PostedForm& form,
                                           long long now) {
  if (!IsLocalPath(form.path)) return std::nullopt;
  Draft draft;
  draft.user_id = owner.user_id;
  draft.path = form.path;
  draft.fields = KeptFields(form);
  draft.saved_at = now;
  if (draft.fields.empty()) return std::nullopt;
  if (uow.Drafts().CountForUser(owner.user_id) >= settings_.max_per_user) {
    Audit(uow, owner, "draft_saved", {kDraftRecord, 0, 0}, "refused_limit");
    uow.Commit();
    return std::nullopt;
  }
  const RecordId id = uow.Drafts().Insert(draft);
  // Who and when, never what: the trail holds no personal data.
  Audit(uow, owner, "draft_saved", {kDraftRecord, id, 0});
  uow.Commit();
  return id;
}

std::optional<RecordId> DraftService::KeepAfterTimeout(const std::string& cookie_value, const PostedForm& form) {
  if (cookie_value.size() != 32 || form.csrf_token.empty()) return std::nullopt;
  const long long now = auth_.now();
  auto uow = db_.BeginWrite();
  auto session = uow->Sessions().Find(Sha256Hex(cookie_value));
  // A live session is not ours to handle (the pipeline only asks when it did not authenticate); a session past its
  // grace period is as good as deleted.
  if (!session || !TimedOut(*session, auth_, now) || !WithinGrace(*session, auth_, now)) return std::nullopt;
  // The session's own token, as for any state-changing request: another site can make the browser send the
  // cookie but cannot know the token, so it cannot plant a draft for the user to send on later.
  if (!ConstantTimeEquals(form.csrf_token, session->csrf_token)) return std::nullopt;
  auto user = uow->Users().FindById(session->user_id);
  if (!user || user->disabled) return std::nullopt;
  if (session->ended_at == 0) uow->Sessions().MarkEnded(session->id_hash, now);
  return Keep(*uow, PrincipalFromUser(*user), form, now);
}

std::optional<RecordId> DraftService::KeepFromEarlierSession(const Principal& who, const PostedForm& form) {
  if (who.session_id_hash.empty() || form.csrf_token.empty()) return std::nullopt;
  const long long now = auth_.now();
  auto uow = db_.BeginWrite();
  // The cookie has proved who this is; the token proves the form came from a page this same user was given.
  auto earlier = uow->Sessions().FindForUserByCsrf(who.user_id, form.csrf_token);
  if (!earlier || earlier->id_hash == who.session_id_hash || !WithinGrace(*earlier, auth_, now)) return std::nullopt;
  return Keep(*uow, who, form, now);
}

std::vector<RecordId> DraftService::Pending(const Principal& who) {
  auto uow = db_.BeginWrite();
  uow->Drafts().DeleteSavedBefore(auth_.now() - settings_.keep_s);
  std::vector<RecordId> ids;
  for (const auto& d : uow->Drafts().ListForUser(who.user_id)) ids.push_back(d.id);
  uow->Commit();
  return ids;
}

std::vector<Draft> DraftService::List(const Principal& who) {
  std::vector<Draft> drafts;
  {
    auto uow = db_.BeginWrite();
    uow->Drafts().DeleteSavedBefore(auth_.now() - settings_.keep_s);
    drafts = uow->Drafts().ListForUser(who.user_id);
    uow->Commit();
  }
  for (const auto& d : drafts) AuditSeparately(db_, sink_, who, "draft_view", {kDraftRecord, d.id, 0}, "ok");
  return drafts;
}

Result<Draft> DraftService::View(const Principal& who, RecordId draft_id) {
  std::optional<Draft> draft;
  {
    auto uow = db_.BeginRead();
    draft = uow->Drafts().FindForUser(draft_id, who.user_id);
  }
  // Too old to keep counts as gone, even before the next purge.
  if (draft && draft->saved_at < auth_.now() - settings_.keep_s) draft.reset();
  AuditSeparately(db_, sink_, who, "draft_view", {kDraftRecord, draft_id, 0}, draft ? "ok" : "not_found");
  if (!draft) return Error::NotFound("draft not found");
  return *draft;
}

Result<void> DraftService::MarkUsed(const Principal& who, RecordId draft_id, const std::string& path) {
  auto uow = db_.BeginWrite();
  auto draft = uow->Drafts().FindForUser(draft_id, who.user_id);
  if (!draft || draft->path != path) {
    uow.reset();
    AuditSeparately(db_, sink_, who, "draft_used", {kDraftRecord, draft_id, 0}, "not_found");
    return Error::NotFound("draft not found");
  }
  uow->Drafts().DeleteForUser(draft_id, who.user_id);
  Audit(*uow, who, "draft_used", {kDraftRecord, draft_id, 0});
  uow->Commit();
  return {};
}

Result<void> DraftService::Discard(const Principal& who, RecordId draft_id) {
  auto uow = db_.BeginWrite();
  if (!uow->Drafts().DeleteForUser(draft_id, who.user_id)) {
    uow.reset();
    AuditSeparately(db_, sink_, who, "draft_discarded", {kDraftRecord, draft_id, 0}, "not_found");
    return Error::NotFound("draft not found");
  }
  Audit(*uow, who, "draft_discarded", {kDraftRecord, draft_id, 0});
  uow->Commit();
  return {};
}

}  // namespace hearth
