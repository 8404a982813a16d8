#include "linkage/pipeline.hpp"

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>
#include <ostream>

#include "linkage/comparison.hpp"
#include "linkage/explain.hpp"
#include "linkage/hash.hpp"
#include "linkage/output.hpp"
#include "linkage/pair_batch.hpp"
#include "linkage/parallel.hpp"
#include "linkage/pattern_counter.hpp"
#include "linkage/scoring.hpp"

namespace hearth::linkage {

namespace {
// A compared pair kept for scoring after training: 12 bytes rather than 16, the pattern's low 32 bits (eight
// columns); a wider pattern's high word goes in a list of its own. (Visiting the pairs again to score them, keeping
// only the patterns, saved memory but cost more time than the kernel's zeroing of the larger list: the duplicate
// checks read two records' block ids from anywhere in memory.)
struct Candidate {
  uint32_t a, b;
  uint32_t pattern;
};
// Each worker appends the pairs of the units it compares to one list of its own; a unit's pairs are a span of its
// worker's list. (A list per unit, reserved at the unit's pairs-in-blocks bound, touched at least one fresh 2 MiB
// page per unit — and a rule with conditions keeps a tenth of its blocks' pairs, so most of those pages were
// zeroed by the kernel for nothing.)
struct WorkerCandidates {
  BigVector<Candidate> list;
  BigVector<uint32_t> high;  // patterns' high words, only with more than eight columns
};
struct UnitSpan {
  uint32_t worker = 0;
  size_t begin = 0, end = 0;
};
struct KeptCandidates {
  std::vector<WorkerCandidates> workers;
  std::vector<UnitSpan> units;
};

struct Compared {
  KeptCandidates kept;                          // kept for scoring after training
  std::vector<std::vector<ScoredPair>> scored;  // filled directly when the model was given
  PatternCounter patterns;                      // with the rules whose blocks hold each pair (a sample)
  double sampled = 1.0;                         // the share of candidates whose patterns were counted
  uint64_t candidates = 0;
  std::vector<uint64_t> per_unit;               // candidates per blocking work unit
};

// Compares every candidate pair once. Without a model, keeps each pair's pattern for scoring after training and
// counts patterns (with the rules whose blocks hold the pair) for EM; with a model, scores straight away and keeps
// only pairs worth writing.
Compared CompareCandidates(const Blocker& blocker, const Comparator& comparator, const Scorer* scorer,
                           float keep_weight, unsigned threads, Progress& progress, bool keep_pairs = true) {
  Compared out;
  const size_t units = blocker.UnitCount();
  const bool wide = comparator.Columns() * kBitsPerColumn > 32;
  if (scorer) {
    out.scored.resize(units);
  } else {
    out.kept.units.resize(units);
    out.kept.workers.resize(threads);
    if (keep_pairs) {
      // Address space only: pages never written are never mapped in.
      for (auto& w : out.kept.workers) {
        w.list.reserve(blocker.PairsInBlocks());
        if (wide) w.high.reserve(blocker.PairsInBlocks());
      }
    }
  }
  std::vector<uint64_t> counted(threads, 0);
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
      auto& list = out.kept.workers[worker].list;
      auto& high = out.kept.workers[worker].high;
      UnitSpan& span = out.kept.units[u];
      span.worker = worker;
      span.begin = list.size();
      PatternCounter& counter = counters[worker];
      uint64_t seen = 0;
      auto use = [&](uint32_t a, uint32_t b, Pattern p) {
        ++seen;
        if (keep_pairs) {
          list.push_back({a, b, static_cast<uint32_t>(p)});
          if (wide) high.push_back(static_cast<uint32_t>(p >> 32));
        }
        if (rate >= 1.0 || Mix64((static_cast<uint64_t>(a) << 32) | b) <= sample_below)
          counter.Add(p, blocker.RuleMask(a, b));
      };
      PairBatch<decltype(use)> batch(comparator, *scratch[worker], use);
      blocker.VisitUnit(u, [&](uint32_t a, uint32_t b) { batch.Add(a, b); });
      batch.Flush();
      counts[u] = seen;
      span.end = list.size();
    }
    progress.Advance(1);
  });
  for (size_t w = 1; w < counters.size(); ++w) counters[0].Merge(counters[w]);
  out.patterns = std::move(counters[0]);
  for (uint64_t c : counts) out.candidates += c;
  out.sampled = rate;
  out.per_unit = std::move(counts);
  return out;
}

std::vector<std::vector<ScoredPair>> ScoreCandidates(KeptCandidates& kept, const Scorer& scorer, float keep_weight,
                                                     unsigned threads, Progress& progress) {
  std::vector<std::vector<ScoredPair>> scored(kept.units.size());
  progress.Begin("score", kept.units.size());
  ParallelFor(kept.units.size(), threads, [&](size_t u, unsigned) {
    const UnitSpan& span = kept.units[u];
    const auto& list = kept.workers[span.worker].list;
    const auto& high = kept.workers[span.worker].high;
    constexpr size_t kAhead = 16;  // term frequencies read the first record's row: prefetch it
    for (size_t i = span.begin; i < span.end; ++i) {
      if (i + kAhead < span.end) scorer.Prefetch(list[i + kAhead].a);
      const Candidate& c = list[i];
      const Pattern p = c.pattern | (high.empty() ? Pattern{0} : static_cast<Pattern>(high[i]) << 32);
      const float w = scorer.Weight(c.a, p);
      if (w >= keep_weight) scored[u].push_back({c.a, c.b, w});
    }
    progress.Advance(1);
  });
  std::vector<WorkerCandidates>().swap(kept.workers);
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
  DatasetBuilder builder(config, variants, threads);
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
TrainingOptions TrainingFrom(const LinkageConfig& config) {
  TrainingOptions training;
  training.u_sample_pairs = config.u_sample_pairs;
  training.em_max_iterations = config.em_max_iterations;
  training.max_block_size = config.max_block_size;
  return training;
}

}  // namespace

Model TrainOn(const Dataset& data, const LinkageConfig& config, unsigned threads) {
  threads = threads > 0 ? threads : DefaultThreads();
  Progress quiet(std::cerr, false, true);
  Blocker blocker(data, config.blocking, config.max_block_size, threads);
  Comparator comparator(data);
  Compared compared = CompareCandidates(blocker, comparator, nullptr, 0, threads, quiet, false);
  return TrainModel(comparator, blocker, config.blocking, compared.patterns, compared.candidates, TrainingFrom(config),
                    threads);
}

Result<ScoringBenchmark> BenchmarkScoring(const LinkageConfig& config, const NameVariants& variants,
                                          const RunOptions& options) {
  const unsigned threads = options.threads > 0 ? options.threads : DefaultThreads();
  Progress quiet(std::cerr, false, true);
  RunSummary summary;
  auto data = ReadAndStandardise(config, variants, options, threads, quiet, summary);
  if (!data) return data.error();
  const Model model = TrainOn(*data, config, threads);
  Blocker blocker(*data, config.blocking, config.max_block_size, threads);
  Comparator comparator(*data);
  Scorer scorer(model, comparator);
  CompareScratch scratch(comparator.Columns());
  ScoringBenchmark result;
  double total = 0;
  auto use = [&](uint32_t a, uint32_t, Pattern p) {
    total += scorer.Weight(a, p);
    ++result.pairs;
  };
  const auto start = std::chrono::steady_clock::now();
  PairBatch<decltype(use)> batch(comparator, scratch, use);
  for (size_t u = 0; u < blocker.UnitCount(); ++u) {
    blocker.VisitUnit(u, [&](uint32_t a, uint32_t b) { batch.Add(a, b); });
    batch.Flush();
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.checksum = static_cast<uint64_t>(total);
  return result;
}

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

namespace {
// The pairs file is written on a thread of its own while the pairs are clustered (clustering takes one core);
// PairsWriter::Join waits for it. The clusters, the model and the candidates follow once clustering is done.
class PairsWriter {
 public:
  PairsWriter(const RunOptions& options, const Dataset& data, const Compared& compared, float pair_weight) {
    if (options.out_dir.empty()) return;
    std::error_code ec;
    std::filesystem::create_directories(options.out_dir, ec);
    const std::string path = (std::filesystem::path(options.out_dir) / "pairs.csv").string();
    thread_ = std::jthread([this, path, &data, &compared, pair_weight] {
      written_ = WritePairs(path, data, compared.scored, pair_weight);
    });
  }
  Result<uint64_t> Join() {
    if (thread_.joinable()) thread_.join();
    return written_;
  }

 private:
  Result<uint64_t> written_ = uint64_t{0};
  std::jthread thread_;  // joined on destruction too, on every way out of RunLinkage
};

Result<bool> WriteOutputs(const RunOptions& options, const Dataset& data, const Blocker& blocker, const Model& model,
                          PairsWriter& pairs, RunSummary& summary) {
  const std::filesystem::path dir(options.out_dir);
  auto clusters = WriteClusters((dir / "clusters.csv").string(), data, summary.clusters.cluster_of);
  auto written = pairs.Join();
  if (!written) return written.error();
  if (!clusters) return clusters.error();
  summary.pairs_written = *written;
  if (options.write_candidates) {
    auto candidates = WriteCandidates((dir / "candidates.csv").string(), data, blocker);
    if (!candidates) return candidates.error();
  }
  if (summary.model_trained) {
    auto saved = SaveModel(model, (dir / "model.toml").string());
    if (!saved) return saved.error();
  }
  return true;
}

void ClusterPairs(const LinkageConfig& config, const Dataset& data, const Compared& compared, float edge_weight,
                  RunSummary& summary) {
  std::vector<Edge> edges;
  for (const auto& unit : compared.scored)
    for (const ScoredPair& p : unit)
      if (p.weight >= edge_weight) edges.push_back({p.a, p.b, p.weight});
  summary.clusters =
      Cluster(data.Size(), std::move(edges), config.cluster_min_density, data.IsLink() ? data.LeftCount() : 0);
}

void Describe(const Dataset& data, const Blocker& blocker, RunSummary& summary) {
  summary.records = data.Size();
  summary.left_records = data.LeftCount();
  summary.reads = data.reads;
  for (const auto& c : data.columns) summary.columns.emplace_back(c.config.name, c.report);
  summary.total_pairs = TotalPairs(data);
  summary.rules = blocker.Stats();
}
}  // namespace

Result<RunSummary> RunLinkage(const LinkageConfig& config, const NameVariants& variants, const RunOptions& options,
                              Progress& progress, std::ostream& out) {
  RunSummary summary;
  summary.inputs = options.inputs;
  summary.threshold = config.threshold;
  summary.min_probability = options.min_probability.value_or(config.threshold);
  const unsigned threads = options.threads > 0 ? options.threads : DefaultThreads();
  std::optional<Model> given;
  if (!options.model_in.empty()) {
    auto loaded = LoadModel(options.model_in, config);
    if (!loaded) return loaded.error();
    given = std::move(*loaded);
  }
  auto data = ReadAndStandardise(config, variants, options, threads, progress, summary);
  if (!data) return data.error();
  progress.Begin("block", config.blocking.size());
  Blocker blocker(*data, config.blocking, config.max_block_size, threads);
  summary.stages.emplace_back("block", progress.End());
  Describe(*data, blocker, summary);

  Comparator comparator(*data);
  const float pair_weight = static_cast<float>(Scorer::WeightOf(summary.min_probability));
  const float edge_weight = static_cast<float>(Scorer::WeightOf(config.threshold));
  const float keep_weight = std::min(pair_weight, edge_weight);
  std::unique_ptr<Scorer> scorer;
  if (given) scorer = std::make_unique<Scorer>(*given, comparator);
  Compared compared = CompareCandidates(blocker, comparator, scorer.get(), keep_weight, threads, progress);
  summary.candidates = compared.candidates;
  for (size_t u = 0; u < compared.per_unit.size(); ++u) summary.rules[blocker.RuleOfUnit(u)].new_pairs += compared.per_unit[u];
  summary.stages.emplace_back("compare", progress.End(Thousands(compared.candidates) + " candidate pairs"));
  if (given) {
    summary.model = std::move(*given);
  } else {
    progress.Begin("train", 1);
    summary.model = TrainModel(comparator, blocker, config.blocking, compared.patterns, compared.candidates,
                               TrainingFrom(config), threads);
    summary.model_trained = true;
    summary.stages.emplace_back("train", progress.End());
    scorer = std::make_unique<Scorer>(summary.model, comparator);
    compared.scored = ScoreCandidates(compared.kept, *scorer, keep_weight, threads, progress);
    summary.stages.emplace_back("score", progress.End());
  }

  PairsWriter pairs(options, *data, compared, pair_weight);
  progress.Begin("cluster", 1);
  ClusterPairs(config, *data, compared, edge_weight, summary);
  summary.stages.emplace_back("cluster", progress.End());
  if (!options.out_dir.empty()) {
    progress.Begin("write", 1);
    auto written = WriteOutputs(options, *data, blocker, summary.model, pairs, summary);
    if (!written) return written.error();
    summary.stages.emplace_back("write", progress.End());
  } else {
    for (const auto& unit : compared.scored)
      for (const ScoredPair& p : unit) summary.pairs_written += p.weight >= pair_weight;
  }
  summary.clusters.cluster_of.clear();
  if (!options.explain.empty()) ExplainPairs(options, *data, blocker, comparator, *scorer, summary.model, out);
  summary.peak_memory = PeakMemoryBytes();
  return summary;
}

}  // namespace hearth::linkage
