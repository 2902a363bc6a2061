#include "dialer/api/event_messages.h"

#include "dialer/api/auth/access.h"
#include "dialer/api/view_json.h"

namespace dialer::api {

nlohmann::json floor_status(const ApiBackend& backend, const Principal& who) {
  nlohmann::json campaigns = nlohmann::json::array();
  for (const auto& c : backend.campaigns()) {
    if (auth::may_see_tenant(who, c.tenant)) campaigns.push_back(to_json(c));
  }
  nlohmann::json agents = nlohmann::json::array();
  for (const auto& a : backend.agents()) agents.push_back(to_json(a));
  return {{"floor", to_json(backend.snapshot())}, {"campaigns", campaigns}, {"agents", agents}};
}

std::optional<std::string> agent_message(const ApiBackend& backend, const Principal& who) {
  if (!who.agent_sip) return std::nullopt;
  auto view = backend.agent(*who.agent_sip);
  if (!view) return std::nullopt;
  return nlohmann::json{{"type", "agent"}, {"agent", to_json(*view)}}.dump();
}

std::optional<std::string> floor_message(const ApiBackend& backend, const AccessControl& access,
                                         const Principal& who) {
  if (!access.allowed(who, "wallboard.read")) return std::nullopt;
  return nlohmann::json{{"type", "floor"}, {"status", floor_status(backend, who)}}.dump();
}

}  // namespace dialer::api
