// Engine: agents' own controls (pause, ready, hang up), campaign pause, and the views the API
// shows agents and supervisors.
#include <algorithm>

#include "dialer/engine/engine.h"
#include "dialer/engine/engine_state.h"

namespace dialer::engine {
namespace {

const char* phase_name(CallPhase p) {
  switch (p) {
    case CallPhase::bridging:
      return "bridging";
    case CallPhase::talking:
      return "talking";
    case CallPhase::ending:
      return "ending";
    case CallPhase::wrap_up:
      return "wrap_up";
    default:
      return "other";
  }
}

std::string lead_field(const Lead& lead, const std::string& name) {
  if (name == "first_name") return lead.first_name;
  if (name == "last_name") return lead.last_name;
  if (name == "phone") return lead.phone;
  if (name == "city") return lead.city;
  if (name == "state") return lead.state;
  if (name == "postal_code") return lead.postal_code;
  if (name == "email") return lead.email;
  for (const auto& [key, value] : lead.custom_fields) {
    if (key == name) return value;
  }
  return "{" + name + "}";  // unknown placeholders stay visible to the script's author
}

}  // namespace

// "{first_name}" and friends replaced by the lead's values; other text kept as written.
std::string fill_script(const std::string& script, const Lead& lead) {
  std::string out;
  out.reserve(script.size());
  for (std::size_t i = 0; i < script.size();) {
    const auto close = script[i] == '{' ? script.find('}', i) : std::string::npos;
    if (close == std::string::npos) {
      out += script[i++];
      continue;
    }
    out += lead_field(lead, script.substr(i + 1, close - i - 1));
    i = close + 1;
  }
  return out;
}

Status Engine::agent_pause(const std::string& name, const std::string& reason, TimePoint now) {
  AgentSlot* agent = agent_by_name(name);
  if (agent == nullptr) return Error{ErrorCode::not_found, "unknown agent " + name};
  if (!agent->leg_up) return Error{ErrorCode::conflict, "agent " + name + " is not logged in"};
  if (auto status = acd_.pause(agent->id, now); !status) return status;
  agent->pause_reason = reason.empty() ? "break" : reason;
  deps_.log.info(CallId{}, "agent " + name + " paused: " + agent->pause_reason);
  return ok_status();
}

Status Engine::agent_ready(const std::string& name, TimePoint now) {
  AgentSlot* agent = agent_by_name(name);
  if (agent == nullptr) return Error{ErrorCode::not_found, "unknown agent " + name};
  if (!agent->leg_up) {
    return Error{ErrorCode::conflict,
                 "agent " + name + " is not logged in: the phone must be registered first"};
  }
  const auto* view = acd_.agent(agent->id);
  if (view != nullptr && view->state == acd::AgentState::ready) return ok_status();
  if (auto status = acd_.resume(agent->id, now); !status) return status;
  agent->pause_reason.clear();
  deps_.log.info(CallId{}, "agent " + name + " ready");
  route_waiting(now);
  return ok_status();
}

Status Engine::agent_hang_up(const std::string& name, TimePoint now) {
  (void)now;
  AgentSlot* agent = agent_by_name(name);
  if (agent == nullptr) return Error{ErrorCode::not_found, "unknown agent " + name};
  if (!agent->customer) return Error{ErrorCode::conflict, "agent " + name + " has no call"};
  auto it = calls_.find(*agent->customer);
  if (it == calls_.end() || it->second->phase != CallPhase::talking) {
    return Error{ErrorCode::conflict, "agent " + name + " is not talking to a customer"};
  }
  update_record(*it->second, [](compliance::CallRecord& r) { r.hangup_cause = "AGENT_HANGUP"; });
  it->second->agent_hung_up = true;
  hang_up(*it->second, "agent hung up");
  return ok_status();
}

Status Engine::set_campaign_paused(CampaignId id, bool paused, TimePoint now) {
  (void)now;
  CampaignState* c = campaign_of(id);
  if (c == nullptr) return Error{ErrorCode::not_found, "unknown campaign " + std::to_string(id.value())};
  c->paused = paused;
  deps_.log.info(CallId{}, "campaign " + c->campaign->name + (paused ? " paused" : " started"));
  return ok_status();
}

AgentStatusView Engine::view_of(const AgentSlot& agent) const {
  AgentStatusView v;
  v.user = agent.user;
  v.leg_up = agent.leg_up;
  if (const auto* a = acd_.agent(agent.id); a != nullptr && agent.leg_up) {
    v.state = std::string(acd::to_string(a->state));
    v.state_since = a->state_since;
    if (a->state == acd::AgentState::paused) v.pause_reason = agent.pause_reason;
  } else {
    v.state = "logged_out";
  }
  if (!agent.customer) return v;
  const LiveCall* call = nullptr;
  if (auto it = calls_.find(*agent.customer); it != calls_.end()) call = it->second.get();
  if (auto it = wrapping_.find(*agent.customer); it != wrapping_.end()) call = it->second.get();
  if (call == nullptr) return v;
  AgentCallView c;
  c.call = call->id;
  c.campaign = call->campaign;
  c.phase = phase_name(call->phase);
  c.lead = call->lead;
  c.connected_at = call->connected_at;
  c.ended_at = call->ended_at;
  c.wrap_deadline = call->wrap_deadline;
  if (auto it = campaigns_.find(call->campaign); it != campaigns_.end()) {
    const Campaign& campaign = *it->second->campaign;
    c.campaign_name = campaign.name;
    for (const auto& d : campaign.dispositions) {
      if (!d.system) c.agent_codes.push_back(d);
    }
    c.script = fill_script(campaign.script, call->lead);
  }
  v.call = std::move(c);
  return v;
}

std::optional<AgentStatusView> Engine::agent_view(const std::string& name) const {
  for (const auto& a : agents_) {
    if (a->user == name) return view_of(*a);
  }
  return std::nullopt;
}

std::vector<AgentStatusView> Engine::agents_view() const {
  std::vector<AgentStatusView> out;
  out.reserve(agents_.size());
  for (const auto& a : agents_) out.push_back(view_of(*a));
  return out;
}

std::vector<CampaignStatusView> Engine::campaigns_view(TimePoint now) const {
  std::vector<CampaignStatusView> out;
  for (const auto& [id, c] : campaigns_) {
    CampaignStatusView v;
    v.id = id;
    v.name = c->campaign->name;
    v.tenant = c->campaign->tenant;
    v.dial_mode = std::string(to_string(c->campaign->dial_mode));
    v.paused = c->paused;
    v.counters = c->counters;
    v.leads_waiting = c->hopper.size();
    v.abandon_rate = deps_.abandonment.control_rate(id, now);
    v.abandon_ceiling = c->campaign->abandon_ceiling;
    v.abandonment_gated = deps_.abandonment.gated(id);
    v.last_pacing = c->last_pacing;
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace dialer::engine
