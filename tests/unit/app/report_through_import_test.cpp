// The service report end to end on generated histories: the demo's exporter writes an interchange file (random,
// seeded), ImportService loads it into SQLite, ReportService loads it back and computes the report — and
// MetricsOracle (unit/support/metrics_oracle.hpp), a separate slow reading of METRICS.md, computes it from the same
// file read plainly here. The two must agree for random periods, for the whole service and for each team (the
// team's part selected here by its own reading of docs/api.md, "A team's report").
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "app/import_service.hpp"
#include "app/report_service.hpp"
#include "app/service_report_json.hpp"
#include "app/user_admin.hpp"
#include "demo/history_export.hpp"
#include "domain/enum_names.hpp"
#include "unit/support/history_keys.hpp"
#include "unit/support/json_near.hpp"
#include "unit/support/metrics_oracle.hpp"
#include "unit/support/string_lines.hpp"
#include "unit/support/temp_database.hpp"

namespace hearth {
namespace {
namespace json = boost::json;
using testing::MetricsOracle;
using testing::StringLines;
using testing::TempDatabase;
using testing::Ymd;

// Optional fields may be left out or written as null (INTERCHANGE.md): both mean "not recorded".
bool Present(const json::object& o, std::string_view field) {
  const auto* v = o.if_contains(field);
  return v != nullptr && !v->is_null();
}
Date DateOf(const json::object& o, std::string_view field) { return *Date::Parse(o.at(field).as_string()); }
std::optional<Date> MaybeDateOf(const json::object& o, std::string_view field) {
  const auto* v = o.if_contains(field);
  if (v == nullptr || v->is_null()) return std::nullopt;
  return *Date::Parse(v->as_string());
}
std::string TextOf(const json::object& o, std::string_view field) {
  const auto* v = o.if_contains(field);
  return v == nullptr || v->is_null() ? std::string() : std::string(v->as_string());
}
template <class E>
E EnumOf(const json::object& o, std::string_view field) {
  return *ParseEnum<E>(o.at(field).as_string());
}

// The file's records by type, in file order.
std::map<std::string, std::vector<json::object>> RecordsByType(const std::string& text) {
  std::map<std::string, std::vector<json::object>> out;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    json::object o = json::parse(line).as_object();
    out[std::string(o.at("type").as_string())].push_back(std::move(o));
  }
  return out;
}

// The history METRICS.md is computed from, read straight from the file: every record of the file is final. With a
// team, only that team's episodes, their referrals and records, and their families' statutory involvement.
ServiceHistory ReadPlainly(std::map<std::string, std::vector<json::object>>& records, const std::string& team) {
  ServiceHistory h;
  std::map<std::string, const json::object*> referral_by_id;
  for (const auto& r : records["referral"]) referral_by_id[TextOf(r, "id")] = &r;
  std::map<std::string, EpisodeIndex> episode_at;
  std::set<std::string> families, referrals_kept;
  // Workers and families by key; an absent officer is no one (kNoOne), as the load reads a NULL.
  const auto key = [](const std::string& id) { return id.empty() ? kNoOne : test::Key(id); };
  for (const auto& o : records["episode"]) {
    if (!team.empty() && TextOf(o, "team") != team) continue;
    const json::object& referral = *referral_by_id.at(TextOf(o, "referral"));
    EpisodeFacts e;
    e.id = TextOf(o, "id");
    e.family = key(TextOf(o, "family"));
    e.received_on = DateOf(referral, "received_on");
    e.source = EnumOf<ReferralSource>(referral, "source");
    e.opened_on = DateOf(o, "opened_on");
    e.allocated_assessment_on = MaybeDateOf(o, "allocated_assessment_on");
    e.ea_officer = key(TextOf(o, "ea_officer"));
    e.assessment_completed_on = MaybeDateOf(o, "assessment_completed_on");
    e.brokerage_started_on = MaybeDateOf(o, "brokerage_started_on");
    e.br_officer = key(TextOf(o, "br_officer"));
    e.plan_completed_on = MaybeDateOf(o, "plan_completed_on");
    e.panel_on = MaybeDateOf(o, "panel_on");
    e.intervention_started_on = MaybeDateOf(o, "intervention_started_on");
    e.team = TextOf(o, "team");
    e.review_started_on = MaybeDateOf(o, "review_started_on");
    e.closed_on = MaybeDateOf(o, "closed_on");
    if (Present(o, "closure_reason")) e.closure_reason = EnumOf<ClosureReason>(o, "closure_reason");
    episode_at[e.id] = static_cast<EpisodeIndex>(h.episodes.size());
    families.insert(TextOf(o, "family"));
    referrals_kept.insert(TextOf(o, "referral"));
    h.episodes.push_back(std::move(e));
  }
  for (const auto& r : records["referral"])
    if (team.empty() || referrals_kept.count(TextOf(r, "id")))
      h.referrals.push_back({DateOf(r, "received_on"), EnumOf<ReferralSource>(r, "source")});
  // The episode's position, or nothing when the record belongs to an episode left out.
  const auto episode = [&](const json::object& o) -> std::optional<EpisodeIndex> {
    const auto it = episode_at.find(TextOf(o, "episode"));
    if (it == episode_at.end()) return std::nullopt;
    return it->second;
  };
  for (const auto& o : records["assignment"])
    if (auto e = episode(o)) h.assignments.push_back({*e, key(TextOf(o, "worker")), EnumOf<Role>(o, "role")});
  for (const auto& o : records["appraisal"])
    if (auto e = episode(o))
      h.appraisals.push_back(
          {EnumOf<Agency>(o, "kind"), DateOf(o, "requested_on"), MaybeDateOf(o, "completed_on"), *e});
  for (const auto& o : records["action"])
    if (auto e = episode(o)) {
      const ServiceIndex service = Present(o, "service") ? test::ServiceOf(h, TextOf(o, "service")) : kNoService;
      h.actions.push_back({*e, service, EnumOf<ActionStatus>(o, "status")});
    }
  for (const auto& o : records["contact"])
    if (auto e = episode(o)) h.contacts.push_back({*e, DateOf(o, "on")});
  for (const auto& o : records["assessment"])
    if (auto e = episode(o)) {
      AssessmentFacts a;
      a.episode = *e;
      a.id = TextOf(o, "id");
      a.instrument = EnumOf<AssessmentInstrument>(o, "instrument");
      a.stage = EnumOf<AssessmentStage>(o, "stage");
      a.on = DateOf(o, "on");
      const auto& scores = o.at("scores").as_object();
      const char* domains[] = {"environment", "adversity", "resilience", "vulnerability"};
      for (std::size_t d = 0; d < 4; ++d) a.scores[d] = static_cast<int>(scores.at(domains[d]).as_int64());
      h.assessments.push_back(std::move(a));
    }
  for (const auto& o : records["ace"])
    if (auto e = episode(o)) {
      std::optional<bool> improved;
      if (Present(o, "improved")) improved = o.at("improved").as_bool();
      h.aces.push_back({*e, EnumOf<AceType>(o, "ace"), DateOf(o, "identified_on"), improved});
    }
  for (const auto& o : records["statutory"])
    if (team.empty() || families.count(TextOf(o, "family")))
      h.statutory.push_back({key(TextOf(o, "family")), DateOf(o, "started_on")});
  for (const auto& o : records["feedback"])
    if (auto e = episode(o)) {
      std::optional<Satisfaction> satisfaction;
      const auto& answers = o.at("answers").as_object();
      if (Present(answers, "satisfaction")) satisfaction = EnumOf<Satisfaction>(answers, "satisfaction");
      h.feedback.push_back({EnumOf<FeedbackForm>(o, "form"), DateOf(o, "on"), satisfaction, *e});
    }
  for (const auto& o : records["oversight"])
    if (auto e = episode(o))
      h.oversight.push_back({*e, DateOf(o, "on"), o.at("considered_plan_effectiveness").as_bool()});
  for (const auto& o : records["audit"])
    if (auto e = episode(o))
      h.audits.push_back({DateOf(o, "on"), EnumOf<AuditGrade>(o, "grade"), o.at("shared_with_worker").as_bool(), *e});
  return h;
}

Principal Analyst() {
  Principal p;
  p.username = "analyst";
  p.role = Role::kAnalyst;
  return p;
}

TEST(ReportThroughImport, AgreesWithAPlainReadingOfTheImportedFileForTheServiceAndEachTeam) {
  const WorkingCalendar calendar;
  const Date end = Ymd(2025, 3, 31);
  for (unsigned seed = 1; seed <= 3; ++seed) {
    HistoryOptions options;
    options.years = 3;
    options.episodes = 150;
    options.seed = seed;
    options.to = end;
    std::ostringstream file;
    ASSERT_TRUE(WriteHistory(file, options));
    const std::string text = file.str();

    TempDatabase temp;
    StringLines lines(text);
    const ImportReport imported = ImportService(temp.db()).Import(SystemPrincipal(), lines, ImportOptions{});
    ASSERT_EQ(imported.error_count, 0u) << "seed " << seed;

    auto records = RecordsByType(text);
    std::vector<std::string> teams = {""};  // the whole service, then each team that has an episode
    std::set<std::string> with_episodes;
    for (const auto& e : records["episode"])
      if (!TextOf(e, "team").empty()) with_episodes.insert(TextOf(e, "team"));
    teams.insert(teams.end(), with_episodes.begin(), with_episodes.end());
    ASSERT_GE(teams.size(), 3u) << "the generated history should reach at least two teams";

    ReportService reports(temp.db(), nullptr, calendar);
    std::mt19937 rng(seed);
    const int span = static_cast<int>((end.Days() - Ymd(2022, 4, 1).Days()).count());
    for (int period = 0; period < 4; ++period) {
      // The whole history once, then random periods (some a few days long, some over a year).
      Date from = Ymd(2022, 4, 1), to = end;
      if (period > 0) {
        from = from.AddDays(std::uniform_int_distribution<int>(0, span)(rng));
        to = std::min(end, from.AddDays(std::uniform_int_distribution<int>(0, period == 1 ? 10 : 500)(rng)));
      }
      for (const auto& team : teams) {
        const auto report = reports.Service(Analyst(), from, to, team);
        ASSERT_TRUE(report) << "team " << team;
        const json::object hearth = ServiceReportJson(*report);
        const json::object plain = MetricsOracle{ReadPlainly(records, team), from, to}.Run();
        ASSERT_EQ(testing::JsonDifference(hearth, plain), "")
            << "seed " << seed << " team '" << team << "' P " << from.ToString() << " .. " << to.ToString();
      }
    }
  }
}

TEST(ReportThroughImport, AnUnknownTeamIsRefusedOnTheTeamField) {
  TempDatabase temp;
  const WorkingCalendar calendar;
  ReportService reports(temp.db(), nullptr, calendar);
  const auto report = reports.Service(Analyst(), Ymd(2024, 1, 1), Ymd(2024, 3, 31), "no-such-team");
  ASSERT_FALSE(report);
  ASSERT_EQ(report.error().fields.size(), 1u);
  EXPECT_EQ(report.error().fields[0].field, "team");
  EXPECT_EQ(report.error().fields[0].message_key, "report.team_unknown");
}

}  // namespace
}  // namespace hearth
