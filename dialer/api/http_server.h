// dialerd's HTTP listener (Boost.Beast): the JSON API through ApiRouter, the web console's static
// files, and the WebSocket event stream at /api/events?token=... Runs on the io_context it is
// given (dialerd's engine thread), so handlers call the engine without locks.
// Bad input: bodies over the limit get 413, unknown paths 404, path tricks ("..") 404; a broken
// connection only ends its own session.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/io_context.hpp>

#include "dialer/api/api_router.h"
#include "dialer/common/result.h"

namespace dialer::api {

struct HttpServerOptions {
  std::string bind_address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port
  std::string web_root;       // static files; empty: none
  std::size_t max_body = 1 << 20;          // JSON bodies
  std::size_t max_upload = 64u << 20;      // lead CSV uploads
  std::size_t max_ws_queue = 256;          // messages queued for a slow WebSocket client
};

struct HttpServerCounters {
  std::uint64_t requests = 0;
  std::uint64_t bad_requests = 0;  // unparsable or oversized
  std::uint64_t websocket_sessions = 0;
  std::uint64_t websocket_dropped = 0;  // closed for falling behind
};

class HttpServer {
 public:
  HttpServer(boost::asio::io_context& io, HttpServerOptions options, ApiRouter& router);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and starts accepting; returns the bound port.
  Result<std::uint16_t> start();
  void stop();

  // Offers every open event stream a message: `message_for` returns the text to send to that
  // principal (or nothing). A stream gets a message of a given "type" only when it differs from
  // the last one of that type it was sent. Call on the io_context's thread.
  using MessageFor = std::function<std::optional<std::string>(const Principal&)>;
  void publish(const std::string& type, const MessageFor& message_for);

  [[nodiscard]] HttpServerCounters counters() const;

  struct Impl;  // the listener's state, shared with its sessions (http_server.cpp)

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace dialer::api
