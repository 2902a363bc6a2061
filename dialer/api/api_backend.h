// What the API's handlers ask of the running dialer. dialerd implements it over the engine on
// the engine thread (handlers run there too); tests implement it with plain values.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dialer/common/result.h"
#include "dialer/common/time.h"
#include "dialer/api/metrics.h"
#include "dialer/engine/engine_views.h"

namespace dialer::api {

struct UploadReport {
  std::string summary_json;  // campaigns/lead_import.h's to_json: rows, loaded, errors by line
  std::size_t handed_to_dialer = 0;
};

struct DncLookup {
  std::string phone;  // E.164
  bool listed = false;
  std::string list;  // "internal", "national", ... when listed
};

class ApiBackend {
 public:
  virtual ~ApiBackend() = default;
  virtual TimePoint now() const = 0;

  virtual std::optional<engine::AgentStatusView> agent(const std::string& agent) const = 0;
  virtual std::vector<engine::AgentStatusView> agents() const = 0;
  virtual std::vector<engine::CampaignStatusView> campaigns() const = 0;
  virtual engine::EngineSnapshot snapshot() const = 0;
  // The adapters' own counters for /metrics (SIP, RTP, HTTP, storage).
  virtual std::vector<AdapterCounter> adapter_counters() const = 0;

  virtual Status agent_ready(const std::string& agent) = 0;
  virtual Status agent_pause(const std::string& agent, const std::string& reason) = 0;
  virtual Status agent_hang_up(const std::string& agent) = 0;
  virtual Status disposition(const std::string& agent, const std::string& code) = 0;
  virtual Status set_campaign_paused(CampaignId campaign, bool paused) = 0;

  // A CSV body imported into the campaign's list; good rows are dialed by the running campaign.
  virtual Result<UploadReport> upload_leads(CampaignId campaign, const std::string& list,
                                            const std::string& csv) = 0;
  virtual Result<DncLookup> dnc_lookup(const std::string& phone) = 0;
  virtual Status dnc_add(const std::string& phone, const std::string& by) = 0;
};

}  // namespace dialer::api
