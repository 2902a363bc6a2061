// One login, start to end: rate limit, user lookup, password check, session. The HTTP layer
// calls Authenticator::login and maps the typed result to a response; every result but `ok`
// should look the same to the client (401, or 429 with Retry-After for `locked`) so a caller
// cannot tell unknown users from wrong passwords. Unknown users cost the same PBKDF2 work as
// known ones. login() blocks on the UserRepository and on PBKDF2 (~0.1 s at 210,000
// iterations): run it off the I/O thread. Not thread-safe (it uses the SessionTable and
// LoginRateLimiter it is given).
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
  // `params`: for the timing of unknown users and for upgrading weaker stored hashes after a
  // successful login.
  Authenticator(UserRepository& users, SessionTable& sessions, LoginRateLimiter& limiter,
                SecureRandom& random, PasswordHashParams params = {})
      : users_(users), sessions_(sessions), limiter_(limiter), random_(random), params_(params) {}

  LoginOutcome login(std::string_view username, std::string_view password,
                     std::string_view client_address, TimePoint now);

 private:
  LoginOutcome failed(std::string_view username, std::string_view address, TimePoint now);
  void burn_time_for_unknown_user(std::string_view password);
  void upgrade_hash(const User& user, std::string_view password);

  UserRepository& users_;
  SessionTable& sessions_;
  LoginRateLimiter& limiter_;
  SecureRandom& random_;
  PasswordHashParams params_;
  std::string dummy_hash_;  // made on first use: a hash no password is known for
};

}  // namespace dialer::auth
