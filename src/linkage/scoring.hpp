// Scoring a compared pair with a trained model: the match weight (log2 of the posterior odds) is the prior's
// weight plus each column's level weight, plus the term-frequency adjustment when a name or postcode agrees
// exactly (a shared rare surname says more than a shared "Smith"). Per-column weights are precomputed tables and
// the adjustment is one lookup per value id, so scoring a pair costs a few additions.
#pragma once
#include <cmath>
#include <cstdint>
#include <vector>

#include "linkage/comparison.hpp"
#include "linkage/model.hpp"

namespace hearth::linkage {

class Scorer {
 public:
  // `small_population_floor`: count a column's population as at least 1/u(exact) values, so that in a small
  // dataset (a person index that starts empty and grows) a value seen once adjusts nothing rather than looking
  // common; values seen more often still weigh less. Off for files, whose size gives the frequencies.
  Scorer(const Model& model, const Comparator& comparator, bool small_population_floor = false);
  // Term-frequency entries for values added to the dataset since (each counts as seen once).
  void Sync();

  // The match weight of a pair whose first record is `a` (an exact level's value is the same in both records).
  float Weight(uint32_t a, Pattern p) const {
    float w = prior_weight_;
    for (size_t c = 0; c < columns_.size(); ++c) {
      const Col& col = columns_[c];
      const int code = GammaOf(p, c);
      w += col.weight[code];
      if (code == col.exact_code && !col.tf.empty()) w += col.tf[comparator_.Value(a, c)];
    }
    for (const Inter& i : interactions_) w += i.Applies(p) ? i.weight : 0.0f;
    return w;
  }
  // The interactions' corrections that apply to pattern p (Model::interactions, in order; 0 where one does not).
  std::vector<float> InteractionWeights(Pattern p) const {
    std::vector<float> out;
    for (const Inter& i : interactions_) out.push_back(i.Applies(p) ? i.weight : 0.0f);
    return out;
  }
  void Prefetch(uint32_t record) const { comparator_.Prefetch(record, 2); }
  // The adjustment added to column c's exact-level weight when both records hold `value`.
  float TfAdjustment(size_t c, uint32_t value) const {
    return columns_[c].tf.empty() ? 0.0f : columns_[c].tf[value];
  }
  float LevelWeight(size_t c, int code) const { return columns_[c].weight[code]; }
  float PriorWeight() const { return prior_weight_; }
  bool ExactCodeAdjusted(size_t c, int code) const { return code == columns_[c].exact_code && !columns_[c].tf.empty(); }

  static double Probability(double weight) { return 1.0 / (1.0 + std::exp2(-weight)); }
  // The weight a probability corresponds to.
  static double WeightOf(double probability);

 private:
  struct Col {
    float weight[16] = {};
    int exact_code = -1;
    std::vector<float> tf;  // per value id
    double u_exact = 0, non_null = 1;
  };
  struct Inter {
    std::vector<std::pair<size_t, int>> when;
    float weight = 0;
    bool Applies(Pattern p) const {
      for (const auto& [c, code] : when)
        if (GammaOf(p, c) != code) return false;
      return true;
    }
  };
  const Comparator& comparator_;
  float prior_weight_ = 0;
  std::vector<Inter> interactions_;
  std::vector<Col> columns_;
};

}  // namespace hearth::linkage
