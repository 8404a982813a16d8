#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "linkage/evaluate_io.hpp"
#include "linkage/generate/generator.hpp"

namespace hearth::linkage::generate {
namespace {

std::string GenerateText(const GenerateOptions& options, std::string* truth = nullptr, std::string* second = nullptr) {
  std::ostringstream first;
  std::ostringstream second_out;
  std::ostringstream truth_out;
  Generate(options, NicknameTable::BuiltIn(), first, second ? &second_out : nullptr, truth ? &truth_out : nullptr);
  if (truth) *truth = truth_out.str();
  if (second) *second = second_out.str();
  return first.str();
}

// Rows of a generated file, parsed with the evaluator's CSV reader (quoted fields included).
std::vector<std::vector<std::string>> Rows(const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / ("hearth_gen_" + std::to_string(::getpid()) + ".csv");
  std::ofstream(path, std::ios::binary) << text;
  eval::CsvReader reader(path);
  std::vector<std::vector<std::string>> rows;
  for (std::vector<std::string_view> row; reader.Next(row);) rows.emplace_back(row.begin(), row.end());
  std::filesystem::remove(path);
  return rows;
}

bool ValidDate(int y, int m, int d) {
  return y >= 1900 && y <= 2024 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

bool Digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
bool Letters(std::string_view s, std::string_view allowed) {
  return std::all_of(s.begin(), s.end(), [&](char c) { return allowed.find(c) != std::string_view::npos; });
}
constexpr std::string_view kUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr std::string_view kUnitLetters = "ABDEFGHJLNPQRSTUWXYZ";

// e<digits>-<digits>
bool PeerId(std::string_view id) {
  const std::size_t dash = id.find('-');
  return id.size() > 3 && id[0] == 'e' && dash != std::string_view::npos && Digits(id.substr(1, dash - 1)) &&
         Digits(id.substr(dash + 1));
}

// "1984-03-07" (iso) or "07/03/1984" (uk) to a valid date.
bool ValidDateText(std::string_view text, bool iso) {
  if (text.size() != 10) return false;
  const char sep = iso ? '-' : '/';
  if (text[iso ? 4 : 2] != sep || text[iso ? 7 : 5] != sep) return false;
  const std::string_view y = iso ? text.substr(0, 4) : text.substr(6, 4);
  const std::string_view m = iso ? text.substr(5, 2) : text.substr(3, 2);
  const std::string_view d = iso ? text.substr(8, 2) : text.substr(0, 2);
  if (!Digits(y) || !Digits(m) || !Digits(d)) return false;
  return ValidDate(std::stoi(std::string(y)), std::stoi(std::string(m)), std::stoi(std::string(d)));
}

// The UK shape without spaces: area (1-2 letters), district (digit, then an optional digit or letter), sector
// digit, two unit letters.
bool PostcodeShape(std::string_view clean) {
  if (clean.size() < 5 || clean.size() > 7) return false;
  const std::string_view inward = clean.substr(clean.size() - 3);
  const std::string_view outward = clean.substr(0, clean.size() - 3);
  if (!Digits(inward.substr(0, 1)) || !Letters(inward.substr(1), kUnitLetters)) return false;
  const std::size_t area = outward.find_first_of("0123456789");
  if (area == 0 || area > 2 || area == std::string_view::npos || !Letters(outward.substr(0, area), kUpper))
    return false;
  const std::string_view district = outward.substr(area);
  return district.size() == 1
             ? Digits(district)
             : Digits(district.substr(0, 1)) && (Digits(district.substr(1)) || Letters(district.substr(1), kUpper));
}

// The postcode as the engine would normalise it (upper case, no spaces), then the shape.
bool ValidPostcode(std::string_view postcode) {
  std::string clean;
  for (char c : postcode) {
    if (c != ' ') clean += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return PostcodeShape(clean);
}

// Written in the standard form: upper case, one space before the inward code.
bool TidyPostcode(std::string_view postcode) {
  return postcode.size() > 4 && postcode[postcode.size() - 4] == ' ' &&
         std::count(postcode.begin(), postcode.end(), ' ') == 1 && ValidPostcode(postcode) &&
         std::none_of(postcode.begin(), postcode.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

TEST(LinkageGenerate, ShapeCheckersAcceptAndRejectKnownValues) {
  EXPECT_TRUE(ValidPostcode("CF37 1AB"));
  EXPECT_TRUE(ValidPostcode("ec1a1bb"));
  EXPECT_TRUE(ValidPostcode("M1 1AE"));
  EXPECT_FALSE(ValidPostcode("CF37 1AC"));  // C is not a unit letter
  EXPECT_FALSE(ValidPostcode("1CF 1AB"));
  EXPECT_TRUE(TidyPostcode("SW1A 2AA"));
  EXPECT_FALSE(TidyPostcode("SW1A2AA"));
  EXPECT_TRUE(ValidDateText("2024-02-29", true));
  EXPECT_FALSE(ValidDateText("2023-02-29", true));
  EXPECT_TRUE(ValidDateText("07/03/1984", false));
  EXPECT_TRUE(PeerId("e17-0"));
  EXPECT_FALSE(PeerId("e17"));
}

TEST(LinkageGenerate, SameSeedSameFileOtherSeedOtherFile) {
  GenerateOptions options;
  options.records = 3000;
  options.seed = 7;
  const std::string a = GenerateText(options);
  EXPECT_EQ(a, GenerateText(options));
  options.seed = 8;
  EXPECT_NE(a, GenerateText(options));
}

TEST(LinkageGenerate, PeerFormatHasTheExactHeaderIdsDatesAndPostcodes) {
  GenerateOptions options;
  options.records = 5000;
  const auto rows = Rows(GenerateText(options));
  ASSERT_EQ(rows.size(), 5001u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"rec_id", "first_name", "surname", "dob", "sex", "postcode", "street"}));
  std::set<std::string> ids;
  int tidy_postcodes = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    ASSERT_EQ(r.size(), 7u) << "row " << i;
    EXPECT_TRUE(PeerId(r[0])) << r[0];
    EXPECT_TRUE(ids.insert(r[0]).second) << "duplicate id " << r[0];
    if (!r[3].empty()) {
      EXPECT_TRUE(ValidDateText(r[3], true)) << r[3];
    }
    EXPECT_TRUE(r[4].empty() || r[4] == "M" || r[4] == "F");
    if (!r[5].empty()) {
      EXPECT_TRUE(ValidPostcode(r[5])) << r[5];
    }
    tidy_postcodes += TidyPostcode(r[5]) ? 1 : 0;
    if (!r[6].empty()) {
      EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(r[6][0]))) << "street starts with its number";
    }
  }
  EXPECT_GT(tidy_postcodes, 4000);  // most postcodes are written in the standard form
}

TEST(LinkageGenerate, HearthFormatHasOpaqueIdsUkDatesAndATruthFile) {
  GenerateOptions options;
  options.records = 2000;
  options.format = OutputFormat::kHearth;
  std::string truth;
  const auto rows = Rows(GenerateText(options, &truth));
  const auto truth_rows = Rows(truth);
  ASSERT_EQ(rows.size(), 2001u);
  ASSERT_EQ(truth_rows.size(), 2001u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"record_id", "given_name", "family_name", "date_of_birth", "sex",
                                               "postcode", "house_number", "street"}));
  EXPECT_EQ(truth_rows[0], (std::vector<std::string>{"record_id", "entity_id"}));
  EXPECT_EQ(rows[1][0], "r00000001");
  EXPECT_EQ(rows[2000][0], "r00002000");
  for (std::size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), 8u);
    EXPECT_EQ(truth_rows[i][0], rows[i][0]);
    if (!rows[i][3].empty()) {
      EXPECT_TRUE(ValidDateText(rows[i][3], false)) << rows[i][3];
    }
  }
}

TEST(LinkageGenerate, TruthAndStatisticsAgreeWithTheIds) {
  GenerateOptions options;
  options.records = 4000;
  std::ostringstream out;
  std::ostringstream truth;
  const GenerateStats stats = Generate(options, NicknameTable::BuiltIn(), out, nullptr, &truth);
  const auto rows = Rows(out.str());
  const auto truth_rows = Rows(truth.str());
  std::map<std::string, std::uint64_t> per_entity;
  std::map<std::string, std::string> entity_of;
  for (std::size_t i = 1; i < truth_rows.size(); ++i) entity_of[truth_rows[i][0]] = truth_rows[i][1];
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const std::string entity = rows[i][0].substr(0, rows[i][0].find('-'));
    EXPECT_EQ(entity_of[rows[i][0]], entity);
    ++per_entity[entity];
  }
  std::uint64_t pairs = 0;
  for (const auto& [entity, n] : per_entity) pairs += n * (n - 1) / 2;
  EXPECT_EQ(stats.records_first, 4000u);
  EXPECT_EQ(stats.entities, per_entity.size());
  EXPECT_EQ(stats.true_pairs_first, pairs);
  // About half the people have duplicates: between 1.6 and 2.2 records a person.
  const double per_person = 4000.0 / static_cast<double>(per_entity.size());
  EXPECT_GT(per_person, 1.6);
  EXPECT_LT(per_person, 2.2);
}

TEST(LinkageGenerate, SecondFileSharesTheRequestedShareOfPeople) {
  GenerateOptions options;
  options.records = 20000;
  options.two_files = true;
  options.overlap = 0.6;
  std::string truth;
  std::string second;
  const auto a = Rows(GenerateText(options, &truth, &second));
  const auto b = Rows(second);
  ASSERT_EQ(a.size(), 20001u);
  ASSERT_EQ(b.size(), 20001u);
  EXPECT_EQ(Rows(truth).size(), 40001u);
  std::set<std::string> in_a;
  std::set<std::string> in_b;
  for (std::size_t i = 1; i < a.size(); ++i) in_a.insert(a[i][0].substr(0, a[i][0].find('-')));
  for (std::size_t i = 1; i < b.size(); ++i) in_b.insert(b[i][0].substr(0, b[i][0].find('-')));
  std::size_t shared = 0;
  for (const auto& e : in_a) shared += in_b.count(e);
  EXPECT_NEAR(static_cast<double>(shared) / static_cast<double>(in_a.size()), 0.6, 0.03);
}

TEST(LinkageGenerate, HouseholdsShareAnAddressAndMostlyASurname) {
  const Population population(3, 100000);
  Rng rng(11);
  std::vector<Person> people;
  int members = 0;
  int same_surname = 0;
  for (int h = 0; h < 2000; ++h) {
    population.NextHousehold(rng, people);
    ASSERT_GE(people.size(), 1u);
    ASSERT_LE(people.size(), 6u);
    for (const Person& p : people) {
      EXPECT_EQ(p.home.postcode, people[0].home.postcode);
      EXPECT_EQ(p.home.house_number, people[0].home.house_number);
      EXPECT_NE(p.other.postcode, p.home.postcode);
      EXPECT_GE(p.dob.year, 1930);
      EXPECT_LE(p.dob.year, 2024);
    }
    for (std::size_t i = 1; i < people.size(); ++i) {
      ++members;
      same_surname += people[i].family == people[0].family ? 1 : 0;
    }
  }
  EXPECT_GT(static_cast<double>(same_surname) / members, 0.6);
}

TEST(LinkageGenerate, NameFrequenciesAreSkewed) {
  GenerateOptions options;
  options.records = 20000;
  options.level = ErrorLevel::kLow;
  const auto rows = Rows(GenerateText(options));
  std::map<std::string, int> surnames;
  for (std::size_t i = 1; i < rows.size(); ++i) ++surnames[rows[i][2]];
  // Smith is about 1.3% of people against a long tail of rare names.
  EXPECT_GT(surnames["Smith"], 150);
  EXPECT_GT(surnames["Jones"], surnames["Evans"]);
  EXPECT_GT(surnames.size(), 1000u);
}

}  // namespace
}  // namespace hearth::linkage::generate
