// `hearth link dedupe | match | explain`: the record linkage engine (src/linkage) on CSV files.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "linkage/config.hpp"
#include "linkage/csv.hpp"
#include "linkage/linkage.hpp"
#include "linkage/name_variants.hpp"
#include "linkage/pipeline.hpp"

namespace hearth::cli {
namespace {
namespace lk = hearth::linkage;

struct LinkOptions {
  std::vector<std::string> inputs;
  std::string config;
  std::string out;
  std::string model;
  double min_probability = -1;
  unsigned threads = 0;
  std::vector<std::string> explain;
  std::vector<std::string> positional;  // explain: files then the two ids
  bool quiet = false;
  bool write_candidates = false;
  size_t lookups = 0;
};

// Configuration and model problems exit 2; anything else that stops the run exits 1.
int Fail(const Error& e) {
  std::cerr << "hearth: " << e.internal << "\n";
  return e.message_key == "linkage.config_error" || e.message_key == "linkage.model_error" ? 2 : 1;
}

// The nickname table: the configuration's (relative to the configuration file), else config/linkage/ under the
// root. A missing default table only weakens given-name matching, so it is a warning; a named one must exist.
Result<lk::NameVariants> LoadVariants(const CommonOptions& common, const lk::LinkageConfig& config) {
  std::filesystem::path path;
  if (!config.nicknames.empty()) {
    path = config.nicknames;
    if (path.is_relative()) path = std::filesystem::path(config.path).parent_path() / path;
    auto v = lk::NameVariants::Load(path.string());
    if (!v) return Error{ErrorCode::kValidation, config.path + ": nicknames: " + v.error().internal, "linkage.config_error", {}};
    return v;
  }
  path = ResolveRoot(common.root) / "config/linkage/nicknames.csv";
  if (!std::filesystem::exists(path)) {
    std::cerr << "hearth: warning: " << path.string() << " not found; given names are compared without nicknames\n";
    return lk::NameVariants();
  }
  return lk::NameVariants::Load(path.string());
}

lk::RunOptions ToRunOptions(const LinkOptions& o) {
  lk::RunOptions r;
  r.inputs = o.inputs;
  r.out_dir = o.out;
  r.model_in = o.model;
  r.threads = o.threads;
  r.write_candidates = o.write_candidates;
  if (o.min_probability >= 0) r.min_probability = o.min_probability;
  for (size_t i = 0; i + 1 < o.explain.size(); i += 2) r.explain.emplace_back(o.explain[i], o.explain[i + 1]);
  return r;
}

int RunEngine(const CommonOptions& common, const LinkOptions& o, bool explain_only) {
  auto config = lk::LoadConfig(o.config);
  if (!config) return Fail(config.error());
  auto variants = LoadVariants(common, *config);
  if (!variants) return Fail(variants.error());
  lk::RunOptions run = ToRunOptions(o);
  if (explain_only) {
    auto r = lk::ExplainOnly(*config, *variants, run, std::cout);
    return r ? 0 : Fail(r.error());
  }
  lk::Progress progress(std::cerr, isatty(STDERR_FILENO) != 0, o.quiet);
  auto summary = lk::RunLinkage(*config, *variants, run, progress, std::cout);
  if (!summary) return Fail(summary.error());
  if (!o.quiet) std::cout << lk::FormatSummary(*summary);
  if (!o.out.empty() && !o.quiet)
    std::cout << "  wrote              " << (std::filesystem::path(o.out) / "pairs.csv").string() << ", clusters.csv"
              << (summary->model_trained ? ", model.toml" : "") << "\n";
  return 0;
}

// Probes made from every k-th record of the file, each with one change (a given name's letters transposed, or the
// postcode dropped), looked up in an index of the whole file; prints the mean and slowest lookup.
int BenchmarkLookups(const lk::LinkageConfig& config, const lk::NameVariants& variants, const std::string& path,
                     unsigned threads, size_t probes) {
  const auto build_start = std::chrono::steady_clock::now();
  auto index = lk::PersonIndex::FromCsv(config, variants, path, std::nullopt, threads);
  if (!index) return Fail(index.error());
  const double build = std::chrono::duration<double>(std::chrono::steady_clock::now() - build_start).count();
  auto file = lk::CsvFile::Open(path, config.delimiter);
  if (!file) return Fail(file.error());
  std::vector<int> positions;
  for (const auto& c : config.columns) {
    int found = -1;
    for (size_t i = 0; i < file->Header().size(); ++i)
      if (file->Header()[i] == c.name) found = static_cast<int>(i);
    positions.push_back(found);
  }
  const size_t step = std::max<size_t>(1, (*index)->Size() / std::max<size_t>(probes, 1));
  std::vector<std::string_view> fields;
  double total = 0, slowest = 0;
  size_t done = 0, found_self = 0;
  for (size_t row = 0; file->NextRow(fields) && done < probes; ++row) {
    if (row % step != 0) continue;
    lk::PersonRecord probe{"probe", {}};
    for (int p : positions) probe.values.emplace_back(p >= 0 && static_cast<size_t>(p) < fields.size() ? fields[p] : "");
    if (done % 2 == 0 && !probe.values.empty() && probe.values[0].size() > 3) std::swap(probe.values[0][1], probe.values[0][2]);
    if (done % 2 == 1 && probe.values.size() > 4) probe.values[4].clear();
    const auto start = std::chrono::steady_clock::now();
    auto known = (*index)->Lookup(probe, 10);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    total += ms;
    slowest = std::max(slowest, ms);
    found_self += !known.empty();
    ++done;
  }
  std::printf("index of %u people built in %.2f s (model trained on them); %zu lookups: mean %.3f ms, slowest %.3f ms, "
              "%zu with a match\n",
              (*index)->Size(), build, done, done ? total / static_cast<double>(done) : 0.0, slowest, found_self);
  return 0;
}

void CommonRunOptions(CLI::App* cmd, LinkOptions& o) {
  cmd->add_option("--config", o.config, "Linkage configuration (TOML; see docs/linkage.md)")->required();
  cmd->add_option("--min-probability", o.min_probability,
                  "Write pairs at or above this match probability (default: the configuration's threshold)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--model", o.model, "Use this trained model (model.toml from an earlier run) instead of training");
  cmd->add_option("--threads", o.threads, "Worker threads (default: every core)");
  cmd->add_option("--explain", o.explain, "Also print why records A and B match or not: --explain A B")->expected(2);
  cmd->add_flag("--quiet", o.quiet, "No progress and no summary");
  cmd->add_flag("--write-candidates", o.write_candidates,
                "Also write DIR/candidates.csv, every candidate pair (for `hearth link evaluate --candidate-pairs`)");
}
}  // namespace

void AddLinkEngineCommands(CLI::App& link, CommonOptions& common, std::function<int()>& run) {
  auto opts = std::make_shared<LinkOptions>();

  auto* dedupe = link.add_subcommand("dedupe", "Find records of the same person within one CSV file");
  dedupe->add_option("input", opts->inputs, "Input CSV file")->required()->expected(1)->check(CLI::ExistingFile);
  dedupe->add_option("--out", opts->out, "Folder for pairs.csv, clusters.csv and model.toml")->required();
  CommonRunOptions(dedupe, *opts);
  dedupe->callback([&common, &run, opts] { run = [&common, opts] { return RunEngine(common, *opts, false); }; });

  auto* match = link.add_subcommand("match", "Find the same people across two CSV files (only cross-file pairs)");
  match->add_option("inputs", opts->inputs, "LEFT.csv RIGHT.csv")->required()->expected(2)->check(CLI::ExistingFile);
  match->add_option("--out", opts->out, "Folder for pairs.csv, clusters.csv and model.toml")->required();
  CommonRunOptions(match, *opts);
  match->callback([&common, &run, opts] { run = [&common, opts] { return RunEngine(common, *opts, false); }; });

  auto* bench = link.add_subcommand("benchmark", "Time comparing and scoring every candidate pair on one thread");
  bench->add_option("input", opts->inputs, "Input CSV file")->required()->expected(1)->check(CLI::ExistingFile);
  bench->add_option("--config", opts->config, "Linkage configuration (TOML)")->required();
  bench->add_option("--threads", opts->threads, "Threads for the untimed stages (default: every core)");
  bench->add_option("--lookups", opts->lookups, "Also index the file and time this many person-index lookups");
  bench->callback([&common, &run, opts] {
    run = [&common, opts] {
      auto config = lk::LoadConfig(opts->config);
      if (!config) return Fail(config.error());
      auto variants = LoadVariants(common, *config);
      if (!variants) return Fail(variants.error());
      auto r = lk::BenchmarkScoring(*config, *variants, ToRunOptions(*opts));
      if (!r) return Fail(r.error());
      std::printf("compared and scored %llu candidate pairs in %.3f s on one thread: %.2f million pairs/s/core\n",
                  static_cast<unsigned long long>(r->pairs), r->seconds,
                  static_cast<double>(r->pairs) / r->seconds / 1e6);
      if (opts->lookups == 0) return 0;
      return BenchmarkLookups(*config, *variants, opts->inputs[0], opts->threads, opts->lookups);
    };
  });

  auto* explain = link.add_subcommand("explain", "Show why two records match or not: the weight of each comparison");
  explain->add_option("args", opts->positional, "INPUT.csv A B, or LEFT.csv RIGHT.csv A B (A from LEFT)")
      ->required()
      ->expected(3, 4);
  explain->add_option("--config", opts->config, "Linkage configuration (TOML)")->required();
  explain->add_option("--model", opts->model, "Trained model (model.toml written by dedupe or match)")->required();
  explain->add_option("--threads", opts->threads, "Worker threads (default: every core)");
  explain->callback([&common, &run, opts] {
    run = [&common, opts] {
      auto& p = opts->positional;
      opts->inputs.assign(p.begin(), p.end() - 2);
      opts->explain.assign(p.end() - 2, p.end());
      for (const auto& f : opts->inputs) {
        if (!std::filesystem::is_regular_file(f)) {
          std::cerr << "hearth: " << f << ": no such file\n";
          return 1;
        }
      }
      return RunEngine(common, *opts, true);
    };
  });
}

}  // namespace hearth::cli
