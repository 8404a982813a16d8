// Unsupervised training of the model: u from random pairs, m by EM sessions per blocking rule, λ by EM on the
// candidates. See model.hpp for why it is split this way.
#include <algorithm>
#include <cmath>
#include <memory>

#include "linkage/blocking.hpp"
#include "linkage/hash.hpp"
#include "linkage/model.hpp"
#include "linkage/parallel.hpp"
#include "linkage/pattern_counter.hpp"

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
    for (uint64_t i = 0; i < todo; ++i) {
      uint32_t a = 0, b = 0;
      if (!draw(rng, a, b)) continue;
      const Pattern p = comparator.Compare(a, b, scratch);
      if (!keep(p)) continue;
      ++counts[columns * 16];
      for (size_t c = 0; c < columns; ++c) ++counts[c * 16 + static_cast<size_t>(GammaOf(p, c))];
    }
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

// u for the "same <condition>" codes of conditioned columns: pairs sharing the condition column's value that are
// plainly different people (every identity column present disagrees completely), such as neighbours and other
// members of a household. Returns the pairs used.
uint64_t ConditionalU(const Comparator& comparator, size_t condition, uint64_t samples, unsigned threads,
                      std::vector<ColumnModel>& columns) {
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
  return kept;
}
}  // namespace


namespace {
// Columns whose comparison a rule biases: those it keys on, every column tied to one of them by a condition
// (family name, street and postcode go together: households), and categories when it keys on a given name.
std::vector<bool> BlockedColumns(const Comparator& comparator, const BlockingRule& rule) {
  const Dataset& data = comparator.Data();
  std::vector<bool> blocked(comparator.Columns(), false);
  bool given = false;
  for (const KeyPart& part : rule.parts) {
    for (int c : part.columns) {
      blocked[static_cast<size_t>(c)] = true;
      given = given || data.columns[static_cast<size_t>(c)].config.type == ColumnType::kGivenName;
    }
  }
  // Categories such as sex go with the given name: namesakes mostly share them.
  if (given)
    for (size_t c = 0; c < blocked.size(); ++c)
      if (data.columns[c].config.type == ColumnType::kCategory) blocked[c] = true;
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t c = 0; c < blocked.size(); ++c) {
      const int t = comparator.Condition(c);
      if (t < 0) continue;
      const auto target = static_cast<size_t>(t);
      if (blocked[c] != blocked[target]) {
        blocked[c] = blocked[target] = true;
        changed = true;
      }
    }
  }
  return blocked;
}

// Rules keyed on where people live are not used for training: their blocks gather households, whose members
// share a surname and an address, and EM would take a household for one person seen several times.
bool KeysOnAddress(const Comparator& comparator, const BlockingRule& rule) {
  for (const KeyPart& part : rule.parts) {
    for (int c : part.columns) {
      const ColumnType t = comparator.Data().columns[static_cast<size_t>(c)].config.type;
      if (t == ColumnType::kPostcode || t == ColumnType::kAddressText || t == ColumnType::kHouseNumber) return true;
    }
  }
  return false;
}

// Every pair in the rule's blocks, sampled down to about max_pairs (for the training-only rule, whose pairs were
// not compared with the candidates).
PatternCounts SessionPatterns(const Comparator& comparator, const Blocker& blocker, size_t rule, uint64_t max_pairs,
                              unsigned threads) {
  const auto [first, end] = blocker.UnitsOfRule(rule);
  const uint64_t total = blocker.PairsOfRule(rule);
  const double rate = total <= max_pairs ? 1.0 : static_cast<double>(max_pairs) / static_cast<double>(total);
  const auto limit = static_cast<uint64_t>(rate * 18446744073709551615.0);
  std::vector<PatternCounter> counters(threads);
  std::vector<std::unique_ptr<CompareScratch>> scratch(threads);
  ParallelFor(end - first, threads, [&](size_t i, unsigned w) {
    if (!scratch[w]) scratch[w] = std::make_unique<CompareScratch>(comparator.Columns());
    blocker.VisitUnit(
        first + i,
        [&](uint32_t a, uint32_t b) {
          if (rate < 1.0 && Mix64((static_cast<uint64_t>(a) << 32) | b) > limit) return;
          counters[w].Add(comparator.Compare(a, b, *scratch[w]));
        },
        true);
  });
  for (size_t w = 1; w < counters.size(); ++w) counters[0].Merge(counters[w]);
  return counters[0].Items();
}

// A rule for training only: exact agreement on up to two columns (in different condition groups) that do not
// touch the columns still needing an estimate. Dates, codes and postcodes make the best anchors.
bool AnchorRule(const Comparator& comparator, const std::vector<bool>& needed, BlockingRule& rule) {
  const Dataset& data = comparator.Data();
  static constexpr ColumnType kOrder[] = {ColumnType::kDate, ColumnType::kPostcode, ColumnType::kCode,
                                          ColumnType::kAddressText, ColumnType::kHouseNumber};
  rule = BlockingRule{};
  std::vector<bool> used(comparator.Columns(), false);
  for (ColumnType type : kOrder) {
    for (size_t c = 0; c < comparator.Columns() && rule.parts.size() < 2; ++c) {
      if (data.columns[c].config.type != type || needed[c]) continue;
      BlockingRule trial = rule;
      trial.parts.push_back(KeyPart{{static_cast<int>(c)}, KeyTransform::kExact, 0});
      auto blocked = BlockedColumns(comparator, trial);
      bool clash = false;
      for (size_t k = 0; k < blocked.size(); ++k) clash = clash || (blocked[k] && (needed[k] || (used[k] && k != c)));
      if (clash) continue;
      for (size_t k = 0; k < blocked.size(); ++k) used[k] = used[k] || blocked[k];
      rule = trial;
      rule.text += (rule.text.empty() ? "" : " & ") + data.columns[c].config.name;
    }
  }
  return !rule.parts.empty();
}

// One EM session on the rule's pairs. Columns the rule keys on are left out (they agree by construction). Columns
// tied to a keyed column by a condition (the household columns when the rule keys on the family name) are in,
// with u learned too: non-matches in these blocks share them more often than random pairs do (namesakes in one
// household). Every other column keeps its random-pair u, which is what makes the session identifiable.
TrainingSession RunSession(const Comparator& comparator, const PatternCounts& patterns, const BlockingRule& rule,
                           const std::string& text, const Model& model, const TrainingOptions& options,
                           std::vector<std::vector<double>>& m_out, std::vector<bool>& estimated) {
  const size_t columns = comparator.Columns();
  std::vector<bool> keyed(columns, false);
  for (const KeyPart& part : rule.parts)
    for (int c : part.columns) keyed[static_cast<size_t>(c)] = true;
  const auto tied = BlockedColumns(comparator, rule);
  EmSpec spec{std::vector<bool>(columns), std::vector<bool>(columns), std::vector<bool>(columns), {}, false};
  TrainingSession session;
  session.rule = text;
  for (const auto& [p, n] : patterns) session.pairs += n;
  int fixed_u = 0;
  std::vector<std::vector<double>> m, u;
  for (size_t c = 0; c < columns; ++c) {
    spec.use[c] = spec.learn_m[c] = !keyed[c];
    spec.learn_u[c] = !keyed[c] && tied[c];
    spec.household_class = spec.household_class || spec.learn_u[c];
    fixed_u += spec.use[c] && !spec.learn_u[c];
    spec.split.push_back(comparator.Split(c));
    m.push_back(StartingM(comparator.Codes(c), comparator.Split(c)));
    u.push_back(model.columns[c].u);
    if (spec.use[c]) session.estimated.push_back(model.columns[c].name);
  }
  estimated = spec.learn_m;
  if (fixed_u < 1 || session.pairs == 0) {  // nothing known about non-matches here to tell the classes apart
    estimated.assign(columns, false);
    session.estimated.clear();
    return session;
  }
  EmResult em = RunEm(patterns, spec, m, u, 0.1, options.em_max_iterations);
  session.lambda = em.lambda;
  session.iterations = em.iterations;
  session.converged = em.converged;
  m_out = std::move(em.m);
  return session;
}

Model Skeleton(const Comparator& comparator) {
  const Dataset& data = comparator.Data();
  Model model;
  for (size_t c = 0; c < comparator.Columns(); ++c) {
    const ColumnConfig& config = data.columns[c].config;
    ColumnModel cm;
    cm.name = config.name;
    cm.type = config.type;
    cm.term_frequency = config.term_frequency;
    cm.labels = CodeLabels(config);
    cm.split = comparator.Split(c);
    cm.condition = config.conditional_on;
    for (size_t i = 0; i < config.levels.size(); ++i)
      if (config.levels[i].kind == LevelKind::kExact && cm.exact_code == 0) cm.exact_code = static_cast<int>(i) + 1;
    cm.m = StartingM(comparator.Codes(c), cm.split);
    cm.u.assign(static_cast<size_t>(comparator.Codes(c)), 0.0);
    model.columns.push_back(std::move(cm));
  }
  return model;
}

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
  for (size_t t = 0; t < conditions.size(); ++t)
    if (conditions[t]) model.conditional_sample_pairs += ConditionalU(comparator, t, samples / 3, threads, model.columns);
  for (size_t c = 0; c < comparator.Columns(); ++c) ExactU(comparator, c, model.columns[c]);
}
}  // namespace

Model TrainModel(const Comparator& comparator, const std::vector<BlockingRule>& rules, const PatternCounter& patterns,
                 uint64_t candidate_pairs, const TrainingOptions& options, unsigned threads) {
  const PatternCounts candidate_patterns = patterns.Items();
  const size_t columns = comparator.Columns();
  Model model = Skeleton(comparator);
  EstimateU(comparator, options, threads, model);
  // m: one EM session per rule, on the columns it leaves free; then one more for columns no rule left free.
  std::vector<std::vector<double>> m_sum(columns);
  std::vector<int> sessions_per_column(columns, 0);
  auto absorb = [&](const std::vector<bool>& free, const std::vector<std::vector<double>>& m) {
    for (size_t c = 0; c < columns; ++c) {
      if (!free[c]) continue;
      if (m_sum[c].empty()) m_sum[c].assign(m[c].size(), 0.0);
      for (size_t g = 0; g < m[c].size(); ++g) m_sum[c][g] += m[c][g];
      ++sessions_per_column[c];
    }
  };
  for (size_t r = 0; r < rules.size(); ++r) {
    if (KeysOnAddress(comparator, rules[r])) continue;
    std::vector<std::vector<double>> m;
    std::vector<bool> estimated;
    auto session =
        RunSession(comparator, patterns.Items(static_cast<int>(r)), rules[r], rules[r].text, model, options, m, estimated);
    if (session.estimated.empty()) continue;
    model.sessions.push_back(std::move(session));
    absorb(estimated, m);
  }
  std::vector<bool> needed(columns);
  bool any_needed = false;
  for (size_t c = 0; c < columns; ++c) any_needed = (needed[c] = sessions_per_column[c] == 0) || any_needed;
  BlockingRule anchor;
  if (any_needed && AnchorRule(comparator, needed, anchor)) {
    Blocker extra(comparator.Data(), {anchor}, options.max_block_size, threads);
    std::vector<std::vector<double>> m;
    std::vector<bool> estimated;
    auto anchor_patterns = SessionPatterns(comparator, extra, 0, options.session_pairs, threads);
    auto session = RunSession(comparator, anchor_patterns, anchor, anchor.text + " (training only)", model, options,
                              m, estimated);
    if (!session.estimated.empty()) {
      model.sessions.push_back(std::move(session));
      absorb(estimated, m);
    }
  }
  for (size_t c = 0; c < columns; ++c) {
    if (sessions_per_column[c] == 0) continue;  // keeps the starting m
    for (size_t g = 0; g < m_sum[c].size(); ++g) model.columns[c].m[g] = m_sum[c][g] / sessions_per_column[c];
  }
  // λ: EM on every candidate pair with m fixed; u free, as the candidates' non-matches are not random pairs.
  EmSpec spec{std::vector<bool>(columns, true), std::vector<bool>(columns, false), std::vector<bool>(columns, true), {},
              false};
  std::vector<std::vector<double>> m, u;
  for (size_t c = 0; c < columns; ++c) {
    spec.split.push_back(comparator.Split(c));
    m.push_back(model.columns[c].m);
    u.push_back(model.columns[c].u);
  }
  EmResult em = RunEm(candidate_patterns, spec, m, u, 0.1, options.em_max_iterations);
  for (size_t c = 0; c < columns; ++c) model.columns[c].u_candidates = em.u[c];
  model.candidate_pairs = candidate_pairs;
  model.patterns = candidate_patterns.size();
  model.candidate_prior = em.lambda;
  model.em_iterations = em.iterations;
  model.em_converged = em.converged;
  const double total_pairs = std::max(1.0, TotalPairs(comparator.Data()));
  model.prior = std::clamp(em.lambda * static_cast<double>(candidate_pairs) / total_pairs, 1e-15, 0.5);
  return model;
}

}  // namespace hearth::linkage
