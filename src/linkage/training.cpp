// Unsupervised training of the model: u from random pairs, m by EM sessions per blocking rule, λ by EM on the
// candidates. See model.hpp for why it is split this way.
#include <algorithm>
#include <cmath>
#include <memory>

#include "linkage/blocking.hpp"
#include "linkage/hash.hpp"
#include "linkage/model.hpp"
#include "linkage/pair_batch.hpp"
#include "linkage/parallel.hpp"
#include "linkage/pattern_counter.hpp"

namespace hearth::linkage {

namespace {
// Columns whose comparison a rule biases: those it keys on, every column tied to one of them by a condition
// (family name, street and postcode go together: households), and categories when it keys on a given name.
std::vector<bool> BlockedColumns(const Comparator& comparator, const BlockingRule& rule) {
  const Dataset& data = comparator.Data();
  std::vector<bool> blocked(comparator.Columns(), false);
  bool given = false;
  // A condition biases its column's comparison, as a key does: in a session on the rule it is learned with its u.
  std::vector<KeyPart> parts = rule.parts;
  parts.insert(parts.end(), rule.conditions.begin(), rule.conditions.end());
  for (const KeyPart& part : parts) {
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
    // The sampled pairs of a training-only rule lie anywhere in memory: batched, so their rows are prefetched.
    auto use = [&](uint32_t, uint32_t, Pattern p) { counters[w].Add(p); };
    PairBatch<decltype(use)> batch(comparator, *scratch[w], use);
    blocker.VisitUnit(
        first + i,
        [&](uint32_t a, uint32_t b) {
          if (rate < 1.0 && Mix64((static_cast<uint64_t>(a) << 32) | b) > limit) return;
          batch.Add(a, b);
        },
        true);
    batch.Flush();
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

// The given name's "swapped" level (given and family names exchanged). A rule keyed on either name cannot see
// swapped pairs (their keys differ), so every session on such a rule puts almost no m there, and the mean of the
// sessions undervalues a swap by a factor of dozens. A training-only session on the date of birth alone sees them;
// its m for the level replaces the mean, the other levels scaled to keep the total.
void EstimateSwappedLevel(const Comparator& comparator, const TrainingOptions& options, unsigned threads,
                          Model& model) {
  const Dataset& data = comparator.Data();
  int given = -1, date = -1;
  size_t swapped_code = 0;
  for (size_t c = 0; c < comparator.Columns(); ++c) {
    const ColumnConfig& config = data.columns[c].config;
    if (config.type == ColumnType::kDate && date < 0) date = static_cast<int>(c);
    if (config.type != ColumnType::kGivenName || given >= 0) continue;
    for (size_t i = 0; i < config.levels.size(); ++i) {
      if (config.levels[i].kind != LevelKind::kSwapped) continue;
      given = static_cast<int>(c);
      swapped_code = i + 1;
    }
  }
  if (given < 0 || date < 0) return;
  const auto g = static_cast<size_t>(given);
  BlockingRule rule;
  rule.parts.push_back(KeyPart{{date}, KeyTransform::kExact, 0});
  rule.text = data.columns[static_cast<size_t>(date)].config.name;
  Blocker extra(data, {rule}, options.max_block_size, threads);
  const auto patterns = SessionPatterns(comparator, extra, 0, options.swap_session_pairs, threads);
  std::vector<std::vector<double>> m;
  std::vector<bool> estimated;
  auto session = RunSession(comparator, patterns, rule, rule.text + " (training only: swapped names)", model, options,
                            m, estimated);
  if (session.estimated.empty() || !estimated[g]) return;
  std::vector<double>& target = model.columns[g].m;
  double total = 0;
  for (size_t k = 1; k < target.size(); ++k) total += target[k];
  const double fresh = m[g][swapped_code], old = target[swapped_code];
  if (fresh <= 0 || fresh >= total || old >= total) return;
  const double scale = (total - fresh) / (total - old);
  for (size_t k = 1; k < target.size(); ++k) target[k] = k == swapped_code ? fresh : target[k] * scale;
  session.estimated = {data.columns[g].config.name};
  model.sessions.push_back(std::move(session));
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

}  // namespace

Model TrainModel(const Comparator& comparator, const Blocker& blocker, const std::vector<BlockingRule>& rules,
                 const PatternCounter& patterns, uint64_t candidate_pairs, const TrainingOptions& options,
                 unsigned threads) {
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
    TrainingSession session;
    if (rules[r].conditions.empty()) {
      session = RunSession(comparator, patterns.Items(static_cast<int>(r)), rules[r], rules[r].text, model, options, m,
                           estimated);
    } else {
      // A condition biases its column among the rule's candidates (non-matches agree on it more than random pairs
      // do), and in a session on names the other columns are tied to them (households), so nothing would be left
      // with a known u. The session runs on the rule's blocks without the conditions instead: a sample of them,
      // compared for training only, about as many pairs as a rule's share of the candidates' sample.
      BlockingRule unconditioned = rules[r];
      unconditioned.conditions.clear();
      const auto own = SessionPatterns(comparator, blocker, r, options.unconditioned_session_pairs, threads);
      session = RunSession(comparator, own, unconditioned,
                           rules[r].text + " (training only: its blocks without the conditions)", model, options, m,
                           estimated);
    }
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
  EstimateSwappedLevel(comparator, options, threads, model);
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
