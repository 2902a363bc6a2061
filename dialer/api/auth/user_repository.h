// Storage contract for users. dialer/storage implements it for SQLite and MySQL/MariaDB;
// tests/fakes/in_memory_user_repository.h is the in-memory version. Calls block; failures are
// values (storage_unavailable when the database is down). Usernames are compared byte for byte:
// callers pass normalize_username() output.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialer/api/auth/user.h"
#include "dialer/common/result.h"

namespace dialer::auth {

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  // Stores a new user (user.id is ignored) and returns it with its id. conflict when the
  // username, or the agent SIP user, is taken.
  virtual Result<User> create(const User& user) = 0;
  virtual Result<std::optional<User>> find_by_username(std::string_view username) = 0;
  virtual Result<std::optional<User>> find_by_id(UserId id) = 0;
  // Every user, ordered by id.
  virtual Result<std::vector<User>> list() = 0;
  virtual Result<std::int64_t> count() = 0;
  // Each fails with not_found when no user has that id.
  virtual Status set_role(UserId id, Role role) = 0;
  virtual Status set_password_hash(UserId id, const std::string& password_hash) = 0;
  virtual Status set_disabled(UserId id, bool disabled) = 0;
};

}  // namespace dialer::auth
