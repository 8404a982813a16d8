#include "linkage/explain.hpp"

#include <cstdio>

namespace hearth::linkage {

Explanation Explain(const Comparator& comparator, const Scorer& scorer, const Model& model, uint32_t a, uint32_t b) {
  const Dataset& data = comparator.Data();
  Explanation e;
  e.id_a = std::string(data.Id(a));
  e.id_b = std::string(data.Id(b));
  e.prior_weight = scorer.PriorWeight();
  CompareScratch scratch(comparator.Columns(), 4);
  const Pattern p = comparator.Compare(a, b, scratch);
  double total = e.prior_weight;
  for (size_t c = 0; c < comparator.Columns(); ++c) {
    const Column& column = data.columns[c];
    const ColumnModel& cm = model.columns[c];
    ColumnExplanation x;
    x.column = column.config.name;
    const uint32_t va = comparator.Value(a, c), vb = comparator.Value(b, c);
    x.value_a = va == 0 ? "" : std::string(column.values.Get(va));
    x.value_b = vb == 0 ? "" : std::string(column.values.Get(vb));
    const int code = GammaOf(p, c);
    x.level = comparator.Label(c, code);
    if (code == 0 && va != 0 && vb != 0) x.level = "not counted (names swapped)";
    if (code > 0) {
      x.m = cm.m[static_cast<size_t>(code)];
      x.u = cm.u[static_cast<size_t>(code)];
    }
    x.level_weight = scorer.LevelWeight(c, code);
    if (scorer.ExactCodeAdjusted(c, code)) x.tf_adjustment = scorer.TfAdjustment(c, va);
    x.weight = x.level_weight + x.tf_adjustment;
    total += x.weight;
    e.columns.push_back(std::move(x));
  }
  const std::vector<float> corrections = scorer.InteractionWeights(p);
  for (size_t i = 0; i < corrections.size() && i < model.interactions.size(); ++i) {
    if (corrections[i] == 0.0f) continue;
    e.interactions.emplace_back(model.interactions[i].name, corrections[i]);
    total += corrections[i];
  }
  e.weight = total;
  e.probability = Scorer::Probability(total);
  return e;
}

std::string FormatExplanation(const Explanation& e) {
  std::string out;
  char line[512];
  std::snprintf(line, sizeof line, "Records %s and %s\n", e.id_a.c_str(), e.id_b.c_str());
  out += line;
  std::snprintf(line, sizeof line, "  %-16s %-22s %-22s %-22s %8s %9s\n", "column", "first", "second", "level",
                "weight", "running");
  out += line;
  double running = e.prior_weight;
  std::snprintf(line, sizeof line, "  %-16s %-22s %-22s %-22s %+8.2f %+9.2f\n", "prior", "", "", "", e.prior_weight,
                running);
  out += line;
  for (const auto& c : e.columns) {
    running += c.weight;
    std::string a = c.value_a.empty() ? "(missing)" : c.value_a;
    std::string b = c.value_b.empty() ? "(missing)" : c.value_b;
    std::snprintf(line, sizeof line, "  %-16.16s %-22.22s %-22.22s %-22.22s %+8.2f %+9.2f", c.column.c_str(),
                  a.c_str(), b.c_str(), c.level.c_str(), c.weight, running);
    out += line;
    if (c.m > 0) {
      std::snprintf(line, sizeof line, "   m=%.4g u=%.4g", c.m, c.u);
      out += line;
    }
    if (c.tf_adjustment != 0) {
      std::snprintf(line, sizeof line, " (term frequency %+.2f)", c.tf_adjustment);
      out += line;
    }
    out += "\n";
  }
  for (const auto& [name, weight] : e.interactions) {
    running += weight;
    std::snprintf(line, sizeof line, "  %-16.16s %-22s %-22s %-22s %+8.2f %+9.2f\n", name.c_str(), "", "",
                  "correction (applies)", weight, running);
    out += line;
  }
  std::snprintf(line, sizeof line, "  match weight %+.2f, match probability %.6f\n", e.weight, e.probability);
  out += line;
  if (!e.blocking_rules.empty()) {
    out += "  compared because they share the key of:";
    for (const auto& r : e.blocking_rules) out += " [" + r + "]";
    out += "\n";
  }
  return out;
}

}  // namespace hearth::linkage
