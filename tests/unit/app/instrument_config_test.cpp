#include "app/instrument_config.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "common/error.hpp"

namespace hearth {
namespace {

const std::filesystem::path kShipped = std::filesystem::path(HEARTH_SOURCE_ROOT) / "config/instruments";

std::string ReadText(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A folder of its own under the system's temporary folder, removed at the end of the test.
class TempFolder {
 public:
  explicit TempFolder(const std::string& name)
      : path_(std::filesystem::temp_directory_path() /
              ("hearth_instruments_" + name + "_" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempFolder() { std::filesystem::remove_all(path_); }
  void Write(const std::string& name, const std::string& text) const { std::ofstream(path_ / name) << text; }
  const std::filesystem::path& Path() const { return path_; }

 private:
  std::filesystem::path path_;
};

std::string Replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  if (at == std::string::npos) {
    ADD_FAILURE() << "not in the text: " << from;
    return text;
  }
  return text.replace(at, from.size(), to);
}

// Answers to a scored instrument giving each domain the total asked for (each item of a domain from its scale's
// lowest value up, in order), so that a test can reach any total exactly.
Answers AnswersWithTotals(const Instrument& instrument, const std::map<std::string, int>& totals) {
  Answers answers;
  for (const ScoreDomain& domain : instrument.domains) {
    int left = totals.at(domain.id) - instrument.DomainRange(domain.id).first;
    for (const Item& item : instrument.items) {
      if (item.domain != domain.id) continue;
      const ResponseScale* scale = instrument.FindScale(item.scale);
      const int add = std::min(left, scale->Max() - scale->Min());
      answers[item.id] = std::to_string(scale->Min() + add);
      left -= add;
    }
  }
  return answers;
}

// Totals for every domain that add up to `combined`, filling the domains in order.
std::map<std::string, int> TotalsForCombined(const Instrument& instrument, int combined) {
  std::map<std::string, int> totals;
  int left = combined - instrument.CombinedRange().first;
  for (const ScoreDomain& domain : instrument.domains) {
    const auto [low, high] = instrument.DomainRange(domain.id);
    const int add = std::min(left, high - low);
    totals[domain.id] = low + add;
    left -= add;
  }
  return totals;
}

std::string ErrorOf(const std::string& text, const std::string& file = "resilience.v1.toml") {
  try {
    ParseInstrument(text, file);
  } catch (const FatalError& e) {
    return e.what();
  }
  return "";
}

const std::string& ShippedResilience() {
  static const std::string text = ReadText(kShipped / "resilience.v1.toml");
  return text;
}

// The 1-based line of the first occurrence of `needle` in the shipped Resilience Assessment.
int LineOf(const std::string& needle) {
  const std::string& text = ShippedResilience();
  const auto at = text.find(needle);
  if (at == std::string::npos) {
    ADD_FAILURE() << "not in resilience.v1.toml: " << needle;
    return 0;
  }
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

TEST(InstrumentConfig, ShipsEveryInstrumentOfIssue4) {
  const InstrumentRegistry registry = LoadInstruments(kShipped);
  std::vector<std::string> ids;
  for (const Instrument* instrument : registry.CurrentAll()) ids.push_back(instrument->id);
  EXPECT_EQ(ids,
            (std::vector<std::string>{"ace_checklist", "management_oversight", "quality_audit", "relationship_feedback",
                                      "resilience", "service_user_feedback", "young_person_resilience"}));
}

TEST(InstrumentConfig, ShippedResilienceHasFourDomainsOfFiveItemsScoredOneToSix) {
  const InstrumentRegistry registry = LoadInstruments(kShipped);
  for (const char* id : {"resilience", "young_person_resilience"}) {
    const Instrument* instrument = registry.Current(id);
    ASSERT_NE(instrument, nullptr) << id;
    ASSERT_EQ(instrument->domains.size(), 4u) << id;
    const char* names[] = {"environment", "adversity", "resilience", "vulnerability"};
    for (std::size_t i = 0; i < 4; ++i) {
      EXPECT_EQ(instrument->domains[i].id, names[i]) << id;
      EXPECT_EQ(instrument->DomainRange(names[i]), std::make_pair(5, 30)) << id << " " << names[i];
    }
    EXPECT_EQ(instrument->items.size(), 20u) << id;
    EXPECT_EQ(instrument->CombinedRange(), std::make_pair(20, 120)) << id;
    EXPECT_EQ(instrument->scoring->direction, ScoreDirection::kLowerIsBetter) << id;
  }
  EXPECT_EQ(registry.Current("young_person_resilience")->per, InstrumentSubject::kPerson);
  EXPECT_EQ(registry.Current("young_person_resilience")->person_role, MemberRole::kChild);
}

// docs/instruments.md states these bands; the file and the documentation must agree.
TEST(InstrumentConfig, ShippedResilienceBandsAreTheDocumentedOnes) {
  const InstrumentRegistry registry = LoadInstruments(kShipped);
  const Instrument* instrument = registry.Current("resilience");
  ASSERT_NE(instrument, nullptr);
  auto ranges = [](const std::vector<Band>& bands) {
    std::vector<std::string> out;
    for (const Band& b : bands) out.push_back(b.id + " " + std::to_string(b.from) + "-" + std::to_string(b.to));
    return out;
  };
  for (const ScoreDomain& domain : instrument->domains)
    EXPECT_EQ(ranges(domain.bands), (std::vector<std::string>{"low_concern 5-10", "some_concern 11-17",
                                                              "significant_concern 18-24", "serious_concern 25-30"}));
  EXPECT_EQ(ranges(instrument->scoring->bands),
            (std::vector<std::string>{"low_concern 20-40", "some_concern 41-68", "significant_concern 69-96",
                                      "serious_concern 97-120"}));
}

// Every band boundary of the shipped scored instruments, read from the files: the band's first and last totals
// score into it, and the totals either side of it into the neighbouring band (or are out of reach).
TEST(InstrumentConfig, EveryBandBoundaryOfTheShippedResilienceDefinitionsScoresIntoTheRightBand) {
  const InstrumentRegistry registry = LoadInstruments(kShipped);
  int checked = 0;
  for (const char* id : {"resilience", "young_person_resilience"}) {
    const Instrument& instrument = *registry.Current(id);
    for (const ScoreDomain& domain : instrument.domains) {
      const auto [low, high] = instrument.DomainRange(domain.id);
      ASSERT_FALSE(domain.bands.empty()) << id << " " << domain.id;
      for (std::size_t b = 0; b < domain.bands.size(); ++b) {
        const Band& band = domain.bands[b];
        for (int total : {band.from - 1, band.from, band.to, band.to + 1}) {
          if (total < low || total > high) {
            EXPECT_TRUE(total == low - 1 || total == high + 1) << id << " " << domain.id << " " << total;
            continue;
          }
          std::map<std::string, int> totals;
          for (const ScoreDomain& d : instrument.domains) totals[d.id] = 5;
          totals[domain.id] = total;
          const auto sheet = ValidateForFinal(instrument, AnswersWithTotals(instrument, totals));
          ASSERT_TRUE(sheet) << id << " " << domain.id << " " << total;
          const DomainScore& score = sheet->domains[static_cast<std::size_t>(&domain - instrument.domains.data())];
          EXPECT_EQ(score.total, total);
          const Band& expected = total < band.from ? domain.bands[b - 1] : total > band.to ? domain.bands[b + 1] : band;
          ASSERT_TRUE(score.band.has_value()) << id << " " << domain.id << " " << total;
          EXPECT_EQ(score.band->id, expected.id) << id << " " << domain.id << " total " << total;
          ++checked;
        }
      }
    }
    const auto [low, high] = instrument.CombinedRange();
    const auto& bands = instrument.scoring->bands;
    for (std::size_t b = 0; b < bands.size(); ++b) {
      for (int total : {bands[b].from - 1, bands[b].from, bands[b].to, bands[b].to + 1}) {
        if (total < low || total > high) continue;
        const auto sheet =
            ValidateForFinal(instrument, AnswersWithTotals(instrument, TotalsForCombined(instrument, total)));
        ASSERT_TRUE(sheet) << id << " combined " << total;
        EXPECT_EQ(sheet->combined, total);
        const Band& expected = total < bands[b].from ? bands[b - 1] : total > bands[b].to ? bands[b + 1] : bands[b];
        EXPECT_EQ(sheet->combined_band->id, expected.id) << id << " combined total " << total;
        ++checked;
      }
    }
  }
  // Two instruments, four domains of four bands and four combined bands, four totals each, less the two totals
  // out of reach at each end of every range: 2 * (4 * (16 - 2) + (16 - 2)).
  EXPECT_EQ(checked, 140);
}

TEST(InstrumentConfig, ScoresTheSeedFamilyAInitialAssessment) {
  // Seed 002, Family A's initial Resilience Assessment: environment 25, adversity 22, resilience 17, vulnerability 18.
  const InstrumentRegistry registry = LoadInstruments(kShipped);
  const Instrument& instrument = *registry.Current("resilience");
  const auto sheet = ValidateForFinal(
      instrument, AnswersWithTotals(
                      instrument, {{"environment", 25}, {"adversity", 22}, {"resilience", 17}, {"vulnerability", 18}}));
  ASSERT_TRUE(sheet);
  EXPECT_EQ(sheet->combined, 82);
  EXPECT_EQ(sheet->domains[0].band->id, "serious_concern");
  EXPECT_EQ(sheet->domains[2].band->id, "some_concern");
  EXPECT_EQ(sheet->combined_band->id, "significant_concern");
}

TEST(InstrumentConfig, ShippedFormsKeepTheInterchangeVocabularies) {
  const InstrumentRegistry registry = LoadInstruments(kShipped);
  const Instrument& feedback = *registry.Current("service_user_feedback");
  ASSERT_EQ(feedback.questions.at(0).id, "satisfaction");
  std::vector<std::string> values;
  for (const ChoiceOption& option : feedback.questions[0].options) values.push_back(option.value);
  EXPECT_EQ(values, (std::vector<std::string>{"very_happy", "happy", "neither", "unhappy", "very_unhappy"}));
  EXPECT_EQ(feedback.questions[0].text, "How happy were you with the commitment and support received?");

  const Instrument& aces = *registry.Current("ace_checklist");
  std::vector<std::string> applies;
  for (const Question& q : aces.questions)
    if (q.kind == QuestionKind::kYesNo && q.only_if.empty()) applies.push_back(q.id);
  EXPECT_EQ(applies,
            (std::vector<std::string>{"physical_abuse", "sexual_abuse", "emotional_abuse", "physical_neglect",
                                      "emotional_neglect", "domestic_violence", "household_substance_misuse",
                                      "household_mental_illness", "parental_separation", "household_imprisonment"}));

  const Instrument& audit = *registry.Current("quality_audit");
  for (const Question& q : audit.questions) {
    if (q.kind != QuestionKind::kChoice) continue;
    std::vector<std::string> grades;
    for (const ChoiceOption& option : q.options) grades.push_back(option.value);
    EXPECT_EQ(grades, (std::vector<std::string>{"outstanding", "good", "requires_improvement", "inadequate"})) << q.id;
  }
  EXPECT_TRUE(registry.Current("management_oversight")->CompletedBy(Role::kManager));
  EXPECT_FALSE(registry.Current("management_oversight")->CompletedBy(Role::kFamilyAide));
  EXPECT_TRUE(registry.Current("quality_audit")->CompletedBy(Role::kAuditor));
}

TEST(InstrumentConfig, AceChecklistAsksWhenIdentifiedOnlyForAnAceThatApplies) {
  const InstrumentRegistry registry = LoadInstruments(kShipped);
  const Instrument& aces = *registry.Current("ace_checklist");
  Answers answers;
  for (const Question& q : aces.questions)
    if (q.only_if.empty()) answers[q.id] = "no";
  EXPECT_TRUE(ValidateForFinal(aces, answers));
  answers["domestic_violence"] = "yes";
  const auto refused = ValidateForFinal(aces, answers);
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "domestic_violence_identified_on");
  answers["domestic_violence_identified_on"] = "2026-03-02";
  EXPECT_TRUE(ValidateForFinal(aces, answers));
}

TEST(InstrumentVersions, TwoVersionsLoadSideBySideAndOldResultsScoreWithTheirOwn) {
  TempFolder folder("versions");
  folder.Write("resilience.v1.toml", ShippedResilience());
  // Version 2 moves the environment bands: a total of 11 is "some concern" in v1 and "low concern" in v2.
  std::string v2 = Replaced(ShippedResilience(), "version = 1", "version = 2");
  v2 = Replaced(v2,
                "{ id = \"low_concern\", label = \"Low concern\", from = 5, to = 10 },\n"
                "  { id = \"some_concern\", label = \"Some concern\", from = 11, to = 17 },",
                "{ id = \"low_concern\", label = \"Low concern\", from = 5, to = 12 },\n"
                "  { id = \"some_concern\", label = \"Some concern\", from = 13, to = 17 },");
  folder.Write("resilience.v2.toml", v2);

  const InstrumentRegistry registry = LoadInstruments(folder.Path());
  EXPECT_EQ(registry.Size(), 2u);
  EXPECT_EQ(registry.Versions("resilience"), (std::vector<int>{1, 2}));
  ASSERT_NE(registry.Current("resilience"), nullptr);
  EXPECT_EQ(registry.Current("resilience")->version, 2);
  ASSERT_NE(registry.Find("resilience", 1), nullptr);
  EXPECT_EQ(registry.Find("resilience", 3), nullptr);
  EXPECT_EQ(registry.CurrentAll().size(), 1u);

  // A result made with v1 keeps its version number, and is scored by that version.
  const Instrument& v1_def = *registry.Find("resilience", 1);
  const Answers answers =
      AnswersWithTotals(v1_def, {{"environment", 11}, {"adversity", 5}, {"resilience", 5}, {"vulnerability", 5}});
  const int recorded_version = 1;
  const auto old_sheet = ValidateForFinal(*registry.Find("resilience", recorded_version), answers);
  const auto new_sheet = ValidateForFinal(*registry.Current("resilience"), answers);
  ASSERT_TRUE(old_sheet);
  ASSERT_TRUE(new_sheet);
  EXPECT_EQ(old_sheet->domains[0].band->id, "some_concern");
  EXPECT_EQ(new_sheet->domains[0].band->id, "low_concern");
}

TEST(InstrumentVersions, FileNameMustMatchIdAndVersion) {
  const std::string text = Replaced(ShippedResilience(), "version = 1", "version = 2");
  EXPECT_EQ(ErrorOf(text),
            "resilience.v1.toml:" + std::to_string(LineOf("id = \"resilience\"")) +
                ": id: the file of version 2 of 'resilience' must be named resilience.v2.toml, not resilience.v1.toml");
}

// docs/instruments.md's example is a working definition, scored as the documentation says.
TEST(InstrumentConfig, TheDocumentedExampleLoadsAndScores) {
  const std::string doc = ReadText(std::filesystem::path(HEARTH_SOURCE_ROOT) / "docs/instruments.md");
  const auto start = doc.find("```toml\n");
  ASSERT_NE(start, std::string::npos);
  const auto end = doc.find("```", start + 8);
  const Instrument example = ParseInstrument(doc.substr(start + 8, end - start - 8), "wellbeing_check.v1.toml");
  const auto sheet = ValidateForFinal(example, {{"home_safe", "4"}, {"home_money", "1"}});
  ASSERT_TRUE(sheet);
  EXPECT_EQ(sheet->domains.at(0).total, 5);
  EXPECT_EQ(sheet->domains.at(0).band->id, "high");
  EXPECT_EQ(sheet->combined_band->id, "low");
}

TEST(InstrumentConfig, ShippedFileParsesCleanly) { EXPECT_EQ(ErrorOf(ShippedResilience()), ""); }

TEST(InstrumentConfig, RefusesASyntaxErrorWithItsLine) {
  const std::string text = Replaced(ShippedResilience(), "title = \"Environment\"", "title = \"Environment");
  EXPECT_EQ(ErrorOf(text).rfind("resilience.v1.toml:" + std::to_string(LineOf("title = \"Environment\"")) + ": ", 0),
            0u)
      << ErrorOf(text);
}

TEST(InstrumentConfig, RefusesAnUnknownKeyWithItsLine) {
  const std::string text =
      Replaced(ShippedResilience(), "domain = \"adversity\"\n", "domain = \"adversity\"\nweight = 2\n");
  const int line = LineOf("domain = \"adversity\"") + 1;
  EXPECT_EQ(ErrorOf(text), "resilience.v1.toml:" + std::to_string(line) +
                               ": items[5].weight: unknown key (expected id, domain, scale, text)");
}

TEST(InstrumentConfig, RefusesAWrongTypeWithItsLine) {
  const std::string text = Replaced(ShippedResilience(), "{ value = 4, label", "{ value = \"4\", label");
  EXPECT_EQ(ErrorOf(text), "resilience.v1.toml:" + std::to_string(LineOf("{ value = 4, label")) +
                               ": scales[0].points[3].value: must be a whole number");
}

TEST(InstrumentConfig, RefusesAnItemInAnUnknownDomainWithItsLine) {
  const std::string text = Replaced(ShippedResilience(), "domain = \"vulnerability\"", "domain = \"vulnerable\"");
  EXPECT_EQ(ErrorOf(text), "resilience.v1.toml:" + std::to_string(LineOf("domain = \"vulnerability\"")) +
                               ": items[15].domain: no domain 'vulnerable'");
}

TEST(InstrumentConfig, RefusesBandsWithAGapWithTheLineOfTheBand) {
  const std::string text = Replaced(ShippedResilience(), "from = 41, to = 68", "from = 42, to = 68");
  EXPECT_EQ(ErrorOf(text), "resilience.v1.toml:" + std::to_string(LineOf("from = 41, to = 68")) +
                               ": scoring.bands[1]: totals 41 to 41 have no band");
}

TEST(InstrumentConfig, RefusesOverlappingDomainBandsWithTheLineOfTheBand) {
  // The first domain (environment) is the first to carry "from = 11, to = 17".
  const std::string text = Replaced(ShippedResilience(), "from = 11, to = 17", "from = 10, to = 17");
  EXPECT_EQ(ErrorOf(text), "resilience.v1.toml:" + std::to_string(LineOf("from = 11, to = 17")) +
                               ": domains[0].bands[1]: overlaps another band or starts below the lowest total 5 "
                               "(from 10)");
}

TEST(InstrumentConfig, RefusesADuplicateItemIdWithItsLine) {
  const std::string text = Replaced(ShippedResilience(), "id = \"environment_housing\"", "id = \"environment_home\"");
  EXPECT_EQ(ErrorOf(text), "resilience.v1.toml:" + std::to_string(LineOf("id = \"environment_housing\"")) +
                               ": items[1].id: 'environment_home' is used by another item or question");
}

TEST(InstrumentConfig, RefusesAnUnknownRoleAndAMissingKey) {
  std::string text = Replaced(ShippedResilience(), "\"social_worker\"]", "\"health_visitor\"]");
  EXPECT_EQ(ErrorOf(text), "resilience.v1.toml:" + std::to_string(LineOf("completed_by")) +
                               ": completed_by[3]: unknown value 'health_visitor' (expected one of administrator, "
                               "front_door_coordinator, ea_officer, br_officer, intervention_worker, family_aide, "
                               "social_worker, manager, auditor, partner, analyst)");
  text = Replaced(ShippedResilience(), "title = \"Resilience Assessment\"\n", "");
  // A key missing from the top of the file has no line of its own: the file's first line stands for it.
  EXPECT_EQ(ErrorOf(text), "resilience.v1.toml:1: title: missing");
  text = Replaced(ShippedResilience(), "scale = \"concern\"\ntext = \"The family's home", "text = \"The family's home");
  EXPECT_EQ(ErrorOf(text), "resilience.v1.toml:" + std::to_string(LineOf("[[items]]\nid = \"environment_home\"")) +
                               ": items[0].scale: missing");  // the line of the item's [[items]] header
}

TEST(InstrumentConfig, OneBrokenFileStopsTheWholeFolder) {
  TempFolder folder("broken");
  folder.Write("resilience.v1.toml", ShippedResilience());
  folder.Write("relationship_feedback.v1.toml", ReadText(kShipped / "relationship_feedback.v1.toml") +
                                                    "\n[[questions]]\nid = \"listened_to\"\nkind = \"text\"\n"
                                                    "text = \"Again\"\n");
  try {
    LoadInstruments(folder.Path());
    ADD_FAILURE() << "a broken folder loaded";
  } catch (const FatalError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("relationship_feedback.v1.toml:"), std::string::npos) << message;
    EXPECT_NE(message.find("questions[4].id: 'listened_to' is used by another item or question"), std::string::npos)
        << message;
  }
  EXPECT_THROW(LoadInstruments(folder.Path() / "missing"), FatalError);
}

}  // namespace
}  // namespace hearth
