#include "dialer/api/view_json.h"

namespace dialer::api {
namespace {

nlohmann::json ms_or_null(const std::optional<TimePoint>& t) {
  return t ? nlohmann::json(to_unix_ms(*t)) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json to_json(const Lead& lead) {
  nlohmann::json custom = nlohmann::json::object();
  for (const auto& [k, v] : lead.custom_fields) custom[k] = v;
  return {{"id", lead.id.value()},          {"phone", lead.phone},
          {"first_name", lead.first_name},  {"last_name", lead.last_name},
          {"address", lead.address},        {"city", lead.city},
          {"state", lead.state},            {"postal_code", lead.postal_code},
          {"email", lead.email},            {"timezone", lead.timezone},
          {"attempts", lead.attempts},      {"status", std::string(to_string(lead.status))},
          {"custom", custom}};
}

nlohmann::json to_json(const engine::AgentStatusView& a) {
  nlohmann::json j = {{"agent", a.user},
                      {"state", a.state},
                      {"state_since_ms", to_unix_ms(a.state_since)},
                      {"phone_connected", a.leg_up}};
  if (!a.pause_reason.empty()) j["pause_reason"] = a.pause_reason;
  if (!a.call) {
    j["call"] = nullptr;
    return j;
  }
  const auto& c = *a.call;
  nlohmann::json codes = nlohmann::json::array();
  for (const auto& d : c.agent_codes) {
    codes.push_back({{"code", d.code},
                     {"label", d.label.empty() ? d.code : d.label},
                     {"callback", d.effect.schedule_callback},
                     {"dnc", d.effect.add_to_dnc}});
  }
  j["call"] = {{"id", c.call.value()},
               {"campaign_id", c.campaign.value()},
               {"campaign", c.campaign_name},
               {"phase", c.phase},
               {"connected_ms", ms_or_null(c.connected_at)},
               {"ended_ms", ms_or_null(c.ended_at)},
               {"wrap_deadline_ms", ms_or_null(c.wrap_deadline)},
               {"lead", to_json(c.lead)},
               {"script", c.script},
               {"dispositions", codes}};
  return j;
}

nlohmann::json to_json(const engine::CampaignCounters& k) {
  nlohmann::json dispositions = nlohmann::json::object();
  for (const auto& [code, n] : k.dispositions) dispositions[code] = n;
  return {{"decisions", k.decisions}, {"refused", k.refused},   {"deferred", k.deferred},
          {"dialed", k.dialed},       {"answered", k.answered}, {"live", k.live},
          {"machine", k.machine},     {"voicemail_left", k.voicemail_left},
          {"bridged", k.bridged},     {"abandoned", k.abandoned},
          {"failed", k.failed},       {"completed", k.completed},
          {"dispositions", dispositions}};
}

nlohmann::json to_json(const engine::CampaignStatusView& c) {
  const double live = static_cast<double>(c.counters.live);
  return {{"id", c.id.value()},
          {"name", c.name},
          {"tenant", c.tenant},
          {"dial_mode", c.dial_mode},
          {"paused", c.paused},
          {"leads_waiting", c.leads_waiting},
          {"abandon_rate", c.abandon_rate},
          {"abandon_rate_session", live > 0 ? static_cast<double>(c.counters.abandoned) / live : 0.0},
          {"abandon_ceiling", c.abandon_ceiling},
          {"abandonment_gated", c.abandonment_gated},
          {"pacing", c.last_pacing},
          {"counters", to_json(c.counters)}};
}

nlohmann::json to_json(const engine::EngineSnapshot& s) {
  const auto logged = s.agent_logged_time.count();
  return {{"at_ms", to_unix_ms(s.at)},
          {"agents", {{"logged_in", s.agents_logged_in},
                      {"ready", s.agents_ready},
                      {"talking", s.agents_talking},
                      {"wrap", s.agents_wrap}}},
          {"calls", {{"ringing", s.ringing},
                     {"analysing", s.analysing},
                     {"waiting", s.waiting},
                     {"talking", s.talking}}},
          {"lines_per_agent", s.lines_per_agent},
          {"leads_waiting", s.leads_waiting},
          {"talk_time_ratio",
           logged > 0 ? static_cast<double>(s.agent_talk_time.count()) / static_cast<double>(logged)
                      : 0.0},
          {"dialing_halted", s.dialing_halted},
          {"totals", to_json(s.totals)}};
}

}  // namespace dialer::api
