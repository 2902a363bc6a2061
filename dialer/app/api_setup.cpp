#include "dialer/app/api_setup.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "dialer/api/auth/bootstrap.h"
#include "dialer/api/auth/login.h"
#include "dialer/api/auth/login_limiter.h"
#include "dialer/api/auth/secure_random.h"
#include "dialer/api/auth/session_table.h"
#include "dialer/api/auth_access_control.h"
#include "dialer/api/event_messages.h"
#include "dialer/api/http_server.h"
#include "dialer/app/engine_api_backend.h"

namespace dialer::app {

struct ApiService::Parts {
  auth::OpenSslRandom random;
  auth::LoginRateLimiter limiter;
  std::unique_ptr<auth::SessionTable> sessions;
  std::unique_ptr<auth::Authenticator> authenticator;
  std::unique_ptr<auth::CredentialChecker> credentials;
  std::unique_ptr<api::AuthAccessControl> access;
  std::unique_ptr<EngineApiBackend> backend;
  std::unique_ptr<api::ApiRouter> router;
  std::unique_ptr<api::HttpServer> server;
  std::uint16_t port = 0;
  TimePoint floor_sent{};
};

ApiService::ApiService(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}
ApiService::~ApiService() { stop(); }

std::uint16_t ApiService::port() const { return parts_->port; }

void ApiService::stop() {
  if (parts_ && parts_->server) parts_->server->stop();
}

void ApiService::publish(TimePoint now) {
  auto& p = *parts_;
  p.server->publish("agent", [&](const api::Principal& who) {
    return api::agent_message(*p.backend, who);
  });
  if (now - p.floor_sent < Duration{500}) return;
  p.floor_sent = now;
  p.server->publish("floor", [&](const api::Principal& who) {
    return api::floor_message(*p.backend, *p.access, who);
  });
}

namespace {

std::vector<api::AdapterCounter> sip_counters(const sip::SipStack& sip,
                                              const api::HttpServer* http) {
  std::vector<api::AdapterCounter> out;
  const auto c = sip.counters();
  for (std::size_t i = 0; i < c.failures.size(); ++i) {
    out.push_back({"sip_failures_total", "Failed customer calls by SIP failure cause.",
                   "cause=\"" + std::to_string(i) + "\"", static_cast<double>(c.failures[i]),
                   false});
  }
  out.push_back({"sip_registrations_total", "Agent phone registrations accepted.", "",
                 static_cast<double>(c.registrations), false});
  out.push_back({"sip_auth_failures_total", "SIP digest authentication failures.", "",
                 static_cast<double>(c.auth_failures), false});
  out.push_back({"sip_inbound_forbidden_total", "SIP requests refused from unknown sources.", "",
                 static_cast<double>(c.inbound_forbidden), false});
  if (http != nullptr) {
    const auto h = http->counters();
    out.push_back({"http_requests_total", "HTTP requests answered.", "",
                   static_cast<double>(h.requests), false});
    out.push_back({"http_bad_requests_total", "Malformed or oversized HTTP requests.", "",
                   static_cast<double>(h.bad_requests), false});
    out.push_back({"http_websocket_sessions_total", "Event streams opened.", "",
                   static_cast<double>(h.websocket_sessions), false});
  }
  return out;
}

Status write_secret(const std::string& path, const std::string& secret) {
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  const mode_t old = ::umask(077);
  std::ofstream f(path, std::ios::trunc);
  f << secret << "\n";
  f.close();
  ::umask(old);
  if (!f) return Error{ErrorCode::io_error, "cannot write " + path};
  std::filesystem::permissions(path, std::filesystem::perms::owner_read |
                                         std::filesystem::perms::owner_write, ec);
  return ok_status();
}

std::string default_web_root() {
#ifdef DIALER_INSTALLED_WEB_DIR
  if (std::filesystem::exists(DIALER_INSTALLED_WEB_DIR "/index.html")) return DIALER_INSTALLED_WEB_DIR;
#endif
#ifdef DIALER_SOURCE_WEB_DIR
  return DIALER_SOURCE_WEB_DIR;
#else
  return {};
#endif
}

}  // namespace

Result<std::unique_ptr<ApiService>> start_api(const config::EngineConfig& config,
                                              boost::asio::io_context& io, engine::Engine& engine,
                                              Database& db, ComplianceStack& compliance,
                                              const TimeSource& clock, const sip::SipStack& sip,
                                              const std::map<CampaignId, LeadId>& last_leads,
                                              std::ostream& out) {
  auto parts = std::make_unique<ApiService::Parts>();
  auto& p = *parts;
  const auto& http = config.http;
  auto admin = auth::ensure_bootstrap_admin(db.users(), std::nullopt, {}, p.random, clock.now());
  if (!admin) return admin.error().with_context("creating the first admin user");
  if (*admin && (*admin)->generated_password) {
    if (auto s = write_secret(http.admin_password_file, *(*admin)->generated_password); !s) {
      return s.error();
    }
    out << "dialerd: created user 'admin'; its password is in " << http.admin_password_file
        << " (change it with: dialerctl user passwd)\n";
  }
  auth::SessionPolicy policy;
  policy.idle_timeout = std::chrono::minutes(http.session_idle_minutes);
  if (policy.absolute_timeout < policy.idle_timeout) policy.absolute_timeout = policy.idle_timeout;
  p.sessions = std::make_unique<auth::SessionTable>(policy, p.random);
  p.authenticator = std::make_unique<auth::Authenticator>(*p.sessions, p.limiter);
  p.credentials = std::make_unique<auth::CredentialChecker>(db.users(), p.random);
  p.access = std::make_unique<api::AuthAccessControl>(*p.authenticator, *p.credentials, *p.sessions);
  p.backend = std::make_unique<EngineApiBackend>(
      engine, db, compliance, clock, [&sip, &p] { return sip_counters(sip, p.server.get()); });
  for (const auto& [campaign, last] : last_leads) p.backend->set_last_lead(campaign, last);
  p.router = std::make_unique<api::ApiRouter>(*p.backend, *p.access);
  api::HttpServerOptions options;
  options.bind_address = http.bind_address;
  options.port = static_cast<std::uint16_t>(http.port);
  options.web_root = http.web_root.empty() ? default_web_root() : http.web_root;
  p.server = std::make_unique<api::HttpServer>(io, options, *p.router);
  auto port = p.server->start();
  if (!port) return port.error();
  p.port = *port;
  return std::make_unique<ApiService>(std::move(parts));
}

}  // namespace dialer::app
