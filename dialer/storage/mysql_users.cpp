// UserRepository (dialer/api/auth) on MySQL/MariaDB. Password hashes are bound and read like
// any other column and never appear in an error message.
#include "dialer/storage/mysql_repositories.h"

namespace dialer::storage_detail {
namespace {

const std::string kSelectUser =
    "SELECT id, username, role, tenant, agent_sip, password_hash, disabled, created_at "
    "FROM users ";

auth::User read_user(sql::ResultSet& rs) {
  auth::User user;
  user.id = auth::UserId{rs.getInt64(1)};
  user.username = rs.getString(2);
  const std::string role = rs.getString(3);
  const auto parsed = auth::role_from_string(role);
  if (!parsed) throw std::runtime_error("user " + user.username + ": unknown role '" + role + "'");
  user.role = *parsed;
  user.tenant = rs.getString(4);
  if (!rs.isNull(5)) user.agent_sip = rs.getString(5);
  user.password_hash = rs.getString(6);
  user.disabled = rs.getInt(7) != 0;
  user.created_at = from_unix_ms(rs.getInt64(8));
  return user;
}

std::optional<auth::User> read_one(sql::PreparedStatement& q) {
  std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
  if (!rs->next()) return std::nullopt;
  return read_user(*rs);
}

}  // namespace

Result<auth::User> MysqlUserRepository::create(const auth::User& user) {
  return db_.guarded("users: create " + user.username, [&]() -> Result<auth::User> {
    auto& q = db_.cached(insert_,
                         "INSERT INTO users (username, role, tenant, agent_sip, password_hash, "
                         "disabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    MysqlBinder b{q};
    b.text(user.username);
    b.text(auth::to_string(user.role));
    b.text(user.tenant);
    if (user.agent_sip) {
      b.text(*user.agent_sip);
    } else {
      b.null();
    }
    b.text(user.password_hash);
    b.int64(user.disabled ? 1 : 0);
    b.int64(to_unix_ms(user.created_at));
    q.executeUpdate();
    auto& id = db_.cached(last_id_, "SELECT LAST_INSERT_ID()");  // per connection
    std::unique_ptr<sql::ResultSet> rs(id.executeQuery());
    if (!rs->next()) return Error{ErrorCode::internal, "no id after insert"};
    auth::User stored = user;
    stored.id = auth::UserId{rs->getInt64(1)};
    return stored;
  });
}

Result<std::optional<auth::User>> MysqlUserRepository::find_by_username(std::string_view username) {
  using Out = Result<std::optional<auth::User>>;
  return db_.guarded("users: find " + std::string(username), [&]() -> Out {
    auto& q = db_.cached(by_name_, kSelectUser + "WHERE username = ?");
    MysqlBinder{q}.text(username);
    return read_one(q);
  });
}

Result<std::optional<auth::User>> MysqlUserRepository::find_by_id(auth::UserId id) {
  using Out = Result<std::optional<auth::User>>;
  return db_.guarded("users: find id " + std::to_string(id.value()), [&]() -> Out {
    auto& q = db_.cached(by_id_, kSelectUser + "WHERE id = ?");
    q.setInt64(1, id.value());
    return read_one(q);
  });
}

Result<std::vector<auth::User>> MysqlUserRepository::list() {
  return db_.guarded("users: list", [&]() -> Result<std::vector<auth::User>> {
    auto& q = db_.cached(list_, kSelectUser + "ORDER BY id");
    std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
    std::vector<auth::User> out;
    while (rs->next()) out.push_back(read_user(*rs));
    return out;
  });
}

Result<std::int64_t> MysqlUserRepository::count() {
  return db_.guarded("users: count", [&]() -> Result<std::int64_t> {
    auto& q = db_.cached(count_, "SELECT COUNT(*) FROM users");
    std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
    return rs->next() ? rs->getInt64(1) : 0;
  });
}

namespace {

// MySQL reports changed rows, not matched ones: an update to the same value also reports 0,
// so a zero is checked against the row's existence.
Status updated_or_missing(MysqlSession& db, MysqlStatement& exists_slot, int changed,
                          auth::UserId id, const std::string& ctx) {
  if (changed > 0) return ok_status();
  auto& e = db.cached(exists_slot, "SELECT 1 FROM users WHERE id = ?");
  e.setInt64(1, id.value());
  std::unique_ptr<sql::ResultSet> rs(e.executeQuery());
  if (rs->next()) return ok_status();
  return Error{ErrorCode::not_found, ctx + ": no such user"};
}

}  // namespace

Status MysqlUserRepository::set_role(auth::UserId id, auth::Role role) {
  const std::string ctx = "users: set role of " + std::to_string(id.value());
  return db_.guarded(ctx, [&]() -> Status {
    auto& q = db_.cached(role_, "UPDATE users SET role = ? WHERE id = ?");
    MysqlBinder b{q};
    b.text(auth::to_string(role));
    b.int64(id.value());
    return updated_or_missing(db_, exists_, q.executeUpdate(), id, ctx);
  });
}

Status MysqlUserRepository::set_password_hash(auth::UserId id, const std::string& password_hash) {
  const std::string ctx = "users: set password of " + std::to_string(id.value());
  return db_.guarded(ctx, [&]() -> Status {
    auto& q = db_.cached(password_, "UPDATE users SET password_hash = ? WHERE id = ?");
    MysqlBinder b{q};
    b.text(password_hash);
    b.int64(id.value());
    return updated_or_missing(db_, exists_, q.executeUpdate(), id, ctx);
  });
}

Status MysqlUserRepository::set_disabled(auth::UserId id, bool disabled) {
  const std::string ctx = "users: set disabled of " + std::to_string(id.value());
  return db_.guarded(ctx, [&]() -> Status {
    auto& q = db_.cached(disabled_, "UPDATE users SET disabled = ? WHERE id = ?");
    MysqlBinder b{q};
    b.int64(disabled ? 1 : 0);
    b.int64(id.value());
    return updated_or_missing(db_, exists_, q.executeUpdate(), id, ctx);
  });
}

}  // namespace dialer::storage_detail
