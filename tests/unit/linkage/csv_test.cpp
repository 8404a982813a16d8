#include "linkage/csv.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "linkage/config.hpp"
#include "linkage/dataset.hpp"

namespace hearth::linkage {
namespace {

std::vector<std::vector<std::string>> Rows(std::string_view text, char delimiter = ',') {
  CsvFile f = CsvFile::FromText(text, delimiter);
  std::vector<std::vector<std::string>> rows;
  rows.emplace_back(f.Header().begin(), f.Header().end());
  std::vector<std::string_view> fields;
  while (f.NextRow(fields)) rows.emplace_back(fields.begin(), fields.end());
  return rows;
}

TEST(LinkageCsvFile, ReadsQuotedFieldsWithDoubledQuotesAndDelimiters) {
  auto rows = Rows("id,name\n1,\"Smith, John\"\n2,\"O\"\"Brien\"\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][1], "Smith, John");
  EXPECT_EQ(rows[2][1], "O\"Brien");
}

TEST(LinkageCsvFile, KeepsNewlinesInsideQuotes) {
  CsvFile f = CsvFile::FromText("id,address\n1,\"1 High St\nLeeds\"\n2,x\n", ',');
  std::vector<std::string_view> fields;
  ASSERT_TRUE(f.NextRow(fields));
  EXPECT_EQ(fields[1], "1 High St\nLeeds");
  ASSERT_TRUE(f.NextRow(fields));
  EXPECT_EQ(f.RowLine(), 4u);  // the second record starts on line 4
  EXPECT_EQ(fields[0], "2");
  EXPECT_FALSE(f.NextRow(fields));
}

TEST(LinkageCsvFile, SkipsAByteOrderMarkAndHandlesCrLf) {
  auto rows = Rows("\xEF\xBB\xBFid,name\r\n1,Ann\r\n2,Bob");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0][0], "id");
  EXPECT_EQ(rows[1][1], "Ann");
  EXPECT_EQ(rows[2][1], "Bob");
}

TEST(LinkageCsvFile, ReturnsRaggedRowsAsTheyAre) {
  auto rows = Rows("a,b,c\n1,2\n1,2,3,4\n\n5,6,\n");
  ASSERT_EQ(rows.size(), 4u);  // the blank line is skipped
  EXPECT_EQ(rows[1].size(), 2u);
  EXPECT_EQ(rows[2].size(), 4u);
  ASSERT_EQ(rows[3].size(), 3u);
  EXPECT_EQ(rows[3][2], "");
}

TEST(LinkageCsvFile, UsesTheConfiguredDelimiter) {
  auto rows = Rows("id;name\n1;\"a;b\"\n", ';');
  EXPECT_EQ(rows[1][1], "a;b");
  auto tabs = Rows("id\tname\n1\tx y\n", '\t');
  EXPECT_EQ(tabs[1][1], "x y");
}

TEST(LinkageCsvFile, CountsAnUnterminatedQuote) {
  CsvFile f = CsvFile::FromText("id,name\n1,\"never closed\n", ',');
  std::vector<std::string_view> fields;
  ASSERT_TRUE(f.NextRow(fields));
  EXPECT_EQ(fields[1], "never closed\n");
  EXPECT_EQ(f.UnterminatedQuotes(), 1u);
}

TEST(LinkageCsvFile, ReportsAFileThatCannotBeRead) {
  auto f = CsvFile::Open("/nonexistent/people.csv", ',');
  ASSERT_FALSE(f);
  EXPECT_NE(f.error().internal.find("/nonexistent/people.csv"), std::string::npos);
}

TEST(LinkageDatasetBuilder, CountsEmptyAbsentAndUnusableValuesPerColumn) {
  auto config = ParseConfig(R"(id_column = "id"
[columns]
name = "given_name"
dob = { type = "date", formats = ["%d/%m/%Y"] }
)",
                            "t.toml");
  ASSERT_TRUE(config) << config.error().internal;
  CsvFile f = CsvFile::FromText("id,name,dob\n1,Ann,01/02/1980\n2,,31/02/1980\n3,...\n,Bob,1/2/1980,extra\n", ',');
  NameVariants none;
  DatasetBuilder builder(*config, none);
  ASSERT_TRUE(builder.AddFile(f));
  Dataset d = builder.Finish(1);
  ASSERT_EQ(d.Size(), 4u);
  EXPECT_EQ(d.reads[0].short_rows, 1u);
  EXPECT_EQ(d.reads[0].long_rows, 1u);
  EXPECT_EQ(d.reads[0].empty_ids, 1u);
  const uint32_t fourth = d.InputOrder(3), first = d.InputOrder(0);
  EXPECT_EQ(d.Id(fourth), "#4");
  const Column& name = d.columns[0];
  EXPECT_EQ(name.report.present, 2u);
  EXPECT_EQ(name.report.empty, 1u);
  EXPECT_EQ(name.report.invalid, 1u);  // "..." standardises to nothing
  const Column& dob = d.columns[1];
  EXPECT_EQ(dob.report.present, 2u);
  EXPECT_EQ(dob.report.invalid, 1u);  // 31 February
  EXPECT_EQ(dob.report.absent, 1u);   // row 3 has no dob field
  EXPECT_EQ(dob.ids[first], dob.ids[fourth]);  // 01/02/1980 and 1/2/1980 are one date
}

}  // namespace
}  // namespace hearth::linkage

namespace hearth::linkage {
namespace {

TEST(LinkageCsvFile, SplitsRowsForParallelReadingOnlyBetweenRows) {
  // Over a megabyte, with newlines and quotes inside quoted fields near where the file is cut.
  std::string text = "id,note\n";
  for (int i = 0; i < 40000; ++i)
    text += std::to_string(i) + (i % 7 == 0 ? ",\"line one\nline \"\"two\"\"\"\n" : ",plain note text here\n");
  CsvFile whole = CsvFile::FromText(text, ',');
  std::vector<std::vector<std::string>> expected;
  std::vector<std::string_view> fields;
  while (whole.NextRow(fields)) expected.emplace_back(fields.begin(), fields.end());
  for (size_t parts : {2, 3, 7}) {
    CsvFile f = CsvFile::FromText(text, ',');
    auto ranges = f.SplitRows(parts);
    EXPECT_EQ(ranges.size(), parts);
    std::vector<std::vector<std::string>> got;
    for (const auto& r : ranges) {
      size_t pos = r.begin;
      uint64_t line = 0, row_line = 0, unterminated = 0;
      while (f.NextRowIn(pos, r.end, fields, line, row_line, unterminated)) got.emplace_back(fields.begin(), fields.end());
      EXPECT_EQ(unterminated, 0u);
    }
    EXPECT_EQ(got, expected) << parts;
  }
}

}  // namespace
}  // namespace hearth::linkage
