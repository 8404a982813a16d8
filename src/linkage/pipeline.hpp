// `hearth link dedupe` and `hearth link match` end to end: read, standardise, block, compare, train (or load a
// model), score, cluster, write. Each stage is timed and the summary says what happened to every record.
#pragma once
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/error.hpp"
#include "linkage/blocking.hpp"
#include "linkage/cluster.hpp"
#include "linkage/config.hpp"
#include "linkage/dataset.hpp"
#include "linkage/model.hpp"
#include "linkage/name_variants.hpp"
#include "linkage/progress.hpp"

namespace hearth::linkage {

struct RunOptions {
  std::vector<std::string> inputs;  // one file (dedupe) or two (match: only pairs across the files)
  std::string out_dir;              // pairs.csv, clusters.csv, model.toml; "" writes nothing
  std::optional<double> min_probability;  // pairs written at or above this (default: the threshold)
  std::string model_in;                   // use this model instead of training one
  unsigned threads = 0;                   // 0: every core
  std::vector<std::pair<std::string, std::string>> explain;  // record ids whose comparison to print
  bool write_candidates = false;  // also DIR/candidates.csv: every candidate pair (for blocking recall)
};

struct RunSummary {
  std::vector<std::string> inputs;
  uint32_t records = 0, left_records = 0;
  std::vector<ReadReport> reads;
  std::vector<std::pair<std::string, ColumnReport>> columns;
  std::vector<RuleStats> rules;
  uint64_t candidates = 0;
  double total_pairs = 0;
  uint64_t pairs_written = 0;
  double min_probability = 0.5, threshold = 0.5;
  ClusterResult clusters;  // cluster_of emptied after writing
  Model model;
  bool model_trained = false;
  std::vector<std::pair<std::string, double>> stages;  // seconds per stage
  uint64_t peak_memory = 0;
  double ReductionRatio() const { return total_pairs > 0 ? 1.0 - static_cast<double>(candidates) / total_pairs : 0; }
  double Seconds() const;
};

Result<RunSummary> RunLinkage(const LinkageConfig& config, const NameVariants& variants, const RunOptions& options,
                              Progress& progress, std::ostream& out);

std::string FormatSummary(const RunSummary& summary);

// Trains a model on a dataset as `dedupe` does (blocking, comparison, EM), without scoring or writing anything.
Model TrainOn(const Dataset& data, const LinkageConfig& config, unsigned threads);

// `hearth link benchmark`: the comparison-and-scoring micro-benchmark. Reads, blocks and trains as a dedupe does,
// then times one thread comparing every candidate pair (Jaro–Winkler and the other levels) and scoring it (weights
// and term-frequency adjustment), with nothing else in the timed loop.
struct ScoringBenchmark {
  uint64_t pairs = 0;
  double seconds = 0;
  uint64_t checksum = 0;  // keeps the work from being optimised away
};
Result<ScoringBenchmark> BenchmarkScoring(const LinkageConfig& config, const NameVariants& variants,
                                          const RunOptions& options);

// `hearth link explain`: reads the input(s) (the model's term frequencies come from them), loads options.model_in
// and prints the waterfall for each pair in options.explain. Nothing is written.
Result<bool> ExplainOnly(const LinkageConfig& config, const NameVariants& variants, const RunOptions& options,
                         std::ostream& out);

}  // namespace hearth::linkage
