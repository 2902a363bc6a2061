// Internal to dialer/storage: the repositories on one MySQL/MariaDB session. Same thread as the
// session. Leads go in as multi-row prepared INSERTs (kRowsPerInsert rows per statement) inside
// one transaction per batch: one round trip per few hundred rows instead of one per row.
#pragma once

#include <cstddef>
#include <string>

#include "campaigns/repositories.h"
#include "compliance/repositories.h"
#include "dialer/api/auth/user_repository.h"
#include "dialer/storage/lead_codec.h"
#include "dialer/storage/mysql_session.h"

namespace dialer::storage_detail {

inline constexpr std::size_t kRowsPerInsert = 500;  // 9,000 parameters, far below the 65,535 cap
inline constexpr std::size_t kPhonesPerChunk = 10'000;

// Inserts the tenant slug unless it exists already.
void ensure_tenant(MysqlSession& db, MysqlStatement& slot, const std::string& tenant);

class MysqlCampaignRepository final : public CampaignRepository {
 public:
  explicit MysqlCampaignRepository(MysqlSession& db) : db_(db) {}
  Status upsert(const CampaignRecord& campaign) override;
  Result<std::optional<CampaignRecord>> find(CampaignId id) override;
  Result<std::vector<CampaignSummary>> list() override;

 private:
  MysqlSession& db_;
  MysqlStatement tenant_, upsert_, find_, list_;
};

class MysqlLeadRepository final : public LeadRepository {
 public:
  explicit MysqlLeadRepository(MysqlSession& db) : db_(db) {}
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
  std::optional<LeadListRecord> find_list(CampaignId campaign, const std::string& name);
  sql::PreparedStatement& insert_statement(std::size_t rows);
  void insert_rows(std::span<const Lead> leads);

  MysqlSession& db_;
  MysqlStatement tenant_, find_list_, insert_list_, phones_, count_, page_, find_, update_, exists_;
  MysqlStatement insert_full_;  // kRowsPerInsert rows
  MysqlStatement insert_rest_;  // the remainder of the last batch
  std::size_t insert_rest_rows_ = 0;
  LeadJson json_;
};

class MysqlCallRecordRepository final : public compliance::CallRecordRepository {
 public:
  explicit MysqlCallRecordRepository(MysqlSession& db) : db_(db) {}
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
  MysqlSession& db_;
  MysqlStatement put_open_, last_seq_, insert_sealed_, erase_open_, open_, head_, log_ids_,
      put_checkpoint_, checkpoints_;
};

class MysqlDncRepository final : public compliance::DncRepository {
 public:
  explicit MysqlDncRepository(MysqlSession& db) : db_(db) {}
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
  MysqlSession& db_;
  MysqlStatement last_seq_, insert_, head_, put_checkpoint_, checkpoints_;
};

class MysqlConsentRepository final : public compliance::ConsentRepository {
 public:
  explicit MysqlConsentRepository(MysqlSession& db) : db_(db) {}
  Status append_consent(const compliance::ConsentEvent& consent) override;
  Status append_revocation(const compliance::RevocationEvent& revocation) override;
  Status for_each_consent(
      const std::function<void(const compliance::ConsentEvent&)>& visit) override;
  Status for_each_revocation(
      const std::function<void(const compliance::RevocationEvent&)>& visit) override;

 private:
  MysqlSession& db_;
  MysqlStatement consent_, revocation_;
};

class MysqlUserRepository final : public auth::UserRepository {
 public:
  explicit MysqlUserRepository(MysqlSession& db) : db_(db) {}
  Result<auth::User> create(const auth::User& user) override;
  Result<std::optional<auth::User>> find_by_username(std::string_view username) override;
  Result<std::optional<auth::User>> find_by_id(auth::UserId id) override;
  Result<std::vector<auth::User>> list() override;
  Result<std::int64_t> count() override;
  Status set_role(auth::UserId id, auth::Role role) override;
  Status set_password_hash(auth::UserId id, const std::string& password_hash) override;
  Status set_disabled(auth::UserId id, bool disabled) override;

 private:
  MysqlSession& db_;
  MysqlStatement insert_, last_id_, by_name_, by_id_, list_, count_, role_, password_, disabled_,
      exists_;
};

}  // namespace dialer::storage_detail
