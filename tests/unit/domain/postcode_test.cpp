#include "domain/postcode.hpp"

#include <gtest/gtest.h>

#include <string>

namespace hearth {
namespace {

TEST(UkPostcode, AcceptsEveryShapeRoyalMailIssues) {
  EXPECT_EQ(NormaliseUkPostcode("M1 1AA"), "M1 1AA");      // A9 9AA
  EXPECT_EQ(NormaliseUkPostcode("B33 8TH"), "B33 8TH");    // A99 9AA
  EXPECT_EQ(NormaliseUkPostcode("W1A 0AX"), "W1A 0AX");    // A9A 9AA
  EXPECT_EQ(NormaliseUkPostcode("CR2 6XH"), "CR2 6XH");    // AA9 9AA
  EXPECT_EQ(NormaliseUkPostcode("DN55 1PT"), "DN55 1PT");  // AA99 9AA
  EXPECT_EQ(NormaliseUkPostcode("EC1A 1BB"), "EC1A 1BB");  // AA9A 9AA
  EXPECT_EQ(NormaliseUkPostcode("CF37 1DL"), "CF37 1DL");
}

TEST(UkPostcode, AcceptsGirobankSpecialCase) {
  EXPECT_EQ(NormaliseUkPostcode("GIR 0AA"), "GIR 0AA");
  EXPECT_EQ(NormaliseUkPostcode("gir0aa"), "GIR 0AA");
}

TEST(UkPostcode, NormalisesCaseAndSpacing) {
  EXPECT_EQ(NormaliseUkPostcode("cf37 1dl"), "CF37 1DL");
  EXPECT_EQ(NormaliseUkPostcode("CF371DL"), "CF37 1DL");
  EXPECT_EQ(NormaliseUkPostcode("sw1a1aa"), "SW1A 1AA");
  EXPECT_EQ(NormaliseUkPostcode("  Sw1A   1aA "), "SW1A 1AA");
  EXPECT_EQ(NormaliseUkPostcode("m11aa"), "M1 1AA");
}

TEST(UkPostcode, RefusesLettersNotUsedInTheFirstPosition) {
  for (const char* code : {"QA1 1AA", "VA1 1AA", "XA1 1AA", "Q1 1AA"})
    EXPECT_EQ(NormaliseUkPostcode(code), std::nullopt) << code;
}

TEST(UkPostcode, RefusesLettersNotUsedInTheSecondPosition) {
  for (const char* code : {"AI1 1AA", "AJ1 1AA", "AZ1 1AA", "AZ11 1AA"})
    EXPECT_EQ(NormaliseUkPostcode(code), std::nullopt) << code;
}

TEST(UkPostcode, RefusesLettersNotUsedInTheThirdOrFourthPosition) {
  EXPECT_EQ(NormaliseUkPostcode("W1I 0AX"), std::nullopt);   // A9A: I not used third
  EXPECT_EQ(NormaliseUkPostcode("W1L 0AX"), std::nullopt);   // A9A: L not used third
  EXPECT_EQ(NormaliseUkPostcode("EC1C 1BB"), std::nullopt);  // AA9A: C not used fourth
  EXPECT_EQ(NormaliseUkPostcode("EC1D 1BB"), std::nullopt);  // AA9A: D not used fourth
}

TEST(UkPostcode, RefusesLettersNotUsedInTheInwardCode) {
  for (const char* code : {"CF37 1CL", "CF37 1DC", "CF37 1IL", "CF37 1KL", "CF37 1ML", "CF37 1OL", "CF37 1VL"})
    EXPECT_EQ(NormaliseUkPostcode(code), std::nullopt) << code;
}

TEST(UkPostcode, RefusesWrongShapes) {
  for (const char* code : {"", "CF37", "1F37 1DL", "CF37 ADL", "CF37 11L", "C 1DL", "ABC1 1DL", "CF3A7 1DL",
                           "A1A1 1AA"})
    EXPECT_EQ(NormaliseUkPostcode(code), std::nullopt) << code;
}

TEST(UkPostcode, RefusesTooShortAndTooLong) {
  EXPECT_EQ(NormaliseUkPostcode("A1 1A"), std::nullopt);
  EXPECT_EQ(NormaliseUkPostcode("A11A"), std::nullopt);
  EXPECT_EQ(NormaliseUkPostcode("CF371 1DL"), std::nullopt);
  EXPECT_EQ(NormaliseUkPostcode("CF37 1DLX"), std::nullopt);
}

TEST(UkPostcode, RefusesPunctuation) {
  for (const char* code : {"CF37-1DL", "CF37 1DL.", "CF37_1DL", "CF37/1DL", "<CF37 1DL>", "CF37\n1DL"})
    EXPECT_EQ(NormaliseUkPostcode(code), std::nullopt) << code;
}

}  // namespace
}  // namespace hearth
