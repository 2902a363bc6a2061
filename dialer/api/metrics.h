// Prometheus text exposition (version 0.0.4) of the dialer's live figures: calls by outcome per
// campaign, concurrent calls by phase, agents by state, abandonment per campaign against its
// ceiling, AMD verdicts, lines per agent, and the adapters' counters (SIP, RTP, storage).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dialer/engine/engine_views.h"

namespace dialer::api {

// One adapter counter: name without the "dialer_" prefix, labels as `key="value",...` or empty.
struct AdapterCounter {
  std::string name;
  std::string help;
  std::string labels;
  double value = 0;
  bool gauge = false;
};

struct MetricsInput {
  engine::EngineSnapshot floor;
  std::vector<engine::CampaignStatusView> campaigns;
  std::vector<engine::AgentStatusView> agents;
  std::vector<AdapterCounter> adapters;
};

std::string prometheus_text(const MetricsInput& in);

}  // namespace dialer::api
