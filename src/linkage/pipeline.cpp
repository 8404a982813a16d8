#include "linkage/pipeline.hpp"

#include <filesystem>
#include <memory>
#include <ostream>

#include "linkage/comparison.hpp"
#include "linkage/explain.hpp"
#include "linkage/hash.hpp"
#include "linkage/output.hpp"
#include "linkage/parallel.hpp"
#include "linkage/pattern_counter.hpp"
#include "linkage/scoring.hpp"

namespace hearth::linkage {

namespace {
struct Candidate {
  uint32_t a, b;
  Pattern pattern;
};

struct Compared {
  std::vector<BigVector<Candidate>> units;  // kept for scoring after training
  std::vector<std::vector<ScoredPair>> scored;  // filled directly when the model was given
  PatternCounter patterns;                      // with the rules whose blocks hold each pair (a sample)
  double sampled = 1.0;                         // the share of candidates whose patterns were counted
  uint64_t candidates = 0;
};

// Pairs are compared in batches: blocking hands them over in an order that jumps about the record arrays, and a
// batch lets the rows and texts of pairs a few places ahead be prefetched while the current pair is compared.
template <class Use>
class PairBatch {
 public:
  PairBatch(const Comparator& comparator, CompareScratch& scratch, Use& use)
      : comparator_(comparator), scratch_(scratch), use_(use) {}
  void Add(uint32_t a, uint32_t b) {
    pairs_[size_++] = {a, b};
    if (size_ == kSize) Flush();
  }
  void Flush() {
    constexpr size_t kRowsAhead = 12, kTextAhead = 6;
    for (size_t i = 0; i < std::min(size_, kRowsAhead); ++i) Prefetch(i, 2);
    for (size_t i = 0; i < std::min(size_, kTextAhead); ++i) Prefetch(i, 1);
    for (size_t i = 0; i < size_; ++i) {
      if (i + kRowsAhead < size_) Prefetch(i + kRowsAhead, 2);
      if (i + kTextAhead < size_) Prefetch(i + kTextAhead, 1);
      const auto [a, b] = pairs_[i];
      use_(a, b, comparator_.Compare(a, b, scratch_));
    }
    size_ = 0;
  }

 private:
  static constexpr size_t kSize = 256;
  void Prefetch(size_t i, int distance) {
    comparator_.Prefetch(pairs_[i].first, distance);
    comparator_.Prefetch(pairs_[i].second, distance);
  }
  const Comparator& comparator_;
  CompareScratch& scratch_;
  Use& use_;
  std::pair<uint32_t, uint32_t> pairs_[kSize];
  size_t size_ = 0;
};

// Compares every candidate pair once. Without a model, keeps each pair's pattern for scoring after training and
// counts patterns (with the rules whose blocks hold the pair) for EM; with a model, scores straight away and keeps
// only pairs worth writing.
Compared CompareCandidates(const Blocker& blocker, const Comparator& comparator, const Scorer* scorer,
                           float keep_weight, unsigned threads, Progress& progress) {
  Compared out;
  const size_t units = blocker.UnitCount();
  if (scorer) {
    out.scored.resize(units);
  } else {
    out.units.resize(units);
  }
  std::vector<std::unique_ptr<CompareScratch>> scratch(threads);
  std::vector<PatternCounter> counters(threads);
  std::vector<uint64_t> counts(units, 0);
  // Training needs the patterns of a few million pairs, not of all: count a deterministic sample.
  const double rate = std::min(1.0, 3e6 / std::max(1.0, static_cast<double>(blocker.PairsInBlocks())));
  const auto sample_below = static_cast<uint64_t>(rate * 18446744073709551615.0);
  progress.Begin("compare", units);
  ParallelFor(units, threads, [&](size_t u, unsigned worker) {
    if (!scratch[worker]) scratch[worker] = std::make_unique<CompareScratch>(comparator.Columns());
    if (scorer) {
      auto& kept = out.scored[u];
      auto use = [&](uint32_t a, uint32_t b, Pattern p) {
        const float w = scorer->Weight(a, p);
        ++counts[u];
        if (w >= keep_weight) kept.push_back({a, b, w});
      };
      PairBatch<decltype(use)> batch(comparator, *scratch[worker], use);
      blocker.VisitUnit(u, [&](uint32_t a, uint32_t b) { batch.Add(a, b); });
      batch.Flush();
    } else {
      auto& list = out.units[u];
      list.reserve(blocker.PairsOfUnit(u));  // an upper bound; pages never written are never mapped in
      PatternCounter& counter = counters[worker];
      auto use = [&](uint32_t a, uint32_t b, Pattern p) {
        list.push_back({a, b, p});
        if (rate >= 1.0 || Mix64((static_cast<uint64_t>(a) << 32) | b) <= sample_below)
          counter.Add(p, blocker.RuleMask(a, b));
      };
      PairBatch<decltype(use)> batch(comparator, *scratch[worker], use);
      blocker.VisitUnit(u, [&](uint32_t a, uint32_t b) { batch.Add(a, b); });
      batch.Flush();
      counts[u] = list.size();
    }
    progress.Advance(1);
  });
  for (size_t w = 1; w < counters.size(); ++w) counters[0].Merge(counters[w]);
  out.patterns = std::move(counters[0]);
  for (uint64_t c : counts) out.candidates += c;
  out.sampled = rate;
  return out;
}

std::vector<std::vector<ScoredPair>> ScoreCandidates(std::vector<BigVector<Candidate>>& units, const Scorer& scorer,
                                                     float keep_weight, unsigned threads, Progress& progress) {
  std::vector<std::vector<ScoredPair>> scored(units.size());
  progress.Begin("score", units.size());
  ParallelFor(units.size(), threads, [&](size_t u, unsigned) {
    for (const Candidate& c : units[u]) {
      const float w = scorer.Weight(c.a, c.pattern);
      if (w >= keep_weight) scored[u].push_back({c.a, c.b, w});
    }
    BigVector<Candidate>().swap(units[u]);  // free as we go
    progress.Advance(1);
  });
  return scored;
}

void ExplainPairs(const RunOptions& options, const Dataset& data, const Blocker& blocker,
                  const Comparator& comparator, const Scorer& scorer, const Model& model, std::ostream& out) {
  for (const auto& [ida, idb] : options.explain) {
    const int64_t a = data.Find(ida, 0);
    const int64_t b = data.Find(idb, data.IsLink() ? 1 : 0);
    if (a < 0 || b < 0) {
      out << "explain: no record with id '" << (a < 0 ? ida : idb) << "'"
          << (data.IsLink() ? (a < 0 ? " in the first file" : " in the second file") : "") << "\n";
      continue;
    }
    auto e = Explain(comparator, scorer, model, static_cast<uint32_t>(a), static_cast<uint32_t>(b));
    for (size_t r = 0; r < blocker.Stats().size(); ++r)
      if (blocker.SharesKey(static_cast<uint32_t>(a), static_cast<uint32_t>(b), r))
        e.blocking_rules.push_back(blocker.Stats()[r].text);
    if (e.blocking_rules.empty()) e.blocking_rules.push_back("none: blocking would not compare these records");
    out << FormatExplanation(e);
  }
}

Result<Dataset> ReadAndStandardise(const LinkageConfig& config, const NameVariants& variants,
                                   const RunOptions& options, unsigned threads, Progress& progress,
                                   RunSummary& summary) {
  progress.Begin("read", options.inputs.size());
  std::vector<CsvFile> files;
  DatasetBuilder builder(config, variants);
  for (const auto& path : options.inputs) {
    auto file = CsvFile::Open(path, config.delimiter);
    if (!file) return file.error();
    files.push_back(std::move(*file));
    auto added = builder.AddFile(files.back());
    if (!added) return added.error();
  }
  summary.stages.emplace_back("read", progress.End());
  progress.Begin("standardise", config.columns.size());
  Dataset data = builder.Finish(threads);
  summary.stages.emplace_back("standardise", progress.End());
  return data;
}
}  // namespace

Result<bool> ExplainOnly(const LinkageConfig& config, const NameVariants& variants, const RunOptions& options,
                         std::ostream& out) {
  auto model = LoadModel(options.model_in, config);
  if (!model) return model.error();
  const unsigned threads = options.threads > 0 ? options.threads : DefaultThreads();
  Progress quiet(out, false, true);
  RunSummary summary;
  auto data = ReadAndStandardise(config, variants, options, threads, quiet, summary);
  if (!data) return data.error();
  Blocker blocker(*data, config.blocking, config.max_block_size, threads);
  Comparator comparator(*data);
  Scorer scorer(*model, comparator);
  ExplainPairs(options, *data, blocker, comparator, scorer, *model, out);
  return true;
}

double RunSummary::Seconds() const {
  double s = 0;
  for (const auto& st : stages) s += st.second;
  return s;
}

Result<RunSummary> RunLinkage(const LinkageConfig& config, const NameVariants& variants, const RunOptions& options,
                              Progress& progress, std::ostream& out) {
  RunSummary summary;
  summary.inputs = options.inputs;
  summary.threshold = config.threshold;
  summary.min_probability = options.min_probability.value_or(config.threshold);
  const unsigned threads = options.threads > 0 ? options.threads : DefaultThreads();
  Model model;
  if (!options.model_in.empty()) {
    auto loaded = LoadModel(options.model_in, config);
    if (!loaded) return loaded.error();
    model = std::move(*loaded);
  }
  auto data = ReadAndStandardise(config, variants, options, threads, progress, summary);
  if (!data) return data.error();
  summary.records = data->Size();
  summary.left_records = data->LeftCount();
  summary.reads = data->reads;
  for (const auto& c : data->columns) summary.columns.emplace_back(c.config.name, c.report);
  summary.total_pairs = TotalPairs(*data);

  progress.Begin("block", config.blocking.size());
  Blocker blocker(*data, config.blocking, config.max_block_size, threads);
  summary.rules = blocker.Stats();
  summary.stages.emplace_back("block", progress.End());

  Comparator comparator(*data);
  const float pair_weight = static_cast<float>(Scorer::WeightOf(summary.min_probability));
  const float edge_weight = static_cast<float>(Scorer::WeightOf(config.threshold));
  const float keep_weight = std::min(pair_weight, edge_weight);
  std::unique_ptr<Scorer> scorer;
  if (!options.model_in.empty()) scorer = std::make_unique<Scorer>(model, comparator);
  Compared compared = CompareCandidates(blocker, comparator, scorer.get(), keep_weight, threads, progress);
  summary.candidates = compared.candidates;
  summary.stages.emplace_back("compare", progress.End(Thousands(compared.candidates) + " candidate pairs"));

  if (!scorer) {
    progress.Begin("train", 1);
    TrainingOptions training;
    training.u_sample_pairs = config.u_sample_pairs;
    training.em_max_iterations = config.em_max_iterations;
    training.max_block_size = config.max_block_size;
    model = TrainModel(comparator, config.blocking, compared.patterns, compared.candidates, training, threads);
    summary.model_trained = true;
    summary.stages.emplace_back("train", progress.End());
    scorer = std::make_unique<Scorer>(model, comparator);
    compared.scored = ScoreCandidates(compared.units, *scorer, keep_weight, threads, progress);
    summary.stages.emplace_back("score", progress.End());
  }
  summary.model = model;

  progress.Begin("cluster", 1);
  std::vector<Edge> edges;
  for (const auto& unit : compared.scored)
    for (const ScoredPair& p : unit)
      if (p.weight >= edge_weight) edges.push_back({p.a, p.b, p.weight});
  summary.clusters = Cluster(data->Size(), std::move(edges), config.cluster_min_density);
  summary.stages.emplace_back("cluster", progress.End());

  if (!options.out_dir.empty()) {
    progress.Begin("write", 3);
    std::error_code ec;
    std::filesystem::create_directories(options.out_dir, ec);
    const std::filesystem::path dir(options.out_dir);
    auto written = WritePairs((dir / "pairs.csv").string(), *data, compared.scored, pair_weight);
    if (!written) return written.error();
    summary.pairs_written = *written;
    auto clusters = WriteClusters((dir / "clusters.csv").string(), *data, summary.clusters.cluster_of);
    if (!clusters) return clusters.error();
    if (options.write_candidates) {
      auto candidates = WriteCandidates((dir / "candidates.csv").string(), *data, blocker);
      if (!candidates) return candidates.error();
    }
    if (summary.model_trained) {
      auto saved = SaveModel(model, (dir / "model.toml").string());
      if (!saved) return saved.error();
    }
    summary.stages.emplace_back("write", progress.End());
  } else {
    for (const auto& unit : compared.scored)
      for (const ScoredPair& p : unit) summary.pairs_written += p.weight >= pair_weight;
  }
  summary.clusters.cluster_of.clear();
  if (!options.explain.empty()) ExplainPairs(options, *data, blocker, comparator, *scorer, model, out);
  summary.peak_memory = PeakMemoryBytes();
  return summary;
}

}  // namespace hearth::linkage
