#include "linkage/model.hpp"

#include <algorithm>
#include <cmath>

namespace hearth::linkage {

namespace {
constexpr double kMinProbability = 1e-9;

// Normalises codes [first, last] of v to sum to one.
void Normalise(std::vector<double>& v, size_t first, size_t last) {
  double sum = 0;
  for (size_t g = first; g <= last; ++g) sum += v[g];
  if (sum <= 0) return;
  for (size_t g = first; g <= last; ++g) v[g] /= sum;
}

void NormaliseGroups(std::vector<double>& v, int split) {
  if (v.size() < 2) return;
  if (split > 0) {
    Normalise(v, 1, static_cast<size_t>(split));
    Normalise(v, static_cast<size_t>(split) + 1, v.size() - 1);
  } else {
    Normalise(v, 1, v.size() - 1);
  }
}
}  // namespace

double ColumnModel::Weight(int code) const {
  if (code <= 0 || static_cast<size_t>(code) >= m.size()) return 0.0;
  return std::log2(std::max(m[static_cast<size_t>(code)], kMinProbability) /
                   std::max(u[static_cast<size_t>(code)], kMinProbability));
}

double Model::PriorWeight() const { return std::log2(prior / (1.0 - prior)); }

double TotalPairs(const Dataset& data) {
  const double n = data.Size();
  if (data.IsLink()) return static_cast<double>(data.LeftCount()) * (n - data.LeftCount());
  return n * (n - 1) / 2;
}

std::vector<std::string> CodeLabels(const ColumnConfig& column) {
  std::vector<std::string> labels{"null"};
  for (const auto& l : column.levels) labels.push_back(l.label);
  labels.push_back("else");
  if (!column.conditional_on.empty()) {
    const std::string suffix = " (same place)";
    const size_t base = labels.size();
    for (size_t g = 1; g < base; ++g) labels.push_back(labels[g] + suffix);
  }
  return labels;
}

std::vector<double> StartingM(int codes, int split) {
  // Per group of K levels and else: exact 0.8; the other levels share 0.15, more to the stronger; else 0.05.
  auto group = [](int n) {
    std::vector<double> g(static_cast<size_t>(n), 0.0);
    const int k = n - 1;
    if (k == 0) {
      g[0] = 1.0;
      return g;
    }
    g[0] = k == 1 ? 0.95 : 0.8;
    double share = 0;
    for (int i = 2; i <= k; ++i) share += 1.0 / i;
    for (int i = 2; i <= k; ++i) g[static_cast<size_t>(i - 1)] = 0.15 * (1.0 / i) / share;
    g[static_cast<size_t>(k)] = 0.05;
    return g;
  };
  std::vector<double> m{0.0};
  const int first = split > 0 ? split : codes - 1;
  auto a = group(first);
  m.insert(m.end(), a.begin(), a.end());
  if (split > 0) {
    auto b = group(codes - 1 - split);
    m.insert(m.end(), b.begin(), b.end());
  }
  NormaliseGroups(m, split);
  return m;
}

namespace {
struct EmState {
  std::vector<std::vector<double>> lm, lh, lu;  // logs of m, h, u
  std::vector<std::vector<double>> am, ah, au;  // expected counts
};

void PrepareLogs(const EmSpec& spec, const std::vector<std::vector<double>>& m, const std::vector<std::vector<double>>& h,
                 const std::vector<std::vector<double>>& u, EmState& s) {
  const double pseudo = 1e-3;  // keeps every probability above zero
  const size_t columns = spec.use.size();
  for (auto* v : {&s.lm, &s.lh, &s.lu, &s.am, &s.ah, &s.au}) v->resize(columns);
  for (size_t c = 0; c < columns; ++c) {
    const size_t n = m[c].size();
    s.lm[c].assign(n, 0);
    s.lh[c].assign(n, 0);
    s.lu[c].assign(n, 0);
    for (size_t g = 1; g < n; ++g) {
      s.lm[c][g] = std::log(std::max(m[c][g], kMinProbability));
      s.lh[c][g] = std::log(std::max(h[c][g], kMinProbability));
      s.lu[c][g] = std::log(std::max(u[c][g], kMinProbability));
    }
    s.am[c].assign(n, pseudo);
    s.ah[c].assign(n, pseudo);
    s.au[c].assign(n, pseudo);
  }
}
}  // namespace

EmResult RunEm(const PatternCounts& patterns, const EmSpec& spec, std::vector<std::vector<double>> m,
               std::vector<std::vector<double>> u, double lambda, int max_iterations) {
  const size_t columns = spec.use.size();
  // The household class starts like matches on the columns it learns (a household shares an address).
  std::vector<std::vector<double>> h = u;
  double lambda_h = 0;
  if (spec.household_class) {
    for (size_t c = 0; c < columns; ++c)
      if (spec.learn_u[c]) h[c] = m[c];
    lambda_h = 0.01;
  }
  EmResult r;
  EmState s;
  for (int it = 0; it < max_iterations; ++it) {
    PrepareLogs(spec, m, h, u, s);
    const double log_m = std::log(lambda), log_h = lambda_h > 0 ? std::log(lambda_h) : -1e300;
    const double log_u = std::log(std::max(1e-300, 1 - lambda - lambda_h));
    double matches = 0, households = 0, total = 0;
    for (const auto& [p, n] : patterns) {
      double sm = log_m, sh = log_h, su = log_u;
      for (size_t c = 0; c < columns; ++c) {
        const auto g = static_cast<size_t>(GammaOf(p, c));
        if (g == 0 || !spec.use[c]) continue;
        sm += s.lm[c][g];
        sh += s.lh[c][g];
        su += s.lu[c][g];
      }
      const double top = std::max({sm, sh, su});
      const double em = std::exp(sm - top), eh = std::exp(sh - top), eu = std::exp(su - top);
      const double wm = em / (em + eh + eu), wh = eh / (em + eh + eu), wu = 1 - wm - wh;
      const double dn = static_cast<double>(n);
      matches += wm * dn;
      households += wh * dn;
      total += dn;
      for (size_t c = 0; c < columns; ++c) {
        const auto g = static_cast<size_t>(GammaOf(p, c));
        if (g == 0 || !spec.use[c]) continue;
        s.am[c][g] += wm * dn;
        s.ah[c][g] += wh * dn;
        s.au[c][g] += wu * dn;
      }
    }
    double change = 0;
    for (size_t c = 0; c < columns; ++c) {
      if (!spec.use[c]) continue;
      s.am[c][0] = s.ah[c][0] = s.au[c][0] = 0;
      NormaliseGroups(s.am[c], spec.split[c]);
      NormaliseGroups(s.ah[c], spec.split[c]);
      NormaliseGroups(s.au[c], spec.split[c]);
      for (size_t g = 1; g < s.am[c].size(); ++g) {
        if (spec.learn_m[c]) {
          change = std::max(change, std::abs(s.am[c][g] - m[c][g]));
          m[c][g] = s.am[c][g];
        }
        if (spec.learn_u[c]) {
          change = std::max(change, std::abs(s.au[c][g] - u[c][g]));
          u[c][g] = s.au[c][g];
          if (spec.household_class) h[c][g] = s.ah[c][g];
        }
      }
    }
    const double next = total > 0 ? std::clamp(matches / total, 1e-9, 1 - 1e-9) : lambda;
    const double next_h = spec.household_class && total > 0 ? std::clamp(households / total, 1e-12, 1 - next) : 0;
    change = std::max({change, std::abs(next - lambda), std::abs(next_h - lambda_h)});
    lambda = next;
    lambda_h = next_h;
    r.iterations = it + 1;
    if (change < 1e-7) {
      r.converged = true;
      break;
    }
  }
  r.m = std::move(m);
  r.u = std::move(u);
  r.lambda = lambda;
  r.lambda_household = lambda_h;
  return r;
}

}  // namespace hearth::linkage
