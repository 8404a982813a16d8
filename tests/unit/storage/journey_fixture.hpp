// Test support for the journey stores: a database with a team, staff and families whose referrals arrived on
// chosen days. Header-only (the unit test target compiles only *_test.cpp files).
#pragma once
#include <string>

#include "unit/support/temp_database.hpp"

namespace hearth::testing {

inline Date D(const char* text) { return *Date::Parse(text); }

class JourneyFixture : public ::testing::Test {
 protected:
  Database& db() { return temp_.db(); }

  RecordId AddTeam(const std::string& name) {
    auto uow = db().BeginWrite();
    const RecordId id = uow->Users().InsertTeam(name);
    uow->Commit();
    return id;
  }
  RecordId AddUser(const std::string& username, Role role, RecordId team_id = 0) {
    auto uow = db().BeginWrite();
    User u;
    u.username = username;
    u.role = role;
    u.team_id = team_id;
    u.password_hash = "not-a-real-hash";
    u.created_at = "2026-01-01T00:00:00Z";
    const RecordId id = uow->Users().Insert(u);
    uow->Commit();
    return id;
  }
  // A family with one member and an early-help episode opened by a referral received on `received_on`.
  RecordId AddEpisode(const char* received_on, const std::string& given = "Olivia",
                      const std::string& family = "Hughes") {
    const RecordId family_id = InsertFamily(db(), "CF37 1DL");
    InsertPerson(db(), family_id, given, family, "2015-03-04");
    auto uow = db().BeginWrite();
    Referral r;
    r.family_id = family_id;
    r.received_on = D(received_on);
    r.source = ReferralSource::kSchool;
    r.decision = ReferralDecision::kEarlyHelp;
    Episode e;
    e.family_id = family_id;
    e.referral_id = uow->Referrals().Insert(r);
    e.opened_on = r.received_on;
    const RecordId id = uow->Referrals().InsertEpisode(e);
    uow->Commit();
    return id;
  }
  Episode Find(RecordId episode_id) {
    auto uow = db().BeginRead();
    return *uow->Episodes().FindById(episode_id);
  }
  void Assign(RecordId episode_id, RecordId user_id, Role role, const char* from = "2025-03-11",
              std::optional<Date> to = std::nullopt) {
    auto uow = db().BeginWrite();
    Assignment a;
    a.episode_id = episode_id;
    a.user_id = user_id;
    a.role = role;
    a.from_on = D(from);
    a.to_on = to;
    uow->Episodes().InsertAssignment(a);
    uow->Commit();
  }

  TempDatabase temp_;
};

}  // namespace hearth::testing
