// Clusters: connected components of the pairs at or above the threshold, with a guard against chains. Transitive
// closure lets one weak link join two people's records (A~B, B~C, C~D ... each plausible, A and D plainly
// different), so a component of more than three records must be dense: at least `min_density` of its record
// pairs must be linked. A component that is not is split by dropping its weakest links (raising the threshold
// inside it) until every part is dense or has three records or fewer.
#pragma once
#include <cstdint>
#include <vector>

namespace hearth::linkage {

struct Edge {
  uint32_t a, b;
  float weight;
};

struct ClusterResult {
  std::vector<uint32_t> cluster_of;  // per record: the smallest record index in its cluster
  uint64_t clusters = 0;
  uint64_t largest = 0;
  uint64_t split_components = 0;  // components the guard split
  uint64_t dropped_edges = 0;     // links dropped by the guard
};

// `left`: in a link, records [0, left) are from the first file and only cross-file pairs can be linked, so density
// counts cross pairs; 0 for a dedupe.
ClusterResult Cluster(uint32_t records, std::vector<Edge> edges, double min_density, uint32_t left = 0);

}  // namespace hearth::linkage
