#include "linkage/csv.hpp"

#include <gtest/gtest.h>

#include <cstdio>
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

namespace hearth::linkage {
namespace {

std::string WriteTemp(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + name;
  std::FILE* out = std::fopen(path.c_str(), "wb");
  std::fwrite(text.data(), 1, text.size(), out);
  std::fclose(out);
  return path;
}

std::string ReadBack(const std::string& path) {
  std::string text;
  std::FILE* in = std::fopen(path.c_str(), "rb");
  char buffer[4096];
  for (size_t got; (got = std::fread(buffer, 1, sizeof buffer, in)) > 0;) text.append(buffer, got);
  std::fclose(in);
  return text;
}

// Files are mapped privately and quoted fields unescaped in place: the rows must be those of the same text held in
// memory, and the file itself must not change.
TEST(LinkageCsvFile, ReadsAMappedFileAsItsTextAndLeavesTheFileUnchanged) {
  const std::string text =
      "\xEF\xBB\xBFid,name,note\r\n1,\"O\"\"Brien\",\"two\nlines\"\r\n2,\"Smith, J\"x,plain\n\n3,\"\"\"quoted\"\"\",\"a \"\"b\"\" c\"\n";
  const std::string path = WriteTemp("linkage_mapped.csv", text);
  auto mapped = CsvFile::Open(path, ',');
  ASSERT_TRUE(mapped) << mapped.error().internal;
  CsvFile held = CsvFile::FromText(text, ',');
  EXPECT_EQ(std::vector<std::string>(mapped->Header().begin(), mapped->Header().end()),
            std::vector<std::string>(held.Header().begin(), held.Header().end()));
  std::vector<std::string_view> a, b;
  size_t rows = 0;
  for (;;) {
    const bool more = mapped->NextRow(a);
    ASSERT_EQ(more, held.NextRow(b));
    if (!more) break;
    ++rows;
    EXPECT_EQ(std::vector<std::string>(a.begin(), a.end()), std::vector<std::string>(b.begin(), b.end()));
    EXPECT_EQ(mapped->RowLine(), held.RowLine());
  }
  EXPECT_EQ(rows, 3u);
  EXPECT_EQ(ReadBack(path), text);
}

TEST(LinkageCsvFile, ReadsAnEmptyFile) {
  auto f = CsvFile::Open(WriteTemp("linkage_empty.csv", ""), ',');
  ASSERT_TRUE(f);
  EXPECT_TRUE(f->Header().empty());
  std::vector<std::string_view> fields;
  EXPECT_FALSE(f->NextRow(fields));
}

// Reading with two threads (rows parsed in ranges, cells kept per range) gives the dataset one thread gives: the
// same records in the same order, values, ids and reports, quoted newlines near the cuts included.
TEST(LinkageDatasetBuilder, TwoThreadsReadAMappedFileAsOneThreadDoes) {
  auto config = ParseConfig(R"(id_column = "id"
[columns]
first = "given_name"
last = "family_name"
dob = { type = "date", formats = ["%d/%m/%Y"] }
street = "address_text"
)",
                            "t.toml");
  ASSERT_TRUE(config) << config.error().internal;
  std::string text = "id,first,last,dob,street\n";
  const char* firsts[] = {"Ann", "Bob", "\"Mary\nAnn\"", "", "Jo\xC3\xABl"};
  const char* lasts[] = {"Smith", "\"O'Brien\"", "Jones", "\"Smith-Jones\"", "Evans"};
  for (int i = 0; i < 30000; ++i) {
    const std::string street =
        i % 3 == 0 ? "\"12, High St\nFlat " + std::to_string(i % 40) + "\"" : std::to_string(i % 90) + " Church Rd";
    text += (i % 997 == 0 ? std::string() : "r" + std::to_string(i)) + "," + firsts[i % 5] + "," + lasts[(i / 5) % 5] +
            "," + std::to_string(1 + i % 28) + "/" + std::to_string(1 + i % 12) + "/19" + std::to_string(30 + i % 70);
    if (i % 401 != 0) text += "," + street + (i % 211 == 0 ? ",extra" : "");  // else a short row
    text += i % 2 ? "\n" : "\r\n";
  }
  ASSERT_GT(text.size(), size_t{1} << 20);  // large enough to be cut into ranges
  const std::string path = WriteTemp("linkage_threads.csv", text);
  NameVariants none;
  auto build = [&](unsigned threads) {
    auto file = CsvFile::Open(path, ',');
    EXPECT_TRUE(file);
    DatasetBuilder builder(*config, none, threads);
    EXPECT_TRUE(builder.AddFile(*file));
    return builder.Finish(threads);
  };
  Dataset one = build(1), two = build(2);
  ASSERT_EQ(one.Size(), 30000u);
  ASSERT_EQ(two.Size(), one.Size());
  EXPECT_EQ(two.reads[0].rows, one.reads[0].rows);
  EXPECT_EQ(two.reads[0].short_rows, one.reads[0].short_rows);
  EXPECT_EQ(two.reads[0].long_rows, one.reads[0].long_rows);
  EXPECT_EQ(two.reads[0].empty_ids, one.reads[0].empty_ids);
  EXPECT_GT(one.reads[0].short_rows, 0u);
  EXPECT_GT(one.reads[0].long_rows, 0u);
  for (uint32_t r = 0; r < one.Size(); ++r) {
    ASSERT_EQ(two.InputOrder(r), one.InputOrder(r)) << r;
    ASSERT_EQ(two.Id(r), one.Id(r)) << r;
  }
  for (size_t c = 0; c < one.columns.size(); ++c) {
    EXPECT_EQ(two.columns[c].report.present, one.columns[c].report.present);
    EXPECT_EQ(two.columns[c].report.empty, one.columns[c].report.empty);
    EXPECT_EQ(two.columns[c].report.absent, one.columns[c].report.absent);
    for (uint32_t r = 0; r < one.Size(); ++r)
      ASSERT_EQ(two.columns[c].values.Get(two.columns[c].ids[r]), one.columns[c].values.Get(one.columns[c].ids[r]))
          << c << " " << r;
  }
  // The quoted newline stayed inside its field, and the id column is intact.
  const Column& street = one.columns[3];
  EXPECT_NE(street.values.Find("12 high street flat 3"), 0u);
  EXPECT_EQ(one.Id(one.InputOrder(1)), "r1");
  EXPECT_EQ(one.Id(one.InputOrder(0)), "#1");
}

}  // namespace
}  // namespace hearth::linkage
