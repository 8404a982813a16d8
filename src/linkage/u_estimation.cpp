// u, the non-match probabilities: from random record pairs, the exact level from value counts, and the "same place"
// half of household columns from pairs sharing a postcode. See model.hpp.
#include <algorithm>
#include <array>
#include <cmath>

#include "linkage/model.hpp"
#include "linkage/parallel.hpp"

namespace hearth::linkage {

namespace {
// splitmix64, seeded per task so that samples do not depend on the number of threads.
struct Rng {
  uint64_t state;
  uint64_t Next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  uint32_t Below(uint32_t n) { return static_cast<uint32_t>((Next() >> 32) * n >> 32); }
  uint64_t Below64(uint64_t n) { return Next() % n; }  // the bias is negligible for these n
};

constexpr size_t kSampleTasks = 64;
using CodeCounts = std::vector<std::vector<double>>;  // per column, per code

// Compares the `todo` pairs drawn by `draw(rng, a, b)` (false: skip) in order, calling use(p) for each pattern.
// Random pairs are drawn a batch at a time so that their rows and texts can be prefetched: each pair is two cache
// misses otherwise. The draws are the same as one at a time (comparing does not touch the generator).
template <class Draw, class Use>
void CompareDrawn(const Comparator& comparator, Rng& rng, uint64_t todo, CompareScratch& scratch, Draw& draw,
                  Use&& use) {
  constexpr size_t kBatch = 64, kRowsAhead = 16, kTextAhead = 8;
  std::pair<uint32_t, uint32_t> batch[kBatch];
  for (uint64_t done = 0; done < todo;) {
    size_t n = 0;
    for (; n < kBatch && done < todo; ++done) {
      uint32_t a = 0, b = 0;
      if (draw(rng, a, b)) batch[n++] = {a, b};
    }
    auto prefetch = [&](size_t i, int distance) {
      comparator.Prefetch(batch[i].first, distance);
      comparator.Prefetch(batch[i].second, distance);
    };
    for (size_t i = 0; i < std::min(n, kRowsAhead); ++i) prefetch(i, 2);
    for (size_t i = 0; i < n; ++i) {
      if (i + kRowsAhead < n) prefetch(i + kRowsAhead, 2);
      if (i + kTextAhead < n) prefetch(i + kTextAhead, 1);
      use(comparator.Compare(batch[i].first, batch[i].second, scratch));
    }
  }
}

// Compares `samples` pairs drawn by `draw(rng, a, b)` (false: skip) and counts codes per column; `keep(p)` may
// reject a compared pair.
template <class Draw, class Keep>
CodeCounts CountCodes(const Comparator& comparator, uint64_t samples, uint64_t seed, unsigned threads, Draw&& draw,
                      Keep&& keep, uint64_t& kept) {
  const size_t columns = comparator.Columns();
  std::vector<std::vector<uint64_t>> per_task(kSampleTasks, std::vector<uint64_t>(columns * 16 + 1, 0));
  ParallelFor(kSampleTasks, threads, [&](size_t task, unsigned) {
    Rng rng{seed * 0x632BE59BD9B4E019ULL + task};
    CompareScratch scratch(columns, 10);
    const uint64_t todo = samples / kSampleTasks + (task < samples % kSampleTasks ? 1 : 0);
    auto& counts = per_task[task];
    CompareDrawn(comparator, rng, todo, scratch, draw, [&](Pattern p) {
      if (!keep(p)) return;
      ++counts[columns * 16];
      for (size_t c = 0; c < columns; ++c) ++counts[c * 16 + static_cast<size_t>(GammaOf(p, c))];
    });
  });
  CodeCounts out(columns, std::vector<double>(16, 0.0));
  kept = 0;
  for (const auto& t : per_task) {
    kept += t[columns * 16];
    for (size_t c = 0; c < columns; ++c)
      for (size_t g = 0; g < 16; ++g) out[c][g] += static_cast<double>(t[c * 16 + g]);
  }
  return out;
}

// Probabilities from counts over codes [first, last], with half a pair added to each so that none is zero.
void FillGroup(const std::vector<double>& counts, size_t first, size_t last, std::vector<double>& out) {
  double total = 0;
  for (size_t g = first; g <= last; ++g) total += counts[g] + 0.5;
  for (size_t g = first; g <= last; ++g) out[g] = (counts[g] + 0.5) / total;
}

// Compares `samples` pairs drawn by `draw(rng, a, b)` (false: skip) and adds tally(p) (an array of K counts) up.
template <size_t K, class Draw, class Tally>
std::array<uint64_t, K> TallyPairs(const Comparator& comparator, uint64_t samples, uint64_t seed, unsigned threads,
                                   Draw&& draw, Tally&& tally) {
  std::vector<std::array<uint64_t, K>> per_task(kSampleTasks, std::array<uint64_t, K>{});
  ParallelFor(kSampleTasks, threads, [&](size_t task, unsigned) {
    Rng rng{seed * 0x632BE59BD9B4E019ULL + task};
    CompareScratch scratch(comparator.Columns(), 10);
    const uint64_t todo = samples / kSampleTasks + (task < samples % kSampleTasks ? 1 : 0);
    CompareDrawn(comparator, rng, todo, scratch, draw, [&](Pattern p) { tally(p, per_task[task]); });
  });
  std::array<uint64_t, K> out{};
  for (const auto& t : per_task)
    for (size_t k = 0; k < K; ++k) out[k] += t[k];
  return out;
}

// The columns of a household, tied to one anchor (the postcode): the family name and the address line compared
// given the place, and the given name and date of birth whose agreement separates its members.
struct Household {
  int family = -1, address = -1, given = -1, date = -1;
  int family_exact = 0, address_exact = 0;  // their "exact (same place)" codes
};
Household HouseholdColumns(const Comparator& comparator, size_t condition) {
  const Dataset& data = comparator.Data();
  Household h;
  for (size_t c = 0; c < comparator.Columns(); ++c) {
    const ColumnType t = data.columns[c].config.type;
    const bool tied = comparator.Condition(c) == static_cast<int>(condition);
    const auto ci = static_cast<int>(c);
    if (t == ColumnType::kFamilyName && tied && h.family < 0) h.family = ci;
    if (t == ColumnType::kAddressText && tied && h.address < 0) h.address = ci;
    if (t == ColumnType::kGivenName && h.given < 0) h.given = ci;
    if (t == ColumnType::kDate && h.date < 0) h.date = ci;
  }
  if (h.family >= 0) h.family_exact = comparator.Split(static_cast<size_t>(h.family)) + 1;
  if (h.address >= 0) h.address_exact = comparator.Split(static_cast<size_t>(h.address)) + 1;
  return h;
}

struct HouseholdCounts {
  int condition = -1;
  // pairs plainly different; of them with the family name, the address line, both exact at the place; pairs of
  // one family name at the place whose given names differ completely (dates present); of them, the same date
  std::array<uint64_t, 6> counts{};
};

// u for the "same <condition>" codes of conditioned columns: pairs sharing the condition column's value that are
// plainly different people (every identity column present disagrees completely), such as neighbours and other
// members of a household. Returns the pairs used.
uint64_t ConditionalU(const Comparator& comparator, size_t condition, uint64_t samples, unsigned threads,
                      std::vector<ColumnModel>& columns, HouseholdCounts& household) {
  const Dataset& data = comparator.Data();
  const Column& col = data.columns[condition];
  // Records grouped by value id (ids are dense): a counting sort.
  std::vector<uint32_t> start(col.values.Size() + 1, 0), members(data.Size());
  for (uint32_t v : col.ids) ++start[v + 1];
  for (size_t v = 1; v < start.size(); ++v) start[v] += start[v - 1];
  std::vector<uint32_t> fill(start.begin(), start.end() - 1);
  for (uint32_t r = 0; r < data.Size(); ++r) members[fill[col.ids[r]]++] = r;
  std::vector<uint64_t> cumulative{0};  // pairs per value, skipping missing (v = 0)
  std::vector<uint32_t> value_of;
  for (uint32_t v = 1; v < col.values.Size(); ++v) {
    const uint64_t s = start[v + 1] - start[v];
    if (s < 2) continue;
    cumulative.push_back(cumulative.back() + s * (s - 1) / 2);
    value_of.push_back(v);
  }
  if (cumulative.back() == 0) return 0;
  std::vector<size_t> identity;
  for (size_t c = 0; c < comparator.Columns(); ++c) {
    const ColumnType t = data.columns[c].config.type;
    if (t == ColumnType::kGivenName || t == ColumnType::kFullName || t == ColumnType::kDate || t == ColumnType::kCode)
      identity.push_back(c);
  }
  auto draw = [&](Rng& rng, uint32_t& a, uint32_t& b) {
    const uint64_t k = rng.Below64(cumulative.back());
    const size_t block = static_cast<size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), k) - cumulative.begin()) - 1;
    const uint32_t v = value_of[block];
    const uint32_t s = start[v + 1] - start[v];
    uint32_t i = rng.Below(s), j = rng.Below(s - 1);
    if (j >= i) ++j;
    a = members[start[v] + i];
    b = members[start[v] + j];
    return !data.IsLink() || (a < data.LeftCount()) != (b < data.LeftCount());
  };
  auto different = [&](Pattern p) {
    bool any = false;
    for (size_t c : identity) {
      const int g = GammaOf(p, c);
      if (g == 0) continue;
      if (g != comparator.ElseCode(c)) return false;
      any = true;
    }
    return any || identity.empty();
  };
  uint64_t kept = 0;
  CodeCounts counts = CountCodes(comparator, std::min<uint64_t>(samples, cumulative.back() * 4), 7771, threads, draw,
                                 different, kept);
  for (size_t c = 0; c < comparator.Columns(); ++c) {
    if (comparator.Condition(c) != static_cast<int>(condition)) continue;
    const auto split = static_cast<size_t>(comparator.Split(c));
    FillGroup(counts[c], split + 1, static_cast<size_t>(comparator.Codes(c)) - 1, columns[c].u);
  }
  // The same kind of pairs, for the household corrections (EstimateU): how often the family name and the address
  // line agree together among plainly different people, and how often people of one family name at one place
  // whose given names differ completely share a date of birth (twins).
  const Household h = HouseholdColumns(comparator, condition);
  if (h.family >= 0) {
    const auto f = static_cast<size_t>(h.family);
    household.counts = TallyPairs<6>(comparator, samples * 4, 7772, threads, draw, [&](Pattern p, auto& n) {
      const bool family = GammaOf(p, f) == h.family_exact;
      if (different(p)) {
        const bool address = h.address >= 0 && GammaOf(p, static_cast<size_t>(h.address)) == h.address_exact;
        ++n[0];
        n[1] += family;
        n[2] += address;
        n[3] += family && address;
      }
      if (family && h.given >= 0 && h.date >= 0 &&
          GammaOf(p, static_cast<size_t>(h.given)) == comparator.ElseCode(static_cast<size_t>(h.given)) &&
          GammaOf(p, static_cast<size_t>(h.date)) != 0) {
        ++n[4];
        n[5] += GammaOf(p, static_cast<size_t>(h.date)) == 1;
      }
    });
    household.condition = static_cast<int>(condition);
  }
  return kept;
}
}  // namespace

namespace {
// The exact level's u needs no sampling: the chance that two random records (both with a value) agree exactly is
// the sum over values of the pairs sharing it. Sampling then only spreads the rest over the other levels, which
// makes a rare exact level (dates of birth: 1 in 20,000) precise at any sample size.
void ExactU(const Comparator& comparator, size_t c, ColumnModel& cm) {
  if (cm.exact_code != 1) return;
  const Dataset& data = comparator.Data();
  const Column& col = data.columns[c];
  std::vector<uint32_t> left(col.values.Size(), 0), right(col.values.Size(), 0);
  for (uint32_t r = 0; r < data.Size(); ++r) ++(r < data.LeftCount() ? left : right)[col.ids[r]];
  double agree = 0, nl = 0, nr = 0;
  for (uint32_t v = 1; v < col.values.Size(); ++v) {
    const double l = left[v], r = right[v];
    agree += data.IsLink() ? l * r : l * (l - 1) / 2;
    nl += l;
    nr += r;
  }
  const double pairs = data.IsLink() ? nl * nr : nl * (nl - 1) / 2;
  if (pairs <= 0) return;
  const double exact = std::clamp(agree / pairs, 1e-12, 1 - 1e-9);
  const auto last = static_cast<size_t>(cm.split > 0 ? cm.split : static_cast<int>(cm.u.size()) - 1);
  double rest = 0;
  for (size_t g = 2; g <= last; ++g) rest += cm.u[g];
  for (size_t g = 2; g <= last; ++g) cm.u[g] = rest > 0 ? cm.u[g] * (1 - exact) / rest : (1 - exact) / static_cast<double>(last - 1);
  cm.u[1] = exact;
}

}  // namespace

namespace {
// Two corrections to the independence of the household columns among non-matches, measured on pairs sharing the
// anchor (the postcode) without labels:
// - "household": the family name and the address line agreeing at one place are one fact (a house and its family),
//   not two: log2(u_family × u_address / u_both), where u_both is how often plainly different people at one
//   postcode share both (most of them live in one house).
// - "twins": people of one family name at one place whose given names differ completely share a date of birth far
//   more often than random pairs do (twins; u about 0.005 instead of 1 in 20,000), so there the date's agreement
//   counts log2(u_date / u_household) less. Without it twins scored about +9 (0.998): 250 of the 870 false matches
//   at 100,000 moderate. The count includes the few true pairs whose given names differ completely, which makes
//   the correction slightly stronger than the twins alone would.
void AddHouseholdInteractions(const Comparator& comparator, const HouseholdCounts& household, Model& model) {
  if (household.condition < 0) return;
  const Household h = HouseholdColumns(comparator, static_cast<size_t>(household.condition));
  std::array<double, 6> n{};
  for (size_t k = 0; k < n.size(); ++k) n[k] = static_cast<double>(household.counts[k]);
  const double anchor = n[0] + 1;
  if (h.address >= 0 && n[0] > 0) {
    const double family = (n[1] + 0.5) / anchor, address = (n[2] + 0.5) / anchor, both = (n[3] + 0.5) / anchor;
    const double w = std::log2(family * address / both);
    if (w < 0)
      model.interactions.push_back({"household", {{h.family, h.family_exact}, {h.address, h.address_exact}}, w});
  }
  if (h.given >= 0 && h.date >= 0 && n[4] > 0) {
    const ColumnModel& date = model.columns[static_cast<size_t>(h.date)];
    const double u_household = (n[5] + 0.5) / (n[4] + 1);
    const double w = date.exact_code == 1 ? std::log2(date.u[1] / u_household) : 0.0;
    const int given_else = comparator.ElseCode(static_cast<size_t>(h.given));
    if (w < 0) model.interactions.push_back({"twins", {{h.given, given_else}, {h.family, h.family_exact}, {h.date, 1}}, w});
  }
}
}  // namespace

void EstimateU(const Comparator& comparator, const TrainingOptions& options, unsigned threads, Model& model) {
  const Dataset& data = comparator.Data();
  const uint32_t n = data.Size(), left = data.LeftCount();
  const uint64_t samples =
      std::min<uint64_t>(options.u_sample_pairs, static_cast<uint64_t>(std::max(1.0, TotalPairs(data))));
  auto draw = [&](Rng& rng, uint32_t& a, uint32_t& b) {
    if (n < 2) return false;
    if (data.IsLink()) {
      if (left == 0 || left == n) return false;
      a = rng.Below(left);
      b = left + rng.Below(n - left);
    } else {
      a = rng.Below(n);
      b = rng.Below(n - 1);
      if (b >= a) ++b;
    }
    return true;
  };
  uint64_t kept = 0;
  CodeCounts counts = CountCodes(comparator, samples, 20240611, threads, draw, [](Pattern) { return true; }, kept);
  model.u_sample_pairs = kept;
  std::vector<bool> conditions(comparator.Columns(), false);
  for (size_t c = 0; c < comparator.Columns(); ++c) {
    auto& u = model.columns[c].u;
    const auto split = static_cast<size_t>(comparator.Split(c));
    const auto last = static_cast<size_t>(comparator.Codes(c)) - 1;
    FillGroup(counts[c], 1, split > 0 ? split : last, u);
    if (split > 0) {
      FillGroup(counts[c], split + 1, last, u);  // replaced below when pairs sharing the condition exist
      conditions[static_cast<size_t>(comparator.Condition(c))] = true;
    }
  }
  std::vector<HouseholdCounts> households;
  for (size_t t = 0; t < conditions.size(); ++t) {
    if (!conditions[t]) continue;
    households.emplace_back();
    model.conditional_sample_pairs +=
        ConditionalU(comparator, t, samples / 4, threads, model.columns, households.back());
  }
  for (size_t c = 0; c < comparator.Columns(); ++c) ExactU(comparator, c, model.columns[c]);
  model.interactions.clear();
  for (const HouseholdCounts& household : households) AddHouseholdInteractions(comparator, household, model);
}


}  // namespace hearth::linkage
