// The handlers behind every route of docs/api.md.
#include <nlohmann/json.hpp>

#include "dialer/api/api_router.h"
#include "dialer/api/auth/access.h"
#include "dialer/api/event_messages.h"
#include "dialer/api/json_body.h"
#include "dialer/api/view_json.h"

namespace dialer::api {
namespace {

using nlohmann::json;

ApiResponse from_status(const Status& status, const std::string& field = {}) {
  if (status) return json_response(200, R"({"ok":true})");
  const auto& e = status.error();
  switch (e.code) {
    case ErrorCode::not_found:
      return error_response(404, e.message, field);
    case ErrorCode::conflict:
      return error_response(409, e.message, field);
    case ErrorCode::invalid_argument:
    case ErrorCode::parse_error:
      return error_response(400, e.message, field);
    case ErrorCode::storage_unavailable:
      return error_response(503, e.message, field);
    default:
      return error_response(500, e.message, field);
  }
}

ApiResponse ok_json(const json& j) { return json_response(200, j.dump()); }

// The agent behind the session, or a 403 when the user is not an agent.
const std::string* agent_of(const ApiRequest& r) {
  if (!r.principal || !r.principal->agent_sip) return nullptr;
  return &*r.principal->agent_sip;
}

nlohmann::json user_json(const Principal& p) {
  return {{"username", p.username},
          {"role", std::string(auth::to_string(p.role))},
          {"tenant", p.tenant},
          {"agent", p.agent_sip.value_or("")}};
}

ApiResponse not_an_agent() {
  return error_response(403, "this user is not an agent (no agent phone is assigned)");
}

// Reads {id} into `id` when it names a campaign the principal may see; otherwise returns the
// response to send (400 for a malformed id, 404 for another tenant's or no campaign).
std::optional<ApiResponse> find_campaign(const ApiBackend& backend, const ApiRequest& r,
                                         CampaignId& id) {
  const auto& text = r.params.at("id");
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) {
    return error_response(400, "campaign id must be a number", "id");
  }
  id = CampaignId{std::stoll(text)};
  for (const auto& c : backend.campaigns()) {
    if (c.id == id && auth::may_see_tenant(*r.principal, c.tenant)) return std::nullopt;
  }
  return error_response(404, "no campaign " + text);
}

}  // namespace

void ApiRouter::add_session_routes() {
  add("POST", "/api/login", kPublic, "log in with a user name and password; returns a token",
      [this](const ApiRequest& r) {
        JsonBody body(r.body, {"username", "password"});
        const auto username = body.text("username");
        const auto password = body.text("password");
        if (body.error()) return *body.error();
        auto outcome = access_.login(username, password, r.client, backend_.now());
        if (!outcome.session) {
          return error_response(outcome.rate_limited ? 429 : 401, outcome.message);
        }
        const auto& s = *outcome.session;
        return ok_json({{"token", s.token},
                        {"expires_ms", to_unix_ms(s.expires_at)},
                        {"user", user_json(s.principal)}});
      });
  add("POST", "/api/logout", kAnyUser, "end this session", [this](const ApiRequest& r) {
    access_.logout(r.token);
    return json_response(200, R"({"ok":true})");
  });
  add("GET", "/api/me", kAnyUser, "who this session belongs to", [](const ApiRequest& r) {
    return ok_json(user_json(*r.principal));
  });
}

void ApiRouter::add_agent_routes() {
  add("GET", "/api/agent", "agents.self", "the agent's own state and call (screen pop)",
      [this](const ApiRequest& r) {
        const auto* agent = agent_of(r);
        if (agent == nullptr) return not_an_agent();
        auto view = backend_.agent(*agent);
        if (!view) return error_response(404, "agent " + *agent + " is not configured in dialerd");
        return ok_json(to_json(*view));
      });
  add("POST", "/api/agent/ready", "agents.self", "take calls", [this](const ApiRequest& r) {
    const auto* agent = agent_of(r);
    if (agent == nullptr) return not_an_agent();
    return from_status(backend_.agent_ready(*agent));
  });
  add("POST", "/api/agent/pause", "agents.self", "stop taking calls, with a reason",
      [this](const ApiRequest& r) {
        const auto* agent = agent_of(r);
        if (agent == nullptr) return not_an_agent();
        JsonBody body(r.body.empty() ? "{}" : r.body, {"reason"});
        const auto reason = body.optional_text("reason");
        if (body.error()) return *body.error();
        return from_status(backend_.agent_pause(*agent, reason.value_or("break")));
      });
  add("POST", "/api/agent/hangup", "agents.self", "end the customer call",
      [this](const ApiRequest& r) {
        const auto* agent = agent_of(r);
        if (agent == nullptr) return not_an_agent();
        return from_status(backend_.agent_hang_up(*agent));
      });
  add("POST", "/api/agent/disposition", "dispositions.own",
      "set the disposition of the call in wrap-up (once)", [this](const ApiRequest& r) {
        const auto* agent = agent_of(r);
        if (agent == nullptr) return not_an_agent();
        JsonBody body(r.body, {"code"});
        const auto code = body.text("code");
        if (body.error()) return *body.error();
        return from_status(backend_.disposition(*agent, code), "code");
      });
}

void ApiRouter::add_supervisor_routes() {
  add("GET", "/api/agents", "wallboard.read", "every agent with state and call",
      [this](const ApiRequest&) {
        json list = json::array();
        for (const auto& a : backend_.agents()) list.push_back(to_json(a));
        return ok_json({{"agents", list}});
      });
  add("GET", "/api/status", "wallboard.read", "the floor: agents, calls, campaigns",
      [this](const ApiRequest& r) { return ok_json(floor_status(backend_, *r.principal)); });
}

void ApiRouter::add_metrics_route() {
  // Scrapers send a session token of a user with metrics.read (Prometheus: authorization).
  add("GET", "/metrics", "metrics.read", "Prometheus text exposition", [this](const ApiRequest&) {
    MetricsInput in{backend_.snapshot(), backend_.campaigns(), backend_.agents(),
                    backend_.adapter_counters()};
    ApiResponse r;
    r.body = prometheus_text(in);
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    return r;
  });
}

void ApiRouter::add_campaign_routes() {
  add("GET", "/api/campaigns", "campaigns.read", "campaigns with counters and pacing",
      [this](const ApiRequest& r) {
        json list = json::array();
        for (const auto& c : backend_.campaigns()) {
          if (auth::may_see_tenant(*r.principal, c.tenant)) list.push_back(to_json(c));
        }
        return ok_json({{"campaigns", list}});
      });
  auto set_paused = [this](bool paused) {
    return [this, paused](const ApiRequest& r) {
      CampaignId id;
      if (auto refused = find_campaign(backend_, r, id)) return *refused;
      return from_status(backend_.set_campaign_paused(id, paused));
    };
  };
  add("POST", "/api/campaigns/{id}/start", "campaigns.write", "resume dialing", set_paused(false));
  add("POST", "/api/campaigns/{id}/pause", "campaigns.write", "stop placing new calls",
      set_paused(true));
  add("POST", "/api/campaigns/{id}/leads", "leads.upload",
      "upload a lead CSV (body) into the campaign's list (?list=NAME)",
      [this](const ApiRequest& r) {
        CampaignId id;
        if (auto refused = find_campaign(backend_, r, id)) return *refused;
        if (r.body.empty()) return error_response(400, "the body must be a CSV file", "body");
        const auto list = r.query.count("list") ? r.query.at("list") : std::string("default");
        auto report = backend_.upload_leads(id, list, r.body);
        if (!report) return from_status(report.error(), "body");
        auto summary = json::parse(report->summary_json);
        summary["handed_to_dialer"] = report->handed_to_dialer;
        return ok_json(summary);
      });
}

void ApiRouter::add_dnc_routes() {
  add("GET", "/api/dnc/{phone}", "dnc.read", "is this number on a do-not-call list",
      [this](const ApiRequest& r) {
        auto found = backend_.dnc_lookup(r.params.at("phone"));
        if (!found) return from_status(found.error(), "phone");
        return ok_json({{"phone", found->phone}, {"listed", found->listed}, {"list", found->list}});
      });
  add("POST", "/api/dnc", "dnc.write", "add a number to the internal do-not-call list",
      [this](const ApiRequest& r) {
        JsonBody body(r.body, {"phone"});
        const auto phone = body.text("phone");
        if (body.error()) return *body.error();
        return from_status(backend_.dnc_add(phone, r.principal->username), "phone");
      });
}

}  // namespace dialer::api
