#include "dialer/app/engine_api_backend.h"

#include <sstream>

#include "campaigns/lead_import.h"
#include "campaigns/phone_number.h"
#include "dialer/app/lead_store.h"

namespace dialer::app {

EngineApiBackend::EngineApiBackend(engine::Engine& engine, Database& db,
                                   ComplianceStack& compliance, const TimeSource& clock,
                                   CounterSource counters)
    : engine_(engine),
      db_(db),
      compliance_(compliance),
      clock_(clock),
      counters_(std::move(counters)) {}

std::optional<engine::AgentStatusView> EngineApiBackend::agent(const std::string& agent) const {
  return engine_.agent_view(agent);
}
std::vector<engine::AgentStatusView> EngineApiBackend::agents() const {
  return engine_.agents_view();
}
std::vector<engine::CampaignStatusView> EngineApiBackend::campaigns() const {
  return engine_.campaigns_view(clock_.now());
}
engine::EngineSnapshot EngineApiBackend::snapshot() const { return engine_.snapshot(clock_.now()); }
std::vector<api::AdapterCounter> EngineApiBackend::adapter_counters() const {
  return counters_ ? counters_() : std::vector<api::AdapterCounter>{};
}

Status EngineApiBackend::agent_ready(const std::string& agent) {
  return engine_.agent_ready(agent, clock_.now());
}
Status EngineApiBackend::agent_pause(const std::string& agent, const std::string& reason) {
  return engine_.agent_pause(agent, reason, clock_.now());
}
Status EngineApiBackend::agent_hang_up(const std::string& agent) {
  return engine_.agent_hang_up(agent, clock_.now());
}
Status EngineApiBackend::disposition(const std::string& agent, const std::string& code) {
  return engine_.disposition(agent, code, clock_.now());
}
Status EngineApiBackend::set_campaign_paused(CampaignId campaign, bool paused) {
  return engine_.set_campaign_paused(campaign, paused, clock_.now());
}

Result<api::UploadReport> EngineApiBackend::upload_leads(CampaignId campaign,
                                                         const std::string& list,
                                                         const std::string& csv) {
  std::string tenant = "default";
  for (const auto& c : engine_.campaigns_view(clock_.now())) {
    if (c.id == campaign) tenant = c.tenant;
  }
  ImportOptions options;
  options.tenant = tenant;
  options.campaign = campaign;
  options.list_name = list;
  std::istringstream in(csv);
  auto summary = import_leads(in, options, db_.leads());
  if (!summary) return summary.error();
  api::UploadReport report;
  report.summary_json = to_json(*summary);
  auto handed = load_leads(db_.leads(), campaign, engine_, clock_.now(), &last_lead_[campaign]);
  if (!handed) return handed.error();
  report.handed_to_dialer = *handed;
  return report;
}

Result<std::string> EngineApiBackend::normalize(const std::string& phone) const {
  PhoneNormalizer normalizer("US");
  auto r = normalizer.normalize(phone);
  if (!r.ok()) {
    return Error{ErrorCode::invalid_argument,
                 "'" + phone + "' is not a valid phone number (" + std::string(to_string(r.reason)) +
                     ")"};
  }
  return r.e164;
}

Result<api::DncLookup> EngineApiBackend::dnc_lookup(const std::string& phone) {
  auto e164 = normalize(phone);
  if (!e164) return e164.error();
  const auto key = e164_key(*e164);
  api::DncLookup out;
  out.phone = *e164;
  const auto& dnc = compliance_.dnc;
  if (dnc.internal_contains(key)) {
    out.listed = true;
    out.list = "internal";
  } else if (dnc.national() && dnc.national()->numbers.contains(key)) {
    out.listed = true;
    out.list = "national";
  }
  return out;
}

Status EngineApiBackend::dnc_add(const std::string& phone, const std::string& by) {
  auto e164 = normalize(phone);
  if (!e164) return e164.error();
  const TimePoint now = clock_.now();
  compliance::DncEvent event;
  event.dnc_request_id = "api-" + std::to_string(to_unix_ms(now)) + "-" + *e164;
  event.number = *e164;
  event.channel = "WEB";
  event.received_at = now;
  event.actor = "api:" + by;
  return compliance_.engine->record_dnc_request(event, now);
}

}  // namespace dialer::app
