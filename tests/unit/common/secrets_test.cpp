#include "common/secrets.hpp"

#include <gtest/gtest.h>

#include <set>

namespace hearth {
namespace {

bool IsLowerHex(const std::string& s) {
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

TEST(Secrets, RandomHexIsHexOfTheRequestedSizeAndNeverRepeats) {
  InitialiseCrypto();
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string token = RandomHex(16);
    EXPECT_EQ(token.size(), 32u);
    EXPECT_TRUE(IsLowerHex(token)) << token;
    EXPECT_TRUE(seen.insert(token).second);
  }
}

TEST(Secrets, Sha256HexMatchesTheStandardTestVector) {
  InitialiseCrypto();
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Secrets, PasswordHashVerifiesOnlyTheRightPassword) {
  InitialiseCrypto();
  const std::string hash = HashPassword("correct horse battery staple");
  EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;
  EXPECT_EQ(hash.find("correct horse"), std::string::npos);
  EXPECT_TRUE(VerifyPassword(hash, "correct horse battery staple"));
  EXPECT_FALSE(VerifyPassword(hash, "correct horse battery stapl"));
  EXPECT_FALSE(VerifyPassword("garbage", "correct horse battery staple"));
}

TEST(Secrets, ConstantTimeEqualsComparesWholeStrings) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
  EXPECT_FALSE(ConstantTimeEquals("", "a"));
}

}  // namespace
}  // namespace hearth
