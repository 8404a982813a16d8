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
// `hearth import FILE` and `hearth export` (INTERCHANGE.md): interchange_commands.cpp.
void AddInterchangeCommands(CLI::App& app, CommonOptions& common, std::function<int()>& run);
// `hearth report service …`: the service report of METRICS.md (report_command.cpp).
void AddReportCommands(CLI::App& app, CommonOptions& common, std::function<int()>& run);
// `hearth link …`: record linkage. The engine's commands (dedupe, match, explain) and the tools (generate,
// evaluate) register themselves under the one `link` subcommand.
void AddLinkCommands(CLI::App& app, CommonOptions& common, std::function<int()>& run);
void AddLinkEngineCommands(CLI::App& link, CommonOptions& common, std::function<int()>& run);  // link_engine_commands.cpp
void AddLinkToolCommands(CLI::App& link, CommonOptions& common, std::function<int()>& run);    // link_tool_commands.cpp

}  // namespace hearth::cli
