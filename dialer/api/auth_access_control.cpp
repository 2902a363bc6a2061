#include "dialer/api/auth_access_control.h"

#include "dialer/api/auth/permission.h"

namespace dialer::api {

LoginOutcome AuthAccessControl::login(const std::string& username, const std::string& password,
                                      const std::string& client, TimePoint now) {
  auto outcome = authenticator_.login(credentials_, username, password, client, now);
  LoginOutcome out;
  switch (outcome.result) {
    case auth::LoginResult::ok:
      out.session = LoginResult{outcome.token, *outcome.principal, outcome.expires_at};
      break;
    case auth::LoginResult::locked:
      out.rate_limited = true;
      out.message = "too many failed logins: try again later";
      break;
    case auth::LoginResult::unavailable:
      out.message = "login is unavailable: " + outcome.error;
      break;
    default:  // unknown user, wrong password and disabled accounts look the same
      out.message = "wrong user name or password";
      break;
  }
  return out;
}

std::optional<Principal> AuthAccessControl::authenticate(const std::string& token, TimePoint now) {
  auto check = sessions_.authenticate(token, now);
  return check.principal;
}

void AuthAccessControl::logout(const std::string& token) { sessions_.logout(token); }

bool AuthAccessControl::allowed(const Principal& who, const std::string& permission) const {
  const auto p = auth::permission_from_string(permission);
  return p && auth::allowed(who.role, *p);
}

}  // namespace dialer::api
