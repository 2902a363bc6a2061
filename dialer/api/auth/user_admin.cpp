#include "dialer/api/auth/user_admin.h"

namespace dialer::auth {

Result<std::string> new_password_hash(std::string_view password, const PasswordHashParams& params,
                                      SecureRandom& random) {
  if (auto s = check_password_policy(password); !s) return s.error();
  return hash_password(password, params, random);
}

Result<User> make_user(const NewUserRequest& request, const PasswordHashParams& params,
                       SecureRandom& random, TimePoint now) {
  User user;
  user.username = normalize_username(request.username);
  user.role = request.role;
  user.tenant = request.tenant;
  user.agent_sip = request.agent_sip;
  user.created_at = now;
  if (auto s = validate_user(user); !s) return s.error();
  auto hash = new_password_hash(request.password, params, random);
  if (!hash) return hash.error().with_context("user " + user.username);
  user.password_hash = std::move(*hash);
  return user;
}

Result<User> create_user(UserRepository& users, const NewUserRequest& request,
                         const PasswordHashParams& params, SecureRandom& random, TimePoint now) {
  auto user = make_user(request, params, random, now);
  if (!user) return user.error();
  return users.create(*user);
}

Result<User> require_user(UserRepository& users, std::string_view username) {
  const std::string name = normalize_username(username);
  auto found = users.find_by_username(name);
  if (!found) return found.error();
  if (!*found) return Error{ErrorCode::not_found, "no user named '" + name + "'"};
  return std::move(**found);
}

Status change_password(UserRepository& users, std::string_view username, std::string_view password,
                       const PasswordHashParams& params, SecureRandom& random) {
  auto user = require_user(users, username);
  if (!user) return user.error();
  auto hash = new_password_hash(password, params, random);
  if (!hash) return hash.error().with_context("user " + user->username);
  return users.set_password_hash(user->id, *hash);
}

Status change_role(UserRepository& users, std::string_view username, Role role) {
  auto user = require_user(users, username);
  if (!user) return user.error();
  User changed = *user;
  changed.role = role;
  if (auto s = validate_user(changed); !s) return s.error().with_context("user " + user->username);
  return users.set_role(user->id, role);
}

Status set_user_disabled(UserRepository& users, std::string_view username, bool disabled) {
  auto user = require_user(users, username);
  if (!user) return user.error();
  return users.set_disabled(user->id, disabled);
}

}  // namespace dialer::auth
