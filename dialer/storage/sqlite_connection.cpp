#include "dialer/storage/sqlite_connection.h"

#include <sqlite3.h>

#include <utility>

namespace dialer::storage_detail {

Error sqlite_error(sqlite3* db, int rc, const std::string& context) {
  const int primary = rc & 0xff;
  const ErrorCode code =
      primary == SQLITE_CONSTRAINT ? ErrorCode::conflict : ErrorCode::storage_unavailable;
  std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  return Error{code, context + ": " + message};
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)), next_param_(other.next_param_) {}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = std::exchange(other.stmt_, nullptr);
    next_param_ = other.next_param_;
  }
  return *this;
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

void SqliteStatement::text(std::string_view value) {
  sqlite3_bind_text(stmt_, next_param_++, value.data(), static_cast<int>(value.size()),
                    SQLITE_STATIC);
}

void SqliteStatement::int64(std::int64_t value) { sqlite3_bind_int64(stmt_, next_param_++, value); }

void SqliteStatement::null() { sqlite3_bind_null(stmt_, next_param_++); }

Result<bool> SqliteStatement::step(const std::string& context) {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Error error = sqlite_error(db_, rc, context);
  reset();
  return error;
}

Status SqliteStatement::run(const std::string& context) {
  auto stepped = step(context);
  reset();
  if (!stepped) return stepped.error();
  return ok_status();
}

void SqliteStatement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  next_param_ = 1;
}

std::string SqliteStatement::column_text(int column) const {
  return std::string(column_view(column));
}

std::string_view SqliteStatement::column_view(int column) const {
  const auto* data = sqlite3_column_text(stmt_, column);
  const int size = sqlite3_column_bytes(stmt_, column);
  if (data == nullptr) return {};
  return {reinterpret_cast<const char*>(data), static_cast<std::size_t>(size)};
}

std::int64_t SqliteStatement::column_int64(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

bool SqliteStatement::column_is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::open(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Error error = sqlite_error(db, rc, "sqlite: cannot open '" + path + "'");
    error.code = ErrorCode::storage_unavailable;
    sqlite3_close(db);
    return error;
  }
  sqlite3_extended_result_codes(db, 1);
  return std::make_unique<SqliteConnection>(db);
}

SqliteConnection::~SqliteConnection() { sqlite3_close_v2(db_); }

Result<SqliteStatement> SqliteConnection::prepare(std::string_view sql,
                                                  const std::string& context) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return sqlite_error(db_, rc, context);
  return SqliteStatement{db_, stmt};
}

Status SqliteConnection::exec(const char* sql, const std::string& context) {
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return sqlite_error(db_, rc, context);
  return ok_status();
}

std::int64_t SqliteConnection::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

int SqliteConnection::changes() const { return sqlite3_changes(db_); }

SqliteTransaction::~SqliteTransaction() {
  if (open_) (void)db_.exec("ROLLBACK", "rollback");
}

Status SqliteTransaction::begin(const std::string& context) {
  auto s = db_.exec("BEGIN IMMEDIATE", context + ": begin failed");
  open_ = s.ok();
  return s;
}

Status SqliteTransaction::commit(const std::string& context) {
  auto s = db_.exec("COMMIT", context + ": commit failed");
  if (s) open_ = false;
  return s;
}

}  // namespace dialer::storage_detail
