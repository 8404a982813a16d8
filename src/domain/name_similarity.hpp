// How alike two names are, for "is this person already known?" at the front door.
#pragma once
#include <string>
#include <string_view>

namespace hearth {

// Lower case, letters only (hyphens, apostrophes and spaces dropped): "O'Neil-Smith" -> "oneilsmith".
std::string NormaliseName(std::string_view name);
// Jaro–Winkler similarity in [0, 1] of the normalised names (1 = identical).
double JaroWinkler(std::string_view a, std::string_view b);
// Same person by name? Family names alike (≥ 0.88) and given names alike or one an initial/prefix of the other.
bool NamesLikelySame(std::string_view given_a, std::string_view family_a, std::string_view given_b,
                     std::string_view family_b);

}  // namespace hearth
