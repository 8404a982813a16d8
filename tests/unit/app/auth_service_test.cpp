// Signing in, sessions, timeouts, throttling and disabling, with a fake clock.
#include "app/auth_service.hpp"

#include <gtest/gtest.h>

#include "app/user_admin.hpp"
#include "unit/support/temp_database.hpp"

namespace hearth {
namespace {

using testing::RawSqlite;
using testing::TempDatabase;

constexpr const char* kPassword = "correct horse battery";
constexpr long long kStart = 1'800'000'000;

bool IsLowerHex(const std::string& s) {
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

class AuthServiceTest : public ::testing::Test {
 protected:
  AuthServiceTest() : auth_(temp_.db(), Settings()), admin_(temp_.db()) {}

  void SetUp() override { AddUser("sam", "front_door_coordinator"); }

  AuthSettings Settings() {
    AuthSettings s;
    s.now = [this] { return now_; };
    return s;
  }
  void AddUser(const std::string& name, const std::string& role) {
    auto id = admin_.AddUser(SystemPrincipal(), {name, role, "Front Door", "", kPassword});
    ASSERT_TRUE(id) << id.error().internal;
  }
  NewSession SignIn(const std::string& source = "192.0.2.1") {
    auto s = auth_.SignIn("sam", kPassword, source);
    EXPECT_TRUE(s) << (s ? "" : s.error().internal);
    return s ? *s : NewSession{};
  }
  void Advance(long long seconds) { now_ += seconds; }

  TempDatabase temp_;
  long long now_ = kStart;
  AuthService auth_;
  UserAdmin admin_;
};

TEST_F(AuthServiceTest, SignInReturnsA128BitCookieAndThePrincipal) {
  NewSession s = SignIn();
  EXPECT_EQ(s.cookie_value.size(), 32u);
  EXPECT_TRUE(IsLowerHex(s.cookie_value)) << s.cookie_value;
  EXPECT_EQ(s.principal.username, "sam");
  EXPECT_EQ(s.principal.role, Role::kFrontDoorCoordinator);
  EXPECT_EQ(s.principal.team_name, "Front Door");
  EXPECT_EQ(s.principal.csrf_token.size(), 32u);
  EXPECT_NE(s.principal.csrf_token, s.cookie_value);
}

TEST_F(AuthServiceTest, TheDatabaseKeepsOnlyAHashOfTheCookie) {
  NewSession s = SignIn();
  EXPECT_EQ(s.principal.session_id_hash, Sha256Hex(s.cookie_value));
  {
    auto uow = temp_.db().BeginRead();
    EXPECT_TRUE(uow->Sessions().Find(Sha256Hex(s.cookie_value)));
    EXPECT_FALSE(uow->Sessions().Find(s.cookie_value));
  }
  // Nothing in any column of the sessions table holds the cookie value.
  RawSqlite raw(temp_.path());
  EXPECT_EQ(raw.Scalar("SELECT COUNT(*) FROM sessions"), "1");
  EXPECT_EQ(raw.Scalar("SELECT COUNT(*) FROM sessions WHERE instr(id_hash || '|' || csrf_token || '|' || user_id || "
                       "'|' || created_at || '|' || last_seen_at, '" + s.cookie_value + "') > 0"),
            "0");
}

TEST_F(AuthServiceTest, EverySignInGetsANewSessionId) {
  NewSession first = SignIn();
  NewSession second = SignIn();
  EXPECT_NE(first.cookie_value, second.cookie_value);
  EXPECT_NE(first.principal.csrf_token, second.principal.csrf_token);
  EXPECT_TRUE(auth_.ResumeSession(first.cookie_value));
  EXPECT_TRUE(auth_.ResumeSession(second.cookie_value));
}

TEST_F(AuthServiceTest, ResumeSessionFindsThePrincipal) {
  NewSession s = SignIn();
  auto who = auth_.ResumeSession(s.cookie_value);
  ASSERT_TRUE(who);
  EXPECT_EQ(who->username, "sam");
  EXPECT_EQ(who->csrf_token, s.principal.csrf_token);
  EXPECT_EQ(who->session_id_hash, s.principal.session_id_hash);
}

TEST_F(AuthServiceTest, UnknownOrMalformedCookiesResumeNothing) {
  SignIn();
  EXPECT_FALSE(auth_.ResumeSession(""));
  EXPECT_FALSE(auth_.ResumeSession(std::string(32, '0')));
  EXPECT_FALSE(auth_.ResumeSession("not-a-session"));
  NewSession s = SignIn();
  EXPECT_FALSE(auth_.ResumeSession(s.principal.session_id_hash)) << "the stored hash must not work as a cookie";
}

TEST_F(AuthServiceTest, IdleSessionsEndAfter30Minutes) {
  NewSession s = SignIn();
  Advance(29 * 60);
  ASSERT_TRUE(auth_.ResumeSession(s.cookie_value));  // activity moves the idle deadline on
  Advance(29 * 60);
  ASSERT_TRUE(auth_.ResumeSession(s.cookie_value));
  Advance(30 * 60 + 1);
  EXPECT_FALSE(auth_.ResumeSession(s.cookie_value));
  Advance(-(30 * 60 + 1));  // and it does not come back: the expired session was deleted
  EXPECT_FALSE(auth_.ResumeSession(s.cookie_value));
}

TEST_F(AuthServiceTest, SessionsEndAfter12HoursHoweverActive) {
  NewSession s = SignIn();
  for (int i = 0; i < 12 * 3; ++i) {
    Advance(20 * 60);
    ASSERT_TRUE(auth_.ResumeSession(s.cookie_value)) << "after " << (i + 1) * 20 << " minutes";
  }
  Advance(1);
  EXPECT_FALSE(auth_.ResumeSession(s.cookie_value));
}

TEST_F(AuthServiceTest, SignOutEndsTheSession) {
  NewSession s = SignIn();
  NewSession other = SignIn();
  auth_.SignOut(*auth_.ResumeSession(s.cookie_value));
  EXPECT_FALSE(auth_.ResumeSession(s.cookie_value));
  EXPECT_TRUE(auth_.ResumeSession(other.cookie_value)) << "signing out one browser leaves the others";
}

TEST_F(AuthServiceTest, DisablingAUserEndsTheirSessionsAndTokens) {
  NewSession s = SignIn();
  auto token = admin_.CreateApiToken(SystemPrincipal(), "sam");
  ASSERT_TRUE(token);
  ASSERT_TRUE(auth_.AuthenticateToken(*token));
  ASSERT_TRUE(admin_.DisableUser(SystemPrincipal(), "sam"));
  EXPECT_FALSE(auth_.ResumeSession(s.cookie_value));
  EXPECT_FALSE(auth_.AuthenticateToken(*token));
  auto again = auth_.SignIn("sam", kPassword, "192.0.2.1");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kUnauthenticated);
  // Enabling the account again does not bring back what disabling ended.
  ASSERT_TRUE(admin_.EnableUser(SystemPrincipal(), "sam"));
  EXPECT_FALSE(auth_.ResumeSession(s.cookie_value));
  EXPECT_FALSE(auth_.AuthenticateToken(*token));
  EXPECT_TRUE(auth_.SignIn("sam", kPassword, "192.0.2.1"));
}

TEST_F(AuthServiceTest, ApiTokensAuthenticateAndOnlyTheirHashIsKept) {
  auto token = admin_.CreateApiToken(SystemPrincipal(), "sam");
  ASSERT_TRUE(token);
  EXPECT_EQ(token->size(), 64u);
  auto who = auth_.AuthenticateToken(*token);
  ASSERT_TRUE(who);
  EXPECT_EQ(who->username, "sam");
  EXPECT_TRUE(who->session_id_hash.empty());
  EXPECT_FALSE(auth_.AuthenticateToken(std::string(64, 'a')));
  EXPECT_FALSE(auth_.AuthenticateToken(""));
  RawSqlite raw(temp_.path());
  EXPECT_EQ(raw.Scalar("SELECT COUNT(*) FROM api_tokens WHERE token_hash = '" + *token + "'"), "0");
  EXPECT_EQ(raw.Scalar("SELECT COUNT(*) FROM api_tokens WHERE token_hash = '" + Sha256Hex(*token) + "'"), "1");
}

TEST_F(AuthServiceTest, WrongPasswordAndUnknownUserFailTheSameWay) {
  auto wrong = auth_.SignIn("sam", "not the password", "192.0.2.1");
  auto unknown = auth_.SignIn("nobody", kPassword, "192.0.2.1");
  ASSERT_FALSE(wrong);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(wrong.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(wrong.error().code, unknown.error().code);
  EXPECT_EQ(wrong.error().message_key, unknown.error().message_key);
  EXPECT_EQ(wrong.error().internal, unknown.error().internal);
  EXPECT_EQ(wrong.error().fields.size(), unknown.error().fields.size());
}

TEST_F(AuthServiceTest, ADisabledAccountFailsLikeAWrongPassword) {
  ASSERT_TRUE(admin_.DisableUser(SystemPrincipal(), "sam"));
  auto disabled = auth_.SignIn("sam", kPassword, "192.0.2.1");
  auto wrong = auth_.SignIn("sam", "not the password", "192.0.2.1");
  ASSERT_FALSE(disabled);
  EXPECT_EQ(disabled.error().code, wrong.error().code);
  EXPECT_EQ(disabled.error().message_key, wrong.error().message_key);
}

TEST_F(AuthServiceTest, ThrottlingRefusesTheFailingSourceButNotTheRealUser) {
  const int max = auth_.Settings().max_failures_per_source;
  for (int i = 0; i < max; ++i) {
    auto r = auth_.SignIn("sam", "guess " + std::to_string(i), "203.0.113.9");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kUnauthenticated) << "attempt " << i;
  }
  auto attacker = auth_.SignIn("sam", kPassword, "203.0.113.9");
  ASSERT_FALSE(attacker);
  EXPECT_EQ(attacker.error().code, ErrorCode::kTooManyRequests);
  // The real user, elsewhere, is not locked out of their own account.
  EXPECT_TRUE(auth_.SignIn("sam", kPassword, "198.51.100.7"));
}

TEST_F(AuthServiceTest, ThrottlingLiftsWhenTheWindowHasPassed) {
  const int max = auth_.Settings().max_failures_per_source;
  for (int i = 0; i < max; ++i) ASSERT_FALSE(auth_.SignIn("sam", "guess", "203.0.113.9"));
  ASSERT_FALSE(auth_.SignIn("sam", kPassword, "203.0.113.9"));
  Advance(auth_.Settings().failure_window_s + 1);
  EXPECT_TRUE(auth_.SignIn("sam", kPassword, "203.0.113.9"));
}

TEST_F(AuthServiceTest, ASuccessfulSignInClearsTheSourcesFailures) {
  const int max = auth_.Settings().max_failures_per_source;
  for (int i = 0; i < max - 1; ++i) ASSERT_FALSE(auth_.SignIn("sam", "typo", "192.0.2.1"));
  ASSERT_TRUE(auth_.SignIn("sam", kPassword, "192.0.2.1"));
  for (int i = 0; i < max - 1; ++i) ASSERT_FALSE(auth_.SignIn("sam", "typo", "192.0.2.1"));
  EXPECT_TRUE(auth_.SignIn("sam", kPassword, "192.0.2.1"));
}

TEST_F(AuthServiceTest, SignInsAndFailuresAreAuditedWithoutThePassword) {
  SignIn();
  ASSERT_FALSE(auth_.SignIn("sam", "wrong-password-here", "192.0.2.1"));
  auto uow = temp_.db().BeginRead();
  auto events = uow->Audit().ListRecent(0, 10);
  int ok = 0, denied = 0;
  for (const auto& e : events) {
    if (e.action != "sign_in") continue;
    if (e.outcome == "ok") ++ok;
    if (e.outcome == "denied") ++denied;
  }
  EXPECT_EQ(ok, 1);
  EXPECT_EQ(denied, 1);
  RawSqlite raw(temp_.path());
  EXPECT_EQ(raw.Scalar("SELECT COUNT(*) FROM audit_events WHERE instr(at || role || action || record_type || "
                       "outcome, 'wrong-password') > 0"),
            "0");
}

}  // namespace
}  // namespace hearth
