// String similarity measures used by the comparison levels. All work on bytes (standardised text is ASCII), take
// no allocation and are written for short strings: names, codes, street lines.
#pragma once
#include <string_view>

namespace hearth::linkage {

double Jaro(std::string_view a, std::string_view b);
// Winkler's variant: a bonus of 0.1 per common leading character (up to 4) when Jaro is above 0.7.
double JaroWinkler(std::string_view a, std::string_view b);
// Edit distance with insertions, deletions and substitutions.
int Levenshtein(std::string_view a, std::string_view b);
// Optimal string alignment distance: Levenshtein plus transposition of two adjacent characters.
int DamerauLevenshtein(std::string_view a, std::string_view b);
// Whether the distance is at most `limit`, without computing it when it plainly is not: a length difference
// over the limit answers at once, a limit of one is a single linear scan, and otherwise the table is cut off as
// soon as a whole row exceeds the limit. `transpositions`: Damerau (true) or Levenshtein (false).
bool EditDistanceWithin(std::string_view a, std::string_view b, int limit, bool transpositions);

}  // namespace hearth::linkage
