#include "common/date.hpp"

#include <gtest/gtest.h>

namespace hearth {
namespace {

TEST(DateParse, AcceptsALeapDay) {
  auto d = Date::Parse("2024-02-29");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->Year(), 2024);
  EXPECT_EQ(d->Month(), 2u);
  EXPECT_EQ(d->Day(), 29u);
  EXPECT_EQ(d->ToString(), "2024-02-29");
}

TEST(DateParse, RefusesDaysThatDoNotExist) {
  EXPECT_FALSE(Date::Parse("2023-02-29"));
  EXPECT_FALSE(Date::Parse("1900-02-29"));  // not a leap year: divisible by 100
  EXPECT_FALSE(Date::Parse("2024-04-31"));
  EXPECT_FALSE(Date::Parse("2024-13-01"));
  EXPECT_FALSE(Date::Parse("2024-00-10"));
  EXPECT_FALSE(Date::Parse("2024-01-00"));
  EXPECT_TRUE(Date::Parse("2000-02-29"));  // divisible by 400
}

TEST(DateParse, KeepsToTheSupportedRange) {
  EXPECT_FALSE(Date::Parse("1899-12-31"));
  EXPECT_TRUE(Date::Parse("1900-01-01"));
  EXPECT_TRUE(Date::Parse("2100-12-31"));
  EXPECT_FALSE(Date::Parse("2101-01-01"));
}

TEST(DateParse, RefusesOtherShapes) {
  for (const char* text : {"", "2024-2-29", "2024-02-9", "29/02/2024", "2024/02/29", "20240229", "2024-02-29T00:00",
                           " 2024-02-29", "2024-02-29 ", "abcd-ef-gh", "+024-01-01", "2024-0a-01", "２０２４-02-29"})
    EXPECT_FALSE(Date::Parse(text)) << text;
}

TEST(DateParse, RoundTripsThroughToString) {
  for (const char* text : {"1900-01-01", "1999-12-31", "2024-02-29", "2100-12-31", "2026-11-22"})
    EXPECT_EQ(Date::Parse(text)->ToString(), text);
}

TEST(Date, AgeOnCountsWholeYears) {
  const Date born = *Date::Parse("2010-06-15");
  EXPECT_EQ(born.AgeOn(*Date::Parse("2026-06-14")), 15);
  EXPECT_EQ(born.AgeOn(*Date::Parse("2026-06-15")), 16);
  EXPECT_EQ(born.AgeOn(*Date::Parse("2026-12-31")), 16);
}

TEST(Date, DaysBetweenAndAddDays) {
  const Date a = *Date::Parse("2024-02-28");
  EXPECT_EQ(a.AddDays(1).ToString(), "2024-02-29");
  EXPECT_EQ(a.AddDays(2).ToString(), "2024-03-01");
  EXPECT_EQ(DaysBetween(a, *Date::Parse("2024-03-01")), 2);
  EXPECT_EQ(DaysBetween(*Date::Parse("2024-03-01"), a), -2);
  EXPECT_LT(a, a.AddDays(1));
}

}  // namespace
}  // namespace hearth
