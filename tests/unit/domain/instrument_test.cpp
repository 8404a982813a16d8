#include "domain/instrument.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hearth {
namespace {

// A small sound definition: two domains of two items on a 1–3 scale (domain totals 2–6, combined 4–12), and a
// few questions of each kind.
Instrument Sample() {
  Instrument in;
  in.id = "sample";
  in.version = 1;
  in.title = "Sample";
  in.completed_by = {Role::kEaOfficer};
  in.stages = {InstrumentStage::kInitial, InstrumentStage::kEvaluation};
  in.scales = {ResponseScale{"three", {{1, "Good"}, {2, "Middling"}, {3, "Poor"}}}};
  const std::vector<Band> domain_bands = {{"low", "Low", 2, 3}, {"high", "High", 4, 6}};
  in.domains = {ScoreDomain{"home", "Home", domain_bands}, ScoreDomain{"school", "School", domain_bands}};
  in.items = {Item{"home_a", "home", "three", "A"}, Item{"home_b", "home", "three", "B"},
              Item{"school_a", "school", "three", "C"}, Item{"school_b", "school", "three", "D"}};
  in.scoring = Scoring{ScoreDirection::kLowerIsBetter, "Total", {{"low", "Low", 4, 7}, {"high", "High", 8, 12}}};
  Question choice{"mood", QuestionKind::kChoice, "Mood?", "", true, {{"fine", "Fine"}, {"low", "Low"}}, "", "", 2000};
  Question yes_no{"worry", QuestionKind::kYesNo, "Any worry?", "", true, {}, "", "", 2000};
  Question since{"worry_since", QuestionKind::kDate, "Since when?", "", true, {}, "", "worry", 2000};
  Question note{"note", QuestionKind::kText, "Note", "", false, {}, "", "", 10};
  Question rating{"rating", QuestionKind::kScale, "Rating", "", false, {}, "three", "", 2000};
  Question worker{"worker", QuestionKind::kWorker, "Worker", "", false, {}, "", "", 2000};
  in.questions = {choice, yes_no, since, note, rating, worker};
  return in;
}

Answers Full() {
  return {{"home_a", "1"}, {"home_b", "2"}, {"school_a", "3"}, {"school_b", "3"}, {"mood", "fine"}, {"worry", "no"}};
}

// The first problem's path, or "" when the definition is sound.
std::string FirstProblem(const Instrument& in) {
  const auto problems = ValidateDefinition(in);
  return problems.empty() ? "" : problems.front().path + ": " + problems.front().problem;
}

std::vector<std::string> ErrorsOf(const Result<ScoreSheet>& result) {
  std::vector<std::string> out;
  if (result) return out;
  for (const FieldError& f : result.error().fields) out.push_back(f.field + " " + f.message_key);
  return out;
}

TEST(InstrumentDefinition, SoundDefinitionHasNoProblems) { EXPECT_EQ(FirstProblem(Sample()), ""); }

TEST(InstrumentDefinition, RefusesDuplicateItemIds) {
  Instrument in = Sample();
  in.items[1].id = "home_a";
  EXPECT_EQ(FirstProblem(in), "items[1].id: 'home_a' is used by another item or question");
}

TEST(InstrumentDefinition, RefusesQuestionReusingAnItemId) {
  Instrument in = Sample();
  in.questions[3].id = "school_b";
  EXPECT_EQ(FirstProblem(in), "questions[3].id: 'school_b' is used by another item or question");
}

TEST(InstrumentDefinition, RefusesItemInUnknownDomainOrScale) {
  Instrument in = Sample();
  in.items[2].domain = "health";
  EXPECT_EQ(FirstProblem(in), "items[2].domain: no domain 'health'");
  in = Sample();
  in.items[3].scale = "five";
  EXPECT_EQ(FirstProblem(in), "items[3].scale: no scale 'five'");
}

TEST(InstrumentDefinition, RefusesDomainWithoutItems) {
  Instrument in = Sample();
  in.domains.push_back(ScoreDomain{"health", "Health", {}});
  EXPECT_EQ(FirstProblem(in), "domains[2]: domain 'health' has no items");
}

TEST(InstrumentDefinition, RefusesBandsWithAGap) {
  Instrument in = Sample();
  in.domains[0].bands = {{"low", "Low", 2, 3}, {"high", "High", 5, 6}};
  EXPECT_EQ(FirstProblem(in), "domains[0].bands[1]: totals 4 to 4 have no band");
}

TEST(InstrumentDefinition, RefusesOverlappingBands) {
  Instrument in = Sample();
  in.scoring->bands = {{"low", "Low", 4, 8}, {"high", "High", 8, 12}};
  EXPECT_EQ(FirstProblem(in), "scoring.bands[1]: overlaps another band or starts below the lowest total 4 (from 8)");
}

TEST(InstrumentDefinition, RefusesBandsThatStopShortOrReachTooFar) {
  Instrument in = Sample();
  in.domains[1].bands = {{"low", "Low", 2, 3}, {"high", "High", 4, 5}};
  EXPECT_EQ(FirstProblem(in), "domains[1].bands: totals 6 to 6 have no band");
  in.domains[1].bands = {{"low", "Low", 2, 3}, {"high", "High", 4, 7}};
  EXPECT_EQ(FirstProblem(in), "domains[1].bands: a band reaches 7, above the highest total 6");
  in.domains[1].bands = {{"low", "Low", 1, 3}, {"high", "High", 4, 6}};
  EXPECT_EQ(FirstProblem(in), "domains[1].bands[0]: overlaps another band or starts below the lowest total 2 (from 1)");
}

TEST(InstrumentDefinition, RefusesBandsInReverseOrEmptyCombinedBands) {
  Instrument in = Sample();
  in.domains[0].bands[0] = {"low", "Low", 3, 2};
  EXPECT_EQ(FirstProblem(in), "domains[0].bands[0]: from 3 is above to 2");
  in = Sample();
  in.scoring->bands.clear();
  EXPECT_EQ(FirstProblem(in), "scoring.bands: must list the bands of the combined total");
}

TEST(InstrumentDefinition, RefusesItemsWithoutScoringAndScoringWithoutItems) {
  Instrument in = Sample();
  in.scoring.reset();
  EXPECT_EQ(FirstProblem(in), "scoring: missing: a form with items says how they are scored");
  in = Sample();
  in.items.clear();
  in.domains.clear();
  EXPECT_EQ(FirstProblem(in), "scoring: scoring needs items to score");
}

TEST(InstrumentDefinition, RefusesDuplicateScaleValues) {
  Instrument in = Sample();
  in.scales[0].points.push_back({2, "Again"});
  EXPECT_EQ(FirstProblem(in), "scales[0].points[3].value: value 2 is listed twice");
}

TEST(InstrumentDefinition, RefusesBadQuestions) {
  Instrument in = Sample();
  in.questions[0].options.clear();
  EXPECT_EQ(FirstProblem(in), "questions[0].options: a choice lists at least one option");
  in = Sample();
  in.questions[2].only_if = "note";
  EXPECT_EQ(FirstProblem(in), "questions[2].only_if: 'note' is not a yes/no question earlier in the form");
  in = Sample();
  in.questions[4].scale = "seven";
  EXPECT_EQ(FirstProblem(in), "questions[4].scale: no scale 'seven'");
  in = Sample();
  in.questions[3].options = {{"a", "A"}};
  EXPECT_EQ(FirstProblem(in), "questions[3].options: only a choice question has options");
}

TEST(InstrumentDefinition, RefusesBadIdsAndHeader) {
  Instrument in = Sample();
  in.id = "Sample Form";
  EXPECT_EQ(FirstProblem(in), "id: must be 1 to 64 lower-case letters, digits or underscores, starting with a letter");
  in = Sample();
  in.version = 0;
  EXPECT_EQ(FirstProblem(in), "version: must be a whole number from 1");
  in = Sample();
  in.completed_by.clear();
  EXPECT_EQ(FirstProblem(in), "completed_by: must name at least one role");
  in = Sample();
  in.person_role = MemberRole::kChild;
  EXPECT_EQ(FirstProblem(in), "person_role: only a form completed per person names the person's role");
}

TEST(InstrumentScoring, SumsDomainsAndCombinedWithTheirBands) {
  const auto sheet = ScoreResponses(Sample(), Full());
  ASSERT_TRUE(sheet) << ErrorsOf(sheet).front();
  ASSERT_EQ(sheet->domains.size(), 2u);
  EXPECT_EQ(sheet->domains[0].domain, "home");
  EXPECT_EQ(sheet->domains[0].total, 3);
  EXPECT_EQ(sheet->domains[0].band->id, "low");
  EXPECT_EQ(sheet->domains[1].total, 6);
  EXPECT_EQ(sheet->domains[1].band->id, "high");
  EXPECT_EQ(sheet->combined, 9);
  EXPECT_EQ(sheet->combined_band->id, "high");
  EXPECT_TRUE(sheet->complete);
}

TEST(InstrumentScoring, DraftMayBeIncompleteAndScoresOnlyWholeDomains) {
  Answers answers = Full();
  answers.erase("school_b");
  answers["mood"] = "";  // a blank field is no answer
  const auto sheet = ScoreResponses(Sample(), answers);
  ASSERT_TRUE(sheet);
  EXPECT_EQ(sheet->domains[0].total, 3);
  EXPECT_FALSE(sheet->domains[1].total.has_value());
  EXPECT_FALSE(sheet->domains[1].band.has_value());
  EXPECT_FALSE(sheet->combined.has_value());
  EXPECT_FALSE(sheet->complete);
}

TEST(InstrumentScoring, FinalNeedsEveryItemAndRequiredQuestion) {
  Answers answers = Full();
  answers.erase("school_b");
  answers.erase("mood");
  EXPECT_EQ(ErrorsOf(ValidateForFinal(Sample(), answers)),
            (std::vector<std::string>{"school_b error.instrument.missing", "mood error.instrument.missing"}));
  EXPECT_TRUE(ValidateForFinal(Sample(), Full()));
}

TEST(InstrumentScoring, ReportsEachBadItem) {
  Answers answers = Full();
  answers["home_a"] = "4";
  answers["home_b"] = "two";
  answers["school_a"] = "0";
  answers["school_b"] = "2.5";
  answers["extra"] = "1";
  EXPECT_EQ(ErrorsOf(ScoreResponses(Sample(), answers)),
            (std::vector<std::string>{"extra error.instrument.unknown_item", "home_a error.instrument.out_of_scale",
                                      "home_b error.instrument.not_a_number", "school_a error.instrument.out_of_scale",
                                      "school_b error.instrument.not_a_number"}));
}

TEST(InstrumentScoring, ReportsEachBadQuestionAnswer) {
  Answers answers = Full();
  answers["mood"] = "great";
  answers["worry"] = "maybe";
  answers["note"] = "eleven char";
  answers["rating"] = "9";
  answers["worker"] = "-3";
  EXPECT_EQ(ErrorsOf(ScoreResponses(Sample(), answers)),
            (std::vector<std::string>{"mood error.instrument.not_an_option", "note error.instrument.too_long",
                                      "rating error.instrument.out_of_scale", "worker error.instrument.not_a_number",
                                      "worry error.instrument.not_yes_no"}));
}

TEST(InstrumentScoring, DependentQuestionIsAskedOnlyAfterYes) {
  Answers answers = Full();
  answers["worry_since"] = "2026-01-05";
  EXPECT_EQ(ErrorsOf(ScoreResponses(Sample(), answers)),
            (std::vector<std::string>{"worry_since error.instrument.not_asked"}));
  answers["worry"] = "yes";
  EXPECT_TRUE(ValidateForFinal(Sample(), answers));
  answers["worry_since"] = "2026-02-30";
  EXPECT_EQ(ErrorsOf(ScoreResponses(Sample(), answers)),
            (std::vector<std::string>{"worry_since error.instrument.date_invalid"}));
  answers.erase("worry_since");
  EXPECT_TRUE(ScoreResponses(Sample(), answers));
  EXPECT_EQ(ErrorsOf(ValidateForFinal(Sample(), answers)),
            (std::vector<std::string>{"worry_since error.instrument.missing"}));
}

TEST(InstrumentScoring, UnscoredFormHasNoDomains) {
  Instrument in = Sample();
  in.items.clear();
  in.domains.clear();
  in.scoring.reset();
  const auto sheet = ValidateForFinal(in, {{"mood", "low"}, {"worry", "no"}});
  ASSERT_TRUE(sheet);
  EXPECT_TRUE(sheet->domains.empty());
  EXPECT_FALSE(sheet->combined.has_value());
  EXPECT_TRUE(sheet->complete);
}

}  // namespace
}  // namespace hearth
