// Turning command-line options into a running system: the database, the catalogue, the services.
#pragma once
#include <filesystem>
#include <memory>
#include <string>

#include "ports/database.hpp"

namespace hearth::cli {

struct CommonOptions {
  std::string database = "var/hearth.db";
  std::string root;  // where web/, config/ and node_modules/ are; empty: the source tree, else the working dir
  std::string log_level = "info";
};

// Opens the database named by --database: a SQLite file path (postgresql:// URLs are refused until PostgreSQL
// support lands). Throws FatalError with a message for the user.
std::unique_ptr<Database> OpenDatabase(const std::string& database);
std::filesystem::path ResolveRoot(const std::string& root_option);
void ConfigureLogging(const std::string& level);

}  // namespace hearth::cli

namespace hearth {
struct Error;
}

namespace hearth::cli {
// An error as lines for stderr, in the catalogue's words: "hearth: password: Password must be at least 12 ...".
std::string DescribeError(const CommonOptions& common, const Error& error);
}  // namespace hearth::cli
