// Cluster-level scores from one sort of (cluster, entity, file) keys: each run of equal (cluster, entity) is a cell
// of the contingency table, and every measure here is a sum over cells, clusters and entities.
#include <algorithm>

#include "linkage/evaluate_io.hpp"

namespace hearth::linkage::eval {
namespace {
std::uint64_t Choose2(std::uint64_t n) { return n < 2 ? 0 : n * (n - 1) / 2; }

double Ratio(double num, double den, double if_empty) { return den > 0 ? num / den : if_empty; }

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

// Record counts per group (cluster or entity), split by file.
struct Sizes {
  std::vector<std::uint32_t> first;
  std::vector<std::uint32_t> second;
  std::uint64_t Total(std::uint32_t g) const { return std::uint64_t{first[g]} + second[g]; }
  // Pairs inside the group that count as links: all pairs in one file, cross-file pairs for two.
  std::uint64_t Links(std::uint32_t g, bool two_files) const {
    return two_files ? std::uint64_t{first[g]} * second[g] : Choose2(first[g]);
  }
};
}  // namespace

void ScoreClusters(const std::vector<std::uint32_t>& cluster_of, const std::vector<std::uint32_t>& entity_of,
                   std::uint32_t n_first, bool two_files, Evaluation& out) {
  const std::size_t n = cluster_of.size();
  const std::uint32_t n_clusters = n ? *std::max_element(cluster_of.begin(), cluster_of.end()) + 1 : 0;
  const std::uint32_t n_entities = n ? *std::max_element(entity_of.begin(), entity_of.end()) + 1 : 0;
  Sizes clusters{std::vector<std::uint32_t>(n_clusters), std::vector<std::uint32_t>(n_clusters)};
  Sizes entities{std::vector<std::uint32_t>(n_entities), std::vector<std::uint32_t>(n_entities)};
  std::vector<std::uint64_t> keys(n);
  for (std::size_t r = 0; r < n; ++r) {
    const bool second = two_files && r >= n_first;
    (second ? clusters.second : clusters.first)[cluster_of[r]]++;
    (second ? entities.second : entities.first)[entity_of[r]]++;
    keys[r] = (std::uint64_t{cluster_of[r]} << 32) | (std::uint64_t{entity_of[r]} << 1) | (second ? 1u : 0u);
  }
  std::sort(keys.begin(), keys.end());

  std::uint64_t tp = 0;
  double bcubed_p = 0;
  double bcubed_r = 0;
  double index = 0;  // pairs of records together in both the clustering and the truth (all files)
  for (std::size_t i = 0; i < n;) {
    const std::uint64_t cell = keys[i] >> 1;
    std::uint64_t counts[2] = {0, 0};
    for (; i < n && keys[i] >> 1 == cell; ++i) ++counts[keys[i] & 1];
    const auto c = static_cast<std::uint32_t>(cell >> 31);
    const auto e = static_cast<std::uint32_t>(cell & 0x7FFFFFFFu);
    tp += two_files ? counts[0] * counts[1] : Choose2(counts[0]);
    const double together = static_cast<double>(counts[0] + counts[1]);
    bcubed_p += together * together / static_cast<double>(clusters.Total(c));
    bcubed_r += together * together / static_cast<double>(entities.Total(e));
    index += static_cast<double>(Choose2(counts[0] + counts[1]));
  }

  std::uint64_t predicted = 0;
  double cluster_pairs_all = 0;
  ClusterScores& cs = out.clusters;
  cs = ClusterScores{};
  for (std::uint32_t c = 0; c < n_clusters; ++c) {
    const std::uint64_t size = clusters.Total(c);
    if (size == 0) continue;
    ++cs.clusters;
    if (size == 1) ++cs.singletons;
    cs.largest = std::max(cs.largest, size);
    predicted += clusters.Links(c, two_files);
    cluster_pairs_all += static_cast<double>(Choose2(size));
  }
  std::uint64_t true_pairs = 0;
  double entity_pairs_all = 0;
  for (std::uint32_t e = 0; e < n_entities; ++e) {
    true_pairs += entities.Links(e, two_files);
    entity_pairs_all += static_cast<double>(Choose2(entities.Total(e)));
  }

  PairScores& ps = out.cluster_pairs;
  ps = PairScores{predicted, tp, true_pairs, 0, 0, 0};
  ps.precision = Ratio(static_cast<double>(tp), static_cast<double>(predicted), true_pairs ? 0.0 : 1.0);
  ps.recall = Ratio(static_cast<double>(tp), static_cast<double>(true_pairs), 1.0);
  ps.f1 = F1(ps.precision, ps.recall);

  cs.bcubed_precision = Ratio(bcubed_p, static_cast<double>(n), 1.0);
  cs.bcubed_recall = Ratio(bcubed_r, static_cast<double>(n), 1.0);
  cs.bcubed_f1 = F1(cs.bcubed_precision, cs.bcubed_recall);
  // Adjusted Rand index (Hubert and Arabie): the pair agreement, corrected for the agreement expected by chance.
  const double all_pairs = static_cast<double>(Choose2(n));
  const double expected = all_pairs > 0 ? cluster_pairs_all * entity_pairs_all / all_pairs : 0.0;
  const double best = (cluster_pairs_all + entity_pairs_all) / 2;
  cs.adjusted_rand = best - expected != 0 ? (index - expected) / (best - expected) : 1.0;
}

}  // namespace hearth::linkage::eval
