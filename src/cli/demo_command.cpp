#include <unistd.h>

#include <iostream>

#include "cli/commands.hpp"
#include "common/error.hpp"
#include "demo/demo_generator.hpp"

namespace hearth::cli {
namespace {
struct DemoCommandOptions {
  int families = 5000;
  unsigned seed = 20261122;
  int years = 3;
  int team_size = 0;  // 0: the listed staff only
};

// A bar on a terminal, a line per tenth otherwise (logs and CI).
void ShowProgress(int done, int total) {
  static int last_tenth = -1;
  if (isatty(STDERR_FILENO)) {
    const int width = 40;
    const int filled = total == 0 ? width : done * width / total;
    std::cerr << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
              << std::string(static_cast<std::size_t>(width - filled), ' ') << "] " << done << "/" << total
              << " families" << (done == total ? "\n" : "") << std::flush;
    return;
  }
  const int tenth = total == 0 ? 10 : done * 10 / total;
  if (tenth != last_tenth) {
    last_tenth = tenth;
    std::cerr << "demo: " << done << "/" << total << " families\n";
  }
}
}  // namespace

void AddDemoCommand(CLI::App& app, CommonOptions& common, std::function<int()>& run) {
  auto opts = std::make_shared<DemoCommandOptions>();
  auto* cmd = app.add_subcommand("demo", "Fill an empty database with a realistic generated service history");
  cmd->add_option("--families", opts->families, "How many families")->check(CLI::Range(1, 1000000))->capture_default_str();
  cmd->add_option("--seed", opts->seed, "Random seed (same seed, same history)")->capture_default_str();
  cmd->add_option("--years", opts->years, "Years of history ending today")->check(CLI::Range(1, 30))->capture_default_str();
  cmd->add_option("--team-size", opts->team_size,
                  "Intervention workers in each families team (more accounts are added to the listed ones)")
      ->check(CLI::Range(0, 100))
      ->capture_default_str();
  cmd->callback([&common, &run, opts] {
    run = [&common, opts] {
      auto db = OpenDatabase(common.database);
      db->Migrate();
      DemoOptions options;
      options.families = opts->families;
      options.seed = opts->seed;
      options.years = opts->years;
      options.team_size = opts->team_size;
      auto summary = GenerateDemo(*db, options, ShowProgress);
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
