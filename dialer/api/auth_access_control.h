// AccessControl over dialer_auth: logins through the Authenticator and CredentialChecker (rate
// limit, PBKDF2, session) on the calling thread, tokens through the SessionTable, permissions
// through the one role table. Not thread-safe.
#pragma once

#include "dialer/api/access_control.h"
#include "dialer/api/auth/login.h"
#include "dialer/api/auth/session_table.h"

namespace dialer::api {

class AuthAccessControl final : public AccessControl {
 public:
  AuthAccessControl(auth::Authenticator& authenticator, auth::CredentialChecker& credentials,
                    auth::SessionTable& sessions)
      : authenticator_(authenticator), credentials_(credentials), sessions_(sessions) {}

  LoginOutcome login(const std::string& username, const std::string& password,
                     const std::string& client, TimePoint now) override;
  std::optional<Principal> authenticate(const std::string& token, TimePoint now) override;
  void logout(const std::string& token) override;
  bool allowed(const Principal& who, const std::string& permission) const override;

 private:
  auth::Authenticator& authenticator_;
  auth::CredentialChecker& credentials_;
  auth::SessionTable& sessions_;
};

}  // namespace dialer::api
