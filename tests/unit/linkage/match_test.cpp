// End to end across two files (`hearth link match`): only pairs with one record in each file are written, the
// left id always from the first file, and they find the people the generator put in both.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "linkage/generate/generator.hpp"
#include "linkage/linkage.hpp"
#include "linkage/pipeline.hpp"

namespace hearth::linkage {
namespace {

namespace fs = std::filesystem;

constexpr const char* kConfig = R"(id_column = "rec_id"
[columns]
first_name = "given_name"
surname = "family_name"
dob = "date"
sex = "category"
postcode = "postcode"
street = "address_text"
)";

using Rows = std::vector<std::vector<std::string>>;

Rows ReadCsv(const fs::path& path) {
  std::ifstream in(path);
  Rows rows;
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    std::stringstream s(line);
    for (std::string cell; std::getline(s, cell, ',');) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

std::string Entity(const std::string& id) { return id.substr(0, id.find('-')); }

class LinkageMatchEndToEnd : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("hearth_linkage_match_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    auto table = generate::NicknameTable::Load(fs::path(HEARTH_SOURCE_ROOT) / "config/linkage/nicknames.csv");
    std::ofstream left(dir_ / "left.csv"), right(dir_ / "right.csv");
    generate::GenerateOptions options;
    options.records = 4000;
    options.seed = 7;
    options.two_files = true;
    options.overlap = 0.5;
    generate::Generate(options, table ? *table : generate::NicknameTable::BuiltIn(), left, &right, nullptr);
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  void SetUp() override {
    auto c = ParseConfig(kConfig, "test.toml");
    ASSERT_TRUE(c) << c.error().internal;
    config_ = *c;
    auto v = NameVariants::Load(std::string(HEARTH_SOURCE_ROOT) + "/config/linkage/nicknames.csv");
    ASSERT_TRUE(v);
    variants_ = *v;
  }

  Result<RunSummary> Run(const std::string& out, std::vector<std::pair<std::string, std::string>> explain = {}) {
    RunOptions options;
    options.inputs = {(dir_ / "left.csv").string(), (dir_ / "right.csv").string()};
    options.out_dir = (dir_ / out).string();
    options.threads = 2;
    options.explain = std::move(explain);
    Progress quiet(log_, false, true);
    return RunLinkage(config_, variants_, options, quiet, log_);
  }

  static fs::path dir_;
  LinkageConfig config_;
  NameVariants variants_;
  std::ostringstream log_;
};
fs::path LinkageMatchEndToEnd::dir_;

TEST_F(LinkageMatchEndToEnd, WritesOnlyCrossFilePairsAndFindsThePeopleInBoth) {
  auto summary = Run("out");
  ASSERT_TRUE(summary) << summary.error().internal;
  EXPECT_EQ(summary->records, 8000u);

  // Ids may repeat across the files (the peer layout numbers records per person), so the side of an id is known
  // only from its file; the truth is the person before the '-'.
  const Rows left = ReadCsv(dir_ / "left.csv"), right = ReadCsv(dir_ / "right.csv");
  std::set<std::string> left_ids, right_ids;
  std::map<std::string, uint64_t> left_count, right_count;
  for (size_t i = 1; i < left.size(); ++i) left_ids.insert(left[i][0]), ++left_count[Entity(left[i][0])];
  for (size_t i = 1; i < right.size(); ++i) right_ids.insert(right[i][0]), ++right_count[Entity(right[i][0])];
  uint64_t truth = 0;
  for (const auto& [entity, n] : left_count) {
    auto it = right_count.find(entity);
    if (it != right_count.end()) truth += n * it->second;
  }
  ASSERT_GT(truth, 1000u);  // the generator put a share of the people in both files

  const Rows pairs = ReadCsv(dir_ / "out/pairs.csv");
  ASSERT_GT(pairs.size(), 1u);
  EXPECT_EQ(pairs[0], (std::vector<std::string>{"left_id", "right_id", "match_probability", "match_weight"}));
  uint64_t tp = 0;
  for (size_t i = 1; i < pairs.size(); ++i) {
    ASSERT_EQ(pairs[i].size(), 4u);
    EXPECT_TRUE(left_ids.count(pairs[i][0])) << pairs[i][0];
    EXPECT_TRUE(right_ids.count(pairs[i][1])) << pairs[i][1];
    EXPECT_GE(std::stod(pairs[i][2]), 0.5);
    tp += Entity(pairs[i][0]) == Entity(pairs[i][1]);
  }
  const double precision = static_cast<double>(tp) / static_cast<double>(pairs.size() - 1);
  const double recall = static_cast<double>(tp) / static_cast<double>(truth);
  EXPECT_GT(precision, 0.95);
  EXPECT_GT(recall, 0.95);

  // The clusters cover the records of both files, each once.
  const Rows clusters = ReadCsv(dir_ / "out/clusters.csv");
  EXPECT_EQ(clusters.size(), 8001u);
}

TEST_F(LinkageMatchEndToEnd, ExplainsAPairAcrossTheFiles) {
  ASSERT_TRUE(Run("first"));
  const Rows pairs = ReadCsv(dir_ / "first/pairs.csv");
  ASSERT_GT(pairs.size(), 1u);
  ASSERT_TRUE(Run("second", {{pairs[1][0], pairs[1][1]}}));
  const std::string text = log_.str();
  EXPECT_NE(text.find("Records " + pairs[1][0] + " and " + pairs[1][1]), std::string::npos) << text;
  EXPECT_NE(text.find("match probability"), std::string::npos);
}

}  // namespace
}  // namespace hearth::linkage
