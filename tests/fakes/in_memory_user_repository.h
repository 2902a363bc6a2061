// In-memory UserRepository (dialer/api/auth/user_repository.h) for unit tests, with the same
// uniqueness rules as the database (username, agent SIP user) and fault injection:
// fail_all(true) makes every call fail with storage_unavailable. Ids are 1, 2, 3... Not
// thread-safe.
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dialer/api/auth/user_repository.h"

namespace dialer::fakes {

class InMemoryUserRepository : public auth::UserRepository {
 public:
  void fail_all(bool fail) { fail_ = fail; }
  int password_writes() const { return password_writes_; }

  Result<auth::User> create(const auth::User& user) override {
    if (fail_) return down();
    for (const auto& [id, u] : users_) {
      if (u.username == user.username || (user.agent_sip && u.agent_sip == user.agent_sip)) {
        return Error{ErrorCode::conflict, "users: duplicate " + user.username};
      }
    }
    auth::User stored = user;
    stored.id = auth::UserId{next_id_++};
    users_[stored.id.value()] = stored;
    return stored;
  }
  Result<std::optional<auth::User>> find_by_username(std::string_view username) override {
    if (fail_) return down();
    for (const auto& [id, u] : users_) {
      if (u.username == username) return std::optional<auth::User>{u};
    }
    return std::optional<auth::User>{};
  }
  Result<std::optional<auth::User>> find_by_id(auth::UserId id) override {
    if (fail_) return down();
    auto it = users_.find(id.value());
    if (it == users_.end()) return std::optional<auth::User>{};
    return std::optional<auth::User>{it->second};
  }
  Result<std::vector<auth::User>> list() override {
    if (fail_) return down();
    std::vector<auth::User> out;
    for (const auto& [id, u] : users_) out.push_back(u);
    return out;
  }
  Result<std::int64_t> count() override {
    if (fail_) return down();
    return static_cast<std::int64_t>(users_.size());
  }
  Status set_role(auth::UserId id, auth::Role role) override {
    return update(id, [&](auth::User& u) { u.role = role; });
  }
  Status set_password_hash(auth::UserId id, const std::string& hash) override {
    ++password_writes_;
    return update(id, [&](auth::User& u) { u.password_hash = hash; });
  }
  Status set_disabled(auth::UserId id, bool disabled) override {
    return update(id, [&](auth::User& u) { u.disabled = disabled; });
  }

 private:
  static Error down() { return Error{ErrorCode::storage_unavailable, "users: database down"}; }

  template <typename F>
  Status update(auth::UserId id, F&& change) {
    if (fail_) return down();
    auto it = users_.find(id.value());
    if (it == users_.end()) return Error{ErrorCode::not_found, "users: no such user"};
    change(it->second);
    return ok_status();
  }

  std::map<std::int64_t, auth::User> users_;
  std::int64_t next_id_ = 1;
  bool fail_ = false;
  int password_writes_ = 0;
};

}  // namespace dialer::fakes
