#include "demo/history_export.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "unit/demo/interchange_rules.hpp"

namespace hearth {
namespace {

using testing::CheckHistory;
using testing::DateOf;
using testing::History;
using testing::Str;

const Date kTo = *Date::Parse("2026-11-22");

std::string Generate(int episodes, unsigned seed, int years = 10) {
  HistoryOptions options;
  options.episodes = episodes;
  options.seed = seed;
  options.years = years;
  options.to = kTo;
  std::ostringstream out;
  const auto summary = WriteHistory(out, options);
  EXPECT_TRUE(summary.has_value());
  return out.str();
}

// One 3,000-episode history shared by the tests that only read it.
const std::string& SmallHistoryText() {
  static const std::string text = Generate(3000, 11);
  return text;
}
const History& SmallHistory() {
  static const History history = CheckHistory(SmallHistoryText());
  return history;
}

std::vector<const boost::json::object*> OfType(const History& h, const std::string& type) {
  std::vector<const boost::json::object*> out;
  for (const auto& o : h.records)
    if (Str(o, "type") == type) out.push_back(&o);
  return out;
}

TEST(HistoryExport, SatisfiesEveryRuleOfTheInterchangeFormat) {
  const History& h = SmallHistory();
  for (std::size_t i = 0; i < std::min<std::size_t>(h.problems.size(), 20); ++i) ADD_FAILURE() << h.problems[i];
  EXPECT_EQ(h.problems.size(), 0U);
  EXPECT_EQ(OfType(h, "episode").size(), 3000U);
}

TEST(HistoryExport, TheCheckerCatchesBrokenHistories) {
  // The checks above would pass vacuously if they could not fail: break a valid history in a few ways.
  const std::string header = R"({"type":"header","format":"hearth-interchange","version":1})";
  const std::string base =
      header + "\n" + R"({"type":"family","id":"f1","area":"West"})" + "\n" +
      R"({"type":"referral","id":"r1","family":"f1","received_on":"2020-01-10","source":"school","decision":"advice"})" +
      "\n";
  EXPECT_TRUE(CheckHistory(base).problems.empty());
  const auto broken = [&](const std::string& line) { return !CheckHistory(base + line + "\n").problems.empty(); };
  EXPECT_TRUE(broken(
      R"({"type":"episode","id":"e1","family":"f1","referral":"r1","opened_on":"2020-01-11"})"));  // not early help
  EXPECT_TRUE(broken(R"({"type":"family","id":"f1","area":"East"})"));                             // duplicate id
  EXPECT_TRUE(broken(R"({"type":"family","id":"f2","area":"East","colour":"red"})"));              // unknown field
  EXPECT_TRUE(broken(
      R"({"type":"statutory","id":"s1","family":"f1","kind":"child_in_need","started_on":"2020-02-01","ended_on":"2020-01-01"})"));
  EXPECT_TRUE(broken(R"({"type":"person","id":"p1","family":"f9","given_name":"A","family_name":"B","role":"child"})"));
  EXPECT_TRUE(broken(
      R"({"type":"referral","id":"r2","family":"f1","received_on":"2020-02-30","source":"school","decision":"advice"})"));
  const std::string eh =
      base +
      R"({"type":"referral","id":"r2","family":"f1","received_on":"2020-01-10","source":"school","decision":"early_help"})" +
      "\n";
  const auto episode_broken = [&](const std::string& line) { return !CheckHistory(eh + line + "\n").problems.empty(); };
  EXPECT_TRUE(episode_broken(
      R"({"type":"episode","id":"e1","family":"f1","referral":"r2","opened_on":"2020-01-11","allocated_assessment_on":"2020-01-12","ea_officer":null})"));
  EXPECT_TRUE(episode_broken(
      R"({"type":"episode","id":"e1","family":"f1","referral":"r2","opened_on":"2020-01-11","allocated_assessment_on":"2020-01-12"})"));
  EXPECT_TRUE(episode_broken(
      R"({"type":"episode","id":"e1","family":"f1","referral":"r2","opened_on":"2020-01-11","assessment_completed_on":"2020-01-12"})"));
  EXPECT_TRUE(episode_broken(
      R"({"type":"episode","id":"e1","family":"f1","referral":"r2","opened_on":"2020-01-11","closed_on":"2020-01-12"})"));
  EXPECT_TRUE(episode_broken(R"({"type":"episode","id":"e1","family":"f1","referral":"r2","opened_on":"2020-01-09"})"));
}

TEST(HistoryExport, UsesEveryValueOfEveryEnumeration) {
  const History& h = SmallHistory();
  std::map<std::string, std::set<std::string>> seen;
  for (const auto& o : h.records) {
    const std::string type = Str(o, "type");
    for (const auto& f : testing::RecordTypes().at(type)) {
      const auto* v = o.if_contains(f.name);
      if (f.kind == testing::FieldSpec::kEnum && v && v->is_string())
        seen[type + "." + f.name].insert(std::string(v->as_string()));
      if (f.kind == testing::FieldSpec::kReasons && v && v->is_array())
        for (const auto& r : v->as_array()) seen["referral.reasons"].insert(std::string(r.as_string()));
    }
    if (type == "feedback" && Str(o, "form") == "service_user")
      seen["feedback.satisfaction"].insert(Str(o.at("answers").as_object(), "satisfaction"));
  }
  for (const auto& [type, fields] : testing::RecordTypes()) {
    for (const auto& f : fields) {
      if (f.kind != testing::FieldSpec::kEnum) continue;
      EXPECT_EQ(seen[type + "." + f.name], testing::Enumerations().at(f.target)) << type << "." << f.name;
    }
  }
  EXPECT_EQ(seen["referral.reasons"], testing::Enumerations().at("outcome_area"));
  EXPECT_EQ(seen["feedback.satisfaction"], testing::Enumerations().at("satisfaction"));
}

TEST(HistoryExport, OptionalFieldsAreSometimesAbsentAndSometimesNull) {
  const History& h = SmallHistory();
  std::map<std::string, int> absent, null, present;
  for (const auto& o : h.records) {
    const std::string type = Str(o, "type");
    for (const auto& f : testing::RecordTypes().at(type)) {
      if (f.required) continue;
      const auto* v = o.if_contains(f.name);
      ++(!v ? absent : v->is_null() ? null : present)[type + "." + f.name];
    }
  }
  for (const auto& [type, fields] : testing::RecordTypes()) {
    for (const auto& f : fields) {
      if (f.required) continue;
      const std::string key = type + "." + f.name;
      EXPECT_GT(absent[key], 0) << key;
      EXPECT_GT(present[key], 0) << key;
      EXPECT_GT(null[key], 0) << key;
    }
  }
}

TEST(HistoryExport, IsTheSameFileForTheSameSeed) {
  const std::string a = Generate(400, 5);
  EXPECT_EQ(a, Generate(400, 5));
  EXPECT_NE(a, Generate(400, 6));
}

TEST(HistoryExport, ReportsWhatItWrote) {
  HistoryOptions options;
  options.episodes = 300;
  options.to = kTo;
  std::ostringstream out;
  const auto summary = WriteHistory(out, options);
  ASSERT_TRUE(summary.has_value());
  const std::string text = out.str();
  EXPECT_EQ(summary->lines, std::count(text.begin(), text.end(), '\n'));
  EXPECT_EQ(summary->episodes, 300);
  EXPECT_EQ(summary->records_by_type.at("episode"), 300);
  EXPECT_EQ(summary->records_by_type.at("family"), summary->families);
}

TEST(HistoryExport, RefusesAHistoryStartingBefore1960) {
  HistoryOptions options;
  options.episodes = 10;
  options.years = 10;
  options.to = *Date::Parse("1965-06-01");
  std::ostringstream out;
  const auto summary = WriteHistory(out, options);
  ASSERT_FALSE(summary.has_value());
  EXPECT_EQ(summary.error().message_key, "demo.export_too_early");
  EXPECT_TRUE(out.str().empty());
}

TEST(HistoryExport, ReportsAStreamThatCannotBeWritten) {
  HistoryOptions options;
  options.episodes = 20;
  options.to = kTo;
  std::ostringstream out;
  out.setstate(std::ios::badbit);  // as a full disk leaves a file stream
  const auto summary = WriteHistory(out, options);
  ASSERT_FALSE(summary.has_value());
  EXPECT_EQ(summary.error().message_key, "demo.export_unwritable");
}

}  // namespace
}  // namespace hearth
