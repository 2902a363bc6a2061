// Internal to dialer/storage: one Connector/C++ connection plus the helpers every MySQL/MariaDB
// repository uses (statement cache slots, exception-to-Error translation with the password
// scrubbed, transactions). One session per thread; Connector/C++ objects never cross threads.
#pragma once

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <cstdint>
#include <exception>
#include <memory>
#include <string>
#include <string_view>

#include "dialer/common/result.h"
#include "dialer/storage/database.h"

namespace dialer::storage_detail {

using MysqlStatement = std::unique_ptr<sql::PreparedStatement>;

class MysqlSession {
 public:
  static Result<std::unique_ptr<MysqlSession>> connect(const DatabaseUrl& url);
  MysqlSession(std::unique_ptr<sql::Connection> conn, std::string password)
      : conn_(std::move(conn)), password_(std::move(password)) {}

  sql::Connection& conn() { return *conn_; }
  // Prepares `slot` on first use (throws sql::SQLException like any Connector call).
  sql::PreparedStatement& cached(MysqlStatement& slot, const std::string& sql);
  // The Error for a caught exception, with context and without the password.
  [[nodiscard]] Error error(const std::exception& e, const std::string& context) const;

  // Runs `body` (which returns Result<T>), translating Connector exceptions into errors.
  template <typename F>
  auto guarded(const std::string& context, F&& body) -> decltype(body()) {
    try {
      return body();
    } catch (const std::exception& e) {
      return error(e, context);
    }
  }

 private:
  std::unique_ptr<sql::Connection> conn_;
  std::string password_;
};

// Turns autocommit off for its lifetime; rolls back unless commit() ran. Throws like Connector.
class MysqlTransaction {
 public:
  explicit MysqlTransaction(sql::Connection& conn);
  MysqlTransaction(const MysqlTransaction&) = delete;
  MysqlTransaction& operator=(const MysqlTransaction&) = delete;
  ~MysqlTransaction();
  void commit();

 private:
  sql::Connection& conn_;
  bool open_ = true;
};

// Binds parameters in order (1, 2, ...), as lead_codec's bind_lead expects.
struct MysqlBinder {
  sql::PreparedStatement& stmt;
  unsigned index = 1;
  void text(std::string_view v) { stmt.setString(index++, sql::SQLString(v.data(), v.size())); }
  void int64(std::int64_t v) { stmt.setInt64(index++, v); }
  void null();
};

// 0-based column access over a ResultSet row, as lead_codec's read_lead expects.
struct MysqlRow {
  sql::ResultSet& rs;
  [[nodiscard]] std::string text(int c) const {
    return rs.getString(static_cast<std::uint32_t>(c + 1));
  }
  [[nodiscard]] std::int64_t int64(int c) const {
    return rs.getInt64(static_cast<std::uint32_t>(c + 1));
  }
  [[nodiscard]] bool is_null(int c) const { return rs.isNull(static_cast<std::uint32_t>(c + 1)); }
};

}  // namespace dialer::storage_detail
