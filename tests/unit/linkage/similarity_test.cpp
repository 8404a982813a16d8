#include "linkage/similarity.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace hearth::linkage {
namespace {

TEST(LinkageJaroWinkler, MatchesTheTextbookValues) {
  EXPECT_NEAR(JaroWinkler("MARTHA", "MARHTA"), 0.961, 0.0005);
  EXPECT_NEAR(JaroWinkler("DWAYNE", "DUANE"), 0.840, 0.0005);
  EXPECT_NEAR(JaroWinkler("DIXON", "DICKSONX"), 0.813, 0.0005);
  EXPECT_NEAR(Jaro("MARTHA", "MARHTA"), 0.944, 0.0005);
  EXPECT_NEAR(Jaro("DIXON", "DICKSONX"), 0.767, 0.0005);
}

TEST(LinkageJaroWinkler, HandlesIdenticalEmptyAndDisjointStrings) {
  EXPECT_DOUBLE_EQ(JaroWinkler("smith", "smith"), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("", ""), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("abc", ""), 0.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("abc", "xyz"), 0.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("a", "a"), 1.0);
}

TEST(LinkageJaroWinkler, IsSymmetric) {
  for (auto [a, b] : {std::pair{"catherine", "kathryn"}, {"jon", "john"}, {"o brien", "obrien"}})
    EXPECT_DOUBLE_EQ(JaroWinkler(a, b), JaroWinkler(b, a)) << a << " " << b;
}

// The bit-parallel short-string path and the long-string path agree with a plain implementation.
double ReferenceJaro(const std::string& a, const std::string& b) {
  const size_t la = a.size(), lb = b.size();
  if (la == 0 || lb == 0) return la == lb ? 1.0 : 0.0;
  const size_t window = std::max(la, lb) / 2 > 0 ? std::max(la, lb) / 2 - 1 : 0;
  std::vector<bool> fa(la), fb(lb);
  size_t m = 0;
  for (size_t i = 0; i < la; ++i)
    for (size_t j = i > window ? i - window : 0; j < std::min(lb, i + window + 1); ++j)
      if (!fb[j] && a[i] == b[j]) {
        fa[i] = fb[j] = true;
        ++m;
        break;
      }
  if (m == 0) return 0.0;
  size_t t = 0;
  for (size_t i = 0, j = 0; i < la; ++i) {
    if (!fa[i]) continue;
    while (!fb[j]) ++j;
    t += a[i] != b[j];
    ++j;
  }
  const double dm = static_cast<double>(m);
  return (dm / static_cast<double>(la) + dm / static_cast<double>(lb) + (dm - static_cast<double>(t / 2)) / dm) / 3;
}

TEST(LinkageJaro, AgreesWithAPlainImplementationOnRandomStrings) {
  std::mt19937 rng(7);
  for (int i = 0; i < 3000; ++i) {
    auto word = [&] {
      std::string s(3 + rng() % (i % 3 == 0 ? 90 : 20), 'a');
      for (char& c : s) c = static_cast<char>('a' + rng() % 6);
      return s;
    };
    const std::string a = word(), b = word();
    ASSERT_NEAR(Jaro(a, b), ReferenceJaro(a, b), 1e-12) << a << " " << b;
  }
}

TEST(LinkageLevenshtein, CountsEdits) {
  EXPECT_EQ(Levenshtein("kitten", "sitting"), 3);
  EXPECT_EQ(Levenshtein("", "abc"), 3);
  EXPECT_EQ(Levenshtein("same", "same"), 0);
  EXPECT_EQ(Levenshtein("ab", "ba"), 2);
}

TEST(LinkageDamerauLevenshtein, CountsATranspositionAsOneEdit) {
  EXPECT_EQ(DamerauLevenshtein("ab", "ba"), 1);
  EXPECT_EQ(DamerauLevenshtein("AB123456C", "AB123465C"), 1);  // national insurance number, two digits swapped
  EXPECT_EQ(DamerauLevenshtein("kitten", "sitting"), 3);
  EXPECT_EQ(DamerauLevenshtein("ca", "abc"), 3);  // optimal string alignment, not unrestricted Damerau
  EXPECT_EQ(DamerauLevenshtein("4857773456", "4857773465"), 1);
  EXPECT_EQ(DamerauLevenshtein("", ""), 0);
}

}  // namespace
}  // namespace hearth::linkage

namespace hearth::linkage {
namespace {

TEST(LinkageEditDistanceWithin, AgreesWithTheFullDistance) {
  std::mt19937 rng(11);
  for (int i = 0; i < 20000; ++i) {
    auto word = [&] {
      std::string s(rng() % 7, 'a');
      for (char& c : s) c = static_cast<char>('a' + rng() % 3);
      return s;
    };
    const std::string a = word(), b = word();
    for (int limit = 0; limit <= 3; ++limit) {
      ASSERT_EQ(EditDistanceWithin(a, b, limit, true), DamerauLevenshtein(a, b) <= limit) << a << " " << b << " " << limit;
      ASSERT_EQ(EditDistanceWithin(a, b, limit, false), Levenshtein(a, b) <= limit) << a << " " << b << " " << limit;
    }
  }
}

}  // namespace
}  // namespace hearth::linkage
