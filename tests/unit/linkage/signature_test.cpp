// The comparator's signatures rule pairs out without reading their texts, so they must never rule out a pair a
// level would have accepted: the bounds are checked against the measures themselves on many random texts, and the
// levels of a column with signatures against the levels computed from the definitions.
#include <gtest/gtest.h>

#include <memory>
#include <random>
#include <string>

#include "linkage/comparison.hpp"
#include "linkage/config.hpp"
#include "linkage/csv.hpp"
#include "linkage/dataset.hpp"
#include "linkage/similarity.hpp"

namespace hearth::linkage {
namespace {

// Random texts over a small alphabet (so that pairs share letters and come close) with digits, a space and a
// byte above 127 (which share the signature's last bit), and a variant of each with a few edits.
std::string RandomText(std::mt19937& rng, size_t max_length) {
  static const std::string alphabet = "aeinrstmo19 \xC3";
  std::uniform_int_distribution<size_t> length(1, max_length), pick(0, alphabet.size() - 1);
  std::string s(length(rng), ' ');
  for (char& c : s) c = alphabet[pick(rng)];
  return s;
}
std::string Edited(std::mt19937& rng, std::string s) {
  static const std::string alphabet = "aeinrstmo19 \xC3z";
  std::uniform_int_distribution<int> edits(0, 3), kind(0, 3);
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  for (int e = edits(rng); e > 0 && !s.empty(); --e) {
    const size_t at = std::uniform_int_distribution<size_t>(0, s.size() - 1)(rng);
    switch (kind(rng)) {
      case 0: s[at] = alphabet[pick(rng)]; break;
      case 1: s.erase(at, 1); break;
      case 2: s.insert(at, 1, alphabet[pick(rng)]); break;
      default:
        if (at + 1 < s.size()) std::swap(s[at], s[at + 1]);
    }
  }
  return s.empty() ? "x" : s;
}

TEST(LinkageTextSignature, IsUnknownForEmptyAndLongTexts) {
  EXPECT_EQ(TextSignature(""), 0u);
  EXPECT_EQ(TextSignature(std::string(32, 'a')), 0u);
  EXPECT_NE(TextSignature(std::string(31, 'a')), 0u);
  EXPECT_EQ(JaroWinklerAtMost(0, TextSignature("smith")), 1.0f);
}

TEST(LinkageTextSignature, BoundsAreTightEnoughToRuleOutUnlikeNames) {
  const uint32_t smith = TextSignature("smith"), jones = TextSignature("jones"), smyth = TextSignature("smyth");
  EXPECT_LT(JaroWinklerAtMost(smith, jones), 0.8f);
  EXPECT_GE(EditsAtLeast(smith, jones), 2);
  EXPECT_GE(JaroWinklerAtMost(smith, smyth), static_cast<float>(JaroWinkler("smith", "smyth")));
  EXPECT_EQ(EditsAtLeast(smith, smyth), 1);
}

TEST(LinkageTextSignature, NeverExceedsTheMeasuredSimilarityOrUndercutsTheDistance) {
  std::mt19937 rng(20261123);
  int ruled_out = 0;
  for (int i = 0; i < 200000; ++i) {
    const std::string a = RandomText(rng, i % 2 ? 8 : 31);
    const std::string b = i % 3 ? Edited(rng, a) : RandomText(rng, 12);
    const uint32_t sa = TextSignature(a), sb = TextSignature(b);
    if (b.size() > 31) continue;
    const int edits = EditsAtLeast(sa, sb);
    ASSERT_LE(edits, DamerauLevenshtein(a, b)) << a << " / " << b;
    ASSERT_LE(edits, Levenshtein(a, b)) << a << " / " << b;
    const float bound = JaroWinklerAtMost(sa, sb);
    ASSERT_GE(bound + 1e-6f, static_cast<float>(JaroWinkler(a, b))) << a << " / " << b;
    ruled_out += bound < 0.8f;
  }
  EXPECT_GT(ruled_out, 1000);  // the test exercises the rule-out, not only pairs it lets through
}

// Family names get a signature (the test's columns leave a spare word in each row); every pair's level must be
// the first of exact, damerau<=1, jaro_winkler>=0.92, jaro_winkler>=0.8 that holds, as if the texts were read.
TEST(LinkageTextSignature, RuledOutPairsGetTheLevelsTheTextsWouldGive) {
  auto config = ParseConfig("id_column = \"id\"\n[columns]\nfirst = \"given_name\"\nlast = \"family_name\"\n", "t.toml");
  ASSERT_TRUE(config) << config.error().internal;
  const std::vector<std::string> names = {"smith",  "smyth",   "smithe", "jones",  "johns", "jonas",
                                          "taylor", "tailor",  "brown",  "browne", "braun", "oneill",
                                          "oneil",  "mcdonald", "macdonald", "li", "lee", "a"};
  std::string text = "id,first,last\n";
  for (size_t i = 0; i < names.size(); ++i) text += std::to_string(i) + ",ann," + names[i] + "\n";
  auto file = std::make_unique<CsvFile>(CsvFile::FromText(text, ','));
  NameVariants variants;
  DatasetBuilder builder(*config, variants);
  ASSERT_TRUE(builder.AddFile(*file));
  Dataset data = builder.Finish(1);
  Comparator comparator(data);
  CompareScratch scratch(comparator.Columns());
  const size_t last = static_cast<size_t>(config->ColumnIndex("last"));
  for (uint32_t i = 0; i < names.size(); ++i) {
    for (uint32_t j = 0; j < names.size(); ++j) {
      const uint32_t a = data.InputOrder(i), b = data.InputOrder(j);
      const std::string& x = names[i];
      const std::string& y = names[j];
      const std::string want = x == y                                      ? "exact"
                               : EditDistanceWithin(x, y, 1, true)          ? "damerau<=1"
                               : static_cast<float>(JaroWinkler(x, y)) >= 0.92f ? "jaro_winkler>=0.92"
                               : static_cast<float>(JaroWinkler(x, y)) >= 0.8f  ? "jaro_winkler>=0.8"
                                                                                 : "else";
      EXPECT_EQ(comparator.Label(last, GammaOf(comparator.Compare(a, b, scratch), last)), want) << x << " / " << y;
    }
  }
}

}  // namespace
}  // namespace hearth::linkage
