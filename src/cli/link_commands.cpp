#include "cli/commands.hpp"

namespace hearth::cli {

void AddLinkCommands(CLI::App& app, CommonOptions& common, std::function<int()>& run) {
  auto* link = app.add_subcommand("link", "Record linkage: find the same person across datasets with no shared id");
  link->require_subcommand(1);
  AddLinkEngineCommands(*link, common, run);
  AddLinkToolCommands(*link, common, run);
}

}  // namespace hearth::cli
