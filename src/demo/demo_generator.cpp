#include "demo/demo_generator.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "common/secrets.hpp"
#include "demo/demo_household.hpp"
#include "demo/demo_journey.hpp"
#include "demo/demo_random.hpp"
#include "demo/demo_referrals.hpp"

namespace hearth {
namespace {
using demo::DemoRandom;

// Large transactions keep 5,000 families to a few seconds; batches keep any one lock short for a live server.
constexpr int kFamiliesPerTransaction = 500;

struct StaffMember {
  const char* username;
  Role role;
  const char* team;
};

// About 25 staff across the service's teams, so that caseloads and team views have someone in them.
constexpr StaffMember kStaff[] = {
    {"demo.fd1", Role::kFrontDoorCoordinator, "Front Door"},
    {"demo.fd2", Role::kFrontDoorCoordinator, "Front Door"},
    {"demo.fd3", Role::kFrontDoorCoordinator, "Front Door"},
    {"demo.manager1", Role::kManager, "Front Door"},
    {"demo.ea1", Role::kEaOfficer, "Engagement and Assessment"},
    {"demo.ea2", Role::kEaOfficer, "Engagement and Assessment"},
    {"demo.ea3", Role::kEaOfficer, "Engagement and Assessment"},
    {"demo.ea4", Role::kEaOfficer, "Engagement and Assessment"},
    {"demo.ea5", Role::kEaOfficer, "Engagement and Assessment"},
    {"demo.manager2", Role::kManager, "Engagement and Assessment"},
    {"demo.br1", Role::kBrOfficer, "Brokerage and Review"},
    {"demo.br2", Role::kBrOfficer, "Brokerage and Review"},
    {"demo.br3", Role::kBrOfficer, "Brokerage and Review"},
    {"demo.br4", Role::kBrOfficer, "Brokerage and Review"},
    {"demo.iw1", Role::kInterventionWorker, "Families Team West"},
    {"demo.iw2", Role::kInterventionWorker, "Families Team West"},
    {"demo.fa1", Role::kFamilyAide, "Families Team West"},
    {"demo.iw3", Role::kInterventionWorker, "Families Team East"},
    {"demo.iw4", Role::kInterventionWorker, "Families Team East"},
    {"demo.fa2", Role::kFamilyAide, "Families Team East"},
    {"demo.iw5", Role::kInterventionWorker, "Families Plus"},
    {"demo.sw1", Role::kSocialWorker, "Families Plus"},
    {"demo.sw2", Role::kSocialWorker, "Families Plus"},
    {"demo.manager3", Role::kManager, "Families Plus"},
    {"demo.iw6", Role::kInterventionWorker, "CANS"},
    {"demo.qa1", Role::kAuditor, "Quality Assurance"},
};
constexpr const char* kTeams[] = {"Front Door",
                                  "Engagement and Assessment",
                                  "Brokerage and Review",
                                  "Families Team West",
                                  "Families Team East",
                                  "Families Plus",
                                  "CANS",
                                  "Quality Assurance"};

struct Staff {
  std::vector<RecordId> front_door;  // who records referrals
  demo::JourneyStaff journey;        // who works with families, and the services directory
  int count = 0;
};

// The services directory that plan actions name as owners.
constexpr const char* kServices[] = {"Citizens Advice", "Family Hub", "School nursing", "Housing options",
                                     "Parenting programme", "Young carers project"};

// The practitioner directory that TAF meetings choose a lead professional from: staff of several agencies
// (fictional names).
struct DemoPractitioner {
  const char* name;
  const char* kind;
  const char* role;
};
constexpr DemoPractitioner kPractitioners[] = {{"Alys Demo", "early_help", "Family worker"},
                                               {"Bryn Demo", "education", "Family liaison officer"},
                                               {"Catrin Demo", "health", "Health visitor"},
                                               {"Dewi Demo", "social_care", "Social worker"},
                                               {"Elin Demo", "housing", "Housing officer"}};

// Creates the teams and staff that are missing; an account left by an earlier run is reused as it is.
Staff EnsureStaff(UserRepository& users, int team_size) {
  for (const char* team : kTeams)
    if (!users.FindTeamByName(team)) users.InsertTeam(team);
  Staff staff;
  for (const StaffMember& member : kStaff) {
    RecordId id = 0;
    if (auto existing = users.FindByUsername(member.username)) {
      id = existing->id;
    } else {
      User user;
      user.username = member.username;
      user.role = member.role;
      user.team_id = users.FindTeamByName(member.team)->id;
      // A password nobody is told: these accounts exist to hold caseloads, not to sign in with.
      user.password_hash = HashPassword(RandomHex(32));
      user.created_at = UtcTimestampNow();
      id = users.Insert(user);
    }
    if (member.role == Role::kFrontDoorCoordinator) staff.front_door.push_back(id);
    if (member.role == Role::kEaOfficer) staff.journey.ea_officers.push_back(id);
    if (member.role == Role::kBrOfficer) staff.journey.br_officers.push_back(id);
    if (member.role == Role::kManager) staff.journey.managers.push_back(id);
    if (member.role == Role::kAuditor) staff.journey.auditors.push_back(id);
    if (member.role == Role::kInterventionWorker || member.role == Role::kFamilyAide)
      staff.journey.workers.push_back({id, users.FindTeamByName(member.team)->id});
    ++staff.count;
  }
  // Larger teams on request: demo.<n>.<team initials>.iw accounts until each families team has `team_size`.
  for (const char* team : kTeams) {
    const std::string name(team);
    if (!name.starts_with("Families") && name != "CANS") continue;
    const RecordId team_id = users.FindTeamByName(team)->id;
    int have = 0;
    for (const auto& w : staff.journey.workers) have += w.team_id == team_id ? 1 : 0;
    std::string initials;
    for (std::size_t i = 0; i < name.size(); ++i)
      if (i == 0 || name[i - 1] == ' ') initials += static_cast<char>(name[i] | 0x20);
    for (int n = have + 1; n <= team_size; ++n) {
      const std::string username = "demo." + initials + ".iw" + std::to_string(n);
      RecordId id = 0;
      if (auto existing = users.FindByUsername(username)) {
        id = existing->id;
      } else {
        User user;
        user.username = username;
        user.role = Role::kInterventionWorker;
        user.team_id = team_id;
        user.password_hash = HashPassword(RandomHex(32));
        user.created_at = UtcTimestampNow();
        id = users.Insert(user);
      }
      staff.journey.workers.push_back({id, team_id});
      ++staff.count;
    }
  }
  return staff;
}

void WriteFamily(UnitOfWork& uow, DemoRandom& rng, Staff& staff, const Date& start, const Date& today,
                 DemoSummary& summary) {
  const std::vector<Date> dates = demo::PlanReferralDates(rng, start, today);
  demo::Household household = demo::PlanHousehold(rng, dates.front(), dates.back());

  const RecordId family_id = uow.Families().Insert(household.family);
  ++summary.families;
  std::vector<RecordId> person_ids;
  for (Person& person : household.people) {
    person.family_id = family_id;
    person_ids.push_back(uow.People().Insert(person));
    ++summary.people;
  }
  for (const auto& planned : household.relationships) {
    Relationship relationship;
    relationship.family_id = family_id;
    relationship.from_person_id = person_ids[planned.from];
    relationship.to_person_id = person_ids[planned.to];
    relationship.kind = planned.kind;
    uow.People().InsertRelationship(relationship);
  }

  bool open_episode = false;
  for (const Date& received_on : dates) {
    Referral referral = demo::PlanReferral(rng, household, received_on);
    referral.family_id = family_id;
    referral.recorded_by = rng.Pick(std::span<const RecordId>(staff.front_door));
    referral.id = uow.Referrals().Insert(referral);
    ++summary.referrals;

    std::optional<Episode> episode = EpisodeOpenedBy(referral);
    if (!episode) continue;
    // A family with an open episode joins it rather than opening another (as the front door does).
    if (open_episode) continue;
    std::vector<Person> members = household.people;
    for (std::size_t i = 0; i < members.size(); ++i) members[i].id = person_ids[i];
    open_episode = !demo::WriteJourney(uow, rng, staff.journey, *episode, referral, members, today);
    ++summary.episodes;
  }
}
}  // namespace

Result<DemoSummary> GenerateDemo(Database& db, const DemoOptions& options,
                                 std::function<void(int done, int total)> progress) {
  std::vector<FieldError> invalid;
  if (options.families < 0) invalid.push_back({"families", "error.number_out_of_range"});
  if (options.years < 1 || options.years > 50) invalid.push_back({"years", "error.number_out_of_range"});
  if (!invalid.empty()) return Error::Validation(std::move(invalid), "demo options out of range");

  InitialiseCrypto();
  DemoSummary summary;
  Staff staff;
  DemoRandom rng(options.seed);
  const Date start = options.today.AddDays(-365 * options.years);
  int done = 0;
  bool first = true;
  do {
    const int batch_end = std::min(options.families, done + kFamiliesPerTransaction);
    auto uow = db.BeginWrite();
    if (first) {
      first = false;
      // Checked in the same transaction as the first families, so two runs cannot both find the database empty.
      if (uow->Families().Count() > 0)
        return Error::Conflict("demo refused: the database already holds families", "demo.not_empty");
      staff = EnsureStaff(uow->Users(), options.team_size);
      for (const auto& existing : uow->Casework().ListServices()) staff.journey.services.push_back(existing.id);
      if (staff.journey.services.empty())
        for (const char* name : kServices) {
          Service service;
          service.name = name;
          staff.journey.services.push_back(uow->Casework().InsertService(service));
        }
      for (const auto& existing : uow->Practitioners().List(0, -1)) staff.journey.practitioners.push_back(existing.id);
      if (staff.journey.practitioners.empty())
        for (const auto& [name, kind, role] : kPractitioners) {
          Practitioner p;
          p.name = name;
          p.organisation_kind = kind;
          p.role_title = role;
          staff.journey.practitioners.push_back(uow->Practitioners().Insert(p));
        }
      summary.staff = staff.count;
      staff.journey.resilience = options.resilience;
      staff.journey.young_person = options.young_person;
      staff.journey.outcome_seed = options.seed;
    }
    for (; done < batch_end; ++done) WriteFamily(*uow, rng, staff, start, options.today, summary);
    uow->Commit();
    if (progress) progress(done, options.families);
  } while (done < options.families);
  return summary;
}

}  // namespace hearth
