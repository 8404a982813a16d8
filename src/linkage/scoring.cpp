#include "linkage/scoring.hpp"

#include <algorithm>
#include <limits>

namespace hearth::linkage {

Scorer::Scorer(const Model& model, const Comparator& comparator) : comparator_(comparator) {
  prior_weight_ = static_cast<float>(model.PriorWeight());
  const Dataset& data = comparator.Data();
  for (size_t c = 0; c < model.columns.size(); ++c) {
    const ColumnModel& cm = model.columns[c];
    Col col;
    for (int g = 1; g < static_cast<int>(cm.m.size()) && g < 16; ++g) col.weight[g] = static_cast<float>(cm.Weight(g));
    if (cm.term_frequency && cm.exact_code > 0) {
      // u of the exact level becomes the value's own frequency among the records that have one (Splink's
      // adjustment): log2(u_exact / tf(value)) on top of the level's weight.
      const Column& column = data.columns[c];
      const double non_null = std::max<double>(1.0, static_cast<double>(column.non_null));
      const double u_exact = cm.u[static_cast<size_t>(cm.exact_code)];
      col.exact_code = cm.exact_code;
      col.tf.assign(column.values.Size(), 0.0f);
      for (uint32_t v = 1; v < column.values.Size(); ++v) {
        const double tf = std::max<double>(column.counts[v], 1.0) / non_null;
        col.tf[v] = static_cast<float>(std::log2(u_exact / tf));
      }
    }
    columns_.push_back(std::move(col));
  }
}

double Scorer::WeightOf(double probability) {
  if (probability <= 0) return -std::numeric_limits<double>::infinity();
  if (probability >= 1) return std::numeric_limits<double>::infinity();
  return std::log2(probability / (1 - probability));
}

}  // namespace hearth::linkage
