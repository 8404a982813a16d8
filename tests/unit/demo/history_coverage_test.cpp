// The generated history is meant to make every figure of METRICS.md non-trivial: these tests check that the
// situations behind each figure occur (and that their opposites do too), not just that the file is valid.
#include <gtest/gtest.h>

#include <sstream>

#include "demo/history_export.hpp"
#include "unit/demo/interchange_rules.hpp"

namespace hearth {
namespace {

using testing::DateOf;
using testing::History;
using testing::Str;
using Object = boost::json::object;

const Date kTo = *Date::Parse("2026-11-22");

const History& Sample() {
  static const History history = [] {
    HistoryOptions options;
    options.episodes = 3000;
    options.seed = 29;
    options.to = kTo;
    std::ostringstream out;
    EXPECT_TRUE(WriteHistory(out, options).has_value());
    return testing::CheckHistory(out.str());
  }();
  return history;
}

std::vector<const Object*> OfType(const std::string& type) {
  std::vector<const Object*> out;
  for (const auto& o : Sample().records)
    if (Str(o, "type") == type) out.push_back(&o);
  return out;
}

// METRICS.md's stage of an episode at a date.
std::string StageAt(const Object& e, const Date& d) {
  const auto on_or_before = [&](const char* key) { return DateOf(e, key) && *DateOf(e, key) <= d; };
  if (on_or_before("closed_on")) return "closed";
  if (on_or_before("review_started_on")) return "review";
  if (on_or_before("intervention_started_on")) return "intervention";
  if (on_or_before("allocated_assessment_on")) return "assessment_or_brokerage";
  return "awaiting_allocation";
}

TEST(HistoryCoverage, HasEpisodesOpenInEveryStageAtTheEnd) {
  std::map<std::string, int> stages;
  for (const auto* e : OfType("episode")) ++stages[StageAt(*e, kTo)];
  for (const char* stage : {"awaiting_allocation", "assessment_or_brokerage", "intervention", "review", "closed"})
    EXPECT_GT(stages[stage], 0) << stage;
  EXPECT_GT(stages["closed"], stages["intervention"]);  // ten years of history: most episodes have closed
}

TEST(HistoryCoverage, AllocationFallsInEveryWeekAfterReferral) {
  std::map<long, int> weeks;
  for (const auto* e : OfType("episode")) {
    const auto allocated = DateOf(*e, "allocated_assessment_on");
    if (!allocated) continue;
    const auto* referral = Sample().Find("referral", e->if_contains("referral"));
    ++weeks[std::min(4L, DaysBetween(*DateOf(*referral, "received_on"), *allocated) / 7)];
  }
  for (long week = 0; week <= 4; ++week) EXPECT_GT(weeks[week], 0) << week;
}

TEST(HistoryCoverage, SomeFamiliesReturnAndSomeAreSteppedUpOrDown) {
  std::map<std::string, std::vector<const Object*>> episodes_by_family, statutory_by_family;
  for (const auto* e : OfType("episode")) episodes_by_family[Str(*e, "family")].push_back(e);
  for (const auto* s : OfType("statutory")) statutory_by_family[Str(*s, "family")].push_back(s);
  int returned_within_a_year = 0, statutory_after_step_up = 0;
  for (const auto& [family, episodes] : episodes_by_family) {
    for (const auto* first : episodes) {
      const auto closed = DateOf(*first, "closed_on");
      if (!closed) continue;
      for (const auto* second : episodes) {
        const long gap = DaysBetween(*closed, *DateOf(*second, "opened_on"));
        if (second != first && gap >= 0 && gap <= 365) ++returned_within_a_year;
      }
      if (Str(*first, "closure_reason") != "stepped_up") continue;
      for (const auto* s : statutory_by_family[family])
        if (*DateOf(*s, "started_on") >= *closed) ++statutory_after_step_up;
    }
  }
  EXPECT_GT(returned_within_a_year, 10);
  EXPECT_GT(statutory_after_step_up, 10);

  int step_downs_with_episode = 0, other_decisions_without_episode = 0;
  for (const auto* r : OfType("referral")) {
    const bool has_episode = episodes_by_family.contains(Str(*r, "family"));
    if (Str(*r, "source") == "children_social_care" && has_episode) ++step_downs_with_episode;
    if (Str(*r, "decision") != "early_help" && !has_episode) ++other_decisions_without_episode;
  }
  EXPECT_GT(step_downs_with_episode, 10);
  EXPECT_GT(other_decisions_without_episode, 10);
}

TEST(HistoryCoverage, FamiliesHaveOneToSixPeopleSomeWithoutBirthDateOrSex) {
  std::map<std::string, int> sizes;
  int without_birth = 0, without_sex = 0;
  for (const auto* p : OfType("person")) {
    ++sizes[Str(*p, "family")];
    without_birth += DateOf(*p, "date_of_birth") ? 0 : 1;
    without_sex += Str(*p, "sex").empty() ? 1 : 0;
  }
  std::set<int> seen;
  for (const auto& [family, n] : sizes) seen.insert(n);
  EXPECT_EQ(seen, (std::set<int>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(sizes.size(), OfType("family").size());
  EXPECT_GT(without_birth, 0);
  EXPECT_GT(without_sex, 0);
}

TEST(HistoryCoverage, WorkersChangeOnSomeEpisodesAndNotOthers) {
  std::map<std::string, std::set<std::string>> workers;
  for (const auto* a : OfType("assignment"))
    if (Str(*a, "role") == "intervention_worker") workers[Str(*a, "episode")].insert(Str(*a, "worker"));
  int single = 0, several = 0;
  for (const auto& [episode, set] : workers) (set.size() == 1 ? single : several)++;
  EXPECT_GT(single, several);
  EXPECT_GT(several, 50);
  std::set<std::string> teams;
  for (const auto* e : OfType("episode"))
    if (!Str(*e, "team").empty()) teams.insert(Str(*e, "team"));
  EXPECT_GE(teams.size(), 3U);
}

TEST(HistoryCoverage, ActionsOfEveryStatusWithAndWithoutAService) {
  std::set<std::string> with, without;
  for (const auto* a : OfType("action")) (Str(*a, "service").empty() ? without : with).insert(Str(*a, "status"));
  EXPECT_EQ(with, testing::Enumerations().at("action_status"));
  EXPECT_EQ(without, testing::Enumerations().at("action_status"));
  int unanswered = 0;
  for (const auto* a : OfType("appraisal")) unanswered += DateOf(*a, "completed_on") ? 0 : 1;
  EXPECT_GT(unanswered, 0);
  EXPECT_LT(unanswered, static_cast<int>(OfType("appraisal").size()) / 2);
}

TEST(HistoryCoverage, OutcomesMostlyImproveButNotAlways) {
  // Resilience: earliest initial and latest evaluation per closed episode, as METRICS.md pairs them.
  std::map<std::string, std::pair<const Object*, const Object*>> pairs;
  for (const auto* a : OfType("assessment")) {
    if (Str(*a, "instrument") != "resilience") continue;
    auto& [initial, evaluation] = pairs[Str(*a, "episode")];
    if (Str(*a, "stage") == "initial" && (!initial || *DateOf(*a, "on") < *DateOf(*initial, "on"))) initial = a;
    if (Str(*a, "stage") == "evaluation" && (!evaluation || *DateOf(*a, "on") >= *DateOf(*evaluation, "on")))
      evaluation = a;
  }
  const auto total = [](const Object* a) {
    long long sum = 0;
    for (const auto& s : a->at("scores").as_object()) sum += s.value().as_int64();
    return sum;
  };
  int improved = 0, not_improved = 0;
  for (const auto& [episode, pair] : pairs)
    if (pair.first && pair.second) (total(pair.second) < total(pair.first) ? improved : not_improved)++;
  EXPECT_GT(improved, 2 * not_improved);
  EXPECT_GT(not_improved, 0);

  int ace_true = 0, ace_false = 0, ace_unknown = 0;
  for (const auto* a : OfType("ace")) {
    const auto* episode = Sample().Find("episode", a->if_contains("episode"));
    if (!DateOf(*episode, "closed_on")) continue;
    const auto* v = a->if_contains("improved");
    if (!v || v->is_null())
      ++ace_unknown;
    else
      (v->as_bool() ? ace_true : ace_false)++;
    const auto* person = Sample().Find("person", a->if_contains("person"));
    EXPECT_EQ(Str(*person, "role"), "child");
  }
  EXPECT_GT(ace_true, ace_false);
  EXPECT_GT(ace_false, 0);
  EXPECT_GT(ace_unknown, 0);
}

TEST(HistoryCoverage, OversightIsRecentForSomeOpenEpisodesButNotAll) {
  std::map<std::string, Date> latest;
  for (const auto* o : OfType("oversight")) {
    const Date on = *DateOf(*o, "on");
    auto [it, inserted] = latest.emplace(Str(*o, "episode"), on);
    if (!inserted && it->second < on) it->second = on;
  }
  int recent = 0, not_recent = 0;
  for (const auto* e : OfType("episode")) {
    if (StageAt(*e, kTo) == "closed" || DaysBetween(*DateOf(*e, "opened_on"), kTo) < 28) continue;
    const auto it = latest.find(Str(*e, "id"));
    (it != latest.end() && DaysBetween(it->second, kTo) < 28 ? recent : not_recent)++;
  }
  EXPECT_GT(recent, not_recent);
  EXPECT_GT(not_recent, 0);
  int relationship = 0;
  for (const auto* f : OfType("feedback"))
    if (Str(*f, "form") == "relationship" && !f->at("answers").as_object().empty()) ++relationship;
  EXPECT_GT(relationship, 0);
}

}  // namespace
}  // namespace hearth
