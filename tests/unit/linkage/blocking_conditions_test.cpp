// Blocking rules with `compatible` conditions: parsing, which pairs a conditional rule produces, and that the
// duplicate checks, IsCandidate, RuleMask and the free ConditionsHold (the person index's) agree with the visit.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <set>
#include <utility>

#include "linkage/blocking.hpp"
#include "linkage/config.hpp"
#include "linkage/csv.hpp"
#include "linkage/dataset.hpp"

namespace hearth::linkage {
namespace {

constexpr const char* kConfig = R"(id_column = "id"
[columns]
first = "given_name"
last = "family_name"
dob = "date"
postcode = "postcode"
)";

TEST(LinkageBlockingConditions, ParseAsConditionsNotKeyParts) {
  auto config = ParseConfig(std::string(kConfig) + "[blocking]\nrules = [\"postcode & dob:compatible\"]\n", "t.toml");
  ASSERT_TRUE(config) << config.error().internal;
  ASSERT_EQ(config->blocking.size(), 1u);
  ASSERT_EQ(config->blocking[0].parts.size(), 1u);
  ASSERT_EQ(config->blocking[0].conditions.size(), 1u);
  EXPECT_EQ(config->blocking[0].conditions[0].transform, KeyTransform::kCompatible);
  EXPECT_EQ(config->blocking[0].conditions[0].columns, std::vector<int>{config->ColumnIndex("dob")});
}

TEST(LinkageBlockingConditions, RefuseARuleOfConditionsAloneAndAPairOfColumns) {
  auto alone = ParseConfig(std::string(kConfig) + "[blocking]\nrules = [\"dob:compatible\"]\n", "t.toml");
  ASSERT_FALSE(alone);
  EXPECT_NE(alone.error().internal.find("needs a key besides its conditions"), std::string::npos)
      << alone.error().internal;
  auto pair =
      ParseConfig(std::string(kConfig) + "[blocking]\nrules = [\"postcode & {first,last}:compatible\"]\n", "t.toml");
  ASSERT_FALSE(pair);
  EXPECT_NE(pair.error().internal.find("condition on one column"), std::string::npos) << pair.error().internal;
}

TEST(LinkageBlockingConditions, DefaultRulesNotKeyedOnTheDateCarryTheDateCondition) {
  auto config = ParseConfig(kConfig, "t.toml");
  ASSERT_TRUE(config) << config.error().internal;
  const int dob = config->ColumnIndex("dob");
  for (const BlockingRule& rule : config->blocking) {
    bool keyed_on_date = false;
    for (const KeyPart& part : rule.parts)
      keyed_on_date = keyed_on_date || std::find(part.columns.begin(), part.columns.end(), dob) != part.columns.end();
    EXPECT_EQ(rule.conditions.size(), keyed_on_date ? 0u : 1u) << rule.text;
  }
}

class LinkageConditionalBlocks : public ::testing::Test {
 protected:
  void Build(const std::string& rules) {
    auto config = ParseConfig(std::string(kConfig) + "[blocking]\nrules = [" + rules + "]\n", "t.toml");
    ASSERT_TRUE(config) << config.error().internal;
    config_ = *config;
    variants_.Add("bob", "robert");
    // One postcode for all; dates: a base, the same year, the same day and month, unrelated, missing, and an
    // unrelated one of a Bob (whose canonical name, Robert, shares the first record's initial).
    file_ =
        std::make_unique<CsvFile>(CsvFile::FromText("id,first,last,dob,postcode\n"
                                                    "a,Robert,Smith,1980-02-03,LS6 2AB\n"
                                                    "b,Rachel,Smith,1980-07-09,LS6 2AB\n"
                                                    "c,Ruth,Smith,1975-02-03,LS6 2AB\n"
                                                    "d,Amy,Jones,1962-11-12,LS6 2AB\n"
                                                    "e,Rose,Smith,,LS6 2AB\n"
                                                    "f,Bob,Smyth,1999-12-31,LS6 2AB\n",
                                                    ','));
    DatasetBuilder builder(config_, variants_);
    ASSERT_TRUE(builder.AddFile(*file_));
    data_ = builder.Finish(1);
    blocker_ = std::make_unique<Blocker>(data_, config_.blocking, config_.max_block_size, 1);
  }
  // Every pair the visit produces, as sorted id pairs, with the rule that produced it.
  std::set<std::pair<std::string, std::string>> Visited(std::vector<size_t>* rules = nullptr) {
    std::set<std::pair<std::string, std::string>> out;
    for (size_t u = 0; u < blocker_->UnitCount(); ++u) {
      blocker_->VisitUnit(u, [&](uint32_t a, uint32_t b) {
        std::string x(data_.Id(a)), y(data_.Id(b));
        EXPECT_TRUE(out.insert({std::min(x, y), std::max(x, y)}).second) << "visited twice: " << x << " " << y;
        if (rules) rules->push_back(blocker_->RuleOfUnit(u));
      });
    }
    return out;
  }
  uint32_t Record(const std::string& id) { return static_cast<uint32_t>(data_.Find(id, 0)); }

  LinkageConfig config_;
  NameVariants variants_;
  std::unique_ptr<CsvFile> file_;
  Dataset data_;
  std::unique_ptr<Blocker> blocker_;
};

TEST_F(LinkageConditionalBlocks, ADateConditionKeepsPairsOfOneYearOneDayAndMonthOrAMissingDate) {
  Build("\"postcode & dob:compatible\"");
  const std::set<std::pair<std::string, std::string>> expected{{"a", "b"}, {"a", "c"}, {"a", "e"}, {"b", "e"},
                                                               {"c", "e"}, {"d", "e"}, {"e", "f"}};
  EXPECT_EQ(Visited(), expected);
  EXPECT_TRUE(blocker_->IsCandidate(Record("a"), Record("c")));
  EXPECT_FALSE(blocker_->IsCandidate(Record("a"), Record("d")));
  EXPECT_FALSE(blocker_->SharesKey(Record("b"), Record("c"), 0));  // other year, other day and month
  EXPECT_EQ(blocker_->RuleMask(Record("d"), Record("e")), 1u);
  EXPECT_EQ(blocker_->RuleMask(Record("a"), Record("f")), 0u);
}

TEST_F(LinkageConditionalBlocks, ANameConditionComparesCanonicalInitials) {
  Build("\"postcode & first:compatible\"");
  const auto pairs = Visited();
  EXPECT_TRUE(pairs.count({"a", "f"})) << "Bob is a Robert: the same initial";
  EXPECT_TRUE(pairs.count({"a", "b"}));
  EXPECT_FALSE(pairs.count({"a", "d"}));
}

TEST_F(LinkageConditionalBlocks, APairAConditionRefusesIsStillALaterRulesCandidate) {
  Build("\"postcode & dob:compatible\", \"last:initial & postcode\"");
  std::vector<size_t> rules;
  const auto pairs = Visited(&rules);
  // a-f: refused by the first rule (unrelated dates), produced by the second (S for Smith and Smyth).
  EXPECT_TRUE(pairs.count({"a", "f"}));
  EXPECT_TRUE(pairs.count({"a", "b"}));  // once, by the first rule (Visited checks no pair comes twice)
  EXPECT_EQ(std::count(rules.begin(), rules.end(), 1u), 4) << "the second rule adds a-f, b-c, b-f and c-f only";
  for (const auto& [x, y] : pairs) EXPECT_TRUE(blocker_->IsCandidate(Record(x), Record(y))) << x << " " << y;
  EXPECT_FALSE(blocker_->IsCandidate(Record("a"), Record("d")));
}

TEST_F(LinkageConditionalBlocks, TheFreeCheckAgreesWithTheBlockersOwn) {
  Build("\"postcode & dob:compatible & first:compatible\"");
  const char* ids[] = {"a", "b", "c", "d", "e", "f"};
  for (const char* x : ids)
    for (const char* y : ids) {
      if (std::string(x) == y) continue;
      EXPECT_EQ(ConditionsHold(data_, config_.blocking[0], Record(x), Record(y)),
                blocker_->ConditionsHold(0, Record(x), Record(y)))
          << x << " " << y;
    }
}

}  // namespace
}  // namespace hearth::linkage
