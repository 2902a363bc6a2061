#include "dialer/api/auth/login.h"

namespace dialer::auth {

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

void CredentialChecker::burn_time_for_unknown_user(std::string_view password) {
  if (dummy_hash_.empty()) {
    auto secret = random_token(random_, 24);
    if (!secret) return;
    auto hash = hash_password(*secret, params_, random_);
    if (!hash) return;
    dummy_hash_ = std::move(*hash);
  }
  (void)verify_password(password, dummy_hash_);
}

void CredentialChecker::upgrade_hash(const User& user, std::string_view password) {
  if (!needs_rehash(user.password_hash, params_)) return;
  auto hash = hash_password(password, params_, random_);
  // Best effort: the login stands even if the stronger hash cannot be stored now.
  if (hash) (void)users_.set_password_hash(user.id, *hash);
}

CredentialCheck CredentialChecker::check(std::string_view username, std::string_view password) {
  const std::string name = normalize_username(username);
  auto found = validate_username(name) ? users_.find_by_username(name)
                                       : Result<std::optional<User>>(std::optional<User>{});
  if (!found) return CredentialCheck{LoginResult::unavailable, std::nullopt, found.error().message};
  if (!*found || password.empty() || password.size() > kMaxPasswordBytes) {
    burn_time_for_unknown_user(password.substr(0, kMaxPasswordBytes));
    return CredentialCheck{};
  }
  const User& user = **found;
  if (!verify_password(password, user.password_hash)) return CredentialCheck{};
  if (user.disabled) return CredentialCheck{LoginResult::disabled, std::nullopt, ""};
  upgrade_hash(user, password);
  return CredentialCheck{LoginResult::ok, principal_of(user), ""};
}

std::optional<LoginOutcome> Authenticator::refuse_if_locked(std::string_view username,
                                                            std::string_view client_address,
                                                            TimePoint now) const {
  const LoginGate gate = limiter_.check(username, client_address, now);
  if (gate.allowed()) return std::nullopt;
  LoginOutcome out;
  out.result = LoginResult::locked;
  out.block = gate.block;
  out.retry_at = gate.retry_at;
  return out;
}

LoginOutcome Authenticator::complete(std::string_view username, std::string_view client_address,
                                     const CredentialCheck& check, TimePoint now) {
  LoginOutcome out;
  out.result = check.result;
  out.error = check.error;
  switch (check.result) {
    case LoginResult::bad_credentials:
      limiter_.record_failure(username, client_address, now);
      return out;
    case LoginResult::ok:
      break;
    default:  // disabled, unavailable: not the caller's guess, not counted
      return out;
  }
  if (!check.principal) {
    out.result = LoginResult::unavailable;
    out.error = "login: credential check gave no principal";
    return out;
  }
  auto session = sessions_.create(*check.principal, now);
  if (!session) {
    out.result = LoginResult::unavailable;
    out.error = session.error().message;
    return out;
  }
  limiter_.record_success(username);
  out.principal = check.principal;
  out.token = std::move(session->token);
  out.expires_at = session->expires_at;
  return out;
}

LoginOutcome Authenticator::login(CredentialChecker& checker, std::string_view username,
                                  std::string_view password, std::string_view client_address,
                                  TimePoint now) {
  if (auto refused = refuse_if_locked(username, client_address, now)) return std::move(*refused);
  return complete(username, client_address, checker.check(username, password), now);
}

}  // namespace dialer::auth
