// Why two records were (or were not) matched: the waterfall of weights from the prior through each column's
// level to the total and its probability, so a practitioner can check the reasoning.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "linkage/comparison.hpp"
#include "linkage/model.hpp"
#include "linkage/scoring.hpp"

namespace hearth::linkage {

struct ColumnExplanation {
  std::string column;
  std::string value_a, value_b;  // standardised; "" when missing
  std::string level;
  double m = 0, u = 0;  // of the level (0 for null)
  double level_weight = 0;
  double tf_adjustment = 0;  // for an exact match on a name or postcode: how rare this value is
  double weight = 0;         // level_weight + tf_adjustment
};

struct Explanation {
  std::string id_a, id_b;
  double prior_weight = 0;
  std::vector<ColumnExplanation> columns;
  std::vector<std::pair<std::string, double>> interactions;  // corrections that applied (Model::interactions)
  double weight = 0;
  double probability = 0;
  std::vector<std::string> blocking_rules;  // rules under which the two records share a key
};

Explanation Explain(const Comparator& comparator, const Scorer& scorer, const Model& model, uint32_t a, uint32_t b);
// The waterfall as text for a terminal.
std::string FormatExplanation(const Explanation& e);

}  // namespace hearth::linkage
