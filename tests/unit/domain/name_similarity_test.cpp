#include "domain/name_similarity.hpp"

#include <gtest/gtest.h>

namespace hearth {
namespace {

TEST(JaroWinkler, MatchesPublishedValuesForKnownPairs) {
  EXPECT_NEAR(JaroWinkler("MARTHA", "MARHTA"), 0.961, 0.001);
  EXPECT_NEAR(JaroWinkler("DWAYNE", "DUANE"), 0.840, 0.001);
  EXPECT_NEAR(JaroWinkler("DIXON", "DICKSONX"), 0.813, 0.001);
}

TEST(JaroWinkler, IsSymmetric) {
  EXPECT_DOUBLE_EQ(JaroWinkler("MARTHA", "MARHTA"), JaroWinkler("MARHTA", "MARTHA"));
  EXPECT_DOUBLE_EQ(JaroWinkler("Dwayne", "Duane"), JaroWinkler("Duane", "Dwayne"));
}

TEST(JaroWinkler, IdenticalNamesScoreOneWhateverTheCase) {
  EXPECT_DOUBLE_EQ(JaroWinkler("Martha", "martha"), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("SMITH", "smith"), 1.0);
}

TEST(JaroWinkler, IgnoresHyphensApostrophesAndSpaces) {
  EXPECT_DOUBLE_EQ(JaroWinkler("O'Neil", "ONeil"), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("Smith-Jones", "smith jones"), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("Mia-Rose", "miarose"), 1.0);
}

TEST(JaroWinkler, NothingInCommonScoresZero) {
  EXPECT_DOUBLE_EQ(JaroWinkler("abc", "xyz"), 0.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("abc", ""), 0.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("", ""), 1.0);
}

TEST(JaroWinkler, StaysWithinZeroAndOne) {
  for (auto [a, b] : {std::pair{"a", "b"}, {"a", "a"}, {"ab", "ba"}, {"Jack", "Jacqueline"}, {"Li", "Lee"}}) {
    const double s = JaroWinkler(a, b);
    EXPECT_GE(s, 0.0) << a << "/" << b;
    EXPECT_LE(s, 1.0) << a << "/" << b;
  }
}

TEST(NormaliseName, KeepsLettersOnlyInLowerCase) {
  EXPECT_EQ(NormaliseName("O'Neil-Smith"), "oneilsmith");
  EXPECT_EQ(NormaliseName("  Mary Jane "), "maryjane");
  EXPECT_EQ(NormaliseName("-'"), "");
}

TEST(NamesLikelySame, SameNameDifferentCaseAndPunctuation) {
  EXPECT_TRUE(NamesLikelySame("Martha", "O'Neil", "MARTHA", "ONEIL"));
  EXPECT_TRUE(NamesLikelySame("Mia-Rose", "Smith", "Mia Rose", "Smith"));
  EXPECT_TRUE(NamesLikelySame("Olivia", "Hughes-Price", "olivia", "Hughes Price"));
}

TEST(NamesLikelySame, SmallTyposStillMatch) {
  EXPECT_TRUE(NamesLikelySame("Martha", "Evans", "Marhta", "Evans"));
  EXPECT_TRUE(NamesLikelySame("Olivia", "Hughes", "Olivia", "Hughs"));
}

TEST(NamesLikelySame, InitialsAndShortFormsMatchTheFullGivenName) {
  EXPECT_TRUE(NamesLikelySame("J", "Smith", "Jack", "Smith"));
  EXPECT_TRUE(NamesLikelySame("Sam", "Smith", "Samantha", "Smith"));
  EXPECT_TRUE(NamesLikelySame("Samantha", "Smith", "sam", "Smith"));
}

TEST(NamesLikelySame, MissingGivenNameFallsBackToTheFamilyName) {
  EXPECT_TRUE(NamesLikelySame("", "Smith", "Jack", "Smith"));
}

TEST(NamesLikelySame, DifferentFamilyNamesDoNotMatch) {
  EXPECT_FALSE(NamesLikelySame("Jack", "Smith", "Jack", "Jones"));
  EXPECT_FALSE(NamesLikelySame("Jack", "Smith", "Jack", "Williams"));
}

TEST(NamesLikelySame, DifferentGivenNamesDoNotMatch) {
  EXPECT_FALSE(NamesLikelySame("Oliver", "Smith", "Harry", "Smith"));
  EXPECT_FALSE(NamesLikelySame("K", "Smith", "Jack", "Smith"));
}

}  // namespace
}  // namespace hearth
