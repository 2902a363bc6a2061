// Internal to dialer/storage: thin RAII layer over the SQLite C API. One connection per thread.
// Every statement is prepared and bound; SqliteStatement objects are prepared once and reused.
// SQLite errors become Error values: constraint violations are conflicts, the rest means the
// database is unavailable.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "dialer/common/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace dialer::storage_detail {

class SqliteStatement {
 public:
  SqliteStatement() = default;
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&& other) noexcept;
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  ~SqliteStatement();

  [[nodiscard]] bool prepared() const { return stmt_ != nullptr; }

  // Binds the next parameter (1, 2, ... after reset()). Text must outlive the next step().
  void text(std::string_view value);
  void int64(std::int64_t value);
  void null();

  // true: a row is available; false: done. Errors carry `context`.
  Result<bool> step(const std::string& context);
  // Runs a statement that returns no rows, then resets it.
  Status run(const std::string& context);
  // Clears bindings and rewinds, ready for the next bind/step.
  void reset();

  // Column access for the current row (0-based).
  [[nodiscard]] std::string column_text(int column) const;
  [[nodiscard]] std::string_view column_view(int column) const;
  [[nodiscard]] std::int64_t column_int64(int column) const;
  [[nodiscard]] bool column_is_null(int column) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  int next_param_ = 1;
};

// 0-based column access in the shape lead_codec's read_lead expects.
struct SqliteRow {
  const SqliteStatement& stmt;
  [[nodiscard]] std::string text(int c) const { return stmt.column_text(c); }
  [[nodiscard]] std::int64_t int64(int c) const { return stmt.column_int64(c); }
  [[nodiscard]] bool is_null(int c) const { return stmt.column_is_null(c); }
};

class SqliteConnection {
 public:
  static Result<std::unique_ptr<SqliteConnection>> open(const std::string& path);
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;
  ~SqliteConnection();

  Result<SqliteStatement> prepare(std::string_view sql, const std::string& context);
  // Fixed statements only (pragmas, BEGIN/COMMIT, DDL from the migration list): no values.
  Status exec(const char* sql, const std::string& context);
  [[nodiscard]] std::int64_t last_insert_id() const;
  [[nodiscard]] int changes() const;

 private:
  sqlite3* db_;
};

// An Error from SQLite result code `rc` with the connection's message and `context`.
Error sqlite_error(sqlite3* db, int rc, const std::string& context);

// Rolls back on scope exit unless commit() succeeded.
class SqliteTransaction {
 public:
  explicit SqliteTransaction(SqliteConnection& db) : db_(db) {}
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;
  ~SqliteTransaction();
  Status begin(const std::string& context);
  Status commit(const std::string& context);

 private:
  SqliteConnection& db_;
  bool open_ = false;
};

}  // namespace dialer::storage_detail
