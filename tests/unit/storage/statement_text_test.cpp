// Statement::Text and TextView read a TEXT value's bytes in place (through sqlite3_column_blob): the text must come
// back whole and exact whatever it holds, and other types as SQLite would print them.
#include <gtest/gtest.h>

#include <string>

#include "storage/sqlite/connection.hpp"
#include "unit/support/temp_database.hpp"

namespace hearth::sqlite {
namespace {

TEST(StatementText, GivesStoredTextWholeAndOtherTypesAsText) {
  testing::TempDatabase temp;
  Connection c(temp.ConnectionOptions());
  c.Execute("CREATE TABLE t (n INTEGER PRIMARY KEY, v)");
  const std::string long_text(10000, 'x');  // longer than a page: read from overflow pages
  const std::string with_nul("a\0b", 3);
  const std::string values[] = {"2026-11-23", "", "Zoë Ní Bhriain", long_text, with_nul};
  int n = 0;
  for (const auto& v : values) c.Prepare("INSERT INTO t (n, v) VALUES (?1, ?2)").Bind(1, ++n).Bind(2, v).Run();
  c.Execute("INSERT INTO t (n, v) VALUES (6, NULL), (7, 42), (8, 2.5)");
  Statement s = c.Prepare("SELECT v FROM t ORDER BY n");
  const std::string expected[] = {"2026-11-23", "", "Zoë Ní Bhriain", long_text, with_nul, "", "42", "2.5"};
  for (const auto& want : expected) {
    ASSERT_TRUE(s.Step());
    EXPECT_EQ(s.TextView(0), want);
    EXPECT_EQ(s.Text(0), want);
  }
  EXPECT_FALSE(s.Step());
}

}  // namespace
}  // namespace hearth::sqlite
