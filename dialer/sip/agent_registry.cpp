#include "dialer/sip/agent_registry.h"

namespace dialer::sip {

AgentRegistry::AgentRegistry(std::map<std::string, std::string> credentials, std::string realm)
    : credentials_(std::move(credentials)), realm_(std::move(realm)) {}

std::string AgentRegistry::issue_nonce(const std::string& entropy, TimePoint now) {
  std::string nonce = md5_hex(entropy + ":" + std::to_string(to_unix_ms(now)));
  nonces_[nonce] = now;
  return nonce;
}

AuthVerdict AgentRegistry::check(const DigestCredentials& c, std::string_view method,
                                 TimePoint now) const {
  const auto user = credentials_.find(c.username);
  if (user == credentials_.end()) return AuthVerdict::unknown_user;
  if (c.realm != realm_) return AuthVerdict::wrong_realm;
  const auto nonce = nonces_.find(c.nonce);
  if (nonce == nonces_.end() || nonce->second + kNonceLifetime <= now) {
    return AuthVerdict::stale_nonce;
  }
  return digest_matches(c, method, user->second) ? AuthVerdict::ok : AuthVerdict::bad_response;
}

bool AgentRegistry::bind(const std::string& agent, const std::string& contact,
                         TimePoint expires_at) {
  auto [it, inserted] = bindings_.try_emplace(agent, Binding{contact, expires_at});
  if (inserted) return true;
  const bool changed = it->second.contact != contact;
  it->second = Binding{contact, expires_at};
  return changed;
}

bool AgentRegistry::remove(const std::string& agent) { return bindings_.erase(agent) > 0; }

std::vector<std::string> AgentRegistry::expire(TimePoint now) {
  std::vector<std::string> gone;
  for (auto it = bindings_.begin(); it != bindings_.end();) {
    if (it->second.expires_at <= now) {
      gone.push_back(it->first);
      it = bindings_.erase(it);
    } else {
      ++it;
    }
  }
  std::erase_if(nonces_, [&](const auto& n) { return n.second + kNonceLifetime <= now; });
  return gone;
}

std::optional<std::string> AgentRegistry::lookup(const std::string& agent, TimePoint now) const {
  const auto it = bindings_.find(agent);
  if (it == bindings_.end() || it->second.expires_at <= now) return std::nullopt;
  return it->second.contact;
}

}  // namespace dialer::sip
