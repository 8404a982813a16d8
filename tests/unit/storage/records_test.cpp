// Optimistic concurrency on editable records, sessions and the sign-in throttle in SQLite.
#include <gtest/gtest.h>

#include "unit/support/temp_database.hpp"

namespace hearth {
namespace {

using testing::TempDatabase;

TEST(FamilyVersions, UpdateFromTheCurrentVersionSucceedsAndBumpsIt) {
  TempDatabase temp;
  const RecordId id = testing::InsertFamily(temp.db(), "CF37 1DL", "West");
  auto uow = temp.db().BeginWrite();
  Family f = *uow->Families().FindById(id);
  ASSERT_EQ(f.version, 1);
  f.area = "East";
  EXPECT_TRUE(uow->Families().Update(f));
  uow->Commit();
  auto read = temp.db().BeginRead();
  auto stored = read->Families().FindById(id);
  EXPECT_EQ(stored->version, 2);
  EXPECT_EQ(stored->area, "East");
}

TEST(FamilyVersions, UpdateFromAnOldVersionChangesNothing) {
  TempDatabase temp;
  const RecordId id = testing::InsertFamily(temp.db(), "CF37 1DL", "West");
  Family first, second;
  {
    auto uow = temp.db().BeginRead();
    first = second = *uow->Families().FindById(id);
  }
  {
    auto uow = temp.db().BeginWrite();
    first.area = "East";
    ASSERT_TRUE(uow->Families().Update(first));
    uow->Commit();
  }
  {
    auto uow = temp.db().BeginWrite();
    second.area = "North";  // edited from version 1, which is no longer current
    EXPECT_FALSE(uow->Families().Update(second));
    uow->Commit();
  }
  auto uow = temp.db().BeginRead();
  auto stored = uow->Families().FindById(id);
  EXPECT_EQ(stored->area, "East");
  EXPECT_EQ(stored->version, 2);
}

TEST(FamilyVersions, UpdateOfAMissingFamilyReportsFalse) {
  TempDatabase temp;
  Family f;
  f.id = 12345;
  f.area = "West";
  f.version = 1;
  auto uow = temp.db().BeginWrite();
  EXPECT_FALSE(uow->Families().Update(f));
}

TEST(PersonVersions, UpdateFromAnOldVersionChangesNothing) {
  TempDatabase temp;
  const RecordId family = testing::InsertFamily(temp.db());
  const RecordId id = testing::InsertPerson(temp.db(), family, "Olivia", "Hughes", "2015-03-04");
  Person stale;
  {
    auto uow = temp.db().BeginWrite();
    Person p = *uow->People().FindById(id);
    stale = p;
    p.given_name = "Olive";
    ASSERT_TRUE(uow->People().Update(p));
    uow->Commit();
  }
  auto uow = temp.db().BeginWrite();
  stale.given_name = "Liv";
  EXPECT_FALSE(uow->People().Update(stale));
  auto stored = uow->People().FindById(id);
  EXPECT_EQ(stored->given_name, "Olive");
  EXPECT_EQ(stored->version, 2);
}

TEST(PersonStore, RoundTripsEveryField) {
  TempDatabase temp;
  const RecordId family = testing::InsertFamily(temp.db());
  Person p;
  p.family_id = family;
  p.given_name = "Siân";
  p.family_name = "O'Neil-Price";
  p.date_of_birth = Date::Parse("1988-12-01");
  p.sex = Sex::kFemale;
  p.role = MemberRole::kCarer;
  RecordId id = 0;
  {
    auto uow = temp.db().BeginWrite();
    id = uow->People().Insert(p);
    uow->Commit();
  }
  auto uow = temp.db().BeginRead();
  auto stored = uow->People().FindById(id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->given_name, "Siân");
  EXPECT_EQ(stored->family_name, "O'Neil-Price");
  EXPECT_EQ(stored->date_of_birth, Date::Parse("1988-12-01"));
  EXPECT_EQ(stored->sex, Sex::kFemale);
  EXPECT_EQ(stored->role, MemberRole::kCarer);
  EXPECT_EQ(stored->version, 1);
}

TEST(ReferralStore, RoundTripsConsentAndSharing) {
  TempDatabase temp;
  const RecordId family = testing::InsertFamily(temp.db());
  const RecordId id = testing::InsertReferral(temp.db(), family, true, {Agency::kHealth, Agency::kParenting});
  auto uow = temp.db().BeginRead();
  auto r = uow->Referrals().FindById(id);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->consent.given, true);
  EXPECT_EQ(r->consent.given_by, "Parent");
  EXPECT_EQ(r->consent.share_with.size(), 2u);
  EXPECT_EQ(r->decision, ReferralDecision::kEarlyHelp);
  const RecordId unknown = testing::InsertReferral(temp.db(), family, std::nullopt, {}, ReferralDecision::kAdvice);
  auto read = temp.db().BeginRead();
  EXPECT_FALSE(read->Referrals().FindById(unknown)->consent.given.has_value());
}

// ---- sessions ----

SessionRecord Session(const std::string& id_hash, RecordId user, long long created, long long seen) {
  return SessionRecord{id_hash, user, "csrf-" + id_hash, created, seen};
}

TEST(SessionStore, DeleteExpiredRemovesIdleAndOldSessionsOnly) {
  TempDatabase temp;
  const RecordId user = testing::InsertUser(temp.db(), "sam", Role::kManager);
  const long long now = 1'800'000'000;
  {
    auto uow = temp.db().BeginWrite();
    uow->Sessions().Insert(Session("fresh", user, now - 3600, now - 60));
    uow->Sessions().Insert(Session("idle", user, now - 3600, now - 31 * 60));
    uow->Sessions().Insert(Session("old", user, now - 13 * 3600, now - 10));
    uow->Sessions().DeleteExpired(now - 30 * 60, now - 12 * 3600);
    uow->Commit();
  }
  auto uow = temp.db().BeginRead();
  EXPECT_TRUE(uow->Sessions().Find("fresh"));
  EXPECT_FALSE(uow->Sessions().Find("idle"));
  EXPECT_FALSE(uow->Sessions().Find("old"));
}

TEST(SessionStore, TouchKeepsASessionAlive) {
  TempDatabase temp;
  const RecordId user = testing::InsertUser(temp.db(), "sam", Role::kManager);
  const long long now = 1'800'000'000;
  auto uow = temp.db().BeginWrite();
  uow->Sessions().Insert(Session("s", user, now - 3600, now - 31 * 60));
  uow->Sessions().Touch("s", now);
  uow->Sessions().DeleteExpired(now - 30 * 60, now - 12 * 3600);
  auto found = uow->Sessions().Find("s");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->last_seen_at, now);
  EXPECT_EQ(found->csrf_token, "csrf-s");
}

TEST(SessionStore, DeleteForUserEndsOnlyThatUsersSessions) {
  TempDatabase temp;
  const RecordId sam = testing::InsertUser(temp.db(), "sam", Role::kManager);
  const RecordId kim = testing::InsertUser(temp.db(), "kim", Role::kManager);
  auto uow = temp.db().BeginWrite();
  uow->Sessions().Insert(Session("sam1", sam, 1, 1));
  uow->Sessions().Insert(Session("sam2", sam, 1, 1));
  uow->Sessions().Insert(Session("kim1", kim, 1, 1));
  uow->Sessions().DeleteForUser(sam);
  EXPECT_FALSE(uow->Sessions().Find("sam1"));
  EXPECT_FALSE(uow->Sessions().Find("sam2"));
  EXPECT_TRUE(uow->Sessions().Find("kim1"));
}

TEST(SessionStore, ASessionMustBelongToAUser) {
  TempDatabase temp;
  auto uow = temp.db().BeginWrite();
  EXPECT_THROW(uow->Sessions().Insert(Session("nobody", 999, 1, 1)), sqlite::StorageError);
}

// ---- sign-in throttle ----

TEST(ThrottleStore, CountsFailuresPerSourceWithinTheWindow) {
  TempDatabase temp;
  auto uow = temp.db().BeginWrite();
  for (int i = 0; i < 3; ++i) uow->Throttle().RecordFailure("10.0.0.1", 1000 + i);
  uow->Throttle().RecordFailure("10.0.0.2", 1000);
  uow->Throttle().RecordFailure("10.0.0.1", 100);  // long ago
  EXPECT_EQ(uow->Throttle().CountFailuresSince("10.0.0.1", 1000), 3);
  EXPECT_EQ(uow->Throttle().CountFailuresSince("10.0.0.2", 1000), 1);
  uow->Throttle().DeleteBefore(1000);
  EXPECT_EQ(uow->Throttle().CountFailuresSince("10.0.0.1", 0), 3);
  uow->Throttle().ClearFailures("10.0.0.1");
  EXPECT_EQ(uow->Throttle().CountFailuresSince("10.0.0.1", 0), 0);
  EXPECT_EQ(uow->Throttle().CountFailuresSince("10.0.0.2", 0), 1);
}

// ---- users and tokens ----

TEST(UserStore, ApiTokensAreFoundByHashAndDeletedWithTheUser) {
  TempDatabase temp;
  const RecordId sam = testing::InsertUser(temp.db(), "sam", Role::kManager);
  auto uow = temp.db().BeginWrite();
  uow->Users().InsertApiToken(sam, "hash-1", "2026-01-01T00:00:00Z");
  auto found = uow->Users().FindByApiTokenHash("hash-1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->username, "sam");
  EXPECT_FALSE(uow->Users().FindByApiTokenHash("hash-2"));
  uow->Users().DeleteApiTokens(sam);
  EXPECT_FALSE(uow->Users().FindByApiTokenHash("hash-1"));
}

TEST(UserStore, UsernamesAreUnique) {
  TempDatabase temp;
  testing::InsertUser(temp.db(), "sam", Role::kManager);
  EXPECT_THROW(testing::InsertUser(temp.db(), "sam", Role::kAnalyst), sqlite::StorageError);
}

}  // namespace
}  // namespace hearth
