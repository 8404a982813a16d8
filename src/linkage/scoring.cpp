#include "linkage/scoring.hpp"

#include <algorithm>
#include <limits>

namespace hearth::linkage {

Scorer::Scorer(const Model& model, const Comparator& comparator, bool small_population_floor)
    : comparator_(comparator) {
  prior_weight_ = static_cast<float>(model.PriorWeight());
  const Dataset& data = comparator.Data();
  for (size_t c = 0; c < model.columns.size(); ++c) {
    const ColumnModel& cm = model.columns[c];
    Col col;
    for (int g = 1; g < static_cast<int>(cm.m.size()) && g < 16; ++g) col.weight[g] = static_cast<float>(cm.Weight(g));
    if (cm.term_frequency && cm.exact_code > 0) {
      // u of the exact level becomes the value's own frequency among the records that have one (Splink's
      // adjustment): log2(u_exact / tf(value)) on top of the level's weight.
      col.non_null = std::max<double>(1.0, static_cast<double>(data.columns[c].non_null));
      col.u_exact = cm.u[static_cast<size_t>(cm.exact_code)];
      if (small_population_floor && col.u_exact > 0) col.non_null = std::max(col.non_null, 1.0 / col.u_exact);
      col.exact_code = cm.exact_code;
      col.tf.assign(1, 0.0f);
    }
    columns_.push_back(std::move(col));
  }
  for (const Interaction& i : model.interactions) {
    Inter x;
    for (const auto& [c, code] : i.when) x.when.emplace_back(static_cast<size_t>(c), code);
    x.weight = static_cast<float>(i.weight);
    interactions_.push_back(std::move(x));
  }
  Sync();
}

void Scorer::Sync() {
  const Dataset& data = comparator_.Data();
  for (size_t c = 0; c < columns_.size(); ++c) {
    Col& col = columns_[c];
    if (col.tf.empty()) continue;
    const Column& column = data.columns[c];
    for (auto v = static_cast<uint32_t>(col.tf.size()); v < column.values.Size(); ++v) {
      const uint32_t count = v < column.counts.size() ? column.counts[v] : 0;
      const double tf = std::max<double>(count, 1.0) / col.non_null;
      col.tf.push_back(static_cast<float>(std::log2(col.u_exact / tf)));
    }
  }
}

double Scorer::WeightOf(double probability) {
  if (probability <= 0) return -std::numeric_limits<double>::infinity();
  if (probability >= 1) return std::numeric_limits<double>::infinity();
  return std::log2(probability / (1 - probability));
}

}  // namespace hearth::linkage
