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

// `left_nodes`: in a link, how many of the nodes are from the first file (only cross pairs can be linked).
bool Dense(uint64_t nodes, uint64_t left_nodes, uint64_t edges, double min_density, bool link) {
  if (nodes <= 3) return true;
  const uint64_t possible = link ? left_nodes * (nodes - left_nodes) : nodes * (nodes - 1) / 2;
  return static_cast<double>(edges) >= min_density * static_cast<double>(possible);
}

// Splits one component's edges (sorted strongest first) into dense parts; writes the accepted edges to `kept`.
void SplitComponent(std::vector<Edge> edges, double min_density, uint32_t left, std::vector<Edge>& kept,
                    ClusterResult& result) {
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
    const auto left_nodes = static_cast<uint64_t>(std::lower_bound(nodes.begin(), nodes.end(), left) - nodes.begin());
    if (Dense(nodes.size(), left_nodes, part.size(), min_density, left > 0)) {
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

namespace {
// Groups the suspect edges by component (strongest first within each) and splits each component.
void SplitSuspects(std::vector<Edge>& suspect, const std::vector<uint32_t>& root, double min_density, uint32_t left,
                   std::vector<Edge>& kept, ClusterResult& result) {
  std::sort(suspect.begin(), suspect.end(), [&](const Edge& x, const Edge& y) {
    if (root[x.a] != root[y.a]) return root[x.a] < root[y.a];
    if (x.weight != y.weight) return x.weight > y.weight;
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  for (size_t i = 0; i < suspect.size();) {
    size_t j = i;
    while (j < suspect.size() && root[suspect[j].a] == root[suspect[i].a]) ++j;
    ++result.split_components;
    SplitComponent(std::vector<Edge>(suspect.begin() + static_cast<std::ptrdiff_t>(i),
                                     suspect.begin() + static_cast<std::ptrdiff_t>(j)),
                   min_density, left, kept, result);
    i = j;
  }
}
}  // namespace

ClusterResult Cluster(uint32_t records, std::vector<Edge> edges, double min_density, uint32_t left) {
  ClusterResult result;
  DisjointSets all(records);
  for (const Edge& e : edges) all.Union(e.a, e.b);
  // Roots once (each record's cluster is its smallest record); then sizes and edge counts per component decide
  // which components need the guard.
  std::vector<uint32_t> root(records), size(records, 0), left_size(records, 0), edge_count(records, 0);
  for (uint32_t r = 0; r < records; ++r) {
    root[r] = all.Find(r);
    ++size[root[r]];
    if (r < left) ++left_size[root[r]];
  }
  for (const Edge& e : edges) ++edge_count[root[e.a]];
  std::vector<Edge> kept, suspect;
  for (const Edge& e : edges) {
    const uint32_t c = root[e.a];
    if (!Dense(size[c], left_size[c], edge_count[c], min_density, left > 0)) suspect.push_back(e);
  }
  edges.clear();
  edges.shrink_to_fit();
  if (!suspect.empty()) {
    SplitSuspects(suspect, root, min_density, left, kept, result);
    // Only the split components' records need new roots: reset them, then join their kept edges.
    for (const Edge& e : suspect) all.parent[e.a] = e.a, all.parent[e.b] = e.b;
    for (const Edge& e : kept) all.Union(e.a, e.b);
    for (const Edge& e : suspect) root[e.a] = all.Find(e.a), root[e.b] = all.Find(e.b);
    for (const Edge& e : kept) root[e.a] = all.Find(e.a), root[e.b] = all.Find(e.b);
  }
  std::fill(size.begin(), size.end(), 0);
  for (uint32_t r = 0; r < records; ++r) ++size[root[r]];
  for (uint32_t r = 0; r < records; ++r) {
    if (size[r] > 0) ++result.clusters;
    result.largest = std::max<uint64_t>(result.largest, size[r]);
  }
  result.cluster_of = std::move(root);
  return result;
}

}  // namespace hearth::linkage
