#include "linkage/cluster.hpp"

#include <algorithm>
#include <numeric>

namespace hearth::linkage {

namespace {
struct DisjointSets {
  std::vector<uint32_t> parent;
  explicit DisjointSets(uint32_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
  uint32_t Find(uint32_t x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }
  // The smaller index becomes the root, so a cluster's root is its first record.
  void Union(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return;
    if (a < b) parent[b] = a;
    else parent[a] = b;
  }
};

bool Dense(uint64_t nodes, uint64_t edges, double min_density) {
  if (nodes <= 3) return true;
  return static_cast<double>(edges) >= min_density * static_cast<double>(nodes * (nodes - 1) / 2);
}

// Splits one component's edges (sorted strongest first) into dense parts; writes the accepted edges to `kept`.
void SplitComponent(std::vector<Edge> edges, double min_density, std::vector<Edge>& kept, ClusterResult& result) {
  std::vector<std::vector<Edge>> work{std::move(edges)};
  std::vector<uint32_t> nodes;
  while (!work.empty()) {
    std::vector<Edge> part = std::move(work.back());
    work.pop_back();
    nodes.clear();
    for (const Edge& e : part) {
      nodes.push_back(e.a);
      nodes.push_back(e.b);
    }
    std::sort(nodes.begin(), nodes.end());
    nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
    if (Dense(nodes.size(), part.size(), min_density)) {
      kept.insert(kept.end(), part.begin(), part.end());
      continue;
    }
    // Drop the weakest links: one at a time in small parts, a twentieth at a time in large ones.
    const size_t drop = std::max<size_t>(1, part.size() / 20);
    result.dropped_edges += drop;
    part.resize(part.size() - drop);
    // Regroup what is left by connectivity, on local indexes.
    auto local = [&](uint32_t r) {
      return static_cast<uint32_t>(std::lower_bound(nodes.begin(), nodes.end(), r) - nodes.begin());
    };
    DisjointSets sets(static_cast<uint32_t>(nodes.size()));
    for (const Edge& e : part) sets.Union(local(e.a), local(e.b));
    std::vector<std::vector<Edge>> groups(nodes.size());
    for (const Edge& e : part) groups[sets.Find(local(e.a))].push_back(e);
    for (auto& g : groups)
      if (!g.empty()) work.push_back(std::move(g));
  }
}
}  // namespace

ClusterResult Cluster(uint32_t records, std::vector<Edge> edges, double min_density) {
  ClusterResult result;
  DisjointSets all(records);
  for (const Edge& e : edges) all.Union(e.a, e.b);
  // Component sizes and edge counts decide which components need the guard.
  std::vector<uint32_t> size(records, 0), edge_count(records, 0);
  for (uint32_t r = 0; r < records; ++r) ++size[all.Find(r)];
  for (const Edge& e : edges) ++edge_count[all.Find(e.a)];
  std::vector<Edge> kept;
  std::vector<Edge> suspect;
  kept.reserve(edges.size());
  for (const Edge& e : edges) {
    uint32_t root = all.Find(e.a);
    (Dense(size[root], edge_count[root], min_density) ? kept : suspect).push_back(e);
  }
  edges.clear();
  edges.shrink_to_fit();
  if (!suspect.empty()) {
    // Group the suspect edges by component, strongest first within each.
    std::sort(suspect.begin(), suspect.end(), [&](const Edge& x, const Edge& y) {
      uint32_t rx = all.Find(x.a), ry = all.Find(y.a);
      if (rx != ry) return rx < ry;
      if (x.weight != y.weight) return x.weight > y.weight;
      return x.a != y.a ? x.a < y.a : x.b < y.b;
    });
    for (size_t i = 0; i < suspect.size();) {
      size_t j = i;
      const uint32_t root = all.Find(suspect[i].a);
      while (j < suspect.size() && all.Find(suspect[j].a) == root) ++j;
      ++result.split_components;
      SplitComponent(std::vector<Edge>(suspect.begin() + static_cast<std::ptrdiff_t>(i),
                                       suspect.begin() + static_cast<std::ptrdiff_t>(j)),
                     min_density, kept, result);
      i = j;
    }
  }
  DisjointSets final_sets(records);
  for (const Edge& e : kept) final_sets.Union(e.a, e.b);
  result.cluster_of.resize(records);
  std::vector<uint32_t> members(records, 0);
  for (uint32_t r = 0; r < records; ++r) {
    result.cluster_of[r] = final_sets.Find(r);
    ++members[result.cluster_of[r]];
  }
  for (uint32_t r = 0; r < records; ++r) {
    if (members[r] > 0) ++result.clusters;
    result.largest = std::max<uint64_t>(result.largest, members[r]);
  }
  return result;
}

}  // namespace hearth::linkage
