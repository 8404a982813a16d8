// The hearth subcommands. Each Add* registers a subcommand whose callback sets `run`.
#pragma once
#include <CLI/CLI.hpp>
#include <functional>

#include "cli/wiring.hpp"

namespace hearth::cli {

void AddServeCommand(CLI::App& app, CommonOptions& common, std::function<int()>& run);
void AddMigrateCommand(CLI::App& app, CommonOptions& common, std::function<int()>& run);
void AddUserCommands(CLI::App& app, CommonOptions& common, std::function<int()>& run);
void AddDemoCommand(CLI::App& app, CommonOptions& common, std::function<int()>& run);

}  // namespace hearth::cli
