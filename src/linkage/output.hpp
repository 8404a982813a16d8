// Writing results: DIR/pairs.csv (left_id,right_id,match_probability,match_weight) and DIR/clusters.csv
// (record_id,cluster_id), buffered and formatted without locale or allocation per line.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "linkage/dataset.hpp"

namespace hearth::linkage {

struct ScoredPair {
  uint32_t a, b;
  float weight;
};

// Pairs at or above `min_weight`; in a dedupe left_id < right_id as strings, in a link left_id is from the first
// file. Returns the number written.
Result<uint64_t> WritePairs(const std::string& path, const Dataset& data,
                            const std::vector<std::vector<ScoredPair>>& pairs, float min_weight);
// Every record once; a cluster's id is the id of one of its records (its first in the engine's order).
Result<bool> WriteClusters(const std::string& path, const Dataset& data, const std::vector<uint32_t>& cluster_of);

class Blocker;
// Every candidate pair blocking produced (left_id,right_id), for measuring blocking recall.
Result<uint64_t> WriteCandidates(const std::string& path, const Dataset& data, const Blocker& blocker);

// "1,234,567"
std::string Thousands(uint64_t n);

}  // namespace hearth::linkage
