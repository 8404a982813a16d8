// End to end: a generated file is deduplicated, its output checked against the truth in the ids, the model reused,
// a pair explained, and the person index asked who a new record is.
#include "linkage/pipeline.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "linkage/generate/generator.hpp"
#include "linkage/linkage.hpp"

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

class LinkageDedupeEndToEnd : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("hearth_linkage_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    auto table = generate::NicknameTable::Load(fs::path(HEARTH_SOURCE_ROOT) / "config/linkage/nicknames.csv");
    std::ofstream out(dir_ / "people.csv");
    generate::GenerateOptions options;
    options.records = 6000;
    options.seed = 42;
    generate::Generate(options, table ? *table : generate::NicknameTable::BuiltIn(), out, nullptr, nullptr);
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

  Result<RunSummary> Run(const std::string& out, const std::string& model = "",
                         std::vector<std::pair<std::string, std::string>> explain = {}) {
    RunOptions options;
    options.inputs = {(dir_ / "people.csv").string()};
    options.out_dir = (dir_ / out).string();
    options.model_in = model;
    options.threads = 2;
    options.explain = std::move(explain);
    Progress quiet(log_, false, true);
    return RunLinkage(config_, variants_, options, quiet, log_);
  }

  static std::vector<std::vector<std::string>> ReadCsv(const fs::path& path) {
    std::ifstream in(path);
    std::vector<std::vector<std::string>> rows;
    for (std::string line; std::getline(in, line);) {
      std::vector<std::string> cells;
      std::stringstream s(line);
      for (std::string cell; std::getline(s, cell, ',');) cells.push_back(cell);
      rows.push_back(cells);
    }
    return rows;
  }
  static std::string Entity(const std::string& id) { return id.substr(0, id.find('-')); }

  static fs::path dir_;
  LinkageConfig config_;
  NameVariants variants_;
  std::ostringstream log_;
};
fs::path LinkageDedupeEndToEnd::dir_;

TEST_F(LinkageDedupeEndToEnd, FindsTheGeneratedDuplicatesWithHighPrecisionAndRecall) {
  auto summary = Run("out");
  ASSERT_TRUE(summary) << summary.error().internal;
  EXPECT_EQ(summary->records, 6000u);
  EXPECT_GT(summary->ReductionRatio(), 0.99);
  EXPECT_TRUE(summary->model_trained);

  auto ids = ReadCsv(dir_ / "people.csv");
  std::map<std::string, uint64_t> per_entity;
  for (size_t i = 1; i < ids.size(); ++i) ++per_entity[Entity(ids[i][0])];
  uint64_t truth = 0;
  for (const auto& [e, n] : per_entity) truth += n * (n - 1) / 2;

  auto pairs = ReadCsv(dir_ / "out/pairs.csv");
  ASSERT_FALSE(pairs.empty());
  EXPECT_EQ(pairs[0], (std::vector<std::string>{"left_id", "right_id", "match_probability", "match_weight"}));
  uint64_t tp = 0;
  for (size_t i = 1; i < pairs.size(); ++i) {
    EXPECT_LT(pairs[i][0], pairs[i][1]);
    EXPECT_GE(std::stod(pairs[i][2]), 0.5);
    tp += Entity(pairs[i][0]) == Entity(pairs[i][1]);
  }
  const double precision = static_cast<double>(tp) / static_cast<double>(pairs.size() - 1);
  const double recall = static_cast<double>(tp) / static_cast<double>(truth);
  EXPECT_GT(precision, 0.95);
  EXPECT_GT(recall, 0.95);

  auto clusters = ReadCsv(dir_ / "out/clusters.csv");
  ASSERT_EQ(clusters.size(), 6001u);  // every record once
  std::set<std::string> seen;
  for (size_t i = 1; i < clusters.size(); ++i) EXPECT_TRUE(seen.insert(clusters[i][0]).second);
  EXPECT_TRUE(fs::exists(dir_ / "out/model.toml"));
}

TEST_F(LinkageDedupeEndToEnd, ReusesASavedModelAndExplainsAPair) {
  ASSERT_TRUE(Run("first"));
  auto ids = ReadCsv(dir_ / "first/pairs.csv");
  ASSERT_GT(ids.size(), 1u);
  auto again = Run("second", (dir_ / "first/model.toml").string(), {{ids[1][0], ids[1][1]}});
  ASSERT_TRUE(again) << again.error().internal;
  EXPECT_FALSE(again->model_trained);
  // The same model gives the same pairs in the same order: scored as they are compared (a model given) or after
  // training, from the patterns kept while the blocker visits the pairs a second time.
  auto second = ReadCsv(dir_ / "second/pairs.csv");
  ASSERT_EQ(second.size(), ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(second[i][0], ids[i][0]) << i;
    EXPECT_EQ(second[i][1], ids[i][1]) << i;
  }
  // The household corrections are measured from the data and kept in the model file.
  auto saved = LoadModel((dir_ / "first/model.toml").string(), config_);
  ASSERT_TRUE(saved) << saved.error().internal;
  ASSERT_EQ(saved->interactions.size(), 2u);
  EXPECT_EQ(saved->interactions[0].name, "household");
  EXPECT_EQ(saved->interactions[1].name, "twins");
  EXPECT_EQ(saved->interactions[1].when.size(), 3u);
  for (const auto& i : saved->interactions) EXPECT_LT(i.weight, 0) << i.name;
  const std::string text = log_.str();
  EXPECT_NE(text.find("Records " + ids[1][0] + " and " + ids[1][1]), std::string::npos) << text;
  EXPECT_NE(text.find("prior"), std::string::npos);
  EXPECT_NE(text.find("match probability"), std::string::npos);
}

TEST_F(LinkageDedupeEndToEnd, RefusesAModelForOtherColumns) {
  ASSERT_TRUE(Run("third"));
  auto other = ParseConfig("id_column = \"rec_id\"\n[columns]\nfirst_name = \"given_name\"\ndob = \"date\"\n", "other.toml");
  ASSERT_TRUE(other);
  auto model = LoadModel((dir_ / "third/model.toml").string(), *other);
  ASSERT_FALSE(model);
  EXPECT_NE(model.error().internal.find("columns"), std::string::npos);
}

TEST_F(LinkageDedupeEndToEnd, ThePersonIndexFindsAKnownPerson) {
  auto index = PersonIndex::FromCsv(config_, variants_, (dir_ / "people.csv").string(), std::nullopt, 2);
  ASSERT_TRUE(index) << index.error().internal;
  auto rows = ReadCsv(dir_ / "people.csv");
  // A probe made from a stored record, its given name turned into a nickname-free typo and its postcode dropped.
  std::vector<std::string> probe_values(rows[10].begin() + 1, rows[10].end());
  if (probe_values[0].size() > 3) std::swap(probe_values[0][1], probe_values[0][2]);
  probe_values[4] = "";
  // (How quickly is measured by `hearth link benchmark --lookups`, not asserted here.)
  auto known = (*index)->Lookup({"probe", probe_values}, 5);
  ASSERT_FALSE(known.empty());
  EXPECT_EQ(Entity(known[0].id), Entity(rows[10][0]));
  EXPECT_GT(known[0].probability, 0.5);
  EXPECT_EQ(known[0].explanation.columns.size(), 6u);
  EXPECT_EQ((*index)->Size(), 6000u);  // the probe is not kept
}

TEST_F(LinkageDedupeEndToEnd, ThePersonIndexTakesPeopleAddedEditedAndRemovedAfterItWasBuilt) {
  auto rows = ReadCsv(dir_ / "people.csv");
  std::vector<PersonRecord> people;
  for (size_t i = 0; i < 3000; ++i)
    people.push_back({rows[i][0], std::vector<std::string>(rows[i].begin() + 1, rows[i].end())});
  auto trained = PersonIndex::FromCsv(config_, variants_, (dir_ / "people.csv").string(), std::nullopt, 2);
  ASSERT_TRUE(trained) << trained.error().internal;
  auto built = PersonIndex::Build(config_, variants_, people, (*trained)->TrainedModel(), 2);
  ASSERT_TRUE(built);
  PersonIndex& index = **built;
  const PersonRecord newcomer{"new-1", {"Gwenllian", "Trefriw", "1999-12-31", "F", "LD3 7AB", "4 Bridge Street"}};
  EXPECT_TRUE(index.Lookup(newcomer, 5, 0.5).empty());

  index.Add(newcomer);
  EXPECT_EQ(index.Size(), 3001u);
  auto known = index.Lookup({"probe", {"Gwen", "Trefriw", "1999-12-31", "F", "LD3 7AB", ""}}, 5, 0.5);
  ASSERT_FALSE(known.empty());
  EXPECT_EQ(known[0].id, "new-1");

  // Added again under the same id (an edit): only the new details are found, and the person counts once.
  index.Add({"new-1", {"Gwenllian", "Price", "1988-06-01", "F", "SA1 1AA", "1 Quay Parade"}});
  EXPECT_EQ(index.Size(), 3001u);
  EXPECT_TRUE(index.Lookup(newcomer, 5, 0.5).empty());
  known = index.Lookup({"probe", {"Gwenllian", "Price", "1988-06-01", "F", "SA1 1AA", ""}}, 5, 0.5);
  ASSERT_EQ(known.size(), 1u);
  EXPECT_EQ(known[0].id, "new-1");

  // A person from the build, removed, is no longer found; past the merge point, added people are still found.
  const PersonRecord& stored = people[17];
  ASSERT_FALSE(index.Lookup(stored, 50, 0.5).empty());
  EXPECT_TRUE(index.Remove(stored.id));
  EXPECT_FALSE(index.Remove(stored.id));
  for (const auto& k : index.Lookup(stored, 50, 0.0)) EXPECT_NE(k.id, stored.id);
  for (size_t i = 3000; i < 3000 + 4100; ++i)
    index.Add({rows[i % rows.size()][0] + "-again-" + std::to_string(i),
               std::vector<std::string>(rows[i % rows.size()].begin() + 1, rows[i % rows.size()].end())});
  EXPECT_EQ(index.Size(), 3001u - 1 + 4100);
  known = index.Lookup({"probe", {"Gwenllian", "Price", "1988-06-01", "F", "SA1 1AA", ""}}, 5, 0.5);
  ASSERT_EQ(known.size(), 1u);
  EXPECT_EQ(known[0].id, "new-1");
}

}  // namespace
}  // namespace hearth::linkage
