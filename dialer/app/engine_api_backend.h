// The HTTP API's view of the running dialer: the engine's views and controls, lead uploads into
// the database (then handed to the running campaign), the do-not-call lists and the adapters'
// counters. Engine thread only, like everything it touches.
#pragma once

#include <functional>
#include <map>

#include "dialer/api/api_backend.h"
#include "dialer/app/compliance_setup.h"
#include "dialer/common/time_source.h"
#include "dialer/engine/engine.h"
#include "dialer/storage/database.h"

namespace dialer::app {

class EngineApiBackend final : public api::ApiBackend {
 public:
  using CounterSource = std::function<std::vector<api::AdapterCounter>()>;
  EngineApiBackend(engine::Engine& engine, Database& db, ComplianceStack& compliance,
                   const TimeSource& clock, CounterSource counters);

  TimePoint now() const override { return clock_.now(); }
  std::optional<engine::AgentStatusView> agent(const std::string& agent) const override;
  std::vector<engine::AgentStatusView> agents() const override;
  std::vector<engine::CampaignStatusView> campaigns() const override;
  engine::EngineSnapshot snapshot() const override;
  std::vector<api::AdapterCounter> adapter_counters() const override;

  Status agent_ready(const std::string& agent) override;
  Status agent_pause(const std::string& agent, const std::string& reason) override;
  Status agent_hang_up(const std::string& agent) override;
  Status disposition(const std::string& agent, const std::string& code) override;
  Status set_campaign_paused(CampaignId campaign, bool paused) override;

  Result<api::UploadReport> upload_leads(CampaignId campaign, const std::string& list,
                                         const std::string& csv) override;
  Result<api::DncLookup> dnc_lookup(const std::string& phone) override;
  Status dnc_add(const std::string& phone, const std::string& by) override;

  // The highest lead id handed to the engine per campaign (set by dialerd's start-up load).
  void set_last_lead(CampaignId campaign, LeadId last) { last_lead_[campaign] = last; }

 private:
  Result<std::string> normalize(const std::string& phone) const;

  engine::Engine& engine_;
  Database& db_;
  ComplianceStack& compliance_;
  const TimeSource& clock_;
  CounterSource counters_;
  std::map<CampaignId, LeadId> last_lead_;
};

}  // namespace dialer::app
