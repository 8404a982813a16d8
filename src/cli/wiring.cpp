#include "cli/wiring.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace hearth::cli {

std::unique_ptr<Database> OpenDatabase(const std::string& database) {
  if (database.starts_with("postgresql://") || database.starts_with("postgres://"))
    throw FatalError("PostgreSQL is not available in this version; give a SQLite file path to --database");
  if (database.empty()) throw FatalError("--database must not be empty");
  try {
    return sqlite::OpenSqlite(database);
  } catch (const std::exception& e) {
    throw FatalError(e.what());
  }
}

std::filesystem::path ResolveRoot(const std::string& root_option) {
  if (!root_option.empty()) return root_option;
  if (std::filesystem::exists(std::filesystem::path(HEARTH_SOURCE_ROOT) / "web/templates"))
    return HEARTH_SOURCE_ROOT;
  return std::filesystem::current_path();
}

void ConfigureLogging(const std::string& level) {
  // Logs go to stderr so that stdout stays for command output (tokens, the listening address).
  auto logger = spdlog::stderr_logger_mt("hearth");
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::from_str(level));
}

}  // namespace hearth::cli

#include "common/messages.hpp"
#include "http/views.hpp"

namespace hearth::cli {

std::string DescribeError(const CommonOptions& common, const Error& error) {
  MessageCatalogue messages;
  try {
    messages = MessageCatalogue::Load(ResolveRoot(common.root) / "config/messages/en");
  } catch (const FatalError&) {
    // Without the catalogue the keys still say what went wrong.
  }
  std::string out;
  if (error.fields.empty()) out += "hearth: " + messages.Get(error.message_key) + "\n";
  for (const auto& f : error.fields) out += "hearth: " + f.field + ": " + http::FieldErrorText(f, messages) + "\n";
  return out;
}

}  // namespace hearth::cli
