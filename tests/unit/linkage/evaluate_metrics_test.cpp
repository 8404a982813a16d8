#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "linkage/evaluate.hpp"
#include "linkage/evaluate_io.hpp"

namespace hearth::linkage {
namespace {

// A folder of small CSV files written by the test, removed afterwards.
class Files {
 public:
  Files()
      : dir_(std::filesystem::temp_directory_path() /
             ("hearth_eval_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++))) {
    std::filesystem::create_directories(dir_);
  }
  ~Files() { std::filesystem::remove_all(dir_); }
  std::filesystem::path Write(const std::string& name, const std::string& text) {
    const auto path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

 private:
  static inline int counter_ = 0;
  std::filesystem::path dir_;
};

// Six records of three people: a has three records, b two, c one. True pairs: 3 (a) + 1 (b) = 4.
constexpr const char* kRecords =
    "rec_id,first_name,surname\n"
    "a-1,x,y\na-2,x,y\na-3,x,y\nb-1,x,y\nb-2,x,y\nc-1,x,y\n";

Evaluation Evaluated(const EvaluationOptions& options) {
  auto result = EvaluateLinkage(options);
  EXPECT_TRUE(result.has_value()) << (result ? "" : result.error().internal);
  return result ? *result : Evaluation{};
}

TEST(LinkageEvaluate, ScoresListedPairsAgainstEntitiesInTheIds) {
  Files files;
  EvaluationOptions options;
  options.input = files.Write("records.csv", kRecords);
  options.pairs = files.Write("pairs.csv",
                              "left_id,right_id,match_probability,match_weight\n"
                              "a-1,a-2,0.99,9\na-2,a-3,0.9,5\nb-1,b-2,0.8,3\na-1,b-1,0.7,2\nb-2,c-1,0.6,1\n");
  const Evaluation e = Evaluated(options);
  EXPECT_EQ(e.records, 6u);
  EXPECT_EQ(e.entities, 3u);
  ASSERT_TRUE(e.listed_pairs.has_value());
  EXPECT_EQ(e.listed_pairs->predicted, 5u);
  EXPECT_EQ(e.listed_pairs->true_positives, 3u);
  EXPECT_EQ(e.listed_pairs->true_pairs, 4u);
  EXPECT_DOUBLE_EQ(e.listed_pairs->precision, 0.6);
  EXPECT_DOUBLE_EQ(e.listed_pairs->recall, 0.75);
  EXPECT_NEAR(e.listed_pairs->f1, 2 * 0.6 * 0.75 / 1.35, 1e-12);
  // The connected components join all six records: 15 implied pairs, all 4 true pairs among them.
  EXPECT_EQ(e.cluster_pairs.predicted, 15u);
  EXPECT_EQ(e.cluster_pairs.true_positives, 4u);
  EXPECT_EQ(e.clusters.clusters, 1u);
  EXPECT_EQ(e.clusters.largest, 6u);
}

TEST(LinkageEvaluate, ThresholdLeavesOutWeakPairs) {
  Files files;
  EvaluationOptions options;
  options.input = files.Write("records.csv", kRecords);
  options.pairs = files.Write("pairs.csv",
                              "left_id,right_id,match_probability,match_weight\n"
                              "a-1,a-2,0.99,9\na-2,a-3,0.9,5\nb-1,b-2,0.8,3\na-1,b-1,0.7,2\nb-2,c-1,0.6,1\n");
  options.threshold = 0.75;
  const Evaluation e = Evaluated(options);
  EXPECT_EQ(e.listed_pairs->predicted, 3u);
  EXPECT_EQ(e.listed_pairs->true_positives, 3u);
  EXPECT_DOUBLE_EQ(e.listed_pairs->precision, 1.0);
  EXPECT_EQ(e.problems.below_threshold, 2u);
}

TEST(LinkageEvaluate, ScoresClustersPairwiseBcubedAndAdjustedRand) {
  Files files;
  EvaluationOptions options;
  options.input = files.Write("records.csv", kRecords);
  options.clusters = files.Write("clusters.csv", "record_id,cluster_id\na-1,1\na-2,1\na-3,2\nb-1,3\nb-2,3\nc-1,3\n");
  const Evaluation e = Evaluated(options);
  EXPECT_FALSE(e.listed_pairs.has_value());
  // Implied pairs: (a1,a2) and the three of {b1,b2,c1}; true among them: (a1,a2) and (b1,b2).
  EXPECT_EQ(e.cluster_pairs.predicted, 4u);
  EXPECT_EQ(e.cluster_pairs.true_positives, 2u);
  EXPECT_DOUBLE_EQ(e.cluster_pairs.precision, 0.5);
  EXPECT_DOUBLE_EQ(e.cluster_pairs.recall, 0.5);
  EXPECT_DOUBLE_EQ(e.cluster_pairs.f1, 0.5);
  EXPECT_NEAR(e.clusters.bcubed_precision, 14.0 / 18.0, 1e-12);
  EXPECT_NEAR(e.clusters.bcubed_recall, 14.0 / 18.0, 1e-12);
  // index 2, cluster pairs 4, entity pairs 4, all pairs 15: (2 - 16/15) / (4 - 16/15).
  EXPECT_NEAR(e.clusters.adjusted_rand, (2 - 16.0 / 15) / (4 - 16.0 / 15), 1e-12);
  EXPECT_EQ(e.clusters.clusters, 3u);
  EXPECT_EQ(e.clusters.singletons, 1u);
}

TEST(LinkageEvaluate, PerfectClustersScoreOne) {
  Files files;
  EvaluationOptions options;
  options.input = files.Write("records.csv", kRecords);
  options.clusters = files.Write("clusters.csv", "record_id,cluster_id\na-1,p\na-2,p\na-3,p\nb-1,q\nb-2,q\n");
  const Evaluation e = Evaluated(options);  // c-1 is missing: a cluster of its own, which is right
  EXPECT_DOUBLE_EQ(e.cluster_pairs.f1, 1.0);
  EXPECT_DOUBLE_EQ(e.clusters.bcubed_f1, 1.0);
  EXPECT_DOUBLE_EQ(e.clusters.adjusted_rand, 1.0);
  EXPECT_EQ(e.problems.unclustered_records, 1u);
}

TEST(LinkageEvaluate, TruthFileGivesTheEntitiesOfOpaqueIds) {
  Files files;
  EvaluationOptions options;
  options.input = files.Write("records.csv", "record_id,given_name\nr1,x\nr2,x\nr3,x\nr4,x\nr5,x\nr6,x\n");
  options.truth = files.Write("truth.csv", "record_id,entity_id\nr1,a\nr2,a\nr3,a\nr4,b\nr5,b\nr6,c\n");
  options.clusters = files.Write("clusters.csv", "record_id,cluster_id\nr1,1\nr2,1\nr3,2\nr4,3\nr5,3\nr6,3\n");
  const Evaluation e = Evaluated(options);
  EXPECT_EQ(e.cluster_pairs.true_pairs, 4u);
  EXPECT_DOUBLE_EQ(e.cluster_pairs.f1, 0.5);
}

TEST(LinkageEvaluate, OpaqueIdsWithoutTruthAreRefused) {
  Files files;
  EvaluationOptions options;
  options.input = files.Write("records.csv", "record_id,given_name\nr1,x\nr2,x\n");
  options.pairs = files.Write("pairs.csv", "left_id,right_id\nr1,r2\n");
  EXPECT_FALSE(EvaluateLinkage(options).has_value());
}

TEST(LinkageEvaluate, BlockingRecallAndReductionRatioFromTheCandidateList) {
  Files files;
  EvaluationOptions options;
  options.input = files.Write("records.csv", kRecords);
  options.pairs = files.Write("pairs.csv", "left_id,right_id\na-1,a-2\n");
  options.candidate_pairs = files.Write("candidates.csv", "left_id,right_id\na-1,a-2\na-3,a-1\nb-1,c-1\n");
  const Evaluation e = Evaluated(options);
  ASSERT_TRUE(e.blocking.candidates && e.blocking.recall && e.blocking.reduction_ratio);
  EXPECT_EQ(*e.blocking.candidates, 3u);
  EXPECT_EQ(*e.blocking.true_candidates, 2u);
  EXPECT_DOUBLE_EQ(*e.blocking.recall, 0.5);
  EXPECT_DOUBLE_EQ(*e.blocking.reduction_ratio, 1.0 - 3.0 / 15.0);
}

TEST(LinkageEvaluate, ReductionRatioFromACountAlone) {
  Files files;
  EvaluationOptions options;
  options.input = files.Write("records.csv", kRecords);
  options.pairs = files.Write("pairs.csv", "left_id,right_id\na-1,a-2\n");
  options.candidates = 5;
  const Evaluation e = Evaluated(options);
  EXPECT_DOUBLE_EQ(*e.blocking.reduction_ratio, 1.0 - 5.0 / 15.0);
  EXPECT_FALSE(e.blocking.recall.has_value());
}

TEST(LinkageEvaluate, CountsProblemsWithoutFailing) {
  Files files;
  EvaluationOptions options;
  options.input = files.Write("records.csv", kRecords);
  options.pairs = files.Write("pairs.csv", "left_id,right_id\na-1,a-2\na-2,a-1\na-1,a-1\na-1,zz-9\n");
  const Evaluation e = Evaluated(options);
  EXPECT_EQ(e.listed_pairs->predicted, 1u);
  EXPECT_EQ(e.problems.duplicate_pairs, 1u);
  EXPECT_EQ(e.problems.self_pairs, 1u);
  EXPECT_EQ(e.problems.unknown_ids, 1u);
}

TEST(LinkageEvaluate, TwoFilesCountOnlyCrossFilePairs) {
  Files files;
  EvaluationOptions options;
  options.input = files.Write("left.csv", "rec_id\nx-1\ny-1\nz-1\n");
  options.second_input = files.Write("right.csv", "rec_id\nx-2\ny-2\nw-1\nx-3\n");
  // True cross pairs: x 1 x 2 = 2, y 1 x 1 = 1. Listed: one right, one wrong, one right but reversed, one within
  // the left file (ignored).
  options.pairs = files.Write("pairs.csv", "left_id,right_id\nx-1,x-2\ny-1,w-1\ny-2,y-1\nx-1,y-1\n");
  const Evaluation e = Evaluated(options);
  EXPECT_EQ(e.comparison_space, 12u);
  EXPECT_EQ(e.listed_pairs->true_pairs, 3u);
  EXPECT_EQ(e.listed_pairs->predicted, 3u);
  EXPECT_EQ(e.listed_pairs->true_positives, 2u);
  EXPECT_EQ(e.problems.same_file_pairs, 1u);
}

TEST(LinkageEvaluateCsv, ReadsQuotesCrlfAndByteOrderMark) {
  Files files;
  const auto path =
      files.Write("q.csv", "\xEF\xBB\xBFid,name\r\n1,\"Smith, John\"\r\n2,\"say \"\"hi\"\"\nthere\"\r\n\r\n3,\n");
  eval::CsvReader reader(path);
  std::vector<std::string_view> row;
  ASSERT_TRUE(reader.Next(row));
  ASSERT_EQ(row.size(), 2u);
  EXPECT_EQ(row[0], "id");
  ASSERT_TRUE(reader.Next(row));
  EXPECT_EQ(row[1], "Smith, John");
  ASSERT_TRUE(reader.Next(row));
  EXPECT_EQ(row[1], "say \"hi\"\nthere");
  ASSERT_TRUE(reader.Next(row));
  ASSERT_EQ(row.size(), 2u);
  EXPECT_EQ(row[0], "3");
  EXPECT_EQ(row[1], "");
  EXPECT_FALSE(reader.Next(row));
}

TEST(LinkageEvaluateCsv, IdIndexKeepsFirstSeenOrderThroughGrowth) {
  eval::IdIndex index;
  for (int i = 0; i < 5000; ++i) EXPECT_EQ(index.Insert("id" + std::to_string(i)), static_cast<std::uint32_t>(i));
  bool added = true;
  EXPECT_EQ(index.Insert("id42", &added), 42u);
  EXPECT_FALSE(added);
  EXPECT_EQ(index.Find("id4999"), 4999u);
  EXPECT_EQ(index.Find("nope"), eval::IdIndex::kMissing);
  EXPECT_EQ(index.At(7), "id7");
}

}  // namespace
}  // namespace hearth::linkage
