#include "domain/service_directory.hpp"

#include <gtest/gtest.h>

namespace hearth {
namespace {

Input Fields(std::initializer_list<std::pair<const char*, const char*>> values) {
  Input in;
  for (const auto& [k, v] : values) in.Add(k, v);
  return in;
}

TEST(ServiceNameKey, NamesDifferingOnlyInCaseOrSpacingAreTheSameService) {
  EXPECT_EQ(ServiceNameKey("Housing Options"), ServiceNameKey("housing options"));
  EXPECT_EQ(ServiceNameKey("  HOUSING\t Options "), ServiceNameKey("Housing Options"));
  EXPECT_EQ(ServiceNameKey("Housing Options"), "housing options");
}

TEST(ServiceNameKey, DifferentWordsAreDifferentServices) {
  EXPECT_NE(ServiceNameKey("Housing Options"), ServiceNameKey("HousingOptions"));
  EXPECT_NE(ServiceNameKey("Housing Options"), ServiceNameKey("Housing Options West"));
  EXPECT_EQ(ServiceNameKey("   "), "");
}

TEST(ServiceFromInput, NameIsRequiredAndAtMostOneHundredCharacters) {
  auto missing = ServiceFromInput(Fields({{"name", "  "}, {"kind", "housing"}}));
  ASSERT_FALSE(missing);
  ASSERT_EQ(missing.error().fields.size(), 1u);
  EXPECT_EQ(missing.error().fields[0].field, "name");
  EXPECT_EQ(missing.error().fields[0].message_key, "error.service_name_required");

  const std::string long_name(101, 'a');
  Input too_long;
  too_long.Add("name", long_name);
  auto refused = ServiceFromInput(too_long);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields[0].field, "name");
  EXPECT_EQ(refused.error().fields[0].message_key, "error.service_name_too_long");

  Input long_kind;
  long_kind.Add("name", "Tenancy Support");
  long_kind.Add("kind", long_name);
  auto kind_refused = ServiceFromInput(long_kind);
  ASSERT_FALSE(kind_refused);
  EXPECT_EQ(kind_refused.error().fields[0].message_key, "error.service_kind_too_long");

  Input longest;
  longest.Add("name", std::string(100, 'a'));
  EXPECT_TRUE(ServiceFromInput(longest));
}

TEST(ServiceFromInput, KindIsOptionalAndNameIsTrimmed) {
  auto s = ServiceFromInput(Fields({{"name", " Tenancy Support "}}));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->name, "Tenancy Support");
  EXPECT_EQ(s->kind, "");
}

}  // namespace
}  // namespace hearth
