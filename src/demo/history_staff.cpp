#include "demo/history_staff.hpp"

#include <algorithm>
#include <array>

#include "demo/british_names.hpp"

namespace hearth::demo {
namespace {

struct ServiceEntry {
  std::string_view name;
  std::string_view kind;  // empty: the directory did not record one
};

// Community and partner services that family plans lean on, shaped like a valleys council's directory.
constexpr std::array<ServiceEntry, 24> kServices{{
    {"Flying Start", "early_years"},
    {"Families First Parenting Programme", "parenting"},
    {"Incredible Years", "parenting"},
    {"School Nursing Service", "health"},
    {"Health Visiting", "health"},
    {"Child and Adolescent Mental Health Service", "health"},
    {"Primary Mental Health Support", "health"},
    {"Education Welfare Service", "education"},
    {"Youth Service", "youth"},
    {"Young Carers Project", "youth"},
    {"Substance Misuse Service", "substance_use"},
    {"Domestic Abuse Advocacy", "domestic_abuse"},
    {"Freedom Programme", "domestic_abuse"},
    {"Housing Options", "housing"},
    {"Tenancy Support", "housing"},
    {"Citizens Advice", "financial_inclusion"},
    {"Debt Advice Service", "financial_inclusion"},
    {"Employability Programme", "financial_inclusion"},
    {"Food Bank", ""},
    {"Community Hub", ""},
    {"Speech and Language Therapy", "health"},
    {"Family Mediation", "family_relationships"},
    {"Youth Offending Service", "crime"},
    {"Play and Leisure Scheme", "community"},
}};

// The locality teams first: TeamForArea relies on the order.
constexpr std::array<std::string_view, 5> kInterventionTeams{"Families Team West", "Families Team East",
                                                             "Families Team North", "Families Plus", "CANS"};

std::string WorkerName(DemoRandom& rng) {
  const auto given = rng.Percent(70) ? AdultFemaleNames() : AdultMaleNames();
  return std::string(rng.Pick(given)) + " " + std::string(rng.Pick(FamilyNames()));
}

class StaffWriter {
 public:
  StaffWriter(DemoRandom& rng, JsonLinesWriter& out) : rng_(rng), out_(out) {}

  std::string Team(std::string_view name, std::string_view kind) {
    std::string id = "t" + std::to_string(++teams_);
    out_.Begin("team").Text("id", id).Text("name", name).Text("kind", kind).End();
    return id;
  }

  std::vector<std::string> Workers(const std::string& team, std::string_view role, int count) {
    std::vector<std::string> ids;
    for (int i = 0; i < count; ++i) {
      ids.push_back("w" + std::to_string(++workers_));
      out_.Begin("worker")
          .Text("id", ids.back())
          .Text("name", WorkerName(rng_))
          .Text("team", team)
          .Text("role", role)
          .End();
    }
    return ids;
  }

 private:
  DemoRandom& rng_;
  JsonLinesWriter& out_;
  int teams_ = 0, workers_ = 0;
};

void Append(std::vector<std::string>& to, const std::vector<std::string>& more) {
  to.insert(to.end(), more.begin(), more.end());
}

}  // namespace

HistoryStaff WriteHistoryStaff(DemoRandom& rng, JsonLinesWriter& out, int episodes_per_year) {
  // Caseloads of a busy service: an E&A officer assesses ~200 families a year, a B&R officer plans ~250, an
  // intervention worker holds ~40 a year across five teams.
  const int per_year = std::max(episodes_per_year, 1);
  const int workers_per_team = std::max(4, per_year * 6 / 10 / 40 / static_cast<int>(kInterventionTeams.size()));
  StaffWriter staff_writer(rng, out);
  HistoryStaff staff;

  const std::string front_door = staff_writer.Team("Early Help Hub (front door)", "front_door");
  staff.front_door = staff_writer.Workers(front_door, "front_door_coordinator", std::max(2, per_year / 2000));
  const std::string assessment = staff_writer.Team("Engagement and Assessment", "assessment");
  staff.ea_officers = staff_writer.Workers(assessment, "ea_officer", std::max(3, per_year / 200));
  const std::string brokerage = staff_writer.Team("Brokerage and Review", "brokerage");
  staff.br_officers = staff_writer.Workers(brokerage, "br_officer", std::max(3, per_year / 250));
  Append(staff.managers, staff_writer.Workers(assessment, "manager", 1));
  Append(staff.managers, staff_writer.Workers(brokerage, "manager", 1));

  for (const auto name : kInterventionTeams) {
    InterventionTeam team;
    team.id = staff_writer.Team(name, "intervention");
    team.workers = staff_writer.Workers(team.id, "intervention_worker", workers_per_team + rng.Between(-1, 2));
    team.aides = staff_writer.Workers(team.id, "family_aide", std::max(1, workers_per_team / 4));
    team.managers = staff_writer.Workers(team.id, "manager", 1 + workers_per_team / 15);
    Append(staff.managers, team.managers);
    staff.intervention_teams.push_back(std::move(team));
  }

  const std::string social_work = staff_writer.Team("Children's Services Social Work", "social_work");
  staff.social_workers = staff_writer.Workers(social_work, "social_worker", std::max(2, per_year / 2000));
  const std::string management = staff_writer.Team("Early Help Management", "management");
  Append(staff.managers, staff_writer.Workers(management, "manager", 2));
  const std::string quality = staff_writer.Team("Quality Assurance", "quality");
  staff.auditors = staff_writer.Workers(quality, "auditor", std::max(2, per_year / 5000));

  for (std::size_t i = 0; i < kServices.size(); ++i) {
    staff.services.push_back("s" + std::to_string(i + 1));
    const auto& entry = kServices[i];
    auto line = out.Begin("service", i % 2 == 0);
    line.Text("id", staff.services.back()).Text("name", entry.name);
    line.OptText("kind", entry.kind.empty() ? std::nullopt : std::optional<std::string_view>(entry.kind));
    line.End();
  }
  return staff;
}

const InterventionTeam& TeamForArea(DemoRandom& rng, const HistoryStaff& staff, std::string_view area) {
  const auto& teams = staff.intervention_teams;
  // Most families go to their locality team; the rest to the service-wide teams (Families Plus, CANS).
  std::size_t local = 2;
  if (area == "West") local = 0;
  if (area == "East") local = 1;
  if (rng.Percent(75)) return teams[local];
  return teams[rng.Below(static_cast<std::uint32_t>(teams.size()))];
}

}  // namespace hearth::demo
