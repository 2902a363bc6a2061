// The first administrator. When the users table is empty, dialerd creates user "admin" (role
// admin, tenant "*") with the password from its configuration or, when none is configured, a
// generated one that it prints once on the console, never to a log file. plan_bootstrap_admin
// is the pure decision; ensure_bootstrap_admin runs it against a UserRepository.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dialer/api/auth/password_hash.h"
#include "dialer/api/auth/secure_random.h"
#include "dialer/api/auth/user.h"
#include "dialer/api/auth/user_repository.h"

namespace dialer::auth {

inline constexpr std::string_view kBootstrapUsername = "admin";
inline constexpr std::size_t kGeneratedPasswordBytes = 18;  // 24 base64url characters

struct BootstrapAdmin {
  User user;                                      // to store (id assigned by storage)
  std::optional<std::string> generated_password;  // set when none was configured: show once
};

// nullopt when `existing_users` > 0. Otherwise the admin to create, hashed with `params`; a
// configured password must pass check_password_policy (invalid_argument otherwise).
Result<std::optional<BootstrapAdmin>> plan_bootstrap_admin(
    std::int64_t existing_users, const std::optional<std::string>& configured_password,
    const PasswordHashParams& params, SecureRandom& random, TimePoint now);

// count(), plan_bootstrap_admin(), create(). The returned user carries its stored id. nullopt
// when users exist, also when another node created "admin" between the count and the insert.
Result<std::optional<BootstrapAdmin>> ensure_bootstrap_admin(
    UserRepository& users, const std::optional<std::string>& configured_password,
    const PasswordHashParams& params, SecureRandom& random, TimePoint now);

}  // namespace dialer::auth
