// Storage entry point: parses a database URL, opens SQLite or MySQL/MariaDB, applies pending
// schema migrations and hands out the repositories. A Database and its repositories belong to one
// thread (one connection each); open one per storage thread. Error messages never carry passwords.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "campaigns/repositories.h"
#include "compliance/repositories.h"
#include "dialer/api/auth/user_repository.h"
#include "dialer/common/result.h"
#include "dialer/storage/migrations.h"

namespace dialer {

struct DatabaseUrl {
  enum class Kind { sqlite, mysql } kind = Kind::sqlite;
  std::string path;  // sqlite only
  std::string user, password, host;
  int port = 3306;
  std::string database;
};

// "sqlite:PATH" or "mysql://user:password@host:port/database" (user and password may be
// percent-encoded; "mariadb://" is accepted as a synonym). Anything else is a parse_error.
Result<DatabaseUrl> parse_database_url(std::string_view url);

// The URL with its password replaced by "***", safe for logs and error messages.
std::string redact_database_url(std::string_view url);

// "sqlite:dialer.db": with no database configured the dialer keeps a local SQLite file.
std::string default_database_url();

class Database {  // one per thread; not thread-safe
 public:
  virtual ~Database() = default;
  virtual CampaignRepository& campaigns() = 0;
  virtual LeadRepository& leads() = 0;
  virtual compliance::CallRecordRepository& call_records() = 0;
  virtual compliance::DncRepository& dnc() = 0;
  virtual compliance::ConsentRepository& consents() = 0;
  virtual auth::UserRepository& users() = 0;
  virtual int schema_version() = 0;              // -1 when it cannot be read
  virtual std::string_view backend() const = 0;  // "sqlite" or "mysql"
};

// Connects and applies the pending migrations of schema_migrations().
Result<std::unique_ptr<Database>> open_database(std::string_view url);

// Same with an explicit migration list (tests, and tools that check an older schema).
Result<std::unique_ptr<Database>> open_database(std::string_view url,
                                                std::span<const Migration> migrations);

}  // namespace dialer
