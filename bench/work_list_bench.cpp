// The manager's work list (EpisodeRepository::ListWork) for 20 workers on a database of 20,000 episodes, most of
// them closed, as in a service a few years old. Built with -DHEARTH_BENCH=ON; results in docs/performance.md.
//   build/bench/work_list_bench [--benchmark_repetitions=5]
#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "storage/sqlite/sqlite_database.hpp"

namespace {
using namespace hearth;

constexpr int kEpisodes = 20000;
constexpr int kWorkers = 200;         // the whole service
constexpr int kManagersWorkers = 20;  // the ones on the manager's team
constexpr double kOpenShare = 0.15;   // episodes still open

struct Fixture {
  std::filesystem::path path;
  std::unique_ptr<Database> db;
  std::vector<RecordId> managers_workers;
  int open_for_team = 0;
};

Date Day(int offset) { return Date::Parse("2021-01-01")->AddDays(offset); }

RecordId AddUser(UnitOfWork& uow, const std::string& name, Role role) {
  User u;
  u.username = name;
  u.role = role;
  u.password_hash = "x";
  u.created_at = "2026-01-01T00:00:00Z";
  return uow.Users().Insert(u);
}

Fixture& Data() {
  static Fixture f = [] {
    Fixture out;
    out.path = std::filesystem::temp_directory_path() / "hearth_work_list_bench.db";
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(out.path.string() + s);
    out.db = sqlite::OpenSqlite(out.path.string());
    out.db->Migrate();
    std::mt19937 rng(42);
    auto uow = out.db->BeginWrite();
    std::vector<RecordId> workers;
    for (int i = 0; i < kWorkers; ++i)
      workers.push_back(AddUser(*uow, "w" + std::to_string(i), Role::kInterventionWorker));
    out.managers_workers.assign(workers.begin(), workers.begin() + kManagersWorkers);
    const RecordId ea = AddUser(*uow, "ea", Role::kEaOfficer);
    std::uniform_int_distribution<int> pick_worker(0, kWorkers - 1), pick_meetings(0, 4), pick_people(1, 5);
    std::bernoulli_distribution open(kOpenShare);
    for (int i = 0; i < kEpisodes; ++i) {
      Family fam;
      fam.area = "West";
      const RecordId family_id = uow->Families().Insert(fam);
      for (int p = pick_people(rng); p > 0; --p) {
        Person person;
        person.family_id = family_id;
        person.given_name = "Given" + std::to_string(p);
        person.family_name = "Family" + std::to_string(i);
        uow->People().Insert(person);
      }
      const int received = (i * 1800) / kEpisodes;  // spread over five years
      Referral r;
      r.family_id = family_id;
      r.received_on = Day(received);
      r.decision = ReferralDecision::kEarlyHelp;
      Episode e;
      e.family_id = family_id;
      e.referral_id = uow->Referrals().Insert(r);
      e.opened_on = r.received_on;
      e.stage = EpisodeStage::kIntervention;
      const bool is_open = open(rng);
      if (!is_open) {
        e.stage = EpisodeStage::kClosed;
        e.closed_on = Day(received + 120);
        e.closure_reason = ClosureReason::kOutcomesMet;
      }
      e.id = uow->Referrals().InsertEpisode(e);
      const RecordId worker = workers[static_cast<std::size_t>(pick_worker(rng))];
      uow->Episodes().InsertAssignment({0, e.id, ea, "", 0, Role::kEaOfficer, Day(received), Day(received + 10), ""});
      std::optional<Date> to;
      if (!is_open) to = e.closed_on;
      uow->Episodes().InsertAssignment({0, e.id, worker, "", 0, Role::kInterventionWorker, Day(received + 30), to, ""});
      if (is_open && worker <= out.managers_workers.back()) ++out.open_for_team;
      for (int m = pick_meetings(rng); m > 0; --m) {
        TafMeeting t;
        t.episode_id = e.id;
        t.on = Day(received + 30 + 42 * m);
        t.next_meeting_on = Day(received + 30 + 42 * (m + 1));
        uow->Casework().InsertTafMeeting(t);
      }
    }
    uow->Commit();
    return out;
  }();
  return f;
}

void BM_ListWorkForAManagersTeam(benchmark::State& state) {
  Fixture& f = Data();
  std::size_t rows = 0;
  for (auto _ : state) {
    auto uow = f.db->BeginRead();
    auto items = uow->Episodes().ListWork(f.managers_workers);
    rows = items.size();
    benchmark::DoNotOptimize(items);
  }
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["expected_rows"] = f.open_for_team;
}
BENCHMARK(BM_ListWorkForAManagersTeam)->Unit(benchmark::kMillisecond);

void BM_ListWorkForOneWorker(benchmark::State& state) {
  Fixture& f = Data();
  for (auto _ : state) {
    auto uow = f.db->BeginRead();
    benchmark::DoNotOptimize(uow->Episodes().ListWork({f.managers_workers.front()}));
  }
}
BENCHMARK(BM_ListWorkForOneWorker)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
