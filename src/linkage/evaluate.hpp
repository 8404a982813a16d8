// `hearth link evaluate`: how good a linkage is, against ground truth. Pairwise precision, recall and F1 (a true
// pair is two records of one person), the same for the pairs a clustering implies, B-cubed and the adjusted Rand
// index for the clusters, and blocking recall and reduction ratio when the candidate pairs are known.
//
// Counts come from entity and cluster sizes and a sorted contingency of (cluster, entity), never from listing all
// true pairs, so a 1,000,000-record file is evaluated in a couple of seconds.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "common/error.hpp"

namespace hearth::linkage {

struct EvaluationOptions {
  std::filesystem::path input;                           // the records (every record, linked or not)
  std::optional<std::filesystem::path> second_input;     // for `link match`: pairs are then left-file x right-file
  std::optional<std::filesystem::path> truth;            // record_id,entity_id; else the id's text before its first '-'
  std::optional<std::filesystem::path> pairs;            // left_id,right_id[,match_probability,...]
  std::optional<std::filesystem::path> clusters;         // record_id,cluster_id
  std::optional<std::filesystem::path> candidate_pairs;  // left_id,right_id: every pair blocking produced
  std::optional<std::uint64_t> candidates;               // the number of candidate pairs, when the list is not written
  std::optional<double> threshold;                       // pairs below this match_probability are left out
  std::string id_column;                                 // default: rec_id, else record_id, else the first column
  char delimiter = ',';
};

struct PairScores {
  std::uint64_t predicted = 0;
  std::uint64_t true_positives = 0;
  std::uint64_t true_pairs = 0;
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

struct ClusterScores {
  std::uint64_t clusters = 0;
  std::uint64_t singletons = 0;
  std::uint64_t largest = 0;
  double bcubed_precision = 0;
  double bcubed_recall = 0;
  double bcubed_f1 = 0;
  double adjusted_rand = 0;
};

struct BlockingScores {
  std::optional<std::uint64_t> candidates;
  std::optional<double> reduction_ratio;
  std::optional<std::uint64_t> true_candidates;  // true pairs among the candidates
  std::optional<double> recall;
};

// Things in the inputs that did not add up; reported, never fatal.
struct EvaluationProblems {
  std::uint64_t duplicate_record_ids = 0;
  std::uint64_t records_without_truth = 0;
  std::uint64_t unknown_ids = 0;          // in pairs, clusters or candidates, not in the input
  std::uint64_t duplicate_pairs = 0;      // the same pair listed twice (counted once)
  std::uint64_t self_pairs = 0;           // a record paired with itself
  std::uint64_t same_file_pairs = 0;      // in a two-file evaluation, both records from one file (ignored)
  std::uint64_t below_threshold = 0;      // pairs left out by --threshold
  std::uint64_t bad_probabilities = 0;    // match_probability not a number (the pair is kept)
  std::uint64_t unclustered_records = 0;  // not in clusters.csv: counted as clusters of one
  std::uint64_t reclustered_records = 0;  // listed twice in clusters.csv: the first kept
};

struct Evaluation {
  std::uint64_t records = 0;         // in the first (or only) file
  std::uint64_t records_second = 0;  // in the second file, for a two-file evaluation
  std::uint64_t entities = 0;
  std::uint64_t comparison_space = 0;      // n(n-1)/2, or n1 x n2 for two files
  std::string source;                      // "pairs" or "clusters"
  std::optional<PairScores> listed_pairs;  // the pairs as listed (pairs source)
  PairScores cluster_pairs;                // the pairs the clusters imply (for pairs: their connected components)
  ClusterScores clusters;
  BlockingScores blocking;
  EvaluationProblems problems;
  double seconds = 0;
};

Result<Evaluation> EvaluateLinkage(const EvaluationOptions& options);

std::string FormatEvaluationTable(const Evaluation& evaluation);
std::string FormatEvaluationJson(const Evaluation& evaluation);

}  // namespace hearth::linkage
