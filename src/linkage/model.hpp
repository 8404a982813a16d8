// The Fellegi–Sunter model: per column and level, m = P(level | match) and u = P(level | non-match), and the prior
// λ = P(two random records match). A pair's match weight is log2(λ/(1-λ)) plus, per column, log2(m/u) of its
// level (0 for null); with term-frequency adjustment the exact level's u becomes the value's own frequency.
//
// Training is unsupervised (training.cpp): u from random record pairs; m by expectation maximisation in one
// session per blocking rule, on that rule's pairs, estimating only the columns the rule does not block on (their
// u from random pairs holds there, so EM need not also guess u); λ by EM on all candidate pairs with m fixed.
// Identical comparison patterns are aggregated first, so an EM iteration costs patterns, not pairs.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "common/error.hpp"
#include "linkage/comparison.hpp"
#include "linkage/config.hpp"
#include "linkage/pattern_counter.hpp"

namespace hearth::linkage {

struct ColumnModel {
  std::string name;
  ColumnType type = ColumnType::kText;
  std::vector<std::string> labels;  // per code: "null", configured levels..., "else" (and the conditioned half)
  std::vector<double> m;            // per code; index 0 (null) unused
  std::vector<double> u;            // per code, from random pairs
  std::vector<double> u_candidates;  // per code, the non-match class among candidate pairs (EM), for reference
  bool term_frequency = false;
  int exact_code = 0;  // code of the "exact" level (term-frequency adjusted), 0 if none
  int split = 0;       // conditioned columns: codes above this are "given the other column agrees"
  std::string condition;

  double Weight(int code) const;  // log2(m/u); 0 for null
};

struct TrainingSession {
  std::string rule;
  std::vector<std::string> estimated;  // columns whose m this session estimated
  uint64_t pairs = 0;                  // pairs compared (a sample when the rule has more)
  double lambda = 0;                   // share of matches among them
  int iterations = 0;
  bool converged = false;
};

// A correction for levels that are not independent among non-matches (u_ab differs from u_a × u_b), added to
// the match weight when every condition (a column's code) holds. See AddHouseholdInteractions.
struct Interaction {
  std::string name;
  std::vector<std::pair<int, int>> when;  // (column, code), all of them
  double weight = 0;
};

struct Model {
  double prior = 1e-6;  // λ over all record pairs
  std::vector<ColumnModel> columns;
  // How it was trained (written to the model file, shown in summaries).
  uint64_t u_sample_pairs = 0;
  uint64_t conditional_sample_pairs = 0;
  uint64_t candidate_pairs = 0;
  uint64_t patterns = 0;
  double candidate_prior = 0;  // λ within the candidate pairs
  int em_iterations = 0;
  bool em_converged = false;
  std::vector<TrainingSession> sessions;
  std::vector<Interaction> interactions;

  double PriorWeight() const;
};


// The labels of every code of a configured column, as Comparator::Label gives them.
std::vector<std::string> CodeLabels(const ColumnConfig& column);

struct EmSpec {
  std::vector<bool> use;      // columns in the likelihood
  std::vector<bool> learn_m;  // m re-estimated (else kept)
  std::vector<bool> learn_u;  // u re-estimated (else kept)
  std::vector<int> split;     // per column: codes above split form a second group, normalised on its own
  // A third class, "same household, different person": its distribution is learned for the learn_u columns and
  // equals u for the others. It keeps namesakes who live together (a father and son both John Smith) from being
  // taken for one person whose date of birth is wrong.
  bool household_class = false;
};
struct EmResult {
  std::vector<std::vector<double>> m, u;  // per column, per code
  double lambda = 0;
  double lambda_household = 0;
  int iterations = 0;
  bool converged = false;
};
EmResult RunEm(const PatternCounts& patterns, const EmSpec& spec, std::vector<std::vector<double>> m,
               std::vector<std::vector<double>> u, double lambda, int max_iterations);

// Starting m for one group of codes (null, levels..., else): most matches agree exactly, fewer at each weaker
// level, few not at all.
std::vector<double> StartingM(int codes, int split = 0);

struct TrainingOptions {
  uint64_t u_sample_pairs = 300'000;
  uint64_t session_pairs = 2'000'000;  // pairs compared per EM session at most
  // The training-only session for the swapped-names level: its m is the only thing kept from it, and a quarter of
  // the usual sample estimates it as well on generated files (F1 unchanged at 100,000 and 1,000,000 records).
  uint64_t swap_session_pairs = 500'000;
  // A conditional rule's training-only session on its blocks without the conditions (training.cpp).
  uint64_t unconditioned_session_pairs = 500'000;
  int em_max_iterations = 200;
  uint32_t max_block_size = 2000;
};

// Fills every column's u: random pairs, exact levels from value counts, the "same place" halves of household
// columns from pairs sharing a postcode (u_estimation.cpp).
void EstimateU(const Comparator& comparator, const TrainingOptions& options, unsigned threads, Model& model);

class Blocker;

// `patterns` counts every candidate pair's pattern with the rules whose blocks hold it (PatternCounter), so each
// rule's EM session needs no comparisons of its own — except a rule with conditions, whose session samples the
// pairs of its blocks in `blocker` (the one that made the candidates) without them.
Model TrainModel(const Comparator& comparator, const Blocker& blocker, const std::vector<BlockingRule>& rules,
                 const PatternCounter& patterns, uint64_t candidate_pairs, const TrainingOptions& options,
                 unsigned threads);

// Total record pairs a dataset has: n(n-1)/2, or left × right in a link.
double TotalPairs(const Dataset& data);

// Model files (TOML). Loading checks the model fits the configuration: same columns, types and levels.
std::string ModelToToml(const Model& model);
Result<Model> LoadModel(const std::string& path, const LinkageConfig& config);
Result<bool> SaveModel(const Model& model, const std::string& path);

}  // namespace hearth::linkage
