// Tables the demo draws households from: given names by sex and era, family names, streets and the towns of a
// south Wales valleys council with their postcode districts. Made up, but shaped like the real thing so that
// searching, matching and reports behave as they would on live data.
#pragma once
#include <span>
#include <string_view>

namespace hearth::demo {

// Given names of people born roughly 1965–2005 (the parents and carers)...
std::span<const std::string_view> AdultFemaleNames();
std::span<const std::string_view> AdultMaleNames();
// ...and of children born since about 2008.
std::span<const std::string_view> ChildFemaleNames();
std::span<const std::string_view> ChildMaleNames();

// Welsh, English, Irish, Scottish and other family names, including double-barrelled and apostrophe ones.
std::span<const std::string_view> FamilyNames();

std::span<const std::string_view> StreetNames();

struct Town {
  std::string_view name;
  std::string_view area;      // the locality the service organises by: West, East, North, South, Central
  std::string_view district;  // outward code, e.g. "CF37"
  std::string_view sectors;   // the sector digits in use for that district, e.g. "1235"
  std::span<const std::string_view> localities;  // villages or estates that can stand in address line 2
  int weight = 1;                                // relative share of the households: bigger towns get more
};

std::span<const Town> Towns();

}  // namespace hearth::demo
