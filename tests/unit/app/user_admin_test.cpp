#include "app/user_admin.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "unit/support/temp_database.hpp"

namespace hearth {
namespace {

using testing::TempDatabase;

bool HasFieldError(const Error& e, const std::string& field, const std::string& key) {
  return std::any_of(e.fields.begin(), e.fields.end(),
                     [&](const FieldError& f) { return f.field == field && f.message_key == key; });
}

class UserAdminTest : public ::testing::Test {
 protected:
  UserAdminTest() : admin_(temp_.db()) {}

  Result<RecordId> Add(const std::string& name, const std::string& password, const std::string& role = "manager",
                       const std::string& agency = "") {
    return admin_.AddUser(SystemPrincipal(), {name, role, "Families Team West", agency, password});
  }
  std::optional<User> Find(const std::string& name) {
    auto uow = temp_.db().BeginRead();
    return uow->Users().FindByUsername(name);
  }

  TempDatabase temp_;
  UserAdmin admin_;
};

TEST_F(UserAdminTest, RefusesAPasswordShorterThan12Characters) {
  auto r = Add("sam", "elevenchars");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kValidation);
  EXPECT_TRUE(HasFieldError(r.error(), "password", "error.password_too_short"));
  EXPECT_FALSE(Find("sam"));
}

TEST_F(UserAdminTest, AcceptsA12CharacterPasswordAndALongPassphrase) {
  EXPECT_TRUE(Add("sam", "twelve chars"));
  EXPECT_TRUE(Add("kim", std::string("correct horse battery staple and a great deal more words, sixty4")));
  EXPECT_EQ(std::string("correct horse battery staple and a great deal more words, sixty4").size(), 64u);
  EXPECT_TRUE(Add("lee", std::string(128, 'p')));
}

TEST_F(UserAdminTest, RefusesAPasswordLongerThan128Characters) {
  auto r = Add("sam", std::string(129, 'p'));
  ASSERT_FALSE(r);
  EXPECT_TRUE(HasFieldError(r.error(), "password", "error.password_too_long"));
}

TEST_F(UserAdminTest, StoresAnArgon2idHashNotThePassword) {
  ASSERT_TRUE(Add("sam", "a long enough password"));
  auto user = Find("sam");
  ASSERT_TRUE(user);
  EXPECT_TRUE(user->password_hash.starts_with("$argon2id$")) << user->password_hash;
  EXPECT_EQ(user->password_hash.find("a long enough password"), std::string::npos);
  EXPECT_EQ(user->role, Role::kManager);
  EXPECT_EQ(user->team_name, "Families Team West");
  EXPECT_FALSE(user->disabled);
}

TEST_F(UserAdminTest, AcceptsUsernamesOfLowerCaseLettersDigitsDotsHyphensAndUnderscores) {
  EXPECT_TRUE(Add("jo.smith-2_x", "a long enough password"));
  EXPECT_TRUE(Add("ab", "a long enough password"));
  EXPECT_TRUE(Add(std::string(64, 'u'), "a long enough password"));
}

TEST_F(UserAdminTest, RefusesOtherUsernames) {
  for (const std::string& name : std::vector<std::string>{"a", "", "Sam", "sam smith", "sam@council.gov.uk",
                                                          "sam/../x", "siân", std::string(65, 'u'), "sam\n"}) {
    auto r = Add(name, "a long enough password");
    ASSERT_FALSE(r) << name;
    EXPECT_TRUE(HasFieldError(r.error(), "username", "error.username_invalid")) << name;
  }
}

TEST_F(UserAdminTest, ADuplicateUsernameIsAConflict) {
  ASSERT_TRUE(Add("sam", "a long enough password"));
  auto r = Add("sam", "another long password", "analyst");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(HasFieldError(r.error(), "username", "error.username_taken"));
  EXPECT_EQ(Find("sam")->role, Role::kManager);
}

TEST_F(UserAdminTest, RefusesAnUnknownOrMissingRole) {
  auto unknown = Add("sam", "a long enough password", "superuser");
  ASSERT_FALSE(unknown);
  EXPECT_TRUE(HasFieldError(unknown.error(), "role", "error.choice_invalid"));
  auto missing = Add("sam", "a long enough password", "");
  ASSERT_FALSE(missing);
  EXPECT_TRUE(HasFieldError(missing.error(), "role", "error.choose"));
}

TEST_F(UserAdminTest, APartnerNeedsAnAgency) {
  auto r = Add("nurse", "a long enough password", "partner");
  ASSERT_FALSE(r);
  EXPECT_TRUE(HasFieldError(r.error(), "agency", "error.partner_needs_agency"));
  auto bad = Add("nurse", "a long enough password", "partner", "police");
  ASSERT_FALSE(bad);
  EXPECT_TRUE(HasFieldError(bad.error(), "agency", "error.choice_invalid"));
  ASSERT_TRUE(Add("nurse", "a long enough password", "partner", "health"));
  EXPECT_EQ(Find("nurse")->agency, Agency::kHealth);
}

TEST_F(UserAdminTest, OnlyPartnersKeepAnAgency) {
  ASSERT_TRUE(Add("sam", "a long enough password", "manager", "health"));
  EXPECT_FALSE(Find("sam")->agency);
}

TEST_F(UserAdminTest, NamesEveryProblemAtOnce) {
  auto r = admin_.AddUser(SystemPrincipal(), {"Bad Name", "", std::string(101, 't'), "", "short"});
  ASSERT_FALSE(r);
  EXPECT_TRUE(HasFieldError(r.error(), "username", "error.username_invalid"));
  EXPECT_TRUE(HasFieldError(r.error(), "role", "error.choose"));
  EXPECT_TRUE(HasFieldError(r.error(), "team", "error.too_long"));
  EXPECT_TRUE(HasFieldError(r.error(), "password", "error.password_too_short"));
}

TEST_F(UserAdminTest, OnlyAdministratorsManageUsers) {
  ASSERT_TRUE(Add("sam", "a long enough password"));
  for (Role role : AllValues<Role>()) {
    if (role == Role::kAdministrator) continue;
    const Principal actor = testing::PrincipalFor(42, "actor", role, Agency::kHealth);
    auto add = admin_.AddUser(actor, {"new.user", "analyst", "", "", "a long enough password"});
    ASSERT_FALSE(add) << ToString(role);
    EXPECT_EQ(add.error().code, ErrorCode::kForbidden) << ToString(role);
    auto disable = admin_.DisableUser(actor, "sam");
    ASSERT_FALSE(disable) << ToString(role);
    EXPECT_EQ(disable.error().code, ErrorCode::kForbidden) << ToString(role);
    auto token = admin_.CreateApiToken(actor, "sam");
    ASSERT_FALSE(token) << ToString(role);
    EXPECT_EQ(token.error().code, ErrorCode::kForbidden) << ToString(role);
    EXPECT_FALSE(admin_.ListUsers(actor, 0, 10)) << ToString(role);
  }
  EXPECT_FALSE(Find("new.user"));
  EXPECT_FALSE(Find("sam")->disabled);
}

TEST_F(UserAdminTest, AnAdministratorOnTheWebManagesUsers) {
  const RecordId admin_id = testing::InsertUser(temp_.db(), "admin", Role::kAdministrator);
  const Principal admin = testing::PrincipalFor(admin_id, "admin", Role::kAdministrator);
  ASSERT_TRUE(admin_.AddUser(admin, {"kim", "analyst", "", "", "a long enough password"}));
  auto page = admin_.ListUsers(admin, 0, 10);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->total, 2);
  EXPECT_TRUE(admin_.DisableUser(admin, "kim"));
  EXPECT_TRUE(Find("kim")->disabled);
}

TEST_F(UserAdminTest, UsersMayCreateTheirOwnApiToken) {
  ASSERT_TRUE(Add("sam", "a long enough password"));
  const Principal sam = testing::PrincipalFor(Find("sam")->id, "sam", Role::kManager);
  auto token = admin_.CreateApiToken(sam, "sam");
  ASSERT_TRUE(token);
  EXPECT_EQ(token->size(), 64u);
}

TEST_F(UserAdminTest, DisablingAnUnknownUserIsNotFound) {
  auto r = admin_.DisableUser(SystemPrincipal(), "nobody");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
}

TEST_F(UserAdminTest, ADisabledUserGetsNoNewToken) {
  ASSERT_TRUE(Add("sam", "a long enough password"));
  ASSERT_TRUE(admin_.DisableUser(SystemPrincipal(), "sam"));
  auto token = admin_.CreateApiToken(SystemPrincipal(), "sam");
  ASSERT_FALSE(token);
  EXPECT_EQ(token.error().code, ErrorCode::kConflict);
}

TEST_F(UserAdminTest, ChangesAreAudited) {
  ASSERT_TRUE(Add("sam", "a long enough password"));
  ASSERT_TRUE(admin_.DisableUser(SystemPrincipal(), "sam"));
  auto uow = temp_.db().BeginRead();
  auto events = uow->Audit().ListRecent(0, 10);
  ASSERT_GE(events.size(), 2u);
  std::vector<std::string> actions;
  for (const auto& e : events) actions.push_back(e.action + "/" + e.record_type + "/" + e.role);
  EXPECT_NE(std::find(actions.begin(), actions.end(), "create/user/system"), actions.end());
  EXPECT_NE(std::find(actions.begin(), actions.end(), "disable/user/system"), actions.end());
}

}  // namespace
}  // namespace hearth
