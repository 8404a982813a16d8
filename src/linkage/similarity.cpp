#include "linkage/similarity.hpp"

#include <algorithm>
#include <cstdint>

namespace hearth::linkage {

namespace {
constexpr size_t kMaxLength = 255;  // longer text is compared on its first 255 bytes

// Jaro for strings of at most 64 bytes, bit-parallel: for each character of b, a word with a bit at each position
// where it occurs, so finding the first unmatched equal character of b inside a's window is an AND and a count of
// trailing zeros instead of a scan. The table is kept zeroed between calls (each call clears what it set).
double JaroShort(std::string_view a, std::string_view b) {
  thread_local uint64_t positions[256] = {};
  const size_t la = a.size(), lb = b.size();
  const size_t window = std::max(la, lb) / 2 > 0 ? std::max(la, lb) / 2 - 1 : 0;
  const auto* ua = reinterpret_cast<const unsigned char*>(a.data());
  const auto* ub = reinterpret_cast<const unsigned char*>(b.data());
  for (size_t j = 0; j < lb; ++j) positions[ub[j]] |= uint64_t{1} << j;
  const uint64_t all_b = lb == 64 ? ~uint64_t{0} : (uint64_t{1} << lb) - 1;
  uint64_t fa = 0, fb = 0;
  size_t m = 0;
  for (size_t i = 0; i < la; ++i) {
    const size_t lo = i > window ? i - window : 0;
    const size_t hi = i + window + 1;  // exclusive
    uint64_t in_window = hi >= 64 ? all_b : ((uint64_t{1} << hi) - 1) & all_b;
    in_window &= ~((uint64_t{1} << lo) - 1);
    const uint64_t candidates = positions[ua[i]] & in_window & ~fb;
    if (candidates != 0) {
      fb |= candidates & (~candidates + 1);  // lowest set bit
      fa |= uint64_t{1} << i;
      ++m;
    }
  }
  for (size_t j = 0; j < lb; ++j) positions[ub[j]] = 0;
  if (m == 0) return 0.0;
  size_t half_transpositions = 0;
  uint64_t rest_b = fb;
  for (uint64_t rest_a = fa; rest_a != 0; rest_a &= rest_a - 1) {
    const auto i = static_cast<size_t>(__builtin_ctzll(rest_a));
    const auto j = static_cast<size_t>(__builtin_ctzll(rest_b));
    rest_b &= rest_b - 1;
    if (ua[i] != ub[j]) ++half_transpositions;
  }
  const double dm = static_cast<double>(m);
  return (dm / static_cast<double>(la) + dm / static_cast<double>(lb) +
          (dm - static_cast<double>(half_transpositions / 2)) / dm) /
         3.0;
}

double JaroLong(std::string_view a, std::string_view b) {
  a = a.substr(0, kMaxLength);
  b = b.substr(0, kMaxLength);
  const size_t la = a.size(), lb = b.size();
  const size_t window = std::max(la, lb) / 2 > 0 ? std::max(la, lb) / 2 - 1 : 0;
  bool fa[kMaxLength] = {}, fb[kMaxLength] = {};
  size_t m = 0;
  for (size_t i = 0; i < la; ++i) {
    size_t lo = i > window ? i - window : 0;
    size_t hi = std::min(lb, i + window + 1);
    for (size_t j = lo; j < hi; ++j) {
      if (!fb[j] && a[i] == b[j]) {
        fa[i] = fb[j] = true;
        ++m;
        break;
      }
    }
  }
  if (m == 0) return 0.0;
  size_t half_transpositions = 0;
  for (size_t i = 0, j = 0; i < la; ++i) {
    if (!fa[i]) continue;
    while (!fb[j]) ++j;
    if (a[i] != b[j]) ++half_transpositions;
    ++j;
  }
  double dm = static_cast<double>(m);
  return (dm / static_cast<double>(la) + dm / static_cast<double>(lb) +
          (dm - static_cast<double>(half_transpositions / 2)) / dm) /
         3.0;
}
}  // namespace

double Jaro(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return a.empty() && b.empty() ? 1.0 : 0.0;
  if (a.size() <= 64 && b.size() <= 64) return JaroShort(a, b);
  return JaroLong(a, b);
}

double JaroWinkler(std::string_view a, std::string_view b) {
  double j = Jaro(a, b);
  if (j <= 0.7) return j;
  size_t prefix = 0;
  const size_t limit = std::min<size_t>({4, a.size(), b.size()});
  while (prefix < limit && a[prefix] == b[prefix]) ++prefix;
  return j + static_cast<double>(prefix) * 0.1 * (1.0 - j);
}

int Levenshtein(std::string_view a, std::string_view b) {
  a = a.substr(0, kMaxLength);
  b = b.substr(0, kMaxLength);
  if (a.size() < b.size()) std::swap(a, b);
  int row[kMaxLength + 1];
  for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      int up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

int DamerauLevenshtein(std::string_view a, std::string_view b) {
  a = a.substr(0, kMaxLength);
  b = b.substr(0, kMaxLength);
  const size_t lb = b.size();
  // Three rolling rows: i-2, i-1, i.
  int rows[3][kMaxLength + 1];
  int* two_back = rows[0];
  int* prev = rows[1];
  int* cur = rows[2];
  for (size_t j = 0; j <= lb; ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= lb; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int best = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = std::min(best, two_back[j - 2] + 1);
      cur[j] = best;
    }
    int* t = two_back;
    two_back = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb];
}

namespace {
// One substitution, insertion, deletion or (optionally) adjacent transposition at most.
bool WithinOneEdit(std::string_view a, std::string_view b, bool transpositions) {
  if (a.size() < b.size()) std::swap(a, b);
  const size_t la = a.size(), lb = b.size();
  if (la - lb > 1) return false;
  size_t i = 0;
  while (i < lb && a[i] == b[i]) ++i;
  if (i == lb) return true;  // equal, or one character appended
  if (la == lb) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // one substitution
    return transpositions && i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
  }
  return a.substr(i + 1) == b.substr(i);  // one deletion from the longer
}
}  // namespace

bool EditDistanceWithin(std::string_view a, std::string_view b, int limit, bool transpositions) {
  if (limit < 0) return false;
  const size_t diff = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (diff > static_cast<size_t>(limit)) return false;
  if (limit == 0) return a == b;
  if (limit == 1) return WithinOneEdit(a, b, transpositions);
  return (transpositions ? DamerauLevenshtein(a, b) : Levenshtein(a, b)) <= limit;
}

}  // namespace hearth::linkage
