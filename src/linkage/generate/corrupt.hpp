// Turns a true person into one record as an agency would hold it: the errors of error_levels.hpp, each drawn
// independently, and counted so that tests and the command's summary can check the rates actually applied.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "linkage/generate/error_levels.hpp"
#include "linkage/generate/nicknames.hpp"
#include "linkage/generate/population.hpp"
#include "linkage/generate/random.hpp"

namespace hearth::linkage::generate {

struct CorruptionCounts {
  std::uint64_t records = 0;
  std::uint64_t name_fields_with_typos = 0;  // of 2 per record
  std::uint64_t nickname_eligible = 0;       // records whose given name has a variant
  std::uint64_t nicknames = 0;
  std::uint64_t swaps = 0;
  std::uint64_t transpose_eligible = 0;  // records whose date has day <= 12 and day != month
  std::uint64_t transposed = 0;
  std::uint64_t year_digits = 0;
  std::uint64_t moves = 0;
  std::uint64_t postcode_typos = 0;
  std::uint64_t street_typos = 0;
  std::uint64_t missing = 0;  // of 5 fields per record (given, family, dob, postcode, street)
  std::uint64_t missing_sex = 0;
  std::uint64_t noise = 0;  // of 4 fields per record (given, family, postcode, street)
};

enum class DateStyle { kIso, kUk };  // 1984-03-07 or 07/03/1984

struct RecordFields {
  std::string given;
  std::string family;
  std::string dob;
  std::string sex;
  std::string postcode;
  std::string house_number;  // empty when joined into `street`
  std::string street;
};

struct RecordStyle {
  DateStyle dates = DateStyle::kIso;
  bool number_in_street = true;  // "12 Church Road" in one field, or the number in a field of its own
};

class Corruptor {
 public:
  Corruptor(const ErrorRates& rates, const NicknameTable& nicknames, RecordStyle style);

  void MakeRecord(const Person& person, const Population& population, Rng& rng, RecordFields& out);
  const CorruptionCounts& Counts() const { return counts_; }

 private:
  void Names(const Person& person, Rng& rng, RecordFields& out);
  void DateOfBirth(const Person& person, Rng& rng, RecordFields& out);
  void Place(const Person& person, const Population& population, Rng& rng, RecordFields& out);
  void Missing(Rng& rng, RecordFields& out);

  ErrorRates rates_;
  RecordStyle style_;
  std::unordered_map<const char*, std::vector<std::string>> variants_;  // keyed by the table entry's address
  CorruptionCounts counts_;
};

// The single-edit typos, exposed for tests: one insertion, deletion, substitution (often a keyboard neighbour)
// or transposition of adjacent characters.
void Typo(std::string& text, Rng& rng);
void PostcodeTypo(std::string& postcode, Rng& rng);
std::string FormatDate(const BirthDate& date, DateStyle style);

}  // namespace hearth::linkage::generate
