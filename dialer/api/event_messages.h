// The messages of the WebSocket event stream (docs/api.md, "Events"), built from the same
// views as the REST routes so that both always agree.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "dialer/api/access_control.h"
#include "dialer/api/api_backend.h"

namespace dialer::api {

// What GET /api/status returns: the floor, the principal's tenant's campaigns, every agent.
nlohmann::json floor_status(const ApiBackend& backend, const Principal& who);

// {"type":"agent","agent":{...}} for an agent's own console; nothing for other users.
std::optional<std::string> agent_message(const ApiBackend& backend, const Principal& who);
// {"type":"floor","status":{...}} for users who may read the wallboard; nothing for others.
std::optional<std::string> floor_message(const ApiBackend& backend, const AccessControl& access,
                                         const Principal& who);

}  // namespace dialer::api
