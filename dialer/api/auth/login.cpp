#include "dialer/api/auth/login.h"

namespace dialer::auth {
namespace {

LoginOutcome unavailable(const Error& e) {
  LoginOutcome out;
  out.result = LoginResult::unavailable;
  out.error = e.message;
  return out;
}

}  // namespace

std::string_view to_string(LoginResult result) {
  switch (result) {
    case LoginResult::ok:
      return "ok";
    case LoginResult::bad_credentials:
      return "bad_credentials";
    case LoginResult::locked:
      return "locked";
    case LoginResult::disabled:
      return "disabled";
    case LoginResult::unavailable:
      return "unavailable";
  }
  return "unknown";
}

LoginOutcome Authenticator::failed(std::string_view username, std::string_view address,
                                   TimePoint now) {
  limiter_.record_failure(username, address, now);
  return LoginOutcome{};  // bad_credentials, also when this failure started a lock
}

void Authenticator::burn_time_for_unknown_user(std::string_view password) {
  if (dummy_hash_.empty()) {
    auto secret = random_token(random_, 24);
    if (!secret) return;
    auto hash = hash_password(*secret, params_, random_);
    if (!hash) return;
    dummy_hash_ = std::move(*hash);
  }
  (void)verify_password(password, dummy_hash_);
}

void Authenticator::upgrade_hash(const User& user, std::string_view password) {
  if (!needs_rehash(user.password_hash, params_)) return;
  auto hash = hash_password(password, params_, random_);
  // Best effort: the login stands even if the stronger hash cannot be stored now.
  if (hash) (void)users_.set_password_hash(user.id, *hash);
}

LoginOutcome Authenticator::login(std::string_view username, std::string_view password,
                                  std::string_view client_address, TimePoint now) {
  if (const LoginGate gate = limiter_.check(username, client_address, now); !gate.allowed()) {
    LoginOutcome out;
    out.result = LoginResult::locked;
    out.block = gate.block;
    out.retry_at = gate.retry_at;
    return out;
  }
  const std::string name = normalize_username(username);
  auto found = validate_username(name) ? users_.find_by_username(name)
                                       : Result<std::optional<User>>(std::optional<User>{});
  if (!found) return unavailable(found.error());
  if (!*found || password.empty() || password.size() > kMaxPasswordBytes) {
    burn_time_for_unknown_user(password.substr(0, kMaxPasswordBytes));
    return failed(name, client_address, now);
  }
  const User& user = **found;
  if (!verify_password(password, user.password_hash)) return failed(name, client_address, now);
  if (user.disabled) {
    LoginOutcome out;
    out.result = LoginResult::disabled;
    return out;
  }
  auto session = sessions_.create(principal_of(user), now);
  if (!session) return unavailable(session.error());
  limiter_.record_success(name);
  upgrade_hash(user, password);
  LoginOutcome out;
  out.result = LoginResult::ok;
  out.principal = principal_of(user);
  out.token = std::move(session->token);
  out.expires_at = session->expires_at;
  return out;
}

}  // namespace dialer::auth
