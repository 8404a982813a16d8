#include "linkage/generate/population.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace hearth::linkage::generate {
namespace {

constexpr int kFirstBirthYear = 1930;
constexpr int kLastAdultBirthYear = 2006;
constexpr int kLastBirthYear = 2024;
constexpr std::uint32_t kPostcodesPerDistrict = 48;
constexpr std::string_view kMiddles[] = {"", "ing", "er", "en"};
constexpr std::size_t kTailSize = std::size_t{60} * 4 * 25;                     // stems x middles x endings
constexpr std::string_view kUnitLetters = "ABDEFGHJLNPQRSTUWXYZ";  // the letters Royal Mail uses in a unit

std::vector<double> Weights(std::span<const WeightedName> table) {
  std::vector<double> out;
  for (const auto& entry : table) out.push_back(entry.weight);
  return out;
}

// The common surnames carry about 40% of people; a long tail of 6,000 rarer ones the rest, falling off with rank.
std::vector<double> SurnameWeights() {
  std::vector<double> out = Weights(CommonSurnames());
  double common = 0;
  for (double w : out) common += w;
  double tail = 0;
  for (std::size_t r = 0; r < kTailSize; ++r) tail += 1.0 / static_cast<double>(r + 100);
  const double scale = 1.5 * common / tail;
  for (std::size_t r = 0; r < kTailSize; ++r) out.push_back(scale / static_cast<double>(r + 100));
  return out;
}

// Rank r of the tail to a stem, a middle and an ending (Ash + ing + ley); the multiplier (prime to the tail's size)
// spreads ranks so that the commonest tail names differ in every part.
std::string TailSurname(std::size_t rank) {
  const auto stems = SurnameStems();
  const auto endings = SurnameEndings();
  std::size_t mixed = (rank * 7919) % kTailSize;
  std::string out(stems[mixed % stems.size()]);
  mixed /= stems.size();
  out += kMiddles[mixed % std::size(kMiddles)];
  out += endings[mixed / std::size(kMiddles)];
  return out;
}

std::vector<double> AreaWeights() {
  std::vector<double> out;
  for (const auto& area : PostcodeAreas()) out.push_back(area.weight);
  return out;
}

// Fewer people born in the 1930s and early 1940s are still about.
std::vector<double> AdultYearWeights() {
  std::vector<double> out;
  for (int year = kFirstBirthYear; year <= kLastAdultBirthYear; ++year) {
    out.push_back(year < 1946 ? 0.3 + 0.7 * (year - kFirstBirthYear) / 16.0 : 1.0);
  }
  return out;
}

int HouseNumber(Rng& rng) {
  const double roll = rng.Unit();
  if (roll < 0.70) return rng.Between(1, 40);
  if (roll < 0.95) return rng.Between(41, 120);
  return rng.Between(121, 250);
}
}  // namespace

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

WeightedPicker::WeightedPicker(const std::vector<double>& weights) {
  double sum = 0;
  for (double w : weights) cumulative_.push_back(sum += w);
}

std::size_t WeightedPicker::Pick(Rng& rng) const {
  const double roll = rng.Unit() * cumulative_.back();
  const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), roll);
  return std::min<std::size_t>(static_cast<std::size_t>(it - cumulative_.begin()), cumulative_.size() - 1);
}

Population::Population(std::uint64_t seed, std::uint64_t expected_records)
    : seed_(seed),
      pool_size_(static_cast<std::uint32_t>(std::clamp<std::uint64_t>(expected_records / 32, 64, 4'000'000))),
      female_(Weights(FemaleGivenNames())),
      male_(Weights(MaleGivenNames())),
      surname_(SurnameWeights()),
      area_(AreaWeights()),
      adult_year_(AdultYearWeights()) {}

std::string Population::PostcodeText(std::uint32_t postcode) const {
  // The district (outward code) depends only on postcode / 48, the unit on the whole index: neighbours in the
  // pool share an outward code.
  Rng district(Mix64(seed_ ^ 0x6469737472696374ULL) ^ (postcode / kPostcodesPerDistrict));
  Rng unit(Mix64(seed_ ^ 0x756E6974ULL) ^ postcode);
  const PostcodeArea& area = PostcodeAreas()[area_.Pick(district)];
  std::string out(area.area);
  out += std::to_string(district.Between(1, area.max_district));
  if (area.letter_suffix) out += "ABCEHMNPRVWXY"[district.Below(13)];
  out += ' ';
  out += static_cast<char>('0' + unit.Below(10));
  out += kUnitLetters[unit.Below(static_cast<std::uint32_t>(kUnitLetters.size()))];
  out += kUnitLetters[unit.Below(static_cast<std::uint32_t>(kUnitLetters.size()))];
  return out;
}

Street Population::StreetOf(std::uint32_t postcode) const {
  Rng rng(Mix64(seed_ ^ 0x737472656574ULL) ^ postcode);
  if (rng.Chance(0.04)) return Street{rng.Pick(WelshStreetNames()), nullptr};
  const std::string_view name = rng.Pick(StreetNames());
  return Street{name, &rng.Pick(StreetTypes())};
}

std::string_view Population::GivenName(Rng& rng, char sex) const {
  return sex == 'F' ? FemaleGivenNames()[female_.Pick(rng)].name : MaleGivenNames()[male_.Pick(rng)].name;
}

std::string Population::Surname(Rng& rng) const {
  auto one = [&] {
    const std::size_t index = surname_.Pick(rng);
    const auto common = CommonSurnames();
    return index < common.size() ? std::string(common[index].name) : TailSurname(index - common.size());
  };
  if (rng.Chance(0.01)) return one() + "-" + one();  // double-barrelled
  return one();
}

BirthDate Population::RandomDate(Rng& rng, int year) const {
  const int month = rng.Between(1, 12);
  return BirthDate{year, month, rng.Between(1, DaysInMonth(year, month))};
}

int Population::AdultBirthYear(Rng& rng) const { return kFirstBirthYear + static_cast<int>(adult_year_.Pick(rng)); }

Address Population::RandomAddress(Rng& rng) const { return Address{rng.Below(pool_size_), HouseNumber(rng)}; }

// Half of moves stay in the same district (the usual case), half go anywhere.
Address Population::MoveFrom(Rng& rng, const Address& from) const {
  if (rng.Chance(0.5)) {
    const std::uint32_t base = from.postcode - from.postcode % kPostcodesPerDistrict;
    const std::uint32_t postcode = std::min(pool_size_ - 1, base + rng.Below(kPostcodesPerDistrict));
    if (postcode != from.postcode) return Address{postcode, HouseNumber(rng)};
  }
  Address to = RandomAddress(rng);
  if (to.postcode == from.postcode) to.postcode = (to.postcode + 1) % pool_size_;
  return to;
}

Person Population::MakePerson(Rng& rng, std::string family, char sex, int birth_year, const Address& home) const {
  Person p;
  p.sex = sex;
  p.given = GivenName(rng, sex);
  p.family = std::move(family);
  p.dob = RandomDate(rng, birth_year);
  p.home = home;
  p.other = MoveFrom(rng, home);
  return p;
}

void Population::NextHousehold(Rng& rng, std::vector<Person>& people) const {
  people.clear();
  const Address home = RandomAddress(rng);
  const std::string family = Surname(rng);
  const char head_sex = rng.Chance(0.5) ? 'F' : 'M';
  const int head_year = AdultBirthYear(rng);
  people.push_back(MakePerson(rng, family, head_sex, head_year, home));

  const double kind = rng.Unit();
  if (kind < 0.30) return;  // one adult on their own
  if (kind >= 0.90) {       // two unrelated adults sharing a house
    // One draw per statement: the order in which function arguments are evaluated is unspecified.
    std::string other_family = Surname(rng);
    const char sex = rng.Chance(0.5) ? 'F' : 'M';
    const int year = AdultBirthYear(rng);
    people.push_back(MakePerson(rng, std::move(other_family), sex, year, home));
    return;
  }
  const bool children = kind >= 0.55;
  if (!children || rng.Chance(0.7)) {  // a partner; 5% of couples are the same sex
    const char sex = rng.Chance(0.95) ? (head_sex == 'F' ? 'M' : 'F') : head_sex;
    const int year = std::clamp(head_year + rng.Between(-3, 6), kFirstBirthYear, kLastAdultBirthYear);
    people.push_back(MakePerson(rng, rng.Chance(0.75) ? family : Surname(rng), sex, year, home));
  }
  if (!children) return;
  const int count = std::array{1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 4, 4}[rng.Below(20)];
  const int earliest = head_year + 18;
  const int latest = std::min(head_year + 45, kLastBirthYear);
  for (int i = 0; i < count && earliest <= latest; ++i) {
    const std::string& other_parent = people.size() > 1 ? people[1].family : family;
    std::string child_family = rng.Chance(0.9) ? family : other_parent;
    const char sex = rng.Chance(0.5) ? 'F' : 'M';
    Person child = MakePerson(rng, std::move(child_family), sex, rng.Between(earliest, latest), home);
    // Twins: the same birthday as the previous child, about 3 in 100 births after the first.
    if (i > 0 && rng.Chance(0.03)) child.dob = people.back().dob;
    people.push_back(std::move(child));
  }
}

}  // namespace hearth::linkage::generate
