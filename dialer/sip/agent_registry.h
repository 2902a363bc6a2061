// Contact bindings of agent phones and the digest nonces issued to them.
// Adapter-internal; used on the SIP thread only (not thread-safe). `now` is a parameter.
// Invariant: one binding per agent user name (the newest REGISTER wins); a binding past its
// expiry is never returned by lookup().
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dialer/common/time.h"
#include "dialer/sip/digest_auth.h"

namespace dialer::sip {

enum class AuthVerdict { ok, unknown_user, wrong_realm, stale_nonce, bad_response };

class AgentRegistry {
 public:
  AgentRegistry(std::map<std::string, std::string> credentials, std::string realm);

  // A fresh nonce valid for kNonceLifetime; `entropy` is random hex from the caller.
  std::string issue_nonce(const std::string& entropy, TimePoint now);
  AuthVerdict check(const DigestCredentials& c, std::string_view method, TimePoint now) const;

  // Stores or refreshes a binding; true when it is new or the contact changed.
  bool bind(const std::string& agent, const std::string& contact, TimePoint expires_at);
  bool remove(const std::string& agent);
  // Drops expired bindings and old nonces; returns the agents whose binding expired.
  std::vector<std::string> expire(TimePoint now);
  [[nodiscard]] std::optional<std::string> lookup(const std::string& agent, TimePoint now) const;
  [[nodiscard]] const std::string& realm() const { return realm_; }

  static constexpr Duration kNonceLifetime{300'000};

 private:
  struct Binding {
    std::string contact;
    TimePoint expires_at;
  };
  std::map<std::string, std::string> credentials_;
  std::string realm_;
  std::map<std::string, TimePoint> nonces_;  // nonce -> issued at
  std::map<std::string, Binding> bindings_;
};

}  // namespace dialer::sip
