// The report load's row readers (storage/sqlite/report_rows.hpp) that keep state between rows or check ranges:
// RepeatedDates must give every row its own date however the dates repeat, and refuse what is not a date; KeyAt
// must refuse a row id that does not fit a key.
#include "storage/sqlite/report_rows.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "unit/support/temp_database.hpp"

namespace hearth::sqlite {
namespace {

TEST(ReportRows, RepeatedDatesGivesEachRowItsOwnDateInAnyOrder) {
  testing::TempDatabase temp;
  Connection c(temp.ConnectionOptions());
  c.Execute("CREATE TABLE t (n INTEGER PRIMARY KEY, d TEXT)");
  // Runs of one date, a date back to an earlier one, and a leap day.
  const std::vector<std::string> dates = {"2024-02-28", "2024-02-28", "2024-02-29", "2024-02-29", "2024-02-29",
                                          "2024-03-01", "2024-02-28", "2025-02-28", "2025-02-28"};
  int n = 0;
  for (const auto& d : dates) c.Prepare("INSERT INTO t (n, d) VALUES (?1, ?2)").Bind(1, ++n).Bind(2, d).Run();
  report_rows::RepeatedDates repeated;
  Statement s = c.Prepare("SELECT d FROM t ORDER BY n");
  for (const auto& want : dates) {
    ASSERT_TRUE(s.Step());
    EXPECT_EQ(repeated.At(s, 0).ToString(), want);
  }
  EXPECT_FALSE(s.Step());
}

TEST(ReportRows, RepeatedDatesRefusesWhatIsNotADateEvenAfterADate) {
  testing::TempDatabase temp;
  Connection c(temp.ConnectionOptions());
  c.Execute("CREATE TABLE t (n INTEGER PRIMARY KEY, d TEXT)");
  c.Execute("INSERT INTO t (n, d) VALUES (1, '2024-01-31'), (2, '2024-02-31'), (3, '2024-01-3'), (4, NULL)");
  report_rows::RepeatedDates repeated;
  Statement s = c.Prepare("SELECT d FROM t ORDER BY n");
  ASSERT_TRUE(s.Step());
  EXPECT_EQ(repeated.At(s, 0).ToString(), "2024-01-31");
  for (int row = 2; row <= 4; ++row) {
    ASSERT_TRUE(s.Step());
    EXPECT_THROW(repeated.At(s, 0), StorageError) << "row " << row;
  }
}

TEST(ReportRows, KeyAtTakesRowIdsThatFitAndNoOneForNull) {
  testing::TempDatabase temp;
  Connection c(temp.ConnectionOptions());
  Statement s = c.Prepare("SELECT 1, 4294967295, NULL, 0, 4294967296, -3");
  ASSERT_TRUE(s.Step());
  EXPECT_EQ(report_rows::KeyAt(s, 0), GroupKey{1});
  EXPECT_EQ(report_rows::KeyAt(s, 1), GroupKey{4294967295u});
  EXPECT_EQ(report_rows::KeyAt(s, 2), kNoOne);
  EXPECT_THROW(report_rows::KeyAt(s, 3), StorageError);
  EXPECT_THROW(report_rows::KeyAt(s, 4), StorageError);
  EXPECT_THROW(report_rows::KeyAt(s, 5), StorageError);
}

}  // namespace
}  // namespace hearth::sqlite
