// Creating users and changing them: the checks and hashing shared by `dialerctl user` and the
// API's users.manage endpoints. Validation and hashing are pure (clock and randomness
// injected); the *_user functions then call the UserRepository (blocking). Errors name the
// user, never the password or its hash. After set_role, change_password or set_disabled, the
// caller revokes the user's sessions (SessionTable::revoke_user).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "dialer/api/auth/password_hash.h"
#include "dialer/api/auth/secure_random.h"
#include "dialer/api/auth/user.h"
#include "dialer/api/auth/user_repository.h"

namespace dialer::auth {

struct NewUserRequest {
  std::string username;  // normalized to lower case
  Role role = Role::agent;
  std::string tenant = std::string(kDefaultTenant);
  std::optional<std::string> agent_sip;
  std::string password;  // checked against check_password_policy()
};

// The validated User, password hashed, ready for UserRepository::create.
Result<User> make_user(const NewUserRequest& request, const PasswordHashParams& params,
                       SecureRandom& random, TimePoint now);

// check_password_policy() then hash_password().
Result<std::string> new_password_hash(std::string_view password, const PasswordHashParams& params,
                                      SecureRandom& random);

// make_user() and store it; conflict when the username or agent SIP user is taken.
Result<User> create_user(UserRepository& users, const NewUserRequest& request,
                         const PasswordHashParams& params, SecureRandom& random, TimePoint now);

// The user named `username` (normalized), or not_found.
Result<User> require_user(UserRepository& users, std::string_view username);

Status change_password(UserRepository& users, std::string_view username, std::string_view password,
                       const PasswordHashParams& params, SecureRandom& random);
// Refuses a role the user's tenant or agent SIP user does not allow (validate_user).
Status change_role(UserRepository& users, std::string_view username, Role role);
Status set_user_disabled(UserRepository& users, std::string_view username, bool disabled);

}  // namespace dialer::auth
