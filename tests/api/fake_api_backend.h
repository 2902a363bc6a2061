// An ApiBackend of plain values for the API's unit tests: one agent, one campaign, and a record
// of the controls called.
#pragma once

#include <vector>

#include "dialer/api/api_backend.h"

namespace dialer::api::testing {

class FakeApiBackend : public ApiBackend {
 public:
  FakeApiBackend() {
    engine::AgentStatusView a;
    a.user = "1001";
    a.state = "paused";
    a.leg_up = true;
    agents_.push_back(a);
    engine::CampaignStatusView c;
    c.id = CampaignId{7};
    c.name = "spring";
    c.tenant = "acme";
    c.dial_mode = "predictive";
    c.abandon_ceiling = 0.03;
    c.counters.dialed = 12;
    c.counters.dispositions["SALE"] = 2;
    campaigns_.push_back(c);
  }
  TimePoint now() const override { return from_unix_ms(1'800'000'000'000); }
  std::optional<engine::AgentStatusView> agent(const std::string& name) const override {
    for (const auto& a : agents_) {
      if (a.user == name) return a;
    }
    return std::nullopt;
  }
  std::vector<engine::AgentStatusView> agents() const override { return agents_; }
  std::vector<engine::CampaignStatusView> campaigns() const override { return campaigns_; }
  engine::EngineSnapshot snapshot() const override { return {}; }
  std::vector<AdapterCounter> adapter_counters() const override {
    return {{"sip_failures_total", "SIP failures.", "cause=\"busy\"", 3, false}};
  }
  Status agent_ready(const std::string& agent) override { return record("ready " + agent); }
  Status agent_pause(const std::string& agent, const std::string& reason) override {
    return record("pause " + agent + " " + reason);
  }
  Status agent_hang_up(const std::string& agent) override { return record("hangup " + agent); }
  Status disposition(const std::string& agent, const std::string& code) override {
    if (code != "SALE") return Error{ErrorCode::invalid_argument, "'" + code + "' is not a code"};
    return record("disposition " + agent + " " + code);
  }
  Status set_campaign_paused(CampaignId campaign, bool paused) override {
    return record(std::string(paused ? "pause " : "start ") + std::to_string(campaign.value()));
  }
  Result<UploadReport> upload_leads(CampaignId, const std::string& list,
                                    const std::string& csv) override {
    calls.push_back("upload " + list + " " + std::to_string(csv.size()));
    return UploadReport{R"({"rows":2,"loaded":1,"duplicates":0,"invalid":1,"errors":[{"line":3,"reason":"invalid_phone"}],"warnings":[]})", 1};
  }
  Result<DncLookup> dnc_lookup(const std::string& phone) override {
    return DncLookup{phone, phone == "+12125550100", "internal"};
  }
  Status dnc_add(const std::string& phone, const std::string& by) override {
    return record("dnc " + phone + " " + by);
  }

  std::vector<std::string> calls;
  std::vector<engine::AgentStatusView> agents_;
  std::vector<engine::CampaignStatusView> campaigns_;

 private:
  Status record(std::string what) {
    calls.push_back(std::move(what));
    return ok_status();
  }
};

}  // namespace dialer::api::testing
