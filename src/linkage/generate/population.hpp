// The true people behind the generated records: households at addresses, each with one to six people who share
// the address and usually the surname. Postcodes come from a pool sized to the file, so neighbours share a
// postcode and a street (as they do), and a district groups 48 postcodes so that most moves stay local.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "linkage/generate/name_tables.hpp"
#include "linkage/generate/random.hpp"

namespace hearth::linkage::generate {

struct BirthDate {
  int year = 0;
  int month = 0;
  int day = 0;
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);

struct Address {
  std::uint32_t postcode = 0;  // index into the pool; the street follows from it
  int house_number = 0;
};

struct Person {
  std::string_view given;  // points into the static name tables
  std::string family;
  char sex = 'F';
  BirthDate dob;
  Address home;
  Address other;  // where the person lives on records that show a move
};

struct Street {
  std::string_view name;
  const StreetType* type = nullptr;  // nullptr for Welsh names that take no type ("Heol y Parc")
};

// Picks an index with probability proportional to its weight (cumulative sums, binary search).
class WeightedPicker {
 public:
  explicit WeightedPicker(const std::vector<double>& weights);
  std::size_t Pick(Rng& rng) const;

 private:
  std::vector<double> cumulative_;
};

class Population {
 public:
  // `expected_records` sizes the postcode pool (one postcode for about every 32 records).
  Population(std::uint64_t seed, std::uint64_t expected_records);

  // Replaces `people` with the next household's members (1 to 6 of them).
  void NextHousehold(Rng& rng, std::vector<Person>& people) const;

  // "CF37 1AB": always a valid UK postcode shape (area, district, space, sector digit, two unit letters).
  std::string PostcodeText(std::uint32_t postcode) const;
  Street StreetOf(std::uint32_t postcode) const;
  std::uint32_t PoolSize() const { return pool_size_; }

 private:
  std::string_view GivenName(Rng& rng, char sex) const;
  std::string Surname(Rng& rng) const;
  BirthDate RandomDate(Rng& rng, int year) const;
  int AdultBirthYear(Rng& rng) const;
  Address RandomAddress(Rng& rng) const;
  Address MoveFrom(Rng& rng, const Address& from) const;
  Person MakePerson(Rng& rng, std::string family, char sex, int birth_year, const Address& home) const;

  std::uint64_t seed_;
  std::uint32_t pool_size_;
  WeightedPicker female_;
  WeightedPicker male_;
  WeightedPicker surname_;  // common table first, then the stem+ending tail
  WeightedPicker area_;
  WeightedPicker adult_year_;
};

}  // namespace hearth::linkage::generate
