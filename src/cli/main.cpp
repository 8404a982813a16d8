// hearth: the command line. Every command takes --database and --help; errors go to stderr with a non-zero
// exit code. Scripts drive Hearth through these commands, so their names and options are kept stable.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.hpp"
#include "common/error.hpp"
#include "common/secrets.hpp"

int main(int argc, char** argv) {
  using namespace hearth::cli;
  CLI::App app{"Hearth: case management and outcomes for early help family support services"};
  app.require_subcommand(1);
  CommonOptions common;
  app.add_option("--database", common.database, "SQLite database file (default var/hearth.db)")->capture_default_str();
  app.add_option("--root", common.root, "Folder holding web/, config/ and node_modules/ (default: the source tree)");
  app.add_option("--log-level", common.log_level, "trace, debug, info, warn, error or off")->capture_default_str();
  app.fallthrough();

  std::function<int()> run;
  AddServeCommand(app, common, run);
  AddMigrateCommand(app, common, run);
  AddUserCommands(app, common, run);
  AddDemoCommand(app, common, run);
  AddInterchangeCommands(app, common, run);
  AddReportCommands(app, common, run);
  AddLinkCommands(app, common, run);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  try {
    hearth::InitialiseCrypto();
    ConfigureLogging(common.log_level);
    return run();
  } catch (const hearth::FatalError& e) {
    std::cerr << "hearth: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "hearth: unexpected error: " << e.what() << "\n";
    return 1;
  }
}
