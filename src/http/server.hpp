// The HTTP server: Boost.Beast on Asio. Sockets live on I/O threads; every request is handled on a separate
// thread pool (handlers touch the database and must never block the I/O threads). Stops gracefully on
// SIGTERM/SIGINT: no new connections, idle ones closed, in-flight requests finish and are answered.
#pragma once
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "http/pipeline.hpp"

namespace hearth::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  int io_threads = 1;
  int worker_threads = 4;
  std::size_t body_limit = 1024 * 1024;      // larger bodies get 413
  std::size_t header_limit = 16 * 1024;
  std::chrono::seconds header_timeout{15};   // to receive a complete request head (also the keep-alive idle time)
  std::chrono::seconds body_timeout{30};     // to receive the body once the head has arrived
  std::chrono::seconds write_timeout{30};
};

class Server {
 public:
  Server(ServerOptions options, const Pipeline& pipeline);
  ~Server();
  // Binds and listens; returns the bound port (useful with port 0).
  unsigned short Listen();
  // Serves until SIGTERM/SIGINT (or Stop()), then drains. `on_listening` runs once bound.
  void Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hearth::http
