// What the API needs from access control: logging in with a password, finding the principal
// behind a session token, and the permission check for each route. Implemented over the user
// store and session table (dialer/api/auth); tests use a fixed table.
#pragma once

#include <optional>
#include <string>

#include "dialer/api/api_types.h"
#include "dialer/common/time.h"

namespace dialer::api {

struct LoginResult {
  std::string token;
  Principal principal;
  TimePoint expires_at{};
};

// A refused login says whether it was refused for too many failures (HTTP 429) or not (401).
struct LoginOutcome {
  std::optional<LoginResult> session;
  bool rate_limited = false;
  std::string message;
};

class AccessControl {
 public:
  virtual ~AccessControl() = default;
  virtual LoginOutcome login(const std::string& username, const std::string& password,
                                    const std::string& client, TimePoint now) = 0;
  virtual std::optional<Principal> authenticate(const std::string& token, TimePoint now) = 0;
  virtual void logout(const std::string& token) = 0;
  // `permission` is one of the names in docs/api.md, e.g. "agents.self", "exports.download".
  virtual bool allowed(const Principal& who, const std::string& permission) const = 0;
};

}  // namespace dialer::api
