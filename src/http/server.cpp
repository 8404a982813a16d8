#include "http/server.hpp"

#include <spdlog/spdlog.h>

#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "http/responses.hpp"

namespace hearth::http {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

namespace {
// One connection. Registered with the server so that shutdown can close it when it is idle.
struct Connection {
  explicit Connection(tcp::socket s) : stream(std::move(s)) {}
  beast::tcp_stream stream;
  bool busy = false;  // touched only on the connection's strand
};
}  // namespace

struct Server::Impl {
  Impl(ServerOptions o, const Pipeline& p)
      : options(std::move(o)), pipeline(p), io(options.io_threads), workers(static_cast<std::size_t>(options.worker_threads)),
        acceptor(io), signals(io, SIGINT, SIGTERM) {}

  ServerOptions options;
  const Pipeline& pipeline;
  net::io_context io;
  net::thread_pool workers;
  tcp::acceptor acceptor;
  net::signal_set signals;
  std::atomic<bool> stopping{false};
  std::mutex connections_mutex;
  std::set<std::shared_ptr<Connection>> connections;

  net::awaitable<void> Serve(std::shared_ptr<Connection> conn);
  net::awaitable<void> DrainRefusedBody(const std::shared_ptr<Connection>& conn);
  net::awaitable<bool> AwaitAudit(const std::shared_ptr<Connection>& conn, std::uint64_t ticket);
  net::awaitable<void> Accept();
  void BeginShutdown();
};

net::awaitable<void> Server::Impl::Serve(std::shared_ptr<Connection> conn) {
  beast::flat_buffer buffer;
  std::string remote;
  {
    boost::system::error_code ec;
    auto ep = conn->stream.socket().remote_endpoint(ec);
    if (!ec) remote = ep.address().to_string();
  }
  for (;;) {
    if (stopping) break;
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
    parser.body_limit(options.body_limit);
    boost::system::error_code ec;
    conn->stream.expires_after(options.header_timeout);
    co_await bhttp::async_read_header(conn->stream, buffer, parser, net::redirect_error(net::use_awaitable, ec));
    // Beast refuses a declared Content-Length over the limit while reading the head: that gets a 413 below.
    if (ec && ec != bhttp::error::body_limit) break;  // closed, timed out, cancelled by shutdown, malformed head
    conn->busy = true;
    if (!ec) {
      conn->stream.expires_after(options.body_timeout);
      co_await bhttp::async_read(conn->stream, buffer, parser, net::redirect_error(net::use_awaitable, ec));
    }
    RawResponse res;
    bool keep_alive = false;
    if (ec == bhttp::error::body_limit) {
      res = RawResponse{bhttp::status::payload_too_large, parser.get().version()};
      res.set(bhttp::field::content_type, "application/json");
      res.body() = R"({"error":{"code":"payload_too_large","message":"The request body is too large."}})";
      ApplySecurityHeaders(res, false);
      res.prepare_payload();
    } else if (ec) {
      break;
    } else {
      RawRequest req = parser.release();
      keep_alive = req.keep_alive();
      // Handlers run on the worker pool; this coroutine resumes on the connection's strand afterwards.
      std::uint64_t ticket = 0;
      res = co_await net::co_spawn(
          workers.get_executor(),
          [&]() -> net::awaitable<RawResponse> { co_return pipeline.Handle(req, remote, ticket); },
          net::use_awaitable);
      if (ticket != 0 && !co_await AwaitAudit(conn, ticket)) res = pipeline.AuditFailedResponse(req);
    }
    const bool body_refused = ec == bhttp::error::body_limit;
    keep_alive = keep_alive && !stopping;
    res.keep_alive(keep_alive);
    conn->stream.expires_after(options.write_timeout);
    co_await bhttp::async_write(conn->stream, res, net::redirect_error(net::use_awaitable, ec));
    conn->busy = false;
    if (!ec && body_refused) co_await DrainRefusedBody(conn);
    if (ec || !keep_alive) break;
  }
  boost::system::error_code ignored;
  conn->stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  conn->stream.close();
  std::lock_guard lock(connections_mutex);
  connections.erase(conn);
}

// After a 413 the client may still be sending the body; closing at once would reset the connection and the client
// would never read the answer. So: stop sending, then read and discard for a moment before closing.
net::awaitable<void> Server::Impl::DrainRefusedBody(const std::shared_ptr<Connection>& conn) {
  boost::system::error_code ec;
  conn->stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  std::array<char, 16 * 1024> sink{};
  std::size_t drained = 0;
  conn->stream.expires_after(std::chrono::seconds(2));
  while (!ec && drained < 64 * options.body_limit)
    drained += co_await conn->stream.async_read_some(net::buffer(sink), net::redirect_error(net::use_awaitable, ec));
}

// Waits, without holding a worker thread, until the audit rows of this response are committed: a timer on the
// connection's strand that the audit writer cancels. False if the rows could not be written in time.
net::awaitable<bool> Server::Impl::AwaitAudit(const std::shared_ptr<Connection>& conn, std::uint64_t ticket) {
  auto timer = std::make_shared<net::steady_timer>(conn->stream.get_executor());
  auto committed = std::make_shared<std::optional<bool>>();
  timer->expires_after(std::chrono::seconds(10));
  pipeline.WhenAudited(ticket, [timer, committed](bool ok) {
    net::post(timer->get_executor(), [timer, committed, ok] {
      *committed = ok;
      timer->cancel();
    });
  });
  boost::system::error_code ec;
  co_await timer->async_wait(net::redirect_error(net::use_awaitable, ec));
  co_return committed->value_or(false);
}

net::awaitable<void> Server::Impl::Accept() {
  for (;;) {
    boost::system::error_code ec;
    tcp::socket socket(net::make_strand(io));
    co_await acceptor.async_accept(socket, net::redirect_error(net::use_awaitable, ec));
    if (ec) {
      if (stopping || ec == net::error::operation_aborted) co_return;
      continue;  // e.g. too many open files: keep serving the connections we have
    }
    auto conn = std::make_shared<Connection>(std::move(socket));
    {
      std::lock_guard lock(connections_mutex);
      connections.insert(conn);
    }
    auto ex = conn->stream.get_executor();
    net::co_spawn(ex, Serve(conn), net::detached);
  }
}

void Server::Impl::BeginShutdown() {
  if (stopping.exchange(true)) return;
  spdlog::info("shutting down: finishing in-flight requests");
  boost::system::error_code ignored;
  acceptor.close(ignored);
  signals.cancel(ignored);
  std::lock_guard lock(connections_mutex);
  for (const auto& conn : connections) {
    // On the connection's own strand: an idle connection (waiting for a request) is closed; a busy one
    // finishes its request, answers with Connection: close and ends.
    net::post(conn->stream.get_executor(), [conn] {
      if (!conn->busy) conn->stream.socket().cancel();
    });
  }
}

Server::Server(ServerOptions options, const Pipeline& pipeline)
    : impl_(std::make_unique<Impl>(std::move(options), pipeline)) {}

Server::~Server() = default;

unsigned short Server::Listen() {
  auto address = net::ip::make_address(impl_->options.host);
  tcp::endpoint endpoint(address, impl_->options.port);
  impl_->acceptor.open(endpoint.protocol());
  impl_->acceptor.set_option(net::socket_base::reuse_address(true));
  impl_->acceptor.bind(endpoint);
  impl_->acceptor.listen(net::socket_base::max_listen_connections);
  return impl_->acceptor.local_endpoint().port();
}

void Server::Run() {
  impl_->signals.async_wait([this](const boost::system::error_code& ec, int) {
    if (!ec) impl_->BeginShutdown();
  });
  net::co_spawn(impl_->io, impl_->Accept(), net::detached);
  std::vector<std::thread> threads;
  for (int i = 1; i < impl_->options.io_threads; ++i) threads.emplace_back([this] { impl_->io.run(); });
  impl_->io.run();
  for (auto& t : threads) t.join();
  impl_->workers.join();
  spdlog::info("stopped");
}

void Server::Stop() {
  net::post(impl_->io, [this] { impl_->BeginShutdown(); });
}

}  // namespace hearth::http
