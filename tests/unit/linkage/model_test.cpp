#include "linkage/model.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "linkage/cluster.hpp"

namespace hearth::linkage {
namespace {

// Expected counts of every pattern of three columns (codes 1..3) for a known m, u and λ; no noise.
PatternCounts Synthetic(const std::vector<std::vector<double>>& m, const std::vector<std::vector<double>>& u,
                        double lambda, double pairs) {
  PatternCounts out;
  for (int a = 1; a <= 3; ++a)
    for (int b = 1; b <= 3; ++b)
      for (int c = 1; c <= 3; ++c) {
        const double pm = m[0][a] * m[1][b] * m[2][c], pu = u[0][a] * u[1][b] * u[2][c];
        Pattern p = WithGamma(WithGamma(WithGamma(0, 0, a), 1, b), 2, c);
        out.emplace_back(p, static_cast<uint64_t>(std::llround(pairs * (lambda * pm + (1 - lambda) * pu))));
      }
  return out;
}

TEST(LinkageExpectationMaximisation, RecoversKnownMUAndLambda) {
  const std::vector<std::vector<double>> m = {{0, 0.85, 0.10, 0.05}, {0, 0.90, 0.07, 0.03}, {0, 0.75, 0.20, 0.05}};
  const std::vector<std::vector<double>> u = {{0, 0.01, 0.04, 0.95}, {0, 0.02, 0.08, 0.90}, {0, 0.10, 0.20, 0.70}};
  const double lambda = 0.2;
  PatternCounts patterns = Synthetic(m, u, lambda, 1e8);
  EmSpec spec{{true, true, true}, {true, true, true}, {true, true, true}, {0, 0, 0}, false};
  std::vector<std::vector<double>> m0(3, StartingM(4)), u0(3, std::vector<double>{0, 1.0 / 3, 1.0 / 3, 1.0 / 3});
  EmResult r = RunEm(patterns, spec, m0, u0, 0.1, 2000);
  EXPECT_TRUE(r.converged);
  EXPECT_NEAR(r.lambda, lambda, 0.002);
  for (size_t c = 0; c < 3; ++c)
    for (size_t g = 1; g <= 3; ++g) {
      EXPECT_NEAR(r.m[c][g], m[c][g], 0.005) << "m column " << c << " code " << g;
      EXPECT_NEAR(r.u[c][g], u[c][g], 0.005) << "u column " << c << " code " << g;
    }
}

TEST(LinkageExpectationMaximisation, KeepsFixedUAndLearnsOnlyTheFreeColumns) {
  const std::vector<std::vector<double>> m = {{0, 0.85, 0.10, 0.05}, {0, 0.90, 0.07, 0.03}, {0, 0.75, 0.20, 0.05}};
  const std::vector<std::vector<double>> u = {{0, 0.01, 0.04, 0.95}, {0, 0.02, 0.08, 0.90}, {0, 0.10, 0.20, 0.70}};
  PatternCounts patterns = Synthetic(m, u, 0.05, 1e8);
  EmSpec spec{{true, true, true}, {true, true, true}, {false, false, false}, {0, 0, 0}, false};
  std::vector<std::vector<double>> m0(3, StartingM(4));
  EmResult r = RunEm(patterns, spec, m0, u, 0.5, 2000);
  EXPECT_NEAR(r.lambda, 0.05, 0.001);
  EXPECT_NEAR(r.m[0][1], 0.85, 0.005);
  EXPECT_EQ(r.u, u);
}

TEST(LinkageStartingM, PutsMostMassOnExactAgreement) {
  auto m = StartingM(5);  // null, three levels, else
  ASSERT_EQ(m.size(), 5u);
  EXPECT_EQ(m[0], 0.0);
  EXPECT_GT(m[1], m[2]);
  EXPECT_GT(m[2], m[3]);
  EXPECT_NEAR(m[1] + m[2] + m[3] + m[4], 1.0, 1e-12);
  auto split = StartingM(9, 4);  // two groups of four codes, each summing to one
  EXPECT_NEAR(split[1] + split[2] + split[3] + split[4], 1.0, 1e-12);
  EXPECT_NEAR(split[5] + split[6] + split[7] + split[8], 1.0, 1e-12);
}

TEST(LinkageCluster, SplitsTwoGroupsJoinedByOneWeakLink) {
  // Records 0-1-2 and 3-4-5 are each fully linked; one weak link 2-3 chains them.
  std::vector<Edge> edges = {{0, 1, 20}, {0, 2, 18}, {1, 2, 19}, {3, 4, 21}, {3, 5, 17}, {4, 5, 16}, {2, 3, 1.5f}};
  ClusterResult r = Cluster(7, edges, 0.5);
  EXPECT_EQ(r.cluster_of[0], r.cluster_of[2]);
  EXPECT_EQ(r.cluster_of[3], r.cluster_of[5]);
  EXPECT_NE(r.cluster_of[2], r.cluster_of[3]);
  EXPECT_EQ(r.cluster_of[6], 6u);  // a record with no links is its own cluster
  EXPECT_EQ(r.clusters, 3u);
  EXPECT_EQ(r.split_components, 1u);
  EXPECT_EQ(r.dropped_edges, 1u);
}

TEST(LinkageCluster, BreaksALongChainAndKeepsDenseGroups) {
  std::vector<Edge> edges;
  for (uint32_t i = 0; i + 1 < 10; ++i) edges.push_back({i, i + 1, 5.0f + static_cast<float>(i % 3)});
  // A clique of four stays whole.
  for (uint32_t a = 10; a < 14; ++a)
    for (uint32_t b = a + 1; b < 14; ++b) edges.push_back({a, b, 10});
  ClusterResult r = Cluster(14, edges, 0.5);
  EXPECT_EQ(r.cluster_of[13], 10u);
  EXPECT_EQ(r.cluster_of[11], 10u);
  uint64_t largest_chain_part = 0;
  std::vector<uint64_t> size(14, 0);
  for (uint32_t i = 0; i < 10; ++i) largest_chain_part = std::max(largest_chain_part, ++size[r.cluster_of[i]]);
  EXPECT_LE(largest_chain_part, 4u);
  EXPECT_GT(r.split_components, 0u);
}

}  // namespace
}  // namespace hearth::linkage
