#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "linkage/evaluate_io.hpp"
#include "linkage/generate/generator.hpp"

namespace hearth::linkage::generate {
namespace {

// A rate observed over n trials is within four standard errors (plus a little) of the rate it was drawn with.
void ExpectRate(std::uint64_t hits, std::uint64_t trials, double rate, const char* what) {
  ASSERT_GT(trials, 0u) << what;
  const double n = static_cast<double>(trials);
  const double observed = static_cast<double>(hits) / n;
  const double slack = 4 * std::sqrt(rate * (1 - rate) / n) + 0.002;
  EXPECT_NEAR(observed, rate, slack) << what << " (" << hits << " of " << trials << ")";
}

class ErrorRatesAtLevel : public testing::TestWithParam<ErrorLevel> {};

TEST_P(ErrorRatesAtLevel, AppliedRatesMatchTheLevel) {
  GenerateOptions options;
  options.records = 30000;
  options.level = GetParam();
  std::ostringstream out;
  const GenerateStats stats = Generate(options, NicknameTable::BuiltIn(), out, nullptr, nullptr);
  const ErrorRates rates = RatesFor(options.level);
  const CorruptionCounts& c = stats.corruptions;
  ASSERT_EQ(c.records, 30000u);
  ExpectRate(c.name_fields_with_typos, 2 * c.records, rates.name_typo, "name typos");
  ExpectRate(c.nicknames, c.nickname_eligible, rates.nickname, "nicknames");
  ExpectRate(c.swaps, c.records, rates.swap_names, "swapped names");
  ExpectRate(c.transposed, c.transpose_eligible, rates.dob_transpose, "day/month transpositions");
  ExpectRate(c.year_digits, c.records, rates.dob_year_digit, "year digits");
  ExpectRate(c.moves, c.records, rates.move, "moves");
  ExpectRate(c.postcode_typos, c.records, rates.postcode_typo, "postcode typos");
  ExpectRate(c.street_typos, c.records, rates.street_typo, "street typos");
  ExpectRate(c.missing, 5 * c.records, rates.missing, "missing values");
  ExpectRate(c.missing_sex, c.records, rates.missing / 2, "missing sex");
  ExpectRate(c.noise, 4 * c.records, rates.noise, "noise");
  // Eligibility is common enough for the conditional rates to mean something.
  EXPECT_GT(c.nickname_eligible, c.records / 4);
  EXPECT_GT(c.transpose_eligible, c.records / 4);
}

// What the file shows agrees with what was counted: empty first names appear at the missing rate.
TEST_P(ErrorRatesAtLevel, EmptyFieldsInTheFileAppearAtTheMissingRate) {
  GenerateOptions options;
  options.records = 30000;
  options.level = GetParam();
  std::ostringstream out;
  Generate(options, NicknameTable::BuiltIn(), out, nullptr, nullptr);
  const auto path = std::filesystem::temp_directory_path() / ("hearth_gen_err_" + std::to_string(::getpid()) + ".csv");
  std::ofstream(path, std::ios::binary) << out.str();
  eval::CsvReader reader(path);
  std::vector<std::string_view> row;
  reader.Next(row);
  std::uint64_t rows = 0;
  std::uint64_t empty_given = 0;
  std::uint64_t empty_dob = 0;
  while (reader.Next(row)) {
    ++rows;
    empty_given += row[1].empty() ? 1 : 0;
    empty_dob += row[3].empty() ? 1 : 0;
  }
  std::filesystem::remove(path);
  ExpectRate(empty_given, rows, RatesFor(options.level).missing, "empty given names");
  ExpectRate(empty_dob, rows, RatesFor(options.level).missing, "empty dates of birth");
}

INSTANTIATE_TEST_SUITE_P(Levels, ErrorRatesAtLevel,
                         testing::Values(ErrorLevel::kLow, ErrorLevel::kModerate, ErrorLevel::kHigh),
                         [](const testing::TestParamInfo<ErrorLevel>& level) {
                           return std::string(ToString(level.param));
                         });

TEST(LinkageGenerateErrors, LevelsAreOrdered) {
  const ErrorRates low = RatesFor(ErrorLevel::kLow);
  const ErrorRates moderate = RatesFor(ErrorLevel::kModerate);
  const ErrorRates high = RatesFor(ErrorLevel::kHigh);
  EXPECT_LT(low.name_typo, moderate.name_typo);
  EXPECT_LT(moderate.name_typo, high.name_typo);
  EXPECT_LT(low.move, moderate.move);
  EXPECT_LT(moderate.missing, high.missing);
  EXPECT_EQ(ParseErrorLevel("moderate"), ErrorLevel::kModerate);
  EXPECT_FALSE(ParseErrorLevel("extreme").has_value());
}

// Damerau-Levenshtein distance (optimal string alignment), to check that a typo is one edit.
int EditDistance(std::string a, std::string b) {
  for (std::string* s : {&a, &b}) {
    for (char& c : *s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  std::vector<std::vector<int>> d(a.size() + 1, std::vector<int>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

TEST(LinkageGenerateErrors, ATypoIsOneEdit) {
  Rng rng(5);
  for (const std::string word : {"Williams", "Jo", "O'Brien", "Smith-Jones", "Cadwallader"}) {
    for (int i = 0; i < 200; ++i) {
      std::string changed = word;
      Typo(changed, rng);
      EXPECT_EQ(EditDistance(word, changed), 1) << word << " -> " << changed;
    }
  }
}

TEST(LinkageGenerateErrors, APostcodeTypoKeepsTheShape) {
  Rng rng(9);
  for (int i = 0; i < 500; ++i) {
    std::string postcode = "CF37 1AB";
    PostcodeTypo(postcode, rng);
    EXPECT_NE(postcode, "CF37 1AB");
    EXPECT_EQ(postcode.size(), 8u);
    EXPECT_EQ(postcode[4], ' ');
  }
}

TEST(LinkageGenerateErrors, NicknamesComeFromTheEngineTableLayoutToo) {
  const auto path = std::filesystem::temp_directory_path() / ("hearth_nick_" + std::to_string(::getpid()) + ".csv");
  std::ofstream(path) << "name,canonical\nbob,robert\nrob,robert\nkate,catherine\n";
  const auto table = NicknameTable::Load(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(table.has_value());
  EXPECT_EQ(table->VariantsOf("Robert"), (std::vector<std::string>{"Bob", "Rob"}));
  EXPECT_EQ(table->VariantsOf("KATE"), (std::vector<std::string>{"Catherine"}));
  EXPECT_TRUE(table->VariantsOf("Zebedee").empty());
  EXPECT_FALSE(NicknameTable::BuiltIn().VariantsOf("Elizabeth").empty());
}

}  // namespace
}  // namespace hearth::linkage::generate
