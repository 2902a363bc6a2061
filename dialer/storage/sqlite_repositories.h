// Internal to dialer/storage: the repositories on one SQLite connection. Same thread as the
// connection; statements are prepared on first use and reused for the connection's lifetime.
#pragma once

#include <string>

#include "campaigns/repositories.h"
#include "compliance/repositories.h"
#include "dialer/api/auth/user_repository.h"
#include "dialer/storage/lead_codec.h"
#include "dialer/storage/sqlite_connection.h"

namespace dialer::storage_detail {

// Prepares `slot` on first use; returns it ready for binding.
Result<SqliteStatement*> cached(SqliteConnection& db, SqliteStatement& slot, std::string_view sql,
                                const std::string& context);

// INSERT OR IGNORE of a tenant slug, so that every tenant named by a row exists.
Status ensure_tenant(SqliteConnection& db, SqliteStatement& slot, const std::string& tenant,
                     const std::string& context);

class SqliteCampaignRepository final : public CampaignRepository {
 public:
  explicit SqliteCampaignRepository(SqliteConnection& db) : db_(db) {}
  Status upsert(const CampaignRecord& campaign) override;
  Result<std::optional<CampaignRecord>> find(CampaignId id) override;
  Result<std::vector<CampaignSummary>> list() override;

 private:
  SqliteConnection& db_;
  SqliteStatement tenant_, upsert_, find_, list_;
};

class SqliteLeadRepository final : public LeadRepository {
 public:
  explicit SqliteLeadRepository(SqliteConnection& db) : db_(db) {}
  Result<LeadListRecord> ensure_list(const std::string& tenant, CampaignId campaign,
                                     const std::string& name) override;
  Status for_each_phone(CampaignId campaign,
                        const std::function<void(std::string_view)>& visit) override;
  Status insert_batch(std::span<const Lead> leads) override;
  Result<std::int64_t> count(CampaignId campaign) override;
  Result<std::vector<Lead>> page(CampaignId campaign, LeadId after, std::size_t limit) override;
  Result<std::optional<Lead>> find(LeadId id) override;
  Status update_status(LeadId id, LeadState status, std::int32_t attempts,
                       std::optional<TimePoint> next_attempt_at) override;

 private:
  Result<std::optional<LeadListRecord>> find_list(CampaignId campaign, const std::string& name);
  Status insert_rows(std::span<const Lead> leads);

  SqliteConnection& db_;
  SqliteStatement tenant_, find_list_, insert_list_, phones_, insert_, count_, page_, find_,
      update_;
  LeadJson json_;
};

class SqliteCallRecordRepository final : public compliance::CallRecordRepository {
 public:
  explicit SqliteCallRecordRepository(SqliteConnection& db) : db_(db) {}
  Status put_open(const compliance::CallRecord& record) override;
  Status append_sealed(const compliance::CallRecord& sealed) override;
  Result<std::vector<compliance::CallRecord>> open_attempts() override;
  Result<std::optional<compliance::ChainHead>> chain_head(const std::string& log_id) override;
  Result<std::vector<std::string>> log_ids() override;
  Status for_each_sealed(
      const compliance::RecordRange& range,
      const std::function<Status(const compliance::CallRecord&)>& visit) override;
  Status append_checkpoint(const compliance::Checkpoint& checkpoint) override;
  Result<std::vector<compliance::Checkpoint>> checkpoints(const std::string& log_id,
                                                          std::int64_t first_seq,
                                                          std::int64_t last_seq) override;

 private:
  Result<std::int64_t> last_seq(const std::string& log_id, const std::string& ctx);

  SqliteConnection& db_;
  SqliteStatement put_open_, last_seq_, insert_sealed_, erase_open_, open_, head_, log_ids_,
      put_checkpoint_, checkpoints_;
};

class SqliteDncRepository final : public compliance::DncRepository {
 public:
  explicit SqliteDncRepository(SqliteConnection& db) : db_(db) {}
  Status append_event(const compliance::DncEvent& event) override;
  Result<std::optional<compliance::ChainHead>> head() override;
  Status for_each_event(TimePoint from, TimePoint to,
                        const std::function<Status(const compliance::DncEvent&)>& visit) override;
  Status for_each_internal(const std::function<void(compliance::PhoneKey)>& visit) override;
  Status for_each_campaign_entry(
      const std::function<void(CampaignId, compliance::PhoneKey)>& visit) override;
  Status append_checkpoint(const compliance::Checkpoint& checkpoint) override;
  Result<std::vector<compliance::Checkpoint>> checkpoints(std::int64_t first_seq,
                                                          std::int64_t last_seq) override;

 private:
  SqliteConnection& db_;
  SqliteStatement last_seq_, insert_, head_, put_checkpoint_, checkpoints_;
};

class SqliteConsentRepository final : public compliance::ConsentRepository {
 public:
  explicit SqliteConsentRepository(SqliteConnection& db) : db_(db) {}
  Status append_consent(const compliance::ConsentEvent& consent) override;
  Status append_revocation(const compliance::RevocationEvent& revocation) override;
  Status for_each_consent(
      const std::function<void(const compliance::ConsentEvent&)>& visit) override;
  Status for_each_revocation(
      const std::function<void(const compliance::RevocationEvent&)>& visit) override;

 private:
  SqliteConnection& db_;
  SqliteStatement consent_, revocation_;
};

class SqliteUserRepository final : public auth::UserRepository {
 public:
  explicit SqliteUserRepository(SqliteConnection& db) : db_(db) {}
  Result<auth::User> create(const auth::User& user) override;
  Result<std::optional<auth::User>> find_by_username(std::string_view username) override;
  Result<std::optional<auth::User>> find_by_id(auth::UserId id) override;
  Result<std::vector<auth::User>> list() override;
  Result<std::int64_t> count() override;
  Status set_role(auth::UserId id, auth::Role role) override;
  Status set_password_hash(auth::UserId id, const std::string& password_hash) override;
  Status set_disabled(auth::UserId id, bool disabled) override;

 private:
  Result<std::optional<auth::User>> find_one(SqliteStatement& q, const std::string& ctx);
  Status update_one(SqliteStatement& q, const std::string& ctx);

  SqliteConnection& db_;
  SqliteStatement insert_, by_name_, by_id_, list_, count_, role_, password_, disabled_;
};

}  // namespace dialer::storage_detail
