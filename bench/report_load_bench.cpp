// SqliteReports::LoadServiceHistory over a database of 200,000 episodes and about 3.4 million rows, then the report
// itself: what `hearth report service` and the API spend before printing. The rows are written straight into the
// tables (only the columns the report and the schema need). Built with -DHEARTH_BENCH=ON; results in
// docs/performance.md.   build/bench/report_load_bench [--benchmark_repetitions=3]
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <filesystem>
#include <random>
#include <string>

#include "domain/service_report.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace {
using namespace hearth;

constexpr int kEpisodes = 200000;
constexpr int kFamilies = 120000;

std::string Day(int offset) { return Date::Parse("2017-01-01")->AddDays(offset).ToString(); }

class Writer {
 public:
  explicit Writer(sqlite3* db) : db_(db) {}
  ~Writer() {
    for (auto* s : stmts_) sqlite3_finalize(s);
  }
  sqlite3_stmt* Prepare(const char* sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &s, nullptr) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db_));
    stmts_.push_back(s);
    return s;
  }
  template <class... Args>
  void Run(sqlite3_stmt* s, const Args&... args) {
    int i = 0;
    (Bind(s, ++i, args), ...);
    if (sqlite3_step(s) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db_));
    sqlite3_reset(s);
  }

 private:
  static void Bind(sqlite3_stmt* s, int i, long long v) { sqlite3_bind_int64(s, i, v); }
  static void Bind(sqlite3_stmt* s, int i, int v) { sqlite3_bind_int64(s, i, v); }
  static void Bind(sqlite3_stmt* s, int i, const std::string& v) {
    if (v.empty()) sqlite3_bind_null(s, i);
    else sqlite3_bind_text(s, i, v.c_str(), int(v.size()), SQLITE_TRANSIENT);
  }
  static void Bind(sqlite3_stmt* s, int i, const char* v) {
    if (*v == '\0') sqlite3_bind_null(s, i);
    else sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
  }
  sqlite3* db_;
  std::vector<sqlite3_stmt*> stmts_;
};

void Fill(const std::filesystem::path& path) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db, "PRAGMA foreign_keys = OFF; BEGIN", nullptr, nullptr, nullptr);
  {
    Writer w(db);
    std::mt19937 rng(7);
    auto uniform = [&rng](int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); };
    const char* sources[] = {"school", "health", "police", "children_social_care", "self"};
    const char* reasons[] = {"outcomes_met", "disengaged", "consent_withdrawn", "stepped_up", "moved_away", "other"};
    auto* team = w.Prepare("INSERT INTO teams (id, external_id, name) VALUES (?1, ?2, ?3)");
    for (int t = 1; t <= 8; ++t) w.Run(team, t, "team-" + std::to_string(t), "Team " + std::to_string(t));
    auto* service = w.Prepare("INSERT INTO services (id, external_id, name, name_key) VALUES (?1, ?2, ?3, ?3)");
    for (int s = 1; s <= 200; ++s) w.Run(service, s, "svc-" + std::to_string(s), "service " + std::to_string(s));
    auto* family = w.Prepare("INSERT INTO families (id, area, created_at, updated_at) VALUES (?1, 'A', 't', 't')");
    for (int f = 1; f <= kFamilies; ++f) w.Run(family, f);
    auto* referral = w.Prepare(
        "INSERT INTO referrals (id, family_id, received_on, source, decision, created_at) VALUES (?1, ?2, ?3, ?4, "
        "'early_help', 't')");
    auto* episode = w.Prepare(
        "INSERT INTO episodes (id, family_id, referral_id, opened_on, stage, created_at, allocated_assessment_on, "
        "ea_officer_id, assessment_completed_on, brokerage_started_on, br_officer_id, plan_completed_on, panel_on, "
        "intervention_started_on, team_id, review_started_on, closed_on, closure_reason) VALUES (?1, ?2, ?1, ?3, 's', "
        "'t', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
    auto* contact = w.Prepare(
        "INSERT INTO contacts (episode_id, occurred_on, kind, created_at) VALUES (?1, ?2, 'phone', 't')");
    auto* action = w.Prepare(
        "INSERT INTO actions (episode_id, objective_id, description, service_id, status, created_at, updated_at) "
        "VALUES (?1, 1, '', ?2, 'in_progress', 't', 't')");
    auto* assignment = w.Prepare(
        "INSERT INTO episode_assignments (episode_id, user_id, role, from_on) VALUES (?1, ?2, 'intervention_worker', "
        "?3)");
    auto* appraisal = w.Prepare(
        "INSERT INTO appraisals (episode_id, family_id, kind, requested_on, due_on, completed_on, created_at, "
        "updated_at) VALUES (?1, ?2, 'housing', ?3, ?3, ?4, 't', 't')");
    auto* assessment = w.Prepare(
        "INSERT INTO resilience_assessments (episode_id, instrument, stage, assessed_on, environment, adversity, "
        "resilience, vulnerability, created_at, updated_at) VALUES (?1, 'resilience', ?2, ?3, 10, 12, 14, 16, 't', "
        "'t')");
    auto* ace = w.Prepare(
        "INSERT INTO aces (episode_id, person_id, ace, identified_on, improved, created_at, updated_at) VALUES (?1, 1, "
        "'domestic_violence', ?2, 1, 't', 't')");
    auto* oversight = w.Prepare(
        "INSERT INTO oversight_records (episode_id, recorded_on, manager_id, considered_plan_effectiveness, "
        "created_at, updated_at) VALUES (?1, ?2, 1, 1, 't', 't')");
    for (int i = 1; i <= kEpisodes; ++i) {
      const int fam = uniform(1, kFamilies);
      const int received = uniform(0, 8 * 365);
      w.Run(referral, i, fam, Day(received), sources[uniform(0, 4)]);
      int d = received + uniform(0, 5);
      const std::string opened = Day(d);
      const int stage = uniform(0, 8);
      std::string dates[8];
      for (int k = 0; k < 8; ++k)
        if (stage > k) dates[k] = Day(d += uniform(0, 20));
      const bool closed = uniform(0, 9) < 8;
      const std::string closed_on = closed ? Day(d += uniform(0, 60)) : "";
      w.Run(episode, i, fam, opened, dates[0], stage > 0 ? std::to_string(uniform(1, 40)) : "", dates[1], dates[2],
            stage > 2 ? std::to_string(uniform(1, 40)) : "", dates[3], dates[4], dates[5],
            stage > 5 ? std::to_string(uniform(1, 8)) : "", dates[6], closed_on,
            closed ? reasons[uniform(0, 5)] : "");
      for (int k = 0; k < 6; ++k) w.Run(contact, i, Day(received + uniform(0, 150)));
      for (int k = 0; k < 3; ++k) w.Run(action, i, uniform(1, 200));
      for (int k = 0; k < 2; ++k) w.Run(assignment, i, uniform(1, 300), opened);
      w.Run(appraisal, i, fam, opened, Day(received + 40));
      w.Run(assessment, i, "initial", opened);
      w.Run(assessment, i, "evaluation", Day(received + 90));
      w.Run(ace, i, opened);
      w.Run(oversight, i, Day(received + uniform(0, 120)));
    }
  }
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(db);
}

struct Fixture {
  std::filesystem::path path = std::filesystem::temp_directory_path() / "hearth_report_load_bench.db";
  std::unique_ptr<Database> db;
  // Filling takes minutes on a loaded machine, so a database left by an earlier run is reused (delete the file to
  // make a new one).
  Fixture() {
    const bool reuse = std::filesystem::exists(path);
    db = sqlite::OpenSqlite(path.string());
    db->Migrate();
    if (!reuse) Fill(path);
  }
};

Fixture& Shared() {
  static Fixture f;
  return f;
}

void BM_LoadServiceHistory(benchmark::State& state) {
  Fixture& f = Shared();
  const Date from = *Date::Parse("2023-04-01"), to = *Date::Parse("2024-03-31");
  std::size_t rows = 0;
  for (auto _ : state) {
    auto uow = f.db->BeginRead();
    const ServiceHistory h = uow->Reports().LoadServiceHistory(from, to);
    rows = h.referrals.size() + h.episodes.size() + h.assignments.size() + h.appraisals.size() + h.actions.size() +
           h.contacts.size() + h.assessments.size() + h.aces.size() + h.statutory.size() + h.feedback.size() +
           h.oversight.size() + h.audits.size();
  }
  state.counters["rows_loaded"] = static_cast<double>(rows);
}
BENCHMARK(BM_LoadServiceHistory)->Unit(benchmark::kMillisecond);

void BM_LoadAndComputeServiceReport(benchmark::State& state) {
  Fixture& f = Shared();
  const WorkingCalendar calendar;
  const Date from = *Date::Parse("2023-04-01"), to = *Date::Parse("2024-03-31");
  for (auto _ : state) {
    auto uow = f.db->BeginRead();
    benchmark::DoNotOptimize(ComputeServiceReport(uow->Reports().LoadServiceHistory(from, to), from, to, calendar));
  }
}
BENCHMARK(BM_LoadAndComputeServiceReport)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
