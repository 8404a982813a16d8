#include <unistd.h>

#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "common/error.hpp"
#include "common/messages.hpp"
#include "app/instrument_config.hpp"
#include "demo/demo_generator.hpp"
#include "demo/history_export.hpp"

namespace hearth::cli {
namespace {
struct DemoCommandOptions {
  int families = 5000;
  unsigned seed = 20261122;
  int years = 3;
  int team_size = 0;        // 0: the listed staff only
  std::string export_file;  // set: write an interchange file instead of filling the database
  int episodes = 200000;
  std::string to;  // YYYY-MM-DD; empty: today
};

// A bar on a terminal, a line per tenth otherwise (logs and CI).
void ShowProgress(long long done, long long total, const std::string& label) {
  static long long last_tenth = -1;
  if (isatty(STDERR_FILENO)) {
    const long long width = 40;
    const long long filled = total == 0 ? width : std::min(width, done * width / total);
    std::cerr << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
              << std::string(static_cast<std::size_t>(width - filled), ' ') << "] " << label
              << (done >= total ? "\n" : "") << std::flush;
    return;
  }
  const long long tenth = total == 0 ? 10 : done * 10 / total;
  if (tenth != last_tenth) {
    last_tenth = tenth;
    std::cerr << "demo: " << label << "\n";
  }
}

int ExportHistory(const CommonOptions& common, const DemoCommandOptions& opts, bool years_given) {
  const MessageCatalogue messages = MessageCatalogue::Load(ResolveRoot(common.root) / "config/messages/en");
  HistoryOptions options;
  options.years = years_given ? opts.years : 10;
  options.episodes = opts.episodes;
  options.seed = opts.seed;
  if (!opts.to.empty()) options.to = *Date::Parse(opts.to);  // checked by the option's validator

  std::ofstream file(opts.export_file, std::ios::binary | std::ios::trunc);
  if (!file) {
    std::cerr << DescribeError(common,
                               Error{ErrorCode::kValidation, "export file not writable", "demo.export_unwritable", {}});
    return 2;
  }
  const auto progress = [&messages](long long done, long long total) {
    ShowProgress(
        done, total,
        messages.Format("demo.export_progress", {{"done", std::to_string(done)}, {"total", std::to_string(total)}}));
  };
  auto summary = WriteHistory(file, options, progress);
  if (!summary) {
    std::cerr << DescribeError(common, summary.error());
    return 2;
  }
  file.close();
  if (!file) {
    std::cerr << DescribeError(common,
                               Error{ErrorCode::kValidation, "export file not written", "demo.export_unwritable", {}});
    return 2;
  }
  std::cout << messages.Format("demo.export_done", {{"lines", std::to_string(summary->lines)},
                                                    {"families", std::to_string(summary->families)},
                                                    {"episodes", std::to_string(summary->episodes)},
                                                    {"file", opts.export_file}})
            << "\n";
  for (const auto& [type, count] : summary->records_by_type) std::cout << "  " << type << " " << count << "\n";
  return 0;
}
}  // namespace

void AddDemoCommand(CLI::App& app, CommonOptions& common, std::function<int()>& run) {
  auto opts = std::make_shared<DemoCommandOptions>();
  auto* cmd = app.add_subcommand("demo", "Fill an empty database with a realistic generated service history");
  cmd->add_option("--families", opts->families, "How many families")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  cmd->add_option("--seed", opts->seed, "Random seed (same seed, same history)")->capture_default_str();
  auto* years = cmd->add_option("--years", opts->years, "Years of history (default 3, or 10 with --export)")
                    ->check(CLI::Range(1, 30));
  cmd->add_option("--team-size", opts->team_size,
                  "Intervention workers in each families team (more accounts are added to the listed ones)")
      ->check(CLI::Range(0, 100))
      ->capture_default_str();
  cmd->add_option("--export", opts->export_file,
                  "Write the history to this file as Hearth Interchange JSON Lines instead of filling the database");
  cmd->add_option("--episodes", opts->episodes, "With --export: how many episodes")
      ->check(CLI::Range(1, 20000000))
      ->capture_default_str();
  cmd->add_option("--to", opts->to, "With --export: the last day of the history, YYYY-MM-DD (default today)")
      ->check([](const std::string& text) {
        return Date::Parse(text) ? std::string() : std::string("not a date (YYYY-MM-DD)");
      });
  cmd->callback([&common, &run, opts, years] {
    const bool years_given = years->count() > 0;
    run = [&common, opts, years_given] {
      if (!opts->export_file.empty()) return ExportHistory(common, *opts, years_given);
      auto db = OpenDatabase(common.database);
      db->Migrate();
      DemoOptions options;
      options.families = opts->families;
      options.seed = opts->seed;
      options.years = opts->years;
      options.team_size = opts->team_size;
      const auto instruments = LoadInstruments(ResolveRoot(common.root) / "config/instruments");
      options.resilience = instruments.Current("resilience");
      options.young_person = instruments.Current("young_person_resilience");
      auto summary = GenerateDemo(*db, options, [](int done, int total) {
        ShowProgress(done, total, std::to_string(done) + "/" + std::to_string(total) + " families");
      });
      if (!summary) {
        std::cerr << DescribeError(common, summary.error());
        return 2;
      }
      std::cout << "demo: " << summary->families << " families, " << summary->people << " people, "
                << summary->referrals << " referrals, " << summary->episodes << " episodes, " << summary->staff
                << " staff\n";
      return 0;
    };
  });
}

}  // namespace hearth::cli
