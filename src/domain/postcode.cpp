#include "domain/postcode.hpp"

#include <cctype>

namespace hearth {
namespace {
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool In(char c, std::string_view set) { return set.find(c) != std::string_view::npos; }

// Letters Royal Mail uses in each position (the BS 7666 rules).
constexpr std::string_view kFirst = "ABCDEFGHIJKLMNOPRSTUWYZ";     // not Q, V, X
constexpr std::string_view kSecond = "ABCDEFGHKLMNOPQRSTUVWXY";    // not I, J, Z
constexpr std::string_view kThirdA9A = "ABCDEFGHJKPSTUW";          // A9A 9AA
constexpr std::string_view kFourthAA9A = "ABEHMNPRVWXY";           // AA9A 9AA
constexpr std::string_view kInwardLetters = "ABDEFGHJLNPQRSTUWXYZ";  // not C, I, K, M, O, V

bool ValidOutward(std::string_view o) {
  if (o.size() < 2 || o.size() > 4 || !In(o[0], kFirst)) return false;
  if (o.size() == 2) return IsDigit(o[1]);                                   // A9
  if (o.size() == 3) {
    if (IsDigit(o[1]) && IsDigit(o[2])) return true;                          // A99
    if (IsDigit(o[1]) && In(o[2], kThirdA9A)) return true;                    // A9A
    return In(o[1], kSecond) && IsDigit(o[2]);                                // AA9
  }
  if (!In(o[1], kSecond) || !IsDigit(o[2])) return false;
  return IsDigit(o[3]) || In(o[3], kFourthAA9A);                              // AA99, AA9A
}
}  // namespace

std::optional<std::string> NormaliseUkPostcode(std::string_view text) {
  std::string compact;
  for (char c : text) {
    if (c == ' ' || c == '\t') continue;
    if (!std::isalnum(static_cast<unsigned char>(c))) return std::nullopt;
    compact += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (compact.size() < 5 || compact.size() > 7) return std::nullopt;
  std::string_view outward(compact.data(), compact.size() - 3);
  std::string_view inward(compact.data() + compact.size() - 3, 3);
  std::string canonical = std::string(outward) + " " + std::string(inward);
  if (canonical == "GIR 0AA") return canonical;
  if (!IsDigit(inward[0]) || !In(inward[1], kInwardLetters) || !In(inward[2], kInwardLetters)) return std::nullopt;
  if (!ValidOutward(outward)) return std::nullopt;
  return canonical;
}

}  // namespace hearth
