// Drafts: a form posted after its session timed out is kept for the session's owner only, and only with that
// session's own CSRF token; drafts are listed, sent on (deleted) and discarded by their owner alone, purged after
// 7 days, and every step is audited without the contents.
#include "app/draft_service.hpp"

#include <gtest/gtest.h>

#include "app/auth_service.hpp"
#include "app/user_admin.hpp"
#include "unit/support/temp_database.hpp"

namespace hearth {
namespace {

using testing::RawSqlite;
using testing::TempDatabase;

constexpr const char* kPassword = "correct horse battery";
constexpr long long kStart = 1'800'000'000;
constexpr long long kIdle = 30 * 60;

class DraftServiceTest : public ::testing::Test {
 protected:
  DraftServiceTest() : auth_(temp_.db(), Settings()), drafts_(temp_.db(), nullptr, Settings()), admin_(temp_.db()) {}

  void SetUp() override {
    AddUser("sam");
    AddUser("alex");
  }

  AuthSettings Settings() {
    AuthSettings s;
    s.now = [this] { return now_; };
    return s;
  }
  void AddUser(const std::string& name) {
    auto id = admin_.AddUser(SystemPrincipal(), {name, "front_door_coordinator", "Front Door", "", kPassword});
    ASSERT_TRUE(id) << id.error().internal;
  }
  NewSession SignIn(const std::string& name) {
    auto s = auth_.SignIn(name, kPassword, "192.0.2.1");
    EXPECT_TRUE(s) << (s ? "" : s.error().internal);
    return s ? *s : NewSession{};
  }
  // Lets `s` time out the way the pipeline sees it: idle past the limit, then a request that finds it expired.
  void TimeOut(const NewSession& s) {
    now_ += kIdle + 60;
    EXPECT_FALSE(auth_.ResumeSession(s.cookie_value));
  }
  static PostedForm FamilyForm(const std::string& csrf, const std::string& town = "Pontypridd") {
    return PostedForm{"/families/7", {{"csrf_token", csrf}, {"version", "1"}, {"area", "West"}, {"town", town}}, csrf};
  }
  int AuditCount(const std::string& action, const std::string& outcome = "ok") {
    RawSqlite raw(temp_.path());
    return std::stoi(raw.Scalar("SELECT COUNT(*) FROM audit_events WHERE action = '" + action + "' AND outcome = '" +
                                outcome + "'"));
  }

  TempDatabase temp_;
  long long now_ = kStart;
  AuthService auth_;
  DraftService drafts_;
  UserAdmin admin_;
};

TEST_F(DraftServiceTest, KeepsAFormPostedAfterTimeoutForTheSessionsOwner) {
  NewSession s = SignIn("sam");
  TimeOut(s);
  auto id = drafts_.KeepAfterTimeout(s.cookie_value, FamilyForm(s.principal.csrf_token));
  ASSERT_TRUE(id);

  NewSession again = SignIn("sam");
  auto list = drafts_.List(again.principal);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].id, *id);
  EXPECT_EQ(list[0].path, "/families/7");
  EXPECT_EQ(list[0].saved_at, now_);
  const std::vector<DraftField> expected{{"version", "1"}, {"area", "West"}, {"town", "Pontypridd"}};
  EXPECT_EQ(list[0].fields, expected) << "the CSRF token is not kept; the rest is, in order";
  EXPECT_EQ(AuditCount("draft_saved"), 1);
}

TEST_F(DraftServiceTest, AWrongTokenKeepsNothing) {
  NewSession s = SignIn("sam");
  TimeOut(s);
  EXPECT_FALSE(drafts_.KeepAfterTimeout(s.cookie_value, FamilyForm(std::string(32, 'a'))));
  PostedForm no_token = FamilyForm("");
  EXPECT_FALSE(drafts_.KeepAfterTimeout(s.cookie_value, no_token));
  // Another live user's token does not open someone else's expired session either.
  NewSession alex = SignIn("alex");
  EXPECT_FALSE(drafts_.KeepAfterTimeout(s.cookie_value, FamilyForm(alex.principal.csrf_token)));
  EXPECT_TRUE(drafts_.Pending(SignIn("sam").principal).empty());
  EXPECT_EQ(AuditCount("draft_saved"), 0);
}

TEST_F(DraftServiceTest, ALiveSignedOutOrUnknownSessionKeepsNothing) {
  NewSession live = SignIn("sam");
  EXPECT_FALSE(drafts_.KeepAfterTimeout(live.cookie_value, FamilyForm(live.principal.csrf_token)))
      << "a live session's forms go to their handler, not to drafts";
  auth_.SignOut(live.principal);
  EXPECT_FALSE(drafts_.KeepAfterTimeout(live.cookie_value, FamilyForm(live.principal.csrf_token)))
      << "signing out is deliberate and leaves nothing behind";
  EXPECT_FALSE(drafts_.KeepAfterTimeout(std::string(32, '0'), FamilyForm(live.principal.csrf_token)));
}

TEST_F(DraftServiceTest, NothingIsKeptAfterTheGracePeriodOrForADisabledUser) {
  NewSession s = SignIn("sam");
  TimeOut(s);
  now_ += auth_.Settings().ended_session_grace_s + 1;
  EXPECT_FALSE(drafts_.KeepAfterTimeout(s.cookie_value, FamilyForm(s.principal.csrf_token)));

  NewSession alex = SignIn("alex");
  TimeOut(alex);
  ASSERT_TRUE(admin_.DisableUser(SystemPrincipal(), "alex"));
  EXPECT_FALSE(drafts_.KeepAfterTimeout(alex.cookie_value, FamilyForm(alex.principal.csrf_token)));
}

TEST_F(DraftServiceTest, AnExpiredSessionStillNeverAuthenticates) {
  NewSession s = SignIn("sam");
  TimeOut(s);
  ASSERT_TRUE(drafts_.KeepAfterTimeout(s.cookie_value, FamilyForm(s.principal.csrf_token)));
  now_ -= kIdle + 60;  // even were the clock to step back
  EXPECT_FALSE(auth_.ResumeSession(s.cookie_value));
}

TEST_F(DraftServiceTest, PasswordsAndEmptyFormsAreNotKept) {
  NewSession s = SignIn("sam");
  TimeOut(s);
  const std::string csrf = s.principal.csrf_token;
  EXPECT_FALSE(drafts_.KeepAfterTimeout(s.cookie_value, PostedForm{"/sign-out", {{"csrf_token", csrf}}, csrf}));
  auto id = drafts_.KeepAfterTimeout(
      s.cookie_value,
      PostedForm{"/admin/users", {{"csrf_token", csrf}, {"username", "new"}, {"New_Password", "secret secret"}}, csrf});
  ASSERT_TRUE(id);
  auto draft = drafts_.View(SignIn("sam").principal, *id);
  ASSERT_TRUE(draft);
  const std::vector<DraftField> expected{{"username", "new"}};
  EXPECT_EQ(draft->fields, expected);
  RawSqlite raw(temp_.path());
  EXPECT_EQ(raw.Scalar("SELECT COUNT(*) FROM drafts WHERE instr(fields, 'secret secret') > 0"), "0");
}

TEST_F(DraftServiceTest, OnlyLocalPathsAreKept) {
  NewSession s = SignIn("sam");
  TimeOut(s);
  PostedForm form = FamilyForm(s.principal.csrf_token);
  form.path = "//evil.example/x";
  EXPECT_FALSE(drafts_.KeepAfterTimeout(s.cookie_value, form));
}

TEST_F(DraftServiceTest, AnotherUserCannotSeeUseOrDiscardADraft) {
  NewSession s = SignIn("sam");
  TimeOut(s);
  auto id = drafts_.KeepAfterTimeout(s.cookie_value, FamilyForm(s.principal.csrf_token));
  ASSERT_TRUE(id);
  const Principal alex = SignIn("alex").principal;
  EXPECT_TRUE(drafts_.Pending(alex).empty());
  EXPECT_TRUE(drafts_.List(alex).empty());
  auto seen = drafts_.View(alex, *id);
  ASSERT_FALSE(seen);
  EXPECT_EQ(seen.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(drafts_.MarkUsed(alex, *id, "/families/7"));
  EXPECT_FALSE(drafts_.Discard(alex, *id));
  EXPECT_EQ(AuditCount("draft_view", "not_found"), 1);
  EXPECT_EQ(AuditCount("draft_used", "not_found"), 1);
  EXPECT_EQ(AuditCount("draft_discarded", "not_found"), 1);
  EXPECT_EQ(drafts_.Pending(SignIn("sam").principal), std::vector<RecordId>{*id}) << "still there for its owner";
}

TEST_F(DraftServiceTest, UsingADraftDeletesItOnlyOnItsOwnPage) {
  NewSession s = SignIn("sam");
  TimeOut(s);
  auto id = drafts_.KeepAfterTimeout(s.cookie_value, FamilyForm(s.principal.csrf_token));
  ASSERT_TRUE(id);
  const Principal sam = SignIn("sam").principal;
  EXPECT_FALSE(drafts_.MarkUsed(sam, *id, "/families/8"));
  EXPECT_EQ(drafts_.Pending(sam).size(), 1u);
  EXPECT_TRUE(drafts_.MarkUsed(sam, *id, "/families/7"));
  EXPECT_TRUE(drafts_.Pending(sam).empty());
  EXPECT_FALSE(drafts_.MarkUsed(sam, *id, "/families/7")) << "a draft is used once";
  EXPECT_EQ(AuditCount("draft_used"), 1);
}

TEST_F(DraftServiceTest, DiscardDeletesAndAudits) {
  NewSession s = SignIn("sam");
  TimeOut(s);
  auto id = drafts_.KeepAfterTimeout(s.cookie_value, FamilyForm(s.principal.csrf_token));
  ASSERT_TRUE(id);
  const Principal sam = SignIn("sam").principal;
  EXPECT_TRUE(drafts_.Discard(sam, *id));
  EXPECT_TRUE(drafts_.Pending(sam).empty());
  EXPECT_FALSE(drafts_.View(sam, *id));
  EXPECT_EQ(AuditCount("draft_discarded"), 1);
}

TEST_F(DraftServiceTest, DraftsArePurgedAfterSevenDays) {
  NewSession s = SignIn("sam");
  TimeOut(s);
  auto id = drafts_.KeepAfterTimeout(s.cookie_value, FamilyForm(s.principal.csrf_token));
  ASSERT_TRUE(id);
  const Principal sam = SignIn("sam").principal;
  now_ += 7 * 24 * 60 * 60 - 1;
  EXPECT_EQ(drafts_.Pending(sam).size(), 1u);
  now_ += 2;
  EXPECT_FALSE(drafts_.View(sam, *id)) << "too old to use even before the purge runs";
  EXPECT_TRUE(drafts_.Pending(sam).empty());
  RawSqlite raw(temp_.path());
  EXPECT_EQ(raw.Scalar("SELECT COUNT(*) FROM drafts"), "0");
}

TEST_F(DraftServiceTest, AUserKeepsAtMostTheLimit) {
  DraftService limited(temp_.db(), nullptr, Settings(), DraftSettings{7 * 24 * 60 * 60, 2});
  NewSession s = SignIn("sam");
  TimeOut(s);
  EXPECT_TRUE(limited.KeepAfterTimeout(s.cookie_value, FamilyForm(s.principal.csrf_token, "A")));
  EXPECT_TRUE(limited.KeepAfterTimeout(s.cookie_value, FamilyForm(s.principal.csrf_token, "B")));
  EXPECT_FALSE(limited.KeepAfterTimeout(s.cookie_value, FamilyForm(s.principal.csrf_token, "C")));
  EXPECT_EQ(AuditCount("draft_saved", "refused_limit"), 1);
}

TEST_F(DraftServiceTest, AFormFromAnEarlierSessionOfTheSameUserIsKept) {
  NewSession old_tab = SignIn("sam");
  TimeOut(old_tab);
  NewSession now_signed_in = SignIn("sam");
  auto id = drafts_.KeepFromEarlierSession(now_signed_in.principal, FamilyForm(old_tab.principal.csrf_token));
  ASSERT_TRUE(id);
  EXPECT_EQ(drafts_.Pending(now_signed_in.principal), std::vector<RecordId>{*id});
  // Another user's earlier token, or a made-up one, is not a way in.
  const Principal alex = SignIn("alex").principal;
  EXPECT_FALSE(drafts_.KeepFromEarlierSession(alex, FamilyForm(old_tab.principal.csrf_token)));
  EXPECT_FALSE(drafts_.KeepFromEarlierSession(now_signed_in.principal, FamilyForm(std::string(32, 'b'))));
}

}  // namespace
}  // namespace hearth
