#include "dialer/storage/mysql_session.h"

#include <cppconn/datatype.h>
#include <mysql_driver.h>

namespace dialer::storage_detail {
namespace {

// Constraint violations are the caller's problem; bad values too; anything else (lost
// connection, access denied, lock timeouts, full disk) means the database is not usable now.
ErrorCode classify(int mysql_error) {
  switch (mysql_error) {
    case 1062:  // duplicate key
    case 1451:  // row is referenced
    case 1452:  // foreign key: parent row missing
    case 3819:  // MySQL check constraint
    case 4025:  // MariaDB check constraint
      return ErrorCode::conflict;
    case 1048:  // column cannot be null
    case 1366:  // incorrect string value (not UTF-8)
    case 1406:  // data too long
      return ErrorCode::invalid_argument;
    default:
      return ErrorCode::storage_unavailable;
  }
}

void scrub(std::string& text, const std::string& secret) {
  if (secret.empty()) return;
  for (auto pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos)) {
    text.replace(pos, secret.size(), "***");
  }
}

}  // namespace

Result<std::unique_ptr<MysqlSession>> MysqlSession::connect(const DatabaseUrl& url) {
  const std::string where = "mysql: cannot connect to " + url.user + "@" + url.host + ":" +
                            std::to_string(url.port) + "/" + url.database;
  try {
    sql::ConnectOptionsMap options;
    options["hostName"] = sql::SQLString("tcp://" + url.host + ":" + std::to_string(url.port));
    options["userName"] = sql::SQLString(url.user);
    options["password"] = sql::SQLString(url.password);
    options["schema"] = sql::SQLString(url.database);
    options["OPT_RECONNECT"] = false;  // a silent reconnect would lose the open transaction
    options["OPT_CONNECT_TIMEOUT"] = 3;
    // Bounded calls: a server that stops answering becomes storage_unavailable, not a hang.
    options["OPT_READ_TIMEOUT"] = 60;
    options["OPT_WRITE_TIMEOUT"] = 60;
    options["OPT_CHARSET_NAME"] = sql::SQLString("utf8mb4");
    // A function-local static: the first call is serialized even when storage threads open
    // their databases at the same time (the driver's own initialization is not thread-safe).
    static sql::mysql::MySQL_Driver* const driver = sql::mysql::get_mysql_driver_instance();
    std::unique_ptr<sql::Connection> conn(driver->connect(options));
    return std::make_unique<MysqlSession>(std::move(conn), url.password);
  } catch (const sql::SQLException& e) {
    std::string message = e.what();
    scrub(message, url.password);
    return Error{ErrorCode::storage_unavailable,
                 where + ": " + message + " (error " + std::to_string(e.getErrorCode()) + ")"};
  } catch (const std::exception& e) {
    std::string message = e.what();
    scrub(message, url.password);
    return Error{ErrorCode::storage_unavailable, where + ": " + message};
  }
}

sql::PreparedStatement& MysqlSession::cached(MysqlStatement& slot, const std::string& sql) {
  if (!slot) slot.reset(conn_->prepareStatement(sql));
  return *slot;
}

Error MysqlSession::error(const std::exception& e, const std::string& context) const {
  std::string message = e.what();
  scrub(message, password_);
  ErrorCode code = ErrorCode::internal;  // not from Connector: a bad row, out of memory
  if (const auto* sql_error = dynamic_cast<const sql::SQLException*>(&e)) {
    code = classify(sql_error->getErrorCode());
    message += " (error " + std::to_string(sql_error->getErrorCode()) + ")";
  }
  return Error{code, context + ": " + message};
}

MysqlTransaction::MysqlTransaction(sql::Connection& conn) : conn_(conn) {
  conn_.setAutoCommit(false);
}

MysqlTransaction::~MysqlTransaction() {
  if (!open_) return;
  try {
    conn_.rollback();
    conn_.setAutoCommit(true);
  } catch (const std::exception&) {
    // The connection is gone; the server rolls the transaction back itself.
  }
}

void MysqlTransaction::commit() {
  conn_.commit();
  open_ = false;
  conn_.setAutoCommit(true);
}

void MysqlBinder::null() { stmt.setNull(index++, sql::DataType::BIGINT); }

}  // namespace dialer::storage_detail
