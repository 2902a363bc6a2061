// Storage contracts the campaigns module needs. dialer/storage implements them for SQLite and
// MySQL/MariaDB; tests/fakes has in-memory versions. Calls block; the engine runs them off its
// thread. Every method reports failures as values (storage_unavailable when the database is down).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "campaigns/campaign.h"
#include "campaigns/lead.h"
#include "dialer/common/result.h"

namespace dialer {

// What storage keeps of a campaign: its identity plus the source definition it was loaded from.
struct CampaignRecord {
  CampaignId id;
  std::string tenant;
  std::string name;
  DialMode dial_mode = DialMode::predictive;
  std::string definition;  // the YAML text the campaign was loaded from
  TimePoint updated_at;
};

struct CampaignSummary {
  CampaignId id;
  std::string tenant;
  std::string name;
  DialMode dial_mode = DialMode::predictive;
  std::int64_t leads = 0;
};

class CampaignRepository {
 public:
  virtual ~CampaignRepository() = default;
  // Creates the campaign or replaces its definition (same id).
  virtual Status upsert(const CampaignRecord& campaign) = 0;
  virtual Result<std::optional<CampaignRecord>> find(CampaignId id) = 0;
  // All campaigns, ordered by id, with their lead counts.
  virtual Result<std::vector<CampaignSummary>> list() = 0;
};

struct LeadListRecord {
  ListId id;
  std::string tenant;
  CampaignId campaign;
  std::string name;
};

class LeadRepository {
 public:
  virtual ~LeadRepository() = default;
  // The list with this name in the campaign, created when missing.
  virtual Result<LeadListRecord> ensure_list(const std::string& tenant, CampaignId campaign,
                                             const std::string& name) = 0;
  // Calls `visit` with every lead phone (E.164) already in the campaign, for duplicate checks.
  virtual Status for_each_phone(CampaignId campaign,
                                const std::function<void(std::string_view)>& visit) = 0;
  // Inserts all leads of the batch or none of them. Ids are assigned by storage.
  virtual Status insert_batch(std::span<const Lead> leads) = 0;
  virtual Result<std::int64_t> count(CampaignId campaign) = 0;
  // Leads of a campaign ordered by id, for paging through them.
  virtual Result<std::vector<Lead>> page(CampaignId campaign, LeadId after, std::size_t limit) = 0;
  virtual Result<std::optional<Lead>> find(LeadId id) = 0;
  // Moves a lead to a new state with its attempt count and next attempt time.
  virtual Status update_status(LeadId id, LeadState status, std::int32_t attempts,
                               std::optional<TimePoint> next_attempt_at) = 0;
};

}  // namespace dialer
