// Configuration of the SIP adapter: listening address, trunks, limits and agent credentials.
// Plain immutable value, copied into the SipStack at construction.
// Invariants: trunk names are unique; port 0 means "any free port" (SipStack::port() reports it).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "dialer/calls/originate_limiter.h"

namespace dialer::sip {

enum class Transport { udp, tcp };

struct TrunkConfig {
  std::string name;
  std::string proxy_uri;  // outbound proxy and registrar, e.g. "sip:127.0.0.1:5070"
  Transport transport = Transport::udp;
  std::string username;  // digest credentials; empty = no authentication
  std::string password;
  bool register_enabled = false;
  int register_expires_s = 3600;
};

struct SipConfig {
  std::string bind_address = "127.0.0.1";
  std::uint16_t port = 0;  // UDP and TCP are bound on the same port
  std::string user_agent = "dialerd";
  std::vector<TrunkConfig> trunks;
  calls::OriginateLimits limits;  // safety net over the engine's own pacing
  // Agent phones: user name -> password, for digest authentication of REGISTER.
  std::map<std::string, std::string> agent_credentials;
  std::string realm = "dialer";
  int max_register_expires_s = 3600;
  int shutdown_timeout_ms = 3000;  // bound on waiting for nua to finish transactions
};

}  // namespace dialer::sip
