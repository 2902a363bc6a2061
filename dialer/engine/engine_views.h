// What the engine shows people: an agent's own state and call (the screen pop), the floor of
// agents for supervisors, and each campaign's counters and pacing. Plain values built on the
// engine thread and safe to copy to any other thread.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "campaigns/campaign.h"
#include "campaigns/lead.h"
#include "dialer/engine/engine_types.h"

namespace dialer::engine {

// The customer call an agent is on or wrapping up, with the lead for the screen pop.
struct AgentCallView {
  CallId call;
  CampaignId campaign;
  std::string campaign_name;
  std::string phase;  // "bridging", "talking", "wrap_up"
  Lead lead;
  std::optional<TimePoint> connected_at;
  std::optional<TimePoint> ended_at;
  std::optional<TimePoint> wrap_deadline;
  std::vector<Disposition> agent_codes;  // the campaign's codes an agent may choose
  std::string script;                    // the campaign's call script, lead fields filled in
};

struct AgentStatusView {
  std::string user;
  std::string state;  // logged_out, ready, talking, wrap, paused
  TimePoint state_since{};
  std::string pause_reason;
  bool leg_up = false;
  std::optional<AgentCallView> call;
};

struct CampaignStatusView {
  CampaignId id;
  std::string name;
  std::string tenant;
  std::string dial_mode;
  bool paused = false;
  CampaignCounters counters;
  std::uint64_t leads_waiting = 0;
  double abandon_rate = 0;  // the compliance gate's control rate
  double abandon_ceiling = 0;
  bool abandonment_gated = false;
  std::string last_pacing;  // the latest pacing decision, explained
};

// The campaign script with {field} placeholders replaced by the lead's values.
std::string fill_script(const std::string& script, const Lead& lead);

}  // namespace dialer::engine
