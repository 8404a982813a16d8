// The tables the generator draws people and addresses from, with approximate relative frequencies so that common
// values are common (Smith, Jones, David, Sarah) and rare ones rare: linkage quality depends on that skew, because a
// shared rare surname is strong evidence and a shared common one is weak.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>

namespace hearth::linkage::generate {

struct WeightedName {
  std::string_view name;
  std::uint32_t weight;  // relative frequency (roughly per 100,000 people for surnames)
};

// Given names across the ages 0 to 95, by sex.
std::span<const WeightedName> FemaleGivenNames();
std::span<const WeightedName> MaleGivenNames();

// The few hundred commonest British surnames, Welsh ones included.
std::span<const WeightedName> CommonSurnames();
// The long tail: place-name surnames built as stem + middle + ending (Ash + worth, Black + er + by), each rare.
std::span<const std::string_view> SurnameStems();
std::span<const std::string_view> SurnameEndings();

// Street names as a name and a type ("Church" + "Road"); the type has a common abbreviation ("Rd").
std::span<const std::string_view> StreetNames();
struct StreetType {
  std::string_view full;
  std::string_view abbreviation;
};
std::span<const StreetType> StreetTypes();
// Whole Welsh street names that take no type ("Heol y Parc").
std::span<const std::string_view> WelshStreetNames();

// Postcode areas with the highest district number used and a weight for how many people live there.
struct PostcodeArea {
  std::string_view area;
  int max_district;
  std::uint32_t weight;
  bool letter_suffix;  // central London style districts: EC1A, WC2H
};
std::span<const PostcodeArea> PostcodeAreas();

}  // namespace hearth::linkage::generate
