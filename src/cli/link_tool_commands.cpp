// `hearth link generate` and `hearth link evaluate`: the test data and the scoring for the linkage engine.
// Summaries go to stderr and never include record content (names, dates of birth, addresses).
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "cli/commands.hpp"
#include "common/error.hpp"
#include "linkage/evaluate.hpp"
#include "linkage/generate/generator.hpp"

namespace hearth::cli {
namespace {
namespace gen = linkage::generate;

struct GenerateCli {
  std::uint64_t records = 1000;
  std::string out;
  std::uint64_t seed = 1;
  std::string errors = "moderate";
  std::string second;
  double overlap = 0.5;
  std::string format = "peer";
  std::string truth;
  std::string nicknames;
};

struct EvaluateCli {
  std::string pairs;
  std::string clusters;
  std::string input;
  std::string second;
  std::string truth;
  std::string candidate_pairs;
  std::optional<std::uint64_t> candidates;
  std::optional<double> threshold;
  std::string id_column;
  bool json = false;
};

// A file opened for fast streaming writes (a large buffer, set before opening as the standard requires).
class OutputFile {
 public:
  explicit OutputFile(const std::string& path) : buffer_(std::make_unique<char[]>(kBuffer)) {
    stream_.rdbuf()->pubsetbuf(buffer_.get(), kBuffer);
    stream_.open(path, std::ios::binary | std::ios::trunc);
    if (!stream_) throw FatalError("cannot write " + path);
  }
  std::ofstream& Stream() { return stream_; }
  void Close(const std::string& path) {
    stream_.close();
    if (!stream_) throw FatalError("writing " + path + " failed");
  }

 private:
  static constexpr std::size_t kBuffer = std::size_t{1} << 20;
  std::unique_ptr<char[]> buffer_;
  std::ofstream stream_;
};

// The engine's nickname table when there is one (so that both sides agree on what a variant is), else the
// generator's own.
gen::NicknameTable Nicknames(const CommonOptions& common, const std::string& option, std::string& source) {
  std::filesystem::path path = option;
  if (path.empty()) path = ResolveRoot(common.root) / "config/linkage/nicknames.csv";
  if (std::filesystem::exists(path)) {
    auto loaded = gen::NicknameTable::Load(path);
    if (!loaded) throw FatalError("cannot read a nickname table from " + path.string());
    source = path.string();
    return std::move(*loaded);
  }
  if (!option.empty()) throw FatalError("no such file: " + option);
  source = "built in";
  return gen::NicknameTable::BuiltIn();
}

std::string Percent(std::uint64_t part, std::uint64_t whole) {
  std::ostringstream out;
  out.precision(2);
  out << std::fixed << (whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0) << "%";
  return out.str();
}

void PrintGenerateSummary(const GenerateCli& o, const gen::GenerateStats& s, double seconds,
                          const std::string& nickname_source) {
  const gen::CorruptionCounts& c = s.corruptions;
  std::cerr << "hearth: wrote " << s.records_first << " records";
  if (s.records_second) std::cerr << " (+ " << s.records_second << " in the second file)";
  std::cerr << " of " << s.entities << " people in " << s.households << " households in " << seconds << " s\n"
            << "hearth: true pairs " << s.true_pairs_first;
  if (s.records_second)
    std::cerr << " in the first file, " << s.true_pairs_second << " in the second, " << s.true_pairs_cross << " across";
  std::cerr << "; errors " << o.errors << ", seed " << o.seed << ", nicknames " << nickname_source << "\n"
            << "hearth: applied: name typos " << Percent(c.name_fields_with_typos, 2 * c.records) << " of name fields"
            << ", nicknames " << Percent(c.nicknames, c.nickname_eligible) << " of eligible"
            << ", swapped names " << Percent(c.swaps, c.records) << ", day/month "
            << Percent(c.transposed, c.transpose_eligible) << " of eligible, year digit "
            << Percent(c.year_digits, c.records) << ", moves " << Percent(c.moves, c.records) << ", postcode typos "
            << Percent(c.postcode_typos, c.records) << ", street typos " << Percent(c.street_typos, c.records)
            << ", missing " << Percent(c.missing, 5 * c.records) << " of fields, noise "
            << Percent(c.noise, 4 * c.records) << " of fields\n";
}

int RunGenerate(const CommonOptions& common, const GenerateCli& o) {
  gen::GenerateOptions options;
  options.records = o.records;
  options.seed = o.seed;
  options.level = *gen::ParseErrorLevel(o.errors);  // CLI11 checked the value
  options.format = o.format == "hearth" ? gen::OutputFormat::kHearth : gen::OutputFormat::kPeer;
  options.two_files = !o.second.empty();
  options.overlap = o.overlap;
  std::string nickname_source;
  const gen::NicknameTable nicknames = Nicknames(common, o.nicknames, nickname_source);

  const auto start = std::chrono::steady_clock::now();
  OutputFile first(o.out);
  std::optional<OutputFile> second;
  std::optional<OutputFile> truth;
  if (options.two_files) second.emplace(o.second);
  if (!o.truth.empty()) truth.emplace(o.truth);
  const gen::GenerateStats stats = gen::Generate(
      options, nicknames, first.Stream(), second ? &second->Stream() : nullptr, truth ? &truth->Stream() : nullptr);
  first.Close(o.out);
  if (second) second->Close(o.second);
  if (truth) truth->Close(o.truth);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  PrintGenerateSummary(o, stats, seconds, nickname_source);
  return 0;
}

int RunEvaluate(const EvaluateCli& o) {
  linkage::EvaluationOptions options;
  options.input = o.input;
  if (!o.second.empty()) options.second_input = o.second;
  if (!o.truth.empty()) options.truth = o.truth;
  if (!o.pairs.empty()) options.pairs = o.pairs;
  if (!o.clusters.empty()) options.clusters = o.clusters;
  if (!o.candidate_pairs.empty()) options.candidate_pairs = o.candidate_pairs;
  options.candidates = o.candidates;
  options.threshold = o.threshold;
  options.id_column = o.id_column;
  auto result = linkage::EvaluateLinkage(options);
  if (!result) {
    std::cerr << "hearth: " << result.error().internal << "\n";
    return 2;
  }
  std::cout << (o.json ? linkage::FormatEvaluationJson(*result) : linkage::FormatEvaluationTable(*result));
  return 0;
}

void AddGenerate(CLI::App& link, CommonOptions& common, std::function<int()>& run) {
  auto o = std::make_shared<GenerateCli>();
  auto* cmd = link.add_subcommand("generate", "Write synthetic UK-like person records with known true matches");
  cmd->add_option("--records", o->records, "Records in each file (1,000 to 10,000,000)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{10'000'000}))
      ->capture_default_str();
  cmd->add_option("--out", o->out, "The CSV file to write")->required();
  cmd->add_option("--seed", o->seed, "The same seed gives the same file")->capture_default_str();
  cmd->add_option("--errors", o->errors, "How noisy the records are: low, moderate or high")
      ->check(CLI::IsMember({"low", "moderate", "high"}))
      ->capture_default_str();
  auto* second = cmd->add_option("--second", o->second, "Also write a second file sharing some of the people");
  cmd->add_option("--overlap", o->overlap, "With --second: the share of people who are in both files")
      ->check(CLI::Range(0.0, 1.0))
      ->needs(second)
      ->capture_default_str();
  cmd->add_option("--format", o->format,
                  "peer: rec_id,first_name,surname,dob,sex,postcode,street with rec_id <entity>-<n>; hearth: "
                  "record_id,given_name,family_name,date_of_birth (dd/mm/yyyy),sex,postcode,house_number,street")
      ->check(CLI::IsMember({"peer", "hearth"}))
      ->capture_default_str();
  cmd->add_option("--truth", o->truth, "Also write record_id,entity_id for every record");
  cmd->add_option("--nicknames", o->nicknames,
                  "Nickname table (CSV, formal name first); default config/linkage/nicknames.csv if present");
  cmd->callback([&common, &run, o] { run = [&common, o] { return RunGenerate(common, *o); }; });
}

void AddEvaluate(CLI::App& link, std::function<int()>& run) {
  auto o = std::make_shared<EvaluateCli>();
  auto* cmd = link.add_subcommand("evaluate", "Score pairs or clusters against the true matches");
  auto* pairs = cmd->add_option("--pairs", o->pairs, "pairs.csv: left_id,right_id,match_probability,match_weight");
  auto* clusters = cmd->add_option("--clusters", o->clusters, "clusters.csv: record_id,cluster_id");
  pairs->excludes(clusters);
  cmd->add_option("--input", o->input, "The records that were linked (every record, linked or not)")->required();
  cmd->add_option("--second", o->second, "For a two-file match: the right-hand file (pairs are then cross-file)");
  cmd->add_option("--truth", o->truth, "record_id,entity_id; default: the id up to its first '-' is the person");
  cmd->add_option("--candidates", o->candidates, "How many candidate pairs blocking produced (reduction ratio)");
  cmd->add_option("--candidate-pairs", o->candidate_pairs, "The candidate pairs (left_id,right_id): blocking recall");
  cmd->add_option("--threshold", o->threshold, "Leave out listed pairs below this match_probability")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--id-column", o->id_column,
                  "The input's id column (default rec_id, else record_id, else the first)");
  cmd->add_flag("--json", o->json, "Print JSON instead of a table");
  cmd->callback([&run, o, pairs, clusters] {
    if (pairs->count() + clusters->count() != 1) throw CLI::ValidationError("give --pairs or --clusters");
    run = [o] { return RunEvaluate(*o); };
  });
}
}  // namespace

void AddLinkToolCommands(CLI::App& link, CommonOptions& common, std::function<int()>& run) {
  AddGenerate(link, common, run);
  AddEvaluate(link, run);
}

}  // namespace hearth::cli
