#include <iostream>

#include "app/user_admin.hpp"
#include "cli/commands.hpp"
#include "common/error.hpp"

namespace hearth::cli {
namespace {
struct UserOptions {
  std::string name;
  std::string role;
  std::string team;
  std::string agency;
  bool password_stdin = false;
};

// Field errors as lines a person can act on: "hearth: password: Password must be at least 12 characters".
int ReportError(const CommonOptions& common, const Error& e) {
  std::cerr << DescribeError(common, e);
  return 2;
}

std::unique_ptr<Database> Open(const CommonOptions& common) {
  auto db = OpenDatabase(common.database);
  db->Migrate();
  return db;
}
}  // namespace

void AddUserCommands(CLI::App& app, CommonOptions& common, std::function<int()>& run) {
  auto opts = std::make_shared<UserOptions>();
  auto* user = app.add_subcommand("user", "Manage staff accounts");
  user->require_subcommand(1);

  auto* add = user->add_subcommand("add", "Add a user; the password is read from standard input");
  add->add_option("name", opts->name, "Username (lower-case letters, digits, . _ -)")->required();
  add->add_option("--role", opts->role, "One of the roles in DESIGN.md, e.g. front_door_coordinator")->required();
  add->add_option("--team", opts->team, "Team name (created if new)");
  add->add_option("--agency", opts->agency, "Partners only: health, housing, education, financial_inclusion, ...");
  add->add_flag("--password-stdin", opts->password_stdin, "Read the password from standard input (required)");
  add->callback([&common, &run, opts] {
    run = [&common, opts] {
      if (!opts->password_stdin) throw FatalError("give --password-stdin and the password on standard input");
      std::string password;
      std::getline(std::cin, password);
      if (!password.empty() && password.back() == '\r') password.pop_back();
      auto db = Open(common);
      UserAdmin admin(*db);
      auto id = admin.AddUser(SystemPrincipal(), {opts->name, opts->role, opts->team, opts->agency, password});
      if (!id) return ReportError(common, id.error());
      std::cout << "added user " << opts->name << "\n";
      return 0;
    };
  });

  auto* disable = user->add_subcommand("disable", "Disable a user and end their sessions and API tokens");
  disable->add_option("name", opts->name, "Username")->required();
  disable->callback([&common, &run, opts] {
    run = [&common, opts] {
      auto db = Open(common);
      auto r = UserAdmin(*db).DisableUser(SystemPrincipal(), opts->name);
      if (!r) return ReportError(common, r.error());
      std::cout << "disabled user " << opts->name << "\n";
      return 0;
    };
  });

  auto* enable = user->add_subcommand("enable", "Enable a disabled user");
  enable->add_option("name", opts->name, "Username")->required();
  enable->callback([&common, &run, opts] {
    run = [&common, opts] {
      auto db = Open(common);
      auto r = UserAdmin(*db).EnableUser(SystemPrincipal(), opts->name);
      if (!r) return ReportError(common, r.error());
      std::cout << "enabled user " << opts->name << "\n";
      return 0;
    };
  });

  auto* token = user->add_subcommand("token", "Print a new API token for a user (keep it secret)");
  token->add_option("name", opts->name, "Username")->required();
  token->callback([&common, &run, opts] {
    run = [&common, opts] {
      auto db = Open(common);
      auto t = UserAdmin(*db).CreateApiToken(SystemPrincipal(), opts->name);
      if (!t) return ReportError(common, t.error());
      std::cout << *t << "\n";
      return 0;
    };
  });
}

}  // namespace hearth::cli
