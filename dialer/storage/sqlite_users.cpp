// UserRepository (dialer/api/auth) on SQLite. Password hashes are bound and read like any
// other column and never appear in an error message.
#include "dialer/storage/sqlite_repositories.h"

namespace dialer::storage_detail {
namespace {

constexpr std::string_view kSelectUser =
    "SELECT id, username, role, tenant, agent_sip, password_hash, disabled, created_at "
    "FROM users ";

Result<auth::User> read_user(const SqliteStatement& q) {
  auth::User user;
  user.id = auth::UserId{q.column_int64(0)};
  user.username = q.column_text(1);
  const std::string role = q.column_text(2);
  const auto parsed = auth::role_from_string(role);
  if (!parsed) {
    return Error{ErrorCode::internal, "user " + user.username + ": unknown role '" + role + "'"};
  }
  user.role = *parsed;
  user.tenant = q.column_text(3);
  if (!q.column_is_null(4)) user.agent_sip = q.column_text(4);
  user.password_hash = q.column_text(5);
  user.disabled = q.column_int64(6) != 0;
  user.created_at = from_unix_ms(q.column_int64(7));
  return user;
}

}  // namespace

Result<auth::User> SqliteUserRepository::create(const auth::User& user) {
  const std::string ctx = "users: create " + user.username;
  auto stmt = cached(db_, insert_,
                     "INSERT INTO users (username, role, tenant, agent_sip, password_hash, "
                     "disabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = **stmt;
  q.text(user.username);
  q.text(auth::to_string(user.role));
  q.text(user.tenant);
  if (user.agent_sip) {
    q.text(*user.agent_sip);
  } else {
    q.null();
  }
  q.text(user.password_hash);
  q.int64(user.disabled ? 1 : 0);
  q.int64(to_unix_ms(user.created_at));
  if (auto s = q.run(ctx + " failed"); !s) return s.error();
  auth::User stored = user;
  stored.id = auth::UserId{db_.last_insert_id()};
  return stored;
}

Result<std::optional<auth::User>> SqliteUserRepository::find_one(SqliteStatement& q,
                                                                 const std::string& ctx) {
  auto row = q.step(ctx);
  if (!row) return row.error();
  std::optional<auth::User> out;
  if (*row) {
    auto user = read_user(q);
    if (!user) {
      q.reset();
      return user.error();
    }
    out = std::move(*user);
  }
  q.reset();
  return out;
}

Result<std::optional<auth::User>> SqliteUserRepository::find_by_username(
    std::string_view username) {
  const std::string ctx = "users: find " + std::string(username);
  auto stmt = cached(db_, by_name_, std::string(kSelectUser) + "WHERE username = ?", ctx);
  if (!stmt) return stmt.error();
  (*stmt)->text(username);
  return find_one(**stmt, ctx);
}

Result<std::optional<auth::User>> SqliteUserRepository::find_by_id(auth::UserId id) {
  const std::string ctx = "users: find id " + std::to_string(id.value());
  auto stmt = cached(db_, by_id_, std::string(kSelectUser) + "WHERE id = ?", ctx);
  if (!stmt) return stmt.error();
  (*stmt)->int64(id.value());
  return find_one(**stmt, ctx);
}

Result<std::vector<auth::User>> SqliteUserRepository::list() {
  const std::string ctx = "users: list";
  auto stmt = cached(db_, list_, std::string(kSelectUser) + "ORDER BY id", ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = **stmt;
  std::vector<auth::User> out;
  while (true) {
    auto row = q.step(ctx);
    if (!row) return row.error();
    if (!*row) break;
    auto user = read_user(q);
    if (!user) {
      q.reset();
      return user.error();
    }
    out.push_back(std::move(*user));
  }
  q.reset();
  return out;
}

Result<std::int64_t> SqliteUserRepository::count() {
  const std::string ctx = "users: count";
  auto stmt = cached(db_, count_, "SELECT COUNT(*) FROM users", ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = **stmt;
  auto row = q.step(ctx);
  if (!row) return row.error();
  const std::int64_t n = *row ? q.column_int64(0) : 0;
  q.reset();
  return n;
}

Status SqliteUserRepository::update_one(SqliteStatement& q, const std::string& ctx) {
  if (auto s = q.run(ctx + " failed"); !s) return s;
  if (db_.changes() == 0) return Error{ErrorCode::not_found, ctx + ": no such user"};
  return ok_status();
}

Status SqliteUserRepository::set_role(auth::UserId id, auth::Role role) {
  const std::string ctx = "users: set role of " + std::to_string(id.value());
  auto stmt = cached(db_, role_, "UPDATE users SET role = ? WHERE id = ?", ctx);
  if (!stmt) return stmt.error();
  (*stmt)->text(auth::to_string(role));
  (*stmt)->int64(id.value());
  return update_one(**stmt, ctx);
}

Status SqliteUserRepository::set_password_hash(auth::UserId id, const std::string& password_hash) {
  const std::string ctx = "users: set password of " + std::to_string(id.value());
  auto stmt = cached(db_, password_, "UPDATE users SET password_hash = ? WHERE id = ?", ctx);
  if (!stmt) return stmt.error();
  (*stmt)->text(password_hash);
  (*stmt)->int64(id.value());
  return update_one(**stmt, ctx);
}

Status SqliteUserRepository::set_disabled(auth::UserId id, bool disabled) {
  const std::string ctx = "users: set disabled of " + std::to_string(id.value());
  auto stmt = cached(db_, disabled_, "UPDATE users SET disabled = ? WHERE id = ?", ctx);
  if (!stmt) return stmt.error();
  (*stmt)->int64(disabled ? 1 : 0);
  (*stmt)->int64(id.value());
  return update_one(**stmt, ctx);
}

}  // namespace dialer::storage_detail
