// Every tunable of access control in one value, for the engine configuration to fill (an
// `api.auth` section, say) and for dialerd to hand to the parts below. Immutable once built.
#pragma once

#include <optional>
#include <string>

#include "dialer/api/auth/login_limiter.h"
#include "dialer/api/auth/password_hash.h"
#include "dialer/api/auth/session_table.h"

namespace dialer::auth {

struct AuthSettings {
  PasswordHashParams passwords;                         // 210,000 iterations
  SessionPolicy sessions;                               // 8 h idle, 12 h absolute
  LoginLimitPolicy logins;                              // 5 failures in 5 min lock 5 min
  std::optional<std::string> bootstrap_admin_password;  // none: generate and print once
};

// Every rule of the parts, the first failure with a "passwords:", "sessions:", "logins:" or
// "bootstrap_admin_password:" prefix. Never echoes the password.
Status validate_settings(const AuthSettings& settings);

}  // namespace dialer::auth
