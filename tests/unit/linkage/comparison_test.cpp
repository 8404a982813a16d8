#include "linkage/comparison.hpp"

#include <gtest/gtest.h>

#include "linkage/config.hpp"
#include "linkage/csv.hpp"
#include "linkage/dataset.hpp"

namespace hearth::linkage {
namespace {

class LinkageComparisonLevels : public ::testing::Test {
 protected:
  void SetUp() override {
    auto config = ParseConfig(R"(id_column = "id"
[columns]
first = "given_name"
last = "family_name"
dob = "date"
postcode = "postcode"
street = "address_text"
nhs = "code"
)",
                              "t.toml");
    ASSERT_TRUE(config) << config.error().internal;
    config_ = *config;
    variants_.Add("bob", "robert");
    file_ = std::make_unique<CsvFile>(CsvFile::FromText(
        "id,first,last,dob,postcode,street,nhs\n"
        "a,Robert,Smith,1980-02-03,SW1A 1AA,1 High Street,4857773456\n"
        "b,Bob,Smith,1980-03-02,sw1a1ab,1 High St,4857773465\n"
        "c,Smith,Robert,1980-02-03,LS6 2AB,9 Low Road,\n"
        "d,Robret,Smyth,1980-02-13,LS6 3XY,2 Mill Lane,1111111111\n"
        "e,,Smith,1981-02-03,SW1A 2ZZ,,4857773456\n"
        "f,Robert,Smith,1980-02-03,SW1A 1AA,1 High Street,4857773456\n"
        "g,Smith,Bob,1980-02-03,LS6 2AB,9 Low Road,\n"
        "h,Xmith,Robert,1980-02-03,LS6 2AB,9 Low Road,\n"
        "i,Smith,Jones,1980-02-03,LS6 2AB,9 Low Road,\n",
        ','));
    DatasetBuilder builder(config_, variants_);
    ASSERT_TRUE(builder.AddFile(*file_));
    data_ = builder.Finish(1);
    comparator_ = std::make_unique<Comparator>(data_);
  }
  // Records by their place in the input (the dataset stores them in its own order).
  std::string Level(uint32_t a, uint32_t b, const std::string& column) {
    CompareScratch scratch(comparator_->Columns());
    const Pattern p = comparator_->Compare(data_.InputOrder(a), data_.InputOrder(b), scratch);
    const auto c = static_cast<size_t>(config_.ColumnIndex(column));
    return comparator_->Label(c, GammaOf(p, c));
  }

  LinkageConfig config_;
  NameVariants variants_;
  std::unique_ptr<CsvFile> file_;
  Dataset data_;
  std::unique_ptr<Comparator> comparator_;
};

TEST_F(LinkageComparisonLevels, GivenNames) {
  EXPECT_EQ(Level(0, 5, "first"), "exact");
  EXPECT_EQ(Level(0, 1, "first"), "nickname");  // Robert and Bob
  EXPECT_EQ(Level(0, 2, "first"), "swapped");   // Robert Smith and Smith Robert
  EXPECT_EQ(Level(0, 3, "first"), "damerau<=1");  // Robret: two letters transposed
  EXPECT_EQ(Level(0, 4, "first"), "null");
  EXPECT_EQ(Level(0, 6, "first"), "swapped");  // Smith Bob: swapped, and a nickname on top
  EXPECT_EQ(Level(0, 7, "first"), "swapped");  // Xmith Robert: swapped, and a typo in the first letter
  EXPECT_EQ(Level(0, 8, "first"), "else");     // Smith Jones: one half agrees, the other is another name
}

TEST_F(LinkageComparisonLevels, FamilyNamesAreComparedGivenThePlace) {
  EXPECT_EQ(Level(0, 5, "last"), "exact (same place)");  // same postcode
  EXPECT_EQ(Level(0, 1, "last"), "exact (same place)");  // postcodes agree to the sector
  EXPECT_EQ(Level(0, 4, "last"), "exact");               // only the district agrees
  EXPECT_EQ(Level(0, 3, "last"), "damerau<=1");          // Smith and Smyth
  EXPECT_EQ(Level(0, 2, "last"), "null");                // swapped: the given name's level carries the evidence
}

TEST_F(LinkageComparisonLevels, Dates) {
  EXPECT_EQ(Level(0, 5, "dob"), "exact");
  EXPECT_EQ(Level(0, 1, "dob"), "day_month_swapped");
  EXPECT_EQ(Level(0, 3, "dob"), "year_month");
  EXPECT_EQ(Level(0, 4, "dob"), "two_of_three");
  EXPECT_EQ(Level(1, 3, "dob"), "within_days<=365");
}

TEST_F(LinkageComparisonLevels, Postcodes) {
  EXPECT_EQ(Level(0, 5, "postcode"), "exact");
  EXPECT_EQ(Level(0, 1, "postcode"), "sector");
  EXPECT_EQ(Level(0, 4, "postcode"), "district");
  EXPECT_EQ(Level(2, 3, "postcode"), "district");
  EXPECT_EQ(Level(0, 2, "postcode"), "else");
}

TEST_F(LinkageComparisonLevels, AddressTextAndCodes) {
  EXPECT_EQ(Level(0, 1, "street"), "exact (same place)");  // "High St" expands to "High Street"
  EXPECT_EQ(Level(0, 3, "street"), "else");
  EXPECT_EQ(Level(0, 4, "street"), "null");
  EXPECT_EQ(Level(0, 1, "nhs"), "damerau<=1");  // two digits transposed
  EXPECT_EQ(Level(0, 4, "nhs"), "exact");
  EXPECT_EQ(Level(0, 3, "nhs"), "else");
  EXPECT_EQ(Level(0, 2, "nhs"), "null");
}

// Given names' levels are memoised per value pair, "swapped" aside (it reads the family names too). One scratch
// reused for every pair, both ways round and twice over, must give what a fresh scratch (nothing cached) gives:
// Robert/Smith is "swapped" for Robert Smith and Smith Robert but "else" for Robert Smith and Smith Jones.
TEST_F(LinkageComparisonLevels, MemoisedLevelsAreTheLevelsOfEachPair) {
  CompareScratch shared(comparator_->Columns());
  const auto n = static_cast<uint32_t>(data_.Size());
  for (int round = 0; round < 2; ++round) {
    for (uint32_t a = 0; a < n; ++a) {
      for (uint32_t b = 0; b < n; ++b) {
        if (a == b) continue;
        CompareScratch fresh(comparator_->Columns());
        EXPECT_EQ(comparator_->Compare(a, b, shared), comparator_->Compare(a, b, fresh)) << a << " " << b;
      }
    }
  }
  EXPECT_GT(shared.Hits(), 0u);
  EXPECT_EQ(Level(0, 2, "first"), "swapped");
  EXPECT_EQ(Level(0, 8, "first"), "else");
}

TEST_F(LinkageComparisonLevels, PatternsPackFourBitsPerColumn) {
  Pattern p = 0;
  p = WithGamma(p, 0, 3);
  p = WithGamma(p, 5, 15);
  p = WithGamma(p, 0, 1);
  EXPECT_EQ(GammaOf(p, 0), 1);
  EXPECT_EQ(GammaOf(p, 5), 15);
  EXPECT_EQ(GammaOf(p, 3), 0);
}

}  // namespace
}  // namespace hearth::linkage
