#include "linkage/dates.hpp"

#include <gtest/gtest.h>

namespace hearth::linkage {
namespace {

TEST(LinkageParseDate, ReadsTheConfiguredFormats) {
  const std::vector<std::string> formats = {"%Y%m%d", "%d/%m/%Y", "%d %b %Y"};
  auto a = ParseDate("19800201", formats);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->year, 1980);
  EXPECT_EQ(a->month, 2);
  EXPECT_EQ(a->day, 1);
  auto b = ParseDate("1/2/1980", formats);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->day_number, a->day_number);
  auto c = ParseDate("1 Feb 1980", formats);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->day_number, a->day_number);
  EXPECT_EQ(FormatIsoDate(*c), "1980-02-01");
}

TEST(LinkageParseDate, RefusesDatesThatDoNotExistOrDoNotFit) {
  const auto& formats = DefaultDateFormats();
  EXPECT_FALSE(ParseDate("1981-02-29", formats));
  EXPECT_TRUE(ParseDate("1980-02-29", formats));
  EXPECT_FALSE(ParseDate("2000-13-01", formats));
  EXPECT_FALSE(ParseDate("2000-01-32", formats));
  EXPECT_FALSE(ParseDate("not a date", formats));
  EXPECT_FALSE(ParseDate("1980-02-01x", formats));
  EXPECT_FALSE(ParseDate("", formats));
}

TEST(LinkageParseDate, PutsTwoDigitYearsAtOrBeforeThePivot) {
  EXPECT_EQ(ParseDateWith("01/02/85", "%d/%m/%y", 2025)->year, 1985);
  EXPECT_EQ(ParseDateWith("01/02/24", "%d/%m/%y", 2025)->year, 2024);
}

TEST(LinkageDaysFromCivil, CountsFromTheEpoch) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1) - DaysFromCivil(2000, 2, 28), 2);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
}

TEST(LinkageIsValidDateFormat, NeedsYearMonthAndDay) {
  EXPECT_TRUE(IsValidDateFormat("%Y-%m-%d"));
  EXPECT_TRUE(IsValidDateFormat("%d %b %y"));
  EXPECT_FALSE(IsValidDateFormat("%Y-%m"));
  EXPECT_FALSE(IsValidDateFormat("%Y-%m-%q"));
}

}  // namespace
}  // namespace hearth::linkage
