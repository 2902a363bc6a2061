// EngineConfig: the typed, validated, immutable configuration of the engine (`kind: engine`,
// dialerd.yaml): where its database is, which campaign files it runs, how much it logs.
// Built by load_engine_file() together with every campaign it names; shared read-only.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "campaigns/campaign.h"

namespace dialer::config {

enum class LogLevel { trace, debug, info, warn, error, critical, off };
std::string_view to_string(LogLevel level);

enum class DatabaseKind { sqlite, mysql };

// A carrier trunk the engine places outbound calls through (docs/telephony.md).
struct TrunkSettings {
  std::string name;
  std::string proxy;  // SIP URI of the outbound proxy / registrar, e.g. sip:127.0.0.1:5070
  std::string transport = "udp";  // udp | tcp
  std::string username;           // digest credentials; empty: no authentication
  std::string password;
  bool register_enabled = false;
  std::int64_t register_expires_s = 3600;
};

struct SipSettings {
  std::string bind_address = "127.0.0.1";
  std::int64_t port = 5060;  // 0: any free port
  std::vector<TrunkSettings> trunks;
  std::int64_t channel_limit = 0;  // 0: unlimited
  std::int64_t cps_limit = 0;      // calls per second, 0: unlimited
};

struct MediaSettings {
  std::string bind_address = "127.0.0.1";
  std::string advertised_address;  // in SDP; empty: bind_address
  std::int64_t port_min = 0;       // both 0: the OS picks free ports
  std::int64_t port_max = 0;
  std::int64_t threads = 1;
};

// An agent phone that registers to the engine with digest authentication.
struct AgentSettings {
  std::string user;
  std::string password;
};

struct ComplianceSettings {
  std::string data_dir;  // the compliance tables; empty: the installed or source copy
  std::string signing_key = "var/signing-key.pem";  // Ed25519 PEM; created when missing
  std::string national_dnc_file;                    // national registry full list
  std::string national_dnc_date;                    // YYYY-MM-DD the list was downloaded
  std::string internal_dnc_file;                    // company list, one number per line
};

// The HTTP API, web console and /metrics listener.
struct HttpSettings {
  bool enabled = true;
  std::string bind_address = "127.0.0.1";
  std::int64_t port = 8080;  // 0: any free port (written to --ready-file's second line)
  std::string web_root;      // the console's files; empty: the installed or source copy
  std::string admin_password_file = "var/admin-password";  // first admin's password, when created
  std::int64_t session_idle_minutes = 480;
};

struct EngineConfig {
  // "sqlite:PATH" (embedded, the default) or "mysql://user:pass@host:port/db", as written.
  std::string database = "sqlite:var/dialer.db";
  DatabaseKind database_kind = DatabaseKind::sqlite;
  // Campaign files as resolved against the engine file's folder, in file order.
  std::vector<std::string> campaign_files;
  // The loaded campaigns, one per entry of campaign_files, same order; ids are unique.
  std::vector<std::shared_ptr<const Campaign>> campaigns;
  LogLevel log_level = LogLevel::info;
  SipSettings sip;
  MediaSettings media;
  std::vector<AgentSettings> agents;
  // Agents whose phone comes up start ready (true) or paused until they press Ready (false).
  bool agents_ready_on_login = true;
  HttpSettings http;
  ComplianceSettings compliance;
  std::string node_id = "dialerd-1";
};

}  // namespace dialer::config
