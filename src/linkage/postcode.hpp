// UK postcodes: "sw1a1aa", "SW1A 1AA" and " sw1a  1aa" all become "SW1A 1AA", with the sector ("SW1A 1"), district
// ("SW1A") and area ("SW") that the comparison levels use. Text that is not postcode-shaped is kept as a code.
#pragma once
#include <string>
#include <string_view>

namespace hearth::linkage {

struct Postcode {
  std::string full;      // normalised; "" when the text had no letters or digits
  std::string sector;    // "" unless a full UK postcode
  std::string district;  // outward code; "" unless UK-shaped
  std::string area;      // leading letters; "" unless UK-shaped
  bool uk = false;
};

Postcode ParsePostcode(std::string_view raw);

}  // namespace hearth::linkage
