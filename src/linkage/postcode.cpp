#include "linkage/postcode.hpp"

#include "linkage/text.hpp"

namespace hearth::linkage {

namespace {
bool Letter(char c) { return c >= 'A' && c <= 'Z'; }
bool Digit(char c) { return c >= '0' && c <= '9'; }

// Outward code shapes: A9, A99, AA9, AA99, A9A, AA9A.
bool IsOutward(std::string_view s) {
  if (s.size() < 2 || s.size() > 4 || !Letter(s[0])) return false;
  size_t i = Letter(s[1]) ? 2 : 1;
  if (i >= s.size() || !Digit(s[i])) return false;
  ++i;
  if (i == s.size()) return true;
  if (i + 1 != s.size()) return false;
  return Digit(s[i]) || Letter(s[i]);
}

bool IsInward(std::string_view s) { return s.size() == 3 && Digit(s[0]) && Letter(s[1]) && Letter(s[2]); }
}  // namespace

Postcode ParsePostcode(std::string_view raw) {
  Postcode p;
  FoldCode(raw, p.full);
  std::string_view s = p.full;
  std::string_view outward, inward;
  if (s.size() >= 5 && s.size() <= 7 && IsInward(s.substr(s.size() - 3)) && IsOutward(s.substr(0, s.size() - 3))) {
    outward = s.substr(0, s.size() - 3);
    inward = s.substr(s.size() - 3);
  } else if (IsOutward(s)) {
    outward = s;
  } else {
    return p;
  }
  p.uk = true;
  p.district = std::string(outward);
  p.area = std::string(outward.substr(0, Letter(outward[1]) ? 2 : 1));
  if (!inward.empty()) {
    p.sector = p.district + " " + inward[0];
    p.full = p.district + " " + std::string(inward);
  }
  return p;
}

}  // namespace hearth::linkage
