// hearth import and export through the use cases on a real (temporary) database: all or nothing, every rule's
// error with its line and field, re-import changing nothing, --update, history across files, and the round trip.
#include "app/import_service.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "app/export_service.hpp"
#include "app/user_admin.hpp"
#include "unit/support/string_lines.hpp"
#include "unit/support/temp_database.hpp"

namespace hearth {
namespace {
namespace json = boost::json;
using interchange::LineError;
using testing::RawSqlite;
using testing::StringLines;
using testing::TempDatabase;

std::string Fixture() {
  std::ifstream in(std::string(HEARTH_SOURCE_ROOT) + "/tests/fixtures/interchange/small_service.jsonl");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// The records of a file as a set of serialised canonical objects (the header left out).
std::multiset<std::string> RecordsOf(const std::string& text) {
  std::multiset<std::string> out;
  StringLines lines(text);
  std::string_view line;
  while (lines.Next(line)) {
    if (line.empty()) continue;
    auto o = json::parse(line).as_object();
    if (o.at("type") == "header") continue;
    // Key order is free: sort members by rebuilding the object in key order.
    std::map<std::string, json::value> sorted;
    for (const auto& m : interchange::Canonical(o)) sorted[std::string(m.key())] = m.value();
    json::object ordered;
    for (auto& [k, v] : sorted) ordered[k] = v;
    out.insert(json::serialize(ordered));
  }
  return out;
}

class ImportTest : public ::testing::Test {
 protected:
  ImportReport Import(const std::string& text, bool update = false) {
    StringLines lines(text);
    ImportOptions options;
    options.update = update;
    return ImportService(temp_.db()).Import(SystemPrincipal(), lines, options);
  }
  std::string Export() {
    std::string out;
    ExportService(temp_.db()).Export(SystemPrincipal(), {"Staff without a team"}, [&](std::string_view line) {
      out += std::string(line) + "\n";
    });
    return out;
  }
  std::string Count(const std::string& table) {
    return RawSqlite(temp_.path()).Scalar("SELECT count(*) FROM " + table);
  }

  // Imports the fixture with `line` appended (as line 47) and returns the errors.
  std::vector<LineError> ErrorsWith(const std::string& line) {
    auto report = Import(Fixture() + line + "\n");
    EXPECT_FALSE(report.imported());
    return report.errors;
  }

  TempDatabase temp_;
};

constexpr std::uint32_t kAdded = 47;  // the fixture has 46 lines
LineError Added(std::string field, std::string key) {
  return {kAdded, std::move(field), "interchange.error." + key, 0};
}

TEST_F(ImportTest, ImportsEveryTypeIntoOrdinaryTables) {
  auto report = Import(Fixture());
  ASSERT_TRUE(report.imported()) << report.errors.front().line << " " << report.errors.front().field << " "
                                 << report.errors.front().message_key;
  EXPECT_EQ(Count("teams"), "6");
  EXPECT_EQ(Count("users"), "6");
  EXPECT_EQ(Count("objectives"), "2");
  EXPECT_EQ(Count("audit_events WHERE action = 'import'"), "1");
  RawSqlite raw(temp_.path());
  EXPECT_EQ(raw.Scalar("SELECT stage FROM episodes WHERE external_id = 'E-1'"), "closed");
  EXPECT_EQ(raw.Scalar("SELECT stage FROM episodes WHERE external_id = 'E-2'"), "assessment");
  EXPECT_EQ(raw.Scalar("SELECT sex FROM people WHERE external_id = 'P-3'"), "");
  EXPECT_EQ(raw.Scalar("SELECT due_on FROM appraisals WHERE external_id = 'AP-1'"), "2024-02-06");
  EXPECT_EQ(raw.Scalar("SELECT satisfaction FROM feedback WHERE external_id = 'FB-1'"), "very_happy");
  EXPECT_EQ(raw.Scalar("SELECT count(*) FROM services WHERE name_key LIKE 'housing options%'"), "2");
  EXPECT_EQ(raw.Scalar("SELECT disabled FROM users WHERE external_id = 'W-1'"), "1");
}

TEST_F(ImportTest, ExportGivesBackTheSameRecordsAndSurvivesARoundTrip) {
  ASSERT_TRUE(Import(Fixture()).imported());
  const auto exported = Export();
  EXPECT_EQ(exported.substr(0, exported.find('\n')), R"({"type":"header","format":"hearth-interchange","version":1})");
  EXPECT_EQ(RecordsOf(exported), RecordsOf(Fixture()));
  TempDatabase second;
  StringLines lines(exported);
  ASSERT_TRUE(ImportService(second.db()).Import(SystemPrincipal(), lines, {}).imported());
  std::string again;
  ExportService(second.db()).Export(SystemPrincipal(), {"x"}, [&](std::string_view l) {
    again += std::string(l) + "\n";
  });
  EXPECT_EQ(RecordsOf(again), RecordsOf(exported));
}

// Progress: the checking reading, then the writing one, each ending at the whole file, then one report that the
// rebuilding of indexes and the commit have begun (the long silent part of a large import). A refused file never
// reaches that last step.
TEST_F(ImportTest, ReportsCheckingThenWritingThenFinishingOnce) {
  std::vector<std::pair<ImportPhase, bool>> seen;  // phase, and whether the whole file was done
  const ImportProgress progress = [&](ImportPhase phase, std::uint64_t done, std::uint64_t total) {
    seen.emplace_back(phase, done == total);
  };
  const auto run = [&](const std::string& text) {
    seen.clear();
    StringLines lines(text);
    return ImportService(temp_.db()).Import(SystemPrincipal(), lines, ImportOptions{}, progress);
  };
  ASSERT_TRUE(run(Fixture()).imported());
  ASSERT_GE(seen.size(), 3u);
  EXPECT_EQ(seen.back(), std::make_pair(ImportPhase::kFinishing, true));
  const auto first_writing =
      std::find_if(seen.begin(), seen.end(), [](auto& p) { return p.first == ImportPhase::kWriting; });
  ASSERT_NE(first_writing, seen.end());
  EXPECT_TRUE(std::all_of(seen.begin(), first_writing, [](auto& p) { return p.first == ImportPhase::kChecking; }));
  EXPECT_EQ(*(first_writing - 1), std::make_pair(ImportPhase::kChecking, true));
  EXPECT_EQ(*(seen.end() - 2), std::make_pair(ImportPhase::kWriting, true));
  EXPECT_EQ(std::count_if(seen.begin(), seen.end(), [](auto& p) { return p.first == ImportPhase::kFinishing; }), 1);

  EXPECT_FALSE(run(Fixture() + "{\"type\":\"contact\"}\n").imported());
  EXPECT_TRUE(std::none_of(seen.begin(), seen.end(), [](auto& p) { return p.first == ImportPhase::kFinishing; }));
}

TEST_F(ImportTest, ImportingAgainChangesNothing) {
  ASSERT_TRUE(Import(Fixture()).imported());
  const auto before = Export();
  auto report = Import(Fixture());
  ASSERT_TRUE(report.imported());
  std::size_t written = 0, unchanged = 0;
  for (auto n : report.written) written += n;
  for (auto n : report.unchanged) unchanged += n;
  EXPECT_EQ(written, 0u);
  EXPECT_EQ(unchanged, 45u);
  EXPECT_EQ(Export(), before);
  EXPECT_EQ(Count("objectives"), "2");
}

TEST_F(ImportTest, ChangedRecordIsAnErrorUnlessUpdate) {
  ASSERT_TRUE(Import(Fixture()).imported());
  const std::string changed = Join({R"({"type":"family","id":"F-2","area":"North"})"});
  auto refused = Import(changed);
  ASSERT_EQ(refused.errors, (std::vector<LineError>{{1, "area", "interchange.error.differs", 0}}));
  EXPECT_EQ(RawSqlite(temp_.path()).Scalar("SELECT area FROM families WHERE external_id = 'F-2'"), "East");
  ASSERT_TRUE(Import(changed, true).imported());
  EXPECT_EQ(RawSqlite(temp_.path()).Scalar("SELECT area FROM families WHERE external_id = 'F-2'"), "North");
}

TEST_F(ImportTest, ReferencesResolveAgainstTheDatabase) {
  ASSERT_TRUE(Import(Fixture()).imported());
  auto report = Import(
      Join({R"({"type":"contact","id":"C-9","episode":"E-2","on":"2024-03-09","worker":"W-1","kind":"office"})",
            R"({"type":"contact","id":"C-10","episode":"E-2","on":"2024-03-01","worker":"W-1","kind":"office"})"}));
  EXPECT_EQ(report.errors, (std::vector<LineError>{{2, "on", "interchange.error.before_opened", 0}}));
  ASSERT_TRUE(
      Import(
          Join({R"({"type":"contact","id":"C-9","episode":"E-2","on":"2024-03-09","worker":"W-1","kind":"office"})"}))
          .imported());
  EXPECT_EQ(Count("contacts"), "3");
}

TEST_F(ImportTest, AnyErrorImportsNothing) {
  auto errors =
      ErrorsWith(R"({"type":"contact","id":"C-9","episode":"E-404","on":"2024-03-09","worker":"W-1","kind":"office"})");
  EXPECT_EQ(errors, std::vector{Added("episode", "ref_missing")});
  EXPECT_EQ(Count("families"), "0");
  EXPECT_EQ(Count("teams"), "0");
  EXPECT_EQ(Count("audit_events"), "0");
}

TEST_F(ImportTest, EachConsistencyRuleHasItsError) {
  struct Case {
    std::string line;
    LineError expected;
  };
  const std::string ep = R"({"type":"episode","id":"E-9","family":"F-1","referral":"R-1","opened_on":"2024-01-09")";
  const std::vector<Case> cases{
      {R"({"type":"family","id":"F-1","area":"North"})", {kAdded, "id", "interchange.error.duplicate_id", 16}},
      {R"({"type":"team","id":"T-X","name":"Front Door","kind":"front_door"})",
       {kAdded, "name", "interchange.error.team_name_taken", 2}},
      {R"({"type":"episode","id":"E-9","family":"F-2","referral":"R-1","opened_on":"2024-01-09"})",
       Added("referral", "other_family")},
      {R"({"type":"episode","id":"E-9","family":"F-2","referral":"R-2","opened_on":"2024-03-01"})",
       Added("referral", "referral_not_early_help")},
      {R"({"type":"episode","id":"E-9","family":"F-1","referral":"R-1","opened_on":"2024-01-07"})",
       Added("opened_on", "before_received")},
      {ep + R"(,"assessment_completed_on":"2024-01-19"})", Added("assessment_completed_on", "stage_needs_earlier")},
      {ep + R"(,"allocated_assessment_on":"2024-01-08","ea_officer":"W-1"})",
       Added("allocated_assessment_on", "stage_out_of_order")},
      {ep +
           R"(,"allocated_assessment_on":"2024-01-20","ea_officer":"W-1","closed_on":"2024-01-19","closure_reason":"other"})",
       Added("closed_on", "closed_before_stage")},
      {ep + R"(,"closed_on":"2024-01-19"})", Added("closure_reason", "closure_reason_required")},
      {ep + R"(,"closure_reason":"other"})", Added("closure_reason", "closure_reason_without_closed")},
      {ep + R"(,"allocated_assessment_on":"2024-01-10"})", Added("ea_officer", "required_with_date")},
      {ep + R"(,"allocated_assessment_on":"2024-01-10","ea_officer":"W-1","assessment_completed_on":"2024-01-11",)"
            R"("brokerage_started_on":"2024-01-12"})",
       Added("br_officer", "required_with_date")},
      {ep + R"(,"allocated_assessment_on":"2024-01-10","ea_officer":"W-1","assessment_completed_on":"2024-01-11",)"
            R"("brokerage_started_on":"2024-01-12","br_officer":"W-2","plan_completed_on":"2024-01-13",)"
            R"("panel_on":"2024-01-14","intervention_started_on":"2024-01-15"})",
       Added("team", "required_with_date")},
      {ep + R"(,"allocated_assessment_on":"2024-01-10","ea_officer":"T-W"})", Added("ea_officer", "ref_missing")},
      {R"({"type":"assignment","id":"A-9","episode":"E-1","worker":"W-3","role":"family_aide","from":"2024-01-08"})",
       Added("from", "before_opened")},
      {R"({"type":"assignment","id":"A-9","episode":"E-1","worker":"W-3","role":"family_aide","from":"2024-02-08","to":"2024-02-07"})",
       Added("to", "before_from")},
      {R"({"type":"appraisal","id":"AP-9","episode":"E-1","kind":"health","requested_on":"2024-01-01"})",
       Added("requested_on", "before_opened")},
      {R"({"type":"appraisal","id":"AP-9","episode":"E-1","kind":"health","requested_on":"2024-02-01","completed_on":"2024-01-31"})",
       Added("completed_on", "before_requested")},
      {R"({"type":"contact","id":"C-9","episode":"E-1","on":"2024-01-08","worker":"W-3","kind":"phone"})",
       Added("on", "before_opened")},
      {R"({"type":"assessment","id":"RA-9","episode":"E-1","instrument":"resilience","stage":"initial","on":"2024-01-01",)"
       R"("scores":{"environment":5,"adversity":5,"resilience":5,"vulnerability":5}})",
       Added("on", "before_opened")},
      {R"({"type":"ace","id":"ACE-9","episode":"E-1","person":"P-2","ace":"sexual_abuse","identified_on":"2024-01-08"})",
       Added("identified_on", "before_opened")},
      {R"({"type":"ace","id":"ACE-9","episode":"E-1","person":"P-4","ace":"sexual_abuse","identified_on":"2024-01-10"})",
       Added("person", "other_family")},
      {R"({"type":"feedback","id":"FB-9","episode":"E-1","on":"2024-01-08","form":"relationship","answers":{}})",
       Added("on", "before_opened")},
      {R"({"type":"oversight","id":"OV-9","episode":"E-1","on":"2024-01-08","manager":"W-4","considered_plan_effectiveness":false})",
       Added("on", "before_opened")},
      {R"({"type":"audit","id":"AU-9","episode":"E-1","on":"2024-01-08","auditor":"W-5","grade":"good","shared_with_worker":true})",
       Added("on", "before_opened")},
      {R"({"type":"statutory","id":"ST-9","family":"F-1","kind":"looked_after","started_on":"2024-02-01","ended_on":"2024-01-31"})",
       Added("ended_on", "before_started")},
      {R"({"type":"person","id":"P-9","family":"F-404","given_name":"A","family_name":"B","role":"child"})",
       Added("family", "ref_missing")},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ErrorsWith(c.line), std::vector{c.expected}) << c.line;
  }
  EXPECT_EQ(Count("families"), "0");
}

TEST_F(ImportTest, TeamsWithoutKindAndStaffWithoutTeamExportValidRecords) {
  RawSqlite raw(temp_.path());
  raw.Exec("INSERT INTO teams (name) VALUES ('Old Team')");
  raw.Exec("INSERT INTO users (username, role, team_id, password_hash, created_at) VALUES "
           "('ea.one', 'ea_officer', (SELECT id FROM teams WHERE name = 'Old Team'), 'x', '2024-01-01T00:00:00Z'), "
           "('floater', 'intervention_worker', NULL, 'x', '2024-01-01T00:00:00Z'), "
           "('admin', 'administrator', NULL, 'x', '2024-01-01T00:00:00Z')");
  const auto exported = Export();
  const auto records = RecordsOf(exported);
  std::size_t teams = 0, workers = 0;
  for (const auto& r : records) {
    auto o = json::parse(r).as_object();
    if (o.at("type") == "team") {
      ++teams;
      if (o.at("name") == "Old Team") {
        EXPECT_EQ(o.at("kind"), "assessment");
      }
      if (o.at("name") == "Staff without a team") {
        EXPECT_EQ(o.at("kind"), "management");
      }
    }
    if (o.at("type") == "worker") {
      ++workers;
      EXPECT_TRUE(o.contains("team"));
      EXPECT_NE(o.at("name"), "");
    }
  }
  EXPECT_EQ(teams, 2u);
  EXPECT_EQ(workers, 2u);  // the administrator is not an interchange worker
  TempDatabase second;
  StringLines lines(exported);
  auto report = ImportService(second.db()).Import(SystemPrincipal(), lines, {});
  EXPECT_TRUE(report.imported()) << (report.errors.empty() ? "" : report.errors.front().field);
}

TEST_F(ImportTest, ReportsEveryErrorNotOnlyTheFirst) {
  std::vector<std::string> bad;
  for (int i = 0; i < 150; ++i) bad.push_back(R"({"type":"family","id":"F)" + std::to_string(i) + R"(","area":""})");
  auto report = Import(Join(bad));
  EXPECT_EQ(report.error_count, 150u);
  ASSERT_GE(report.errors.size(), 100u);
  EXPECT_EQ(report.errors[99], (LineError{100, "area", "interchange.error.empty", 0}));
}

TEST_F(ImportTest, AnInvalidRecordDoesNotMakeItsReferencesMissing) {
  auto report =
      Import(Join({R"({"type":"family","id":"F","area":"West","postcode":7})",
                   R"({"type":"person","id":"P","family":"F","given_name":"A","family_name":"B","role":"child"})"}));
  EXPECT_EQ(report.errors, (std::vector<LineError>{{1, "postcode", "interchange.error.not_text", 0}}));
}

// The indexes of the database, as SQLite keeps their definitions (autoindexes of UNIQUE columns have none).
std::string IndexDefinitions(const std::string& path) {
  return RawSqlite(path).Scalar(
      "SELECT group_concat(name || ': ' || sql, char(10)) FROM "
      "(SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name)");
}

TEST_F(ImportTest, IndexesSetAsideForTheRowsAreBuiltAgain) {
  const auto before = IndexDefinitions(temp_.path());
  ASSERT_NE(before.find("contacts_episode: CREATE INDEX"), std::string::npos);
  // A failed import into empty tables rolls the dropped indexes back with everything else.
  ASSERT_FALSE(ErrorsWith(R"({"type":"family","id":"F-9","area":""})").empty());
  EXPECT_EQ(IndexDefinitions(temp_.path()), before);
  ASSERT_TRUE(Import(Fixture()).imported());
  EXPECT_EQ(IndexDefinitions(temp_.path()), before);
  RawSqlite raw(temp_.path());
  EXPECT_EQ(raw.Scalar("PRAGMA integrity_check"), "ok");
  // The rebuilt index holds the imported rows: a query through it finds them.
  EXPECT_EQ(raw.Scalar("SELECT count(*) FROM contacts INDEXED BY contacts_episode WHERE episode_id > 0"),
            Count("contacts"));
}

// An import that has the file to itself writes through a rollback journal (sqlite_database.cpp, LeaveWal): the file
// is in WAL again afterwards, whether the import was refused or committed.
TEST_F(ImportTest, TheFileIsInWalAgainAfterAnImport) {
  ASSERT_FALSE(ErrorsWith(R"({"type":"family","id":"F-9","area":""})").empty());
  EXPECT_EQ(RawSqlite(temp_.path()).Scalar("PRAGMA journal_mode"), "wal");
  ASSERT_TRUE(Import(Fixture()).imported());
  EXPECT_EQ(RawSqlite(temp_.path()).Scalar("PRAGMA journal_mode"), "wal");
  EXPECT_FALSE(std::filesystem::exists(temp_.path().string() + "-journal"));
  EXPECT_EQ(RawSqlite(temp_.path()).Scalar("PRAGMA integrity_check"), "ok");
}

// With another connection open (a running server) the file stays in WAL, and the import is the same.
TEST_F(ImportTest, ImportsBesideAnotherOpenConnection) {
  RawSqlite other(temp_.path());
  ASSERT_EQ(other.Scalar("SELECT count(*) FROM families"), "0");  // holds the file open in WAL mode
  const auto indexes = IndexDefinitions(temp_.path());
  ASSERT_TRUE(Import(Fixture()).imported());
  EXPECT_NE(Count("families"), "0");
  EXPECT_EQ(other.Scalar("SELECT count(*) FROM families"), Count("families"));
  EXPECT_EQ(other.Scalar("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(IndexDefinitions(temp_.path()), indexes);
  EXPECT_EQ(RecordsOf(Export()), RecordsOf(Fixture()));
}

// Lines are parsed ahead in batches of a few thousand on a second thread: errors still come in line order with
// their own line numbers, whichever batch they fell in.
TEST_F(ImportTest, ErrorsOfALargeFileKeepTheirLinesAcrossBatches) {
  std::vector<std::string> lines;
  const std::set<int> bad{3, 4096, 4097, 9001, 12000};
  for (int i = 1; i <= 12000; ++i)
    lines.push_back(R"({"type":"family","id":"F)" + std::to_string(i) + R"(","area":")" +
                    (bad.contains(i) ? "" : "West") + R"("})");
  auto report = Import(Join(lines));
  std::vector<LineError> expected;
  for (int i : bad) expected.push_back({static_cast<std::uint32_t>(i), "area", "interchange.error.empty", 0});
  EXPECT_EQ(report.errors, expected);
  EXPECT_EQ(Count("families"), "0");
  for (int i : bad) lines[static_cast<std::size_t>(i - 1)] = R"({"type":"family","id":"F)" + std::to_string(i) +
                                                               R"(","area":"East"})";
  lines.push_back(R"({"type":"family","id":"F7000","area":"West"})");  // a duplicate in the last batch
  auto duplicate = Import(Join(lines));
  EXPECT_EQ(duplicate.errors, (std::vector<LineError>{{12001, "id", "interchange.error.duplicate_id", 7000}}));
  lines.pop_back();
  ASSERT_TRUE(Import(Join(lines)).imported());
  EXPECT_EQ(Count("families"), "12000");
  EXPECT_EQ(RawSqlite(temp_.path()).Scalar("SELECT area FROM families WHERE external_id = 'F9001'"), "East");
}

}  // namespace
}  // namespace hearth
