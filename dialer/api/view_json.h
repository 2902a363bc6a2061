// JSON of what the engine shows: an agent with its call (the screen pop), the floor, campaigns.
// Times are Unix milliseconds ("..._ms") so that browsers compute timers from them directly.
#pragma once

#include <nlohmann/json.hpp>

#include "dialer/engine/engine_views.h"

namespace dialer::api {

nlohmann::json to_json(const Lead& lead);
nlohmann::json to_json(const engine::AgentStatusView& agent);
nlohmann::json to_json(const engine::CampaignStatusView& campaign);
nlohmann::json to_json(const engine::CampaignCounters& counters);
nlohmann::json to_json(const engine::EngineSnapshot& snapshot);

}  // namespace dialer::api
