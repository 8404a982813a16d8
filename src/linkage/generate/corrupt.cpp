#include "linkage/generate/corrupt.hpp"

#include <algorithm>
#include <cctype>

namespace hearth::linkage::generate {
namespace {

// QWERTY neighbours of each letter, for substitutions that look like slips of the finger.
// clang-format off
constexpr std::string_view kNeighbours[26] = {
    "qwsz", "vghn", "xdfv", "serfcx", "wsdr", "drtgvc", "ftyhbv", "gyujnb", "ujko", "huikmn", "jiolm", "kop",
    "njk",  "bhjm", "iklp", "ol",     "wa",   "edft",   "awedxz", "rfgy", "yhji", "cfgb",   "qase", "zsdc",
    "tghu", "asx"};
// clang-format on

constexpr double kFirstLetterShare = 0.08;

char RandomLetter(Rng& rng) { return static_cast<char>('a' + rng.Below(26)); }

char MatchCase(char letter, char like) {
  return std::isupper(static_cast<unsigned char>(like)) ? static_cast<char>(std::toupper(letter)) : letter;
}

char Substitute(char c, Rng& rng) {
  const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  char pick = RandomLetter(rng);
  if (lower >= 'a' && lower <= 'z' && rng.Chance(0.6)) {
    const std::string_view near = kNeighbours[lower - 'a'];
    pick = near[rng.Below(static_cast<std::uint32_t>(near.size()))];
  }
  if (pick == lower) pick = static_cast<char>('a' + (pick - 'a' + 1) % 26);
  return MatchCase(pick, c);
}

void Upper(std::string& s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
}
void Lower(std::string& s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

// Case, punctuation and spacing as different systems record them: "SMITH", "smith", "OBrien", "Smith ".
void NameNoise(std::string& s, Rng& rng) {
  const std::uint32_t kind = rng.Below(10);
  if (kind < 4) return Upper(s);
  if (kind < 7) return Lower(s);
  if (kind == 7 && s.find_first_of("'-") != std::string::npos) {
    std::string out;
    for (char c : s) {
      if (c == '-')
        out += ' ';
      else if (c != '\'')
        out += c;
    }
    s = std::move(out);
    return;
  }
  if (rng.Chance(0.5))
    s.insert(0, " ");
  else
    s += ' ';
}

void PostcodeNoise(std::string& s, Rng& rng) {
  const std::uint32_t kind = rng.Below(10);
  const std::size_t space = s.find(' ');
  if (kind < 5 && space != std::string::npos)
    s.erase(space, 1);
  else if (kind < 8)
    Lower(s);
  else if (space != std::string::npos)
    s.insert(space, " ");
}

// A street name from the tables with its type, the typo already applied to the name.
std::string StreetText(const Street& street, std::string_view name, bool abbreviate) {
  std::string out(name);
  if (street.type) {
    out += ' ';
    out += abbreviate ? street.type->abbreviation : street.type->full;
  }
  return out;
}

void AppendNumber(std::string& out, int value, int width) {
  char digits[12];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0 || n < width);
  while (n > 0) out += digits[--n];
}
}  // namespace

void Typo(std::string& text, Rng& rng) {
  if (text.empty()) return;
  const std::uint32_t op = text.size() < 2 ? 2 : rng.Below(4);
  // Misspellings rarely touch the first letter (about 8% of them in studies of real typing errors), so position 0
  // gets that share and the rest are spread evenly over the other positions.
  const bool first = text.size() < 2 || rng.Chance(kFirstLetterShare);
  const std::size_t pos = first ? 0 : 1 + rng.Below(static_cast<std::uint32_t>(text.size() - 1));
  switch (op) {
    case 0:  // insertion
      text.insert(text.begin() + static_cast<std::ptrdiff_t>(pos), MatchCase(RandomLetter(rng), text[pos]));
      break;
    case 1:  // deletion
      text.erase(pos, 1);
      break;
    case 3:  // transposition of two different adjacent characters; else a substitution
      if (pos + 1 < text.size() && text[pos] != text[pos + 1]) {
        std::swap(text[pos], text[pos + 1]);
        if (std::isupper(static_cast<unsigned char>(text[pos + 1])) && pos == 0) {  // keep the capital first
          text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
          text[1] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[1])));
        }
        break;
      }
      [[fallthrough]];
    default:  // substitution
      text[pos] = Substitute(text[pos], rng);
      break;
  }
}

// A postcode misread or mistyped: a digit for a digit or a letter for a letter (the shape stays valid), or two
// adjacent characters swapped.
void PostcodeTypo(std::string& postcode, Rng& rng) {
  std::vector<std::size_t> positions;
  for (std::size_t i = 0; i < postcode.size(); ++i) {
    if (postcode[i] != ' ') positions.push_back(i);
  }
  if (positions.empty()) return;
  const std::size_t pos = positions[rng.Below(static_cast<std::uint32_t>(positions.size()))];
  char& c = postcode[pos];
  if (std::isdigit(static_cast<unsigned char>(c))) {
    c = static_cast<char>('0' + (c - '0' + 1 + static_cast<int>(rng.Below(9))) % 10);
  } else {
    static constexpr std::string_view kLetters = "ABDEFGHJLNPQRSTUWXYZ";
    char pick = kLetters[rng.Below(static_cast<std::uint32_t>(kLetters.size()))];
    c = pick == c ? (c == 'A' ? 'B' : 'A') : pick;
  }
}

std::string FormatDate(const BirthDate& date, DateStyle style) {
  std::string out;
  out.reserve(10);
  if (style == DateStyle::kIso) {
    AppendNumber(out, date.year, 4);
    out += '-';
    AppendNumber(out, date.month, 2);
    out += '-';
    AppendNumber(out, date.day, 2);
  } else {
    AppendNumber(out, date.day, 2);
    out += '/';
    AppendNumber(out, date.month, 2);
    out += '/';
    AppendNumber(out, date.year, 4);
  }
  return out;
}

Corruptor::Corruptor(const ErrorRates& rates, const NicknameTable& nicknames, RecordStyle style)
    : rates_(rates), style_(style) {
  for (auto table : {FemaleGivenNames(), MaleGivenNames()}) {
    for (const WeightedName& entry : table) {
      auto variants = nicknames.VariantsOf(entry.name);
      if (!variants.empty()) variants_[entry.name.data()] = std::move(variants);
    }
  }
}

void Corruptor::MakeRecord(const Person& person, const Population& population, Rng& rng, RecordFields& out) {
  ++counts_.records;
  Names(person, rng, out);
  DateOfBirth(person, rng, out);
  out.sex.assign(1, person.sex);
  Place(person, population, rng, out);
  Missing(rng, out);
}

void Corruptor::Names(const Person& person, Rng& rng, RecordFields& out) {
  out.given.assign(person.given);
  out.family.assign(person.family);
  // Both draws happen for every record, so that editing the nickname table changes only the records of the names
  // it touches, not the random stream of the whole file.
  const bool nickname = rng.Chance(rates_.nickname);
  const std::uint32_t pick = rng.Below(1u << 16);
  if (auto it = variants_.find(person.given.data()); it != variants_.end()) {
    ++counts_.nickname_eligible;
    if (nickname) {
      ++counts_.nicknames;
      out.given = it->second[pick % it->second.size()];
    }
  }
  for (std::string* field : {&out.given, &out.family}) {
    if (!rng.Chance(rates_.name_typo)) continue;
    ++counts_.name_fields_with_typos;
    Typo(*field, rng);
    if (rng.Chance(rates_.second_typo)) Typo(*field, rng);
  }
  if (rng.Chance(rates_.swap_names)) {
    ++counts_.swaps;
    std::swap(out.given, out.family);
  }
  for (std::string* field : {&out.given, &out.family}) {
    if (!rng.Chance(rates_.noise)) continue;
    ++counts_.noise;
    NameNoise(*field, rng);
  }
}

void Corruptor::DateOfBirth(const Person& person, Rng& rng, RecordFields& out) {
  BirthDate date = person.dob;
  if (date.day <= 12 && date.day != date.month) {
    ++counts_.transpose_eligible;
    if (rng.Chance(rates_.dob_transpose)) {
      ++counts_.transposed;
      std::swap(date.day, date.month);
    }
  }
  if (rng.Chance(rates_.dob_year_digit)) {
    ++counts_.year_digits;
    for (int attempt = 0; attempt < 8; ++attempt) {
      const int place = rng.Chance(0.7) ? 1 : 10;
      const int digit = date.year / place % 10;
      const int changed = date.year + ((digit + 1 + static_cast<int>(rng.Below(9))) % 10 - digit) * place;
      if (changed >= 1900 && changed <= 2024) {
        date.year = changed;
        break;
      }
    }
    date.day = std::min(date.day, DaysInMonth(date.year, date.month));  // 29 February of a year that has none
  }
  out.dob = FormatDate(date, style_.dates);
}

void Corruptor::Place(const Person& person, const Population& population, Rng& rng, RecordFields& out) {
  const bool moved = rng.Chance(rates_.move);
  if (moved) ++counts_.moves;
  const Address& address = moved ? person.other : person.home;

  out.postcode = population.PostcodeText(address.postcode);
  if (rng.Chance(rates_.postcode_typo)) {
    ++counts_.postcode_typos;
    PostcodeTypo(out.postcode, rng);
  }
  const Street street = population.StreetOf(address.postcode);
  std::string name(street.name);
  if (rng.Chance(rates_.street_typo)) {
    ++counts_.street_typos;
    Typo(name, rng);
  }
  const bool postcode_noise = rng.Chance(rates_.noise);
  const bool street_noise = rng.Chance(rates_.noise);
  const std::uint32_t street_kind = street_noise ? rng.Below(10) : 10;
  if (postcode_noise) {
    ++counts_.noise;
    PostcodeNoise(out.postcode, rng);
  }
  const bool comma = street_kind == 9 && style_.number_in_street;
  std::string text = StreetText(street, name, street_kind < 5 || (street_kind == 9 && !comma));
  if (street_noise) ++counts_.noise;
  if (street_kind == 5 || street_kind == 6) Upper(text);
  if (street_kind == 7 || street_kind == 8) Lower(text);

  out.house_number.clear();
  out.street.clear();
  std::string& number = style_.number_in_street ? out.street : out.house_number;
  AppendNumber(number, address.house_number, 1);
  if (style_.number_in_street) {
    out.street += comma ? ", " : " ";
    out.street += text;
  } else {
    out.street = std::move(text);
  }
}

void Corruptor::Missing(Rng& rng, RecordFields& out) {
  for (std::string* field : {&out.given, &out.family, &out.dob, &out.postcode, &out.street}) {
    if (!rng.Chance(rates_.missing)) continue;
    ++counts_.missing;
    field->clear();
    if (field == &out.street) out.house_number.clear();
  }
  if (rng.Chance(rates_.missing / 2)) {
    ++counts_.missing_sex;
    out.sex.clear();
  }
}

}  // namespace hearth::linkage::generate
