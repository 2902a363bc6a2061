// One login, start to end, in three steps so that the slow part can leave the I/O thread:
//   1. Authenticator::refuse_if_locked (owner thread): rate limit, before any password work;
//   2. CredentialChecker::check (any thread, blocking): user lookup and PBKDF2, ~50 ms of CPU;
//   3. Authenticator::complete (owner thread): count the result, open the session.
// Authenticator::login runs all three on one thread. Every result but `ok` should look the same
// to the client (401; `locked` may say when to retry) so a caller cannot tell unknown users from
// wrong passwords; unknown users cost the same PBKDF2 work as known ones. Authenticator is not
// thread-safe (it drives the SessionTable and LoginRateLimiter of its owner thread); one
// CredentialChecker per thread that checks passwords (it uses that thread's repository).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dialer/api/auth/login_limiter.h"
#include "dialer/api/auth/password_hash.h"
#include "dialer/api/auth/session_table.h"
#include "dialer/api/auth/user_repository.h"

namespace dialer::auth {

enum class LoginResult : std::uint8_t {
  ok,
  bad_credentials,  // unknown user or wrong password (counted by the rate limiter)
  locked,           // rate limited; retry_at says until when
  disabled,         // right password, disabled account (not counted)
  unavailable,      // storage or random source failed (not counted); `error` says why
};
std::string_view to_string(LoginResult result);

// Step 2's answer: ok, bad_credentials, disabled or unavailable.
struct CredentialCheck {
  LoginResult result = LoginResult::bad_credentials;
  std::optional<Principal> principal;  // ok
  std::string error;                   // unavailable; never contains secrets
};

class CredentialChecker {
 public:
  // `params`: the current hashing setting, for the work spent on unknown users and for
  // replacing weaker stored hashes after a successful check.
  CredentialChecker(UserRepository& users, SecureRandom& random, PasswordHashParams params = {})
      : users_(users), random_(random), params_(params) {}

  // Blocking: looks the user up (normalized name) and verifies the password.
  CredentialCheck check(std::string_view username, std::string_view password);

 private:
  void burn_time_for_unknown_user(std::string_view password);
  void upgrade_hash(const User& user, std::string_view password);

  UserRepository& users_;
  SecureRandom& random_;
  PasswordHashParams params_;
  std::string dummy_hash_;  // made on first use: a hash no password is known for
};

struct LoginOutcome {
  LoginResult result = LoginResult::bad_credentials;
  std::optional<Principal> principal;   // ok
  std::string token;                    // ok: the session token, for the client only
  TimePoint expires_at{};               // ok: session expiry if unused
  LoginBlock block = LoginBlock::none;  // locked
  TimePoint retry_at{};                 // locked
  std::string error;                    // unavailable; never contains secrets
};

class Authenticator {
 public:
  Authenticator(SessionTable& sessions, LoginRateLimiter& limiter)
      : sessions_(sessions), limiter_(limiter) {}

  // Step 1: a `locked` outcome to send at once, or nullopt to go on to the password check.
  [[nodiscard]] std::optional<LoginOutcome> refuse_if_locked(std::string_view username,
                                                             std::string_view client_address,
                                                             TimePoint now) const;
  // Step 3: counts a failure or clears the count, and opens the session of an `ok` check.
  LoginOutcome complete(std::string_view username, std::string_view client_address,
                        const CredentialCheck& check, TimePoint now);
  // Steps 1 to 3 on this thread (blocked by step 2).
  LoginOutcome login(CredentialChecker& checker, std::string_view username,
                     std::string_view password, std::string_view client_address, TimePoint now);

 private:
  SessionTable& sessions_;
  LoginRateLimiter& limiter_;
};

}  // namespace dialer::auth
