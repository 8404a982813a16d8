#include "domain/name_similarity.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace hearth {

std::string NormaliseName(std::string_view name) {
  std::string out;
  for (char c : name)
    if (std::isalpha(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

double JaroWinkler(std::string_view a_raw, std::string_view b_raw) {
  std::string a = NormaliseName(a_raw), b = NormaliseName(b_raw);
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const std::size_t window = std::max<std::size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
  std::vector<bool> a_match(a.size()), b_match(b.size());
  std::size_t matches = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::size_t lo = i > window ? i - window : 0, hi = std::min(b.size(), i + window + 1);
    for (std::size_t j = lo; j < hi; ++j) {
      if (b_match[j] || a[i] != b[j]) continue;
      a_match[i] = b_match[j] = true;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  std::size_t transpositions = 0;
  for (std::size_t i = 0, j = 0; i < a.size(); ++i) {
    if (!a_match[i]) continue;
    while (!b_match[j]) ++j;
    if (a[i] != b[j]) ++transpositions;
    ++j;
  }
  const double m = static_cast<double>(matches);
  const double jaro = (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) +
                       (m - static_cast<double>(transpositions) / 2.0) / m) / 3.0;
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

bool NamesLikelySame(std::string_view given_a, std::string_view family_a, std::string_view given_b,
                     std::string_view family_b) {
  if (JaroWinkler(family_a, family_b) < 0.88) return false;
  std::string ga = NormaliseName(given_a), gb = NormaliseName(given_b);
  if (ga.empty() || gb.empty()) return true;
  if (ga.starts_with(gb) || gb.starts_with(ga)) return true;  // "Sam" / "Samantha", "J" / "Jack"
  return JaroWinkler(ga, gb) >= 0.85;
}

}  // namespace hearth
