#include <utility>  // Boost 1.74's Asio uses std::exchange without including it (C++20)

#include "dialer/api/http_server.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

namespace dialer::api {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      const int hi = hex_value(s[i + 1]);
      const int lo = hex_value(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += (plus_is_space && s[i] == '+') ? ' ' : s[i];
  }
  return out;
}

std::map<std::string, std::string> parse_query(std::string_view q) {
  std::map<std::string, std::string> out;
  while (!q.empty()) {
    const auto amp = q.find('&');
    const auto part = q.substr(0, amp);
    const auto eq = part.find('=');
    if (!part.empty()) {
      out[percent_decode(part.substr(0, eq), true)] =
          eq == std::string_view::npos ? std::string() : percent_decode(part.substr(eq + 1), true);
    }
    if (amp == std::string_view::npos) break;
    q.remove_prefix(amp + 1);
  }
  return out;
}

std::string content_type_of(const std::filesystem::path& p) {
  const auto ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".yaml") return "application/yaml";
  if (ext == ".csv") return "text/csv";
  return "application/octet-stream";
}

// A static file under root, or nothing (missing, a directory, or a path leaving the root).
std::optional<ApiResponse> static_file(const std::string& root, const std::string& path) {
  if (root.empty() || path.find("..") != std::string::npos || path.find('\0') != std::string::npos) {
    return std::nullopt;
  }
  std::filesystem::path file = std::filesystem::path(root) / (path == "/" ? "index.html" : path.substr(1));
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  ApiResponse r;
  r.body = text.str();
  r.content_type = content_type_of(file);
  r.headers["Cache-Control"] = "no-cache";
  return r;
}

}  // namespace

class WsSession;

struct HttpServer::Impl {
  Impl(asio::io_context& io_context, HttpServerOptions o, ApiRouter& r)
      : io(io_context), options(std::move(o)), router(r), acceptor(io_context) {}
  void accept();
  asio::io_context& io;
  HttpServerOptions options;
  ApiRouter& router;
  tcp::acceptor acceptor;
  std::vector<std::weak_ptr<WsSession>> streams;
  HttpServerCounters counters;
  bool stopped = false;
};

// One WebSocket event stream: sends what publish() offers, reads (and ignores) client frames to
// notice when the client goes away.
class WsSession : public std::enable_shared_from_this<WsSession> {
 public:
  WsSession(tcp::socket socket, HttpServer::Impl& server, Principal who, std::string token)
      : ws_(std::move(socket)), server_(server), who_(std::move(who)), token_(std::move(token)) {}

  void start(http::request<http::string_body> request) {
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws_.async_accept(request, [self = shared_from_this()](beast::error_code ec) {
      if (ec) return;
      self->open_ = true;
      self->send(R"({"type":"hello","user":")" + self->who_.username + "\"}");
      self->read();
    });
  }

  const Principal& who() const { return who_; }
  const std::string& token() const { return token_; }
  bool open() const { return open_; }

  // Sends `text` unless it equals the last message of `type`.
  void offer(const std::string& type, const std::string& text) {
    auto& last = last_by_type_[type];
    if (last == text) return;
    last = text;
    send(text);
  }

  void close() {
    if (!open_) return;
    open_ = false;
    ws_.async_close(websocket::close_code::policy_error,
                    [self = shared_from_this()](beast::error_code) {});
  }

 private:
  void send(std::string text) {
    if (!open_) return;
    if (queue_.size() >= server_.options.max_ws_queue) {
      ++server_.counters.websocket_dropped;
      open_ = false;
      beast::get_lowest_layer(ws_).close();
      return;
    }
    queue_.push_back(std::move(text));
    if (queue_.size() == 1) write_next();
  }
  void write_next() {
    ws_.text(true);
    ws_.async_write(asio::buffer(queue_.front()),
                    [self = shared_from_this()](beast::error_code ec, std::size_t) {
                      if (ec) {
                        self->open_ = false;
                        self->queue_.clear();
                        return;
                      }
                      self->queue_.pop_front();
                      if (!self->queue_.empty()) self->write_next();
                    });
  }
  void read() {
    ws_.async_read(in_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) {
        self->open_ = false;
        return;
      }
      self->in_.consume(self->in_.size());
      self->read();
    });
  }

  websocket::stream<beast::tcp_stream> ws_;
  HttpServer::Impl& server_;
  Principal who_;
  std::string token_;
  beast::flat_buffer in_;
  std::deque<std::string> queue_;
  std::map<std::string, std::string> last_by_type_;
  bool open_ = false;
};

// One HTTP connection: requests one after the other (keep-alive), each answered in full.
class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(tcp::socket socket, HttpServer::Impl& server)
      : stream_(std::move(socket)), server_(server) {}

  void start() { read_header(); }

 private:
  void read_header() {
    parser_.emplace();
    parser_->header_limit(16 * 1024);
    stream_.expires_after(std::chrono::seconds(60));
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              self->on_header(ec);
                            });
  }

  void on_header(beast::error_code ec) {
    if (ec) return fail_read(ec);
    const auto target = std::string(parser_->get().target());
    const bool upload = parser_->get().method() == http::verb::post &&
                        target.rfind("/api/campaigns/", 0) == 0 &&
                        target.find("/leads") != std::string::npos;
    parser_->body_limit(upload ? server_.options.max_upload : server_.options.max_body);
    stream_.expires_after(std::chrono::seconds(upload ? 600 : 60));
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code e, std::size_t) {
                       self->on_request(e);
                     });
  }

  void fail_read(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == asio::error::eof ||
        ec == beast::error::timeout || ec == asio::error::connection_reset) {
      beast::error_code ignored;
      stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
      return;
    }
    ++server_.counters.bad_requests;
    const int status = ec == http::error::body_limit ? 413 : 400;
    const auto message = status == 413 ? std::string("the body is larger than this route accepts")
                                       : "malformed HTTP request: " + ec.message();
    write(error_response(status, message, status == 413 ? "body" : ""), false, 11);
  }

  void on_request(beast::error_code ec) {
    if (ec) return fail_read(ec);
    ++server_.counters.requests;
    auto request = parser_->release();
    const std::string target(request.target());
    const auto q = target.find('?');
    ApiRequest api;
    api.path = percent_decode(std::string_view(target).substr(0, q), false);
    if (q != std::string::npos) api.query = parse_query(std::string_view(target).substr(q + 1));
    api.method = std::string(request.method_string());
    api.body = request.body();
    api.content_type = std::string(request[http::field::content_type]);
    const auto auth = std::string(request[http::field::authorization]);
    if (auth.rfind("Bearer ", 0) == 0) api.token = auth.substr(7);
    if (api.token.empty() && api.query.count("token")) api.token = api.query["token"];
    beast::error_code ignored;
    const auto peer = stream_.socket().remote_endpoint(ignored);
    api.client = ignored ? std::string() : peer.address().to_string();

    if (websocket::is_upgrade(request)) {
      if (api.path != "/api/events") {
        return write(error_response(404, "no event stream at " + api.path), false,
                     request.version());
      }
      auto who = server_.router.authenticate(api.token);
      if (!who) {
        return write(error_response(401, "log in first: a valid session token is required"),
                     false, request.version());
      }
      ++server_.counters.websocket_sessions;
      auto ws = std::make_shared<WsSession>(stream_.release_socket(), server_, *who, api.token);
      server_.streams.push_back(ws);
      ws->start(std::move(request));
      return;
    }

    ApiResponse response;
    const bool api_path = api.path.rfind("/api/", 0) == 0 || api.path == "/metrics";
    if (!api_path && request.method() == http::verb::get) {
      auto file = static_file(server_.options.web_root, api.path);
      response = file ? std::move(*file) : error_response(404, "no such page: " + api.path);
    } else {
      response = server_.router.handle(std::move(api));
    }
    write(std::move(response), request.keep_alive(), request.version());
  }

  void write(ApiResponse r, bool keep_alive, unsigned version) {
    auto res = std::make_shared<http::response<http::string_body>>(
        static_cast<http::status>(r.status), version);
    res->set(http::field::server, "dialerd");
    res->set(http::field::content_type, r.content_type);
    res->set("X-Content-Type-Options", "nosniff");
    for (const auto& [k, v] : r.headers) res->set(k, v);
    res->keep_alive(keep_alive);
    res->body() = std::move(r.body);
    res->prepare_payload();
    http::async_write(stream_, *res,
                      [self = shared_from_this(), res](beast::error_code ec, std::size_t) {
                        if (ec || !res->keep_alive()) {
                          beast::error_code ignored;
                          self->stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
                          return;
                        }
                        self->buffer_.consume(self->buffer_.size());
                        self->read_header();
                      });
  }

  beast::tcp_stream stream_;
  HttpServer::Impl& server_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
};

void HttpServer::Impl::accept() {
  acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
    if (stopped) return;
    if (!ec) std::make_shared<HttpSession>(std::move(socket), *this)->start();
    accept();
  });
}

HttpServer::HttpServer(asio::io_context& io, HttpServerOptions options, ApiRouter& router)
    : impl_(std::make_unique<Impl>(io, std::move(options), router)) {}

HttpServer::~HttpServer() { stop(); }

Result<std::uint16_t> HttpServer::start() {
  beast::error_code ec;
  const auto address = asio::ip::make_address(impl_->options.bind_address, ec);
  if (ec) {
    return Error{ErrorCode::invalid_argument,
                 "http.bind_address '" + impl_->options.bind_address + "': " + ec.message()};
  }
  const tcp::endpoint endpoint(address, impl_->options.port);
  auto& a = impl_->acceptor;
  a.open(endpoint.protocol(), ec);
  if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(endpoint, ec);
  if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Error{ErrorCode::io_error, "HTTP listener on " + impl_->options.bind_address + ":" +
                                          std::to_string(impl_->options.port) + ": " + ec.message()};
  }
  impl_->accept();
  return a.local_endpoint().port();
}

void HttpServer::stop() {
  if (!impl_ || impl_->stopped) return;
  impl_->stopped = true;
  beast::error_code ignored;
  impl_->acceptor.close(ignored);
  for (auto& weak : impl_->streams) {
    if (auto s = weak.lock()) s->close();
  }
  impl_->streams.clear();
}

void HttpServer::publish(const std::string& type, const MessageFor& message_for) {
  auto& streams = impl_->streams;
  std::vector<std::weak_ptr<WsSession>> kept;
  kept.reserve(streams.size());
  for (auto& weak : streams) {
    auto s = weak.lock();
    if (!s) continue;
    if (s->open()) {
      auto who = impl_->router.authenticate(s->token());
      if (!who) {
        s->close();  // the session expired or was logged out
        continue;
      }
      if (auto text = message_for(*who)) s->offer(type, *text);
    }
    kept.push_back(weak);
  }
  streams = std::move(kept);
}

HttpServerCounters HttpServer::counters() const { return impl_->counters; }

}  // namespace dialer::api
