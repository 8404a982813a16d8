#include <spdlog/spdlog.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "app/person_linkage.hpp"
#include "app/services.hpp"
#include "app/instrument_config.hpp"
#include "app/timescale_config.hpp"
#include "cli/commands.hpp"
#include "common/error.hpp"
#include "http/pipeline.hpp"
#include "http/routes.hpp"
#include "http/server.hpp"

namespace hearth::cli {
namespace {
struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  int workers = 4;
  int io_threads = 1;
  std::string language = "en";
  std::string linkage_model;  // empty: config/linkage/people.model.toml
  bool linkage_train = false;
};

http::ServerOptions ParseListen(const std::string& listen) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) throw FatalError("--listen must be HOST:PORT, e.g. 127.0.0.1:8080");
  http::ServerOptions o;
  o.host = listen.substr(0, colon);
  if (o.host.size() > 2 && o.host.front() == '[') o.host = o.host.substr(1, o.host.size() - 2);
  try {
    const int port = std::stoi(listen.substr(colon + 1));
    if (port < 0 || port > 65535) throw std::out_of_range("port");
    o.port = static_cast<unsigned short>(port);
  } catch (const std::exception&) {
    throw FatalError("--listen port must be a number from 0 to 65535");
  }
  return o;
}

// Test-only: when HEARTH_TEST_CLOCK_FILE names a file, the clock that times sessions, sign-in throttling and drafts
// runs ahead of the real one by the number of seconds written in that file (read at every use; a missing or
// unreadable file counts as 0). Integration tests use it to let a session time out without waiting 30 minutes
// (tests/integration/drafts.test.mjs). Production never sets it; the server says so in its log when it is set.
AuthSettings AuthSettingsFromEnvironment() {
  AuthSettings settings;
  const char* clock_file = std::getenv("HEARTH_TEST_CLOCK_FILE");
  if (clock_file == nullptr || *clock_file == '\0') return settings;
  spdlog::warn("HEARTH_TEST_CLOCK_FILE is set: session times follow a test clock");
  settings.now = [path = std::string(clock_file)] {
    long long offset = 0;
    std::ifstream in(path);
    if (!(in >> offset)) offset = 0;
    return UnixSecondsNow() + offset;
  };
  return settings;
}

int Serve(const CommonOptions& common, const ServeOptions& serve) {
  http::ServerOptions server_options = ParseListen(serve.listen);
  server_options.worker_threads = serve.workers;
  server_options.io_threads = serve.io_threads;
  const auto root = ResolveRoot(common.root);
  auto db = OpenDatabase(common.database);
  const int applied = db->Migrate();
  if (applied > 0) spdlog::info("applied {} migration(s)", applied);

  const auto messages = MessageCatalogue::Load(root / "config/messages" / serve.language);
  http::Views views(root / "web/templates", messages, "0.1.0");
  http::StaticFiles assets;
  assets.Mount("/assets", root / "node_modules/govuk-frontend/dist/govuk/assets");
  assets.Mount("/static/govuk", root / "node_modules/govuk-frontend/dist/govuk");
  assets.Mount("/static/moj", root / "node_modules/@ministryofjustice/frontend/moj");
  assets.Mount("/static/chartjs", root / "node_modules/chart.js/dist");
  assets.Mount("/static/hearth", root / "web/static");

  Services services(*db, AuthSettingsFromEnvironment(), LoadTimescaleConfig(root / "config/timescales.toml"),
                    LoadInstruments(root / "config/instruments"));
  // The front door's "already known?" check ranks every stored person (docs/architecture.md, "Linkage in the front
  // door"); the index is built before the first request is served.
  LinkageSettings linkage_settings;
  linkage_settings.config_path = (root / "config/linkage/people.toml").string();
  linkage_settings.nicknames_path = (root / "config/linkage/nicknames.csv").string();
  if (!serve.linkage_train)
    linkage_settings.model_path =
        serve.linkage_model.empty() ? (root / "config/linkage/people.model.toml").string() : serve.linkage_model;
  auto linkage = PersonLinkage::Start(*db, linkage_settings);
  if (!linkage) throw FatalError("linkage index: " + DescribeError(common, linkage.error()));
  services.UseLinkage(linkage->get());

  http::Router router;
  http::RegisterRoutes(router, http::RouteDeps{services, views});
  http::Pipeline pipeline(router, services, views, assets);
  http::Server server(server_options, pipeline);
  const unsigned short port = server.Listen();
  std::cout << "hearth: listening on http://" << server_options.host << ":" << port << std::endl;
  server.Run();
  return 0;
}
}  // namespace

void AddServeCommand(CLI::App& app, CommonOptions& common, std::function<int()>& run) {
  auto serve = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand("serve", "Serve the web application and JSON API");
  cmd->add_option("--listen", serve->listen, "HOST:PORT to listen on (port 0 picks a free port)")->capture_default_str();
  cmd->add_option("--workers", serve->workers, "Threads handling requests (database work)")
      ->check(CLI::Range(1, 256))->capture_default_str();
  cmd->add_option("--io-threads", serve->io_threads, "Threads doing socket I/O")->check(CLI::Range(1, 64))->capture_default_str();
  cmd->add_option("--language", serve->language, "Message catalogue (folder under config/messages)")->capture_default_str();
  cmd->add_option("--linkage-model", serve->linkage_model,
                  "Trained linkage model for the front door's possible matches "
                  "(default config/linkage/people.model.toml)");
  cmd->add_flag("--linkage-train", serve->linkage_train,
                "Train the front door's linkage model on the stored people at start-up instead");
  cmd->callback([&common, &run, serve] { run = [&common, serve] { return Serve(common, *serve); }; });
}

void AddMigrateCommand(CLI::App& app, CommonOptions& common, std::function<int()>& run) {
  auto* cmd = app.add_subcommand("migrate", "Apply pending database migrations");
  cmd->callback([&common, &run] {
    run = [&common] {
      auto db = OpenDatabase(common.database);
      const int applied = db->Migrate();
      std::cout << "applied " << applied << " migration(s); schema version " << db->SchemaVersion() << "\n";
      return 0;
    };
  });
}

}  // namespace hearth::cli
