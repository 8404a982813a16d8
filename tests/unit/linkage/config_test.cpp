#include "linkage/config.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "linkage/csv.hpp"
#include "linkage/dataset.hpp"

namespace hearth::linkage {
namespace {

std::string ErrorOf(const std::string& text) {
  auto c = ParseConfig(text, "people.toml");
  return c ? std::string("(no error)") : c.error().internal;
}

TEST(LinkageConfig, ReadsColumnsInFileOrderWithTypesAndOptions) {
  auto c = ParseConfig(R"(id_column = "rec_id"
delimiter = ";"
threshold = 0.8
[columns]
surname = "family_name"
first = "given_name"
dob = { type = "date", formats = ["%Y%m%d", "%d/%m/%Y"] }
nhs = { type = "code", levels = ["exact", "damerau<=1"] }
)",
                       "people.toml");
  ASSERT_TRUE(c) << c.error().internal;
  EXPECT_EQ(c->id_column, "rec_id");
  EXPECT_EQ(c->delimiter, ';');
  EXPECT_DOUBLE_EQ(c->threshold, 0.8);
  ASSERT_EQ(c->columns.size(), 4u);
  EXPECT_EQ(c->columns[0].name, "surname");
  EXPECT_EQ(c->columns[1].type, ColumnType::kGivenName);
  EXPECT_EQ(c->columns[2].date_formats.size(), 2u);
  EXPECT_EQ(c->columns[3].levels.size(), 2u);
  EXPECT_EQ(c->columns[3].levels[1].kind, LevelKind::kDamerau);
  EXPECT_FALSE(c->blocking.empty());
  EXPECT_EQ(c->blocking[0].text, "nhs");  // identifiers block first
}

TEST(LinkageConfig, NamesFileLineAndKeyOfAnUnknownColumnType) {
  std::string e = ErrorOf("id_column = \"id\"\n[columns]\nfirst = \"given_name\"\ndob = \"dates\"\n");
  EXPECT_NE(e.find("people.toml:4: columns.dob: unknown column type 'dates'"), std::string::npos) << e;
}

TEST(LinkageConfig, NamesTheLineOfBadToml) {
  std::string e = ErrorOf("id_column = \"id\"\n[columns\nfirst = \"given_name\"\n");
  EXPECT_NE(e.find("people.toml:2:"), std::string::npos) << e;
}

TEST(LinkageConfig, RefusesMissingAndMisspeltSettings) {
  EXPECT_NE(ErrorOf("[columns]\na = \"text\"\n").find("id_column: required"), std::string::npos);
  EXPECT_NE(ErrorOf("id_column = \"id\"\n").find("columns: required"), std::string::npos);
  EXPECT_NE(ErrorOf("id_column = \"id\"\nthreshhold = 0.5\n[columns]\na = \"text\"\n").find("threshhold: unknown key"),
            std::string::npos);
  EXPECT_NE(ErrorOf("id_column = \"id\"\nthreshold = 1.5\n[columns]\na = \"text\"\n").find("threshold: must be between"),
            std::string::npos);
  EXPECT_NE(ErrorOf("id_column = \"id\"\n[columns]\nd = { type = \"date\", formats = [\"%Y\"] }\n").find("formats"),
            std::string::npos);
  EXPECT_NE(ErrorOf("id_column = \"id\"\n[columns]\na = { type = \"text\", levels = [\"fuzzy\"] }\n")
                .find("columns.a.levels: 'fuzzy' is not a comparison level"),
            std::string::npos);
}

TEST(LinkageConfig, ChecksBlockingRules) {
  auto ok = ParseConfig(R"(id_column = "id"
[columns]
first = "given_name"
last = "family_name"
dob = "date"
[blocking]
max_block_size = 500
rules = ["dob & {first,last}:nickname_initial", "last:prefix3 & dob:year", "last & dob:month_day"]
)",
                        "p.toml");
  ASSERT_TRUE(ok) << ok.error().internal;
  ASSERT_EQ(ok->blocking.size(), 3u);
  EXPECT_EQ(ok->blocking[2].parts[1].transform, KeyTransform::kMonthDay);
  EXPECT_EQ(ok->blocking[0].parts[1].columns.size(), 2u);
  EXPECT_EQ(ok->blocking[1].parts[0].transform, KeyTransform::kPrefix);
  EXPECT_EQ(ok->blocking[1].parts[0].length, 3);
  EXPECT_EQ(ok->max_block_size, 500u);
  std::string e = ErrorOf("id_column = \"id\"\n[columns]\na = \"text\"\n[blocking]\nrules = [\"b\"]\n");
  EXPECT_NE(e.find("unknown column 'b'"), std::string::npos) << e;
  e = ErrorOf("id_column = \"id\"\n[columns]\na = \"text\"\n[blocking]\nrules = [\"a:metaphone\"]\n");
  EXPECT_NE(e.find("unknown key transform 'metaphone'"), std::string::npos) << e;
}

TEST(LinkageConfig, DerivedBlockingSurvivesSwapsWrongYearsAndMissingNames) {
  auto c = ParseConfig(R"(id_column = "id"
[columns]
first = "given_name"
last = "family_name"
dob = "date"
postcode = "postcode"
street = "address_text"
)",
                       "p.toml");
  ASSERT_TRUE(c) << c.error().internal;
  std::vector<std::string> texts;
  for (const auto& rule : c->blocking) texts.push_back(rule.text);
  auto has = [&](const std::string& t) { return std::find(texts.begin(), texts.end(), t) != texts.end(); };
  // Rules not keyed on the date keep only pairs whose dates could be one person's (the condition dob:compatible).
  EXPECT_TRUE(has("{first,last}:nickname & dob:compatible")) << "both names, in either order";
  EXPECT_TRUE(has("last & dob:month_day")) << "a wrong year digit";
  EXPECT_TRUE(has("first:nickname & last:initial & postcode:district & dob:compatible"))
      << "a typo in the family name and a move";
  EXPECT_TRUE(has("postcode & street & dob:compatible")) << "neither name usable";
}

TEST(LinkageConfig, DerivesLevelsAndConditionsFromTypes) {
  auto c = ParseConfig(R"(id_column = "id"
[columns]
first = "given_name"
last = "family_name"
postcode = "postcode"
street = "address_text"
)",
                       "p.toml");
  ASSERT_TRUE(c) << c.error().internal;
  EXPECT_EQ(c->columns[0].levels[2].kind, LevelKind::kSwapped);  // given names can be swapped with family names
  EXPECT_TRUE(c->columns[0].term_frequency);
  EXPECT_EQ(c->columns[1].conditional_on, "postcode");  // households share a surname and a place
  EXPECT_EQ(c->columns[3].conditional_on, "postcode");
  EXPECT_EQ(c->columns[2].conditional_on, "");
}

TEST(LinkageDatasetBuilder, NamesTheConfigurationLineOfAColumnMissingFromTheHeader) {
  auto c = ParseConfig("id_column = \"id\"\n[columns]\nfirst = \"given_name\"\nsurname = \"family_name\"\n",
                       "people.toml");
  ASSERT_TRUE(c);
  CsvFile f = CsvFile::FromText("id,first\n1,Ann\n", ',');
  NameVariants none;
  DatasetBuilder builder(*c, none);
  auto r = builder.AddFile(f);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().internal.find("people.toml:4: columns.surname: column 'surname' is not in the header"),
            std::string::npos)
      << r.error().internal;
}

}  // namespace
}  // namespace hearth::linkage
