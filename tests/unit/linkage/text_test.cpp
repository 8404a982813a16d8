#include "linkage/text.hpp"

#include <gtest/gtest.h>

#include "linkage/dataset.hpp"
#include "linkage/name_variants.hpp"
#include "linkage/postcode.hpp"

namespace hearth::linkage {
namespace {

TEST(LinkageFoldText, LowerCasesAndFoldsDiacritics) {
  EXPECT_EQ(FoldText("José"), "jose");
  EXPECT_EQ(FoldText("ZOË"), "zoe");
  EXPECT_EQ(FoldText("Łukasz Wróbel"), "lukasz wrobel");
  EXPECT_EQ(FoldText("Straße"), "strasse");
  EXPECT_EQ(FoldText("Ægir Øster"), "aegir oster");
  EXPECT_EQ(FoldText("Siân Gwenllïan"), "sian gwenllian");
  EXPECT_EQ(FoldText("Françoise Œuvray"), "francoise oeuvray");
  EXPECT_EQ(FoldText("Ĳssel"), "ijssel");
}

TEST(LinkageFoldText, RemovesApostrophesAndSeparatesOtherPunctuation) {
  EXPECT_EQ(FoldText("O'Brien"), "obrien");
  EXPECT_EQ(FoldText("O’Brien"), "obrien");  // curly apostrophe
  EXPECT_EQ(FoldText("Smith-Jones"), "smith jones");
  EXPECT_EQ(FoldText("  St. John  "), "st john");
  EXPECT_EQ(FoldText("Mary–Ann"), "mary ann");  // en dash
  EXPECT_EQ(FoldText("..."), "");
  EXPECT_EQ(FoldText("Flat 2, 14 High St"), "flat 2 14 high st");
}

TEST(LinkageFoldText, KeepsOtherScripts) {
  EXPECT_EQ(FoldText("Мария"), "Мария");  // not folded, but not lost either
}

TEST(LinkageFoldCode, UpperCasesWithoutSpaces) {
  std::string out;
  FoldCode("ab 12-34 c", out);
  EXPECT_EQ(out, "AB1234C");
  FoldCode(" qq 12 34 56 c ", out);
  EXPECT_EQ(out, "QQ123456C");
}

TEST(LinkageSoundex, MatchesTheStandardCodes) {
  EXPECT_EQ(Soundex("robert"), "R163");
  EXPECT_EQ(Soundex("rupert"), "R163");
  EXPECT_EQ(Soundex("ashcraft"), "A261");
  EXPECT_EQ(Soundex("tymczak"), "T522");
  EXPECT_EQ(Soundex("pfister"), "P236");
  EXPECT_EQ(Soundex("lee"), "L000");
  EXPECT_EQ(Soundex(""), "");
  EXPECT_EQ(SoundexKey("smith"), SoundexKey("smyth"));
  EXPECT_NE(SoundexKey("smith"), 0u);
}

TEST(LinkageStandardiseText, ExpandsStreetAbbreviations) {
  EXPECT_EQ(StandardiseText(ColumnType::kAddressText, "12 High St."), "12 high street");
  EXPECT_EQ(StandardiseText(ColumnType::kAddressText, "3 Mill Rd"), "3 mill road");
  EXPECT_EQ(StandardiseText(ColumnType::kCode, "qq 12 34 56 c"), "QQ123456C");
}

TEST(LinkageNameVariants, MapsNicknamesToCanonicalForms) {
  NameVariants v;
  v.Add("Bob", "Robert");
  v.Add("Robbie", "Robert");
  v.Add("Sam", "Samuel");
  v.Add("Sam", "Samantha");
  std::vector<std::string_view> out;
  v.Canonicals("bob", out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0], "robert");
  v.Canonicals("sam", out);
  EXPECT_EQ(out.size(), 2u);
  v.Canonicals("robert", out);  // a canonical name is its own form
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0], "robert");
  v.Canonicals("bob james", out);  // the first word decides
  EXPECT_EQ(out[0], "robert");
  v.Canonicals("mary ann", out);
  EXPECT_EQ(out[0], "mary");
}

TEST(LinkageNameVariants, ANicknameWithATypoKeepsItsCanonicalForm) {
  NameVariants v;
  v.Add("Robbie", "Robert");
  v.Add("Bob", "Robert");
  std::vector<std::string_view> out;
  v.Canonicals("robbei", out);  // Robbie with two letters transposed: itself first, then Robbie's form
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0], "robbei");
  EXPECT_EQ(out[1], "robert");
  v.Canonicals("robie", out);  // a letter dropped
  EXPECT_EQ(out.size(), 2u);
  v.Canonicals("bo", out);  // too short to guess at
  EXPECT_EQ(out.size(), 1u);
  v.Canonicals("robert", out);  // a canonical form is never taken for a typo
  EXPECT_EQ(out.size(), 1u);
  v.Canonicals("ronnie", out);  // two edits from Robbie: another name
  EXPECT_EQ(out.size(), 1u);
}

TEST(LinkageNameVariants, TheShippedTableHasTheBriefsPairs) {
  auto v = NameVariants::Load(std::string(HEARTH_SOURCE_ROOT) + "/config/linkage/nicknames.csv");
  ASSERT_TRUE(v) << v.error().internal;
  EXPECT_GT(v->Size(), 300u);
  std::vector<std::string_view> out;
  for (auto [name, canonical] : {std::pair{"bob", "robert"}, {"kate", "catherine"}, {"katie", "catherine"},
                                 {"cathy", "catherine"}, {"bill", "william"}, {"liam", "william"}, {"jim", "james"},
                                 {"beth", "elizabeth"}, {"liz", "elizabeth"}, {"dai", "david"}, {"sion", "john"}}) {
    v->Canonicals(name, out);
    EXPECT_NE(std::find(out.begin(), out.end(), canonical), out.end()) << name;
  }
}

TEST(LinkagePostcode, NormalisesAndSplitsUkPostcodes) {
  Postcode p = ParsePostcode(" sw1a1aa ");
  EXPECT_TRUE(p.uk);
  EXPECT_EQ(p.full, "SW1A 1AA");
  EXPECT_EQ(p.sector, "SW1A 1");
  EXPECT_EQ(p.district, "SW1A");
  EXPECT_EQ(p.area, "SW");
  EXPECT_EQ(ParsePostcode("M1 1AE").full, "M1 1AE");
  EXPECT_EQ(ParsePostcode("m11ae").area, "M");
  EXPECT_EQ(ParsePostcode("CF10  3AT").sector, "CF10 3");
}

TEST(LinkagePostcode, KeepsAnOutwardCodeAndOtherTextAsCodes) {
  Postcode outward = ParsePostcode("ls6");
  EXPECT_TRUE(outward.uk);
  EXPECT_EQ(outward.full, "LS6");
  EXPECT_EQ(outward.sector, "");
  EXPECT_EQ(outward.district, "LS6");
  Postcode foreign = ParsePostcode("75008 Paris");
  EXPECT_FALSE(foreign.uk);
  EXPECT_EQ(foreign.full, "75008PARIS");
  EXPECT_TRUE(ParsePostcode(" - ").full.empty());
}

}  // namespace
}  // namespace hearth::linkage
