// SQLite backend: connection settings tuned for bulk imports, and the migration runner.
#include <string>

#include "dialer/storage/backends.h"
#include "dialer/storage/sqlite_repositories.h"

namespace dialer::storage_detail {
namespace {

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(std::unique_ptr<SqliteConnection> db)
      : db_(std::move(db)),
        campaigns_(*db_),
        leads_(*db_),
        call_records_(*db_),
        dnc_(*db_),
        consents_(*db_),
        users_(*db_) {}
  CampaignRepository& campaigns() override { return campaigns_; }
  LeadRepository& leads() override { return leads_; }
  compliance::CallRecordRepository& call_records() override { return call_records_; }
  compliance::DncRepository& dnc() override { return dnc_; }
  compliance::ConsentRepository& consents() override { return consents_; }
  auth::UserRepository& users() override { return users_; }
  int schema_version() override;
  std::string_view backend() const override { return "sqlite"; }

 private:
  std::unique_ptr<SqliteConnection> db_;
  SqliteCampaignRepository campaigns_;
  SqliteLeadRepository leads_;
  SqliteCallRecordRepository call_records_;
  SqliteDncRepository dnc_;
  SqliteConsentRepository consents_;
  SqliteUserRepository users_;
};

Result<int> read_version(SqliteConnection& db) {
  auto q = db.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", "schema");
  if (!q) return q.error();
  auto row = q->step("schema: read version");
  if (!row) return row.error();
  return static_cast<int>(q->column_int64(0));
}

int SqliteDatabase::schema_version() {
  auto v = read_version(*db_);
  return v ? *v : -1;
}

// WAL with synchronous=NORMAL: a commit costs no fsync, and a crash loses at most the last
// transactions, never consistency. Bulk imports dirty many index pages per batch; checkpointing
// every 64 MB of WAL instead of every 4 MB copies each hot page to the database file less often.
Status configure(SqliteConnection& db) {
  for (const char* pragma :
       {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON",
        "PRAGMA busy_timeout = 5000", "PRAGMA cache_size = -32768", "PRAGMA temp_store = MEMORY",
        "PRAGMA wal_autocheckpoint = 16384", "PRAGMA journal_size_limit = 67108864"}) {
    if (auto s = db.exec(pragma, "sqlite: configure"); !s) return s;
  }
  return ok_status();
}

Status apply(SqliteConnection& db, const Migration& m) {
  const std::string ctx = "schema: migration " + std::to_string(m.version);
  SqliteTransaction tx(db);  // SQLite DDL is transactional: a migration applies fully or not
  if (auto s = tx.begin(ctx); !s) return s;
  for (const MigrationStep& step : m.steps) {
    if (auto s = db.exec(std::string(step.sqlite).c_str(), ctx + " failed"); !s) return s;
  }
  auto record =
      db.prepare("INSERT INTO schema_migrations (version, description) VALUES (?, ?)", ctx);
  if (!record) return record.error();
  record->int64(m.version);
  record->text(m.description);
  if (auto s = record->run(ctx + ": record failed"); !s) return s;
  return tx.commit(ctx);
}

Status migrate(SqliteConnection& db, std::span<const Migration> migrations) {
  if (auto s = db.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                       " version INTEGER PRIMARY KEY,"
                       " description TEXT NOT NULL,"
                       " applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)",
                       "schema: create schema_migrations");
      !s) {
    return s;
  }
  auto current = read_version(db);
  if (!current) return current.error();
  if (auto s = check_not_newer(*current, migrations); !s) return s;
  for (const Migration& m : migrations) {
    if (m.version <= *current) continue;
    if (auto s = apply(db, m); !s) return s;
  }
  return ok_status();
}

}  // namespace

Result<std::unique_ptr<Database>> open_sqlite(const DatabaseUrl& url,
                                              std::span<const Migration> migrations) {
  auto db = SqliteConnection::open(url.path);
  if (!db) return db.error();
  if (auto s = configure(**db); !s) return s.error();
  if (auto s = migrate(**db, migrations); !s) return s.error();
  return std::unique_ptr<Database>(std::make_unique<SqliteDatabase>(std::move(*db)));
}

}  // namespace dialer::storage_detail
