// MySQL/MariaDB backend: connection and the migration runner. MariaDB commits DDL implicitly,
// so a migration is recorded after its last step; a named lock keeps two nodes that start at
// the same time from migrating together.
#include <string>

#include "dialer/storage/backends.h"
#include "dialer/storage/mysql_repositories.h"

namespace dialer::storage_detail {
namespace {

class MysqlDatabase final : public Database {
 public:
  explicit MysqlDatabase(std::unique_ptr<MysqlSession> db)
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
  std::string_view backend() const override { return "mysql"; }

 private:
  std::unique_ptr<MysqlSession> db_;
  MysqlCampaignRepository campaigns_;
  MysqlLeadRepository leads_;
  MysqlCallRecordRepository call_records_;
  MysqlDncRepository dnc_;
  MysqlConsentRepository consents_;
  MysqlUserRepository users_;
};

// Runs one fixed statement (DDL from the migration list or a lock call); no values.
void run(MysqlSession& db, std::string_view sql) {
  std::unique_ptr<sql::PreparedStatement> q(db.conn().prepareStatement(std::string(sql)));
  q->execute();
}

int read_version(MysqlSession& db) {
  std::unique_ptr<sql::PreparedStatement> q(
      db.conn().prepareStatement("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  return rs->next() ? rs->getInt(1) : 0;
}

int MysqlDatabase::schema_version() {
  auto v =
      db_->guarded("schema: read version", [&]() -> Result<int> { return read_version(*db_); });
  return v ? *v : -1;
}

void apply(MysqlSession& db, const Migration& m) {
  for (const MigrationStep& step : m.steps) run(db, step.mysql.empty() ? step.sqlite : step.mysql);
  std::unique_ptr<sql::PreparedStatement> record(db.conn().prepareStatement(
      "INSERT INTO schema_migrations (version, description) VALUES (?, ?)"));
  record->setInt(1, m.version);
  record->setString(2, std::string(m.description));
  record->executeUpdate();
}

Status migrate_locked(MysqlSession& db, std::span<const Migration> migrations) {
  const int current = read_version(db);
  if (auto s = check_not_newer(current, migrations); !s) return s;
  for (const Migration& m : migrations) {
    if (m.version <= current) continue;
    auto applied =
        db.guarded("schema: migration " + std::to_string(m.version) + " failed", [&]() -> Status {
          apply(db, m);
          return ok_status();
        });
    if (!applied) return applied;
  }
  return ok_status();
}

Status migrate(MysqlSession& db, std::span<const Migration> migrations) {
  return db.guarded("schema", [&]() -> Status {
    run(db,
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INT NOT NULL PRIMARY KEY,"
        " description VARCHAR(255) NOT NULL,"
        " applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP"
        ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    std::unique_ptr<sql::PreparedStatement> lock(
        db.conn().prepareStatement("SELECT GET_LOCK('dialer_schema_migrations', 30)"));
    std::unique_ptr<sql::ResultSet> locked(lock->executeQuery());
    if (!locked->next() || locked->getInt(1) != 1) {
      return Error{ErrorCode::storage_unavailable, "another node holds the migration lock"};
    }
    Status result = migrate_locked(db, migrations);
    run(db, "SELECT RELEASE_LOCK('dialer_schema_migrations')");
    return result;
  });
}

}  // namespace

Result<std::unique_ptr<Database>> open_mysql(const DatabaseUrl& url,
                                             std::span<const Migration> migrations) {
  auto session = MysqlSession::connect(url);
  if (!session) return session.error();
  if (auto s = migrate(**session, migrations); !s) return s.error();
  return std::unique_ptr<Database>(std::make_unique<MysqlDatabase>(std::move(*session)));
}

}  // namespace dialer::storage_detail
