// Engine: agents' nailed-up legs, routing live answers to them, wrap-up and dispositions.
#include <algorithm>

#include "dialer/engine/engine.h"
#include "dialer/engine/engine_state.h"

namespace dialer::engine {

Engine::AgentSlot* Engine::agent_by_leg(CallId leg) {
  for (auto& a : agents_) {
    if (a->leg == leg) return a.get();
  }
  return nullptr;
}

Engine::AgentSlot* Engine::agent_by_name(const std::string& name) {
  for (auto& a : agents_) {
    if (a->user == name) return a.get();
  }
  return nullptr;
}

Engine::AgentSlot* Engine::agent_by_id(AgentId id) {
  for (auto& a : agents_) {
    if (a->id == id) return a.get();
  }
  return nullptr;
}

void Engine::on_agent_registered(const std::string& name, TimePoint now) {
  AgentSlot* agent = agent_by_name(name);
  if (agent == nullptr) return;  // a phone we have credentials for but no agent: ignore
  agent->registered = true;
  if (!agent->leg && !agent->redial_at) dial_agent(*agent, now);
}

void Engine::dial_agent(AgentSlot& agent, TimePoint now) {
  const CallId id = next_call_id();
  auto offer = deps_.media.open_leg(id, CampaignId{}, LegKind::agent, false);
  if (!offer) {
    deps_.log.warn(id, "agent " + agent.user + ": no media port: " + offer.error().message);
    agent.redial_at = now + options_.agent_redial;
    return;
  }
  agent.leg = id;
  agent.leg_up = false;
  calls::Originate originate;
  originate.call_id = id;
  originate.agent = agent.user;
  originate.from = "<sip:dialer@dialer.invalid>";
  originate.sdp_offer = std::move(*offer);
  originate.ring_timeout = options_.agent_ring_timeout;
  deps_.log.info(id, "calling agent " + agent.user + " for the session leg");
  deps_.sip.submit(std::move(originate));
}

void Engine::on_agent_leg_event(AgentSlot& agent, const calls::CallEvent& event, TimePoint now) {
  if (const auto* answered = std::get_if<calls::Answered>(&event)) {
    if (auto status = deps_.media.apply_answer(*agent.leg, answered->remote_sdp); !status) {
      deps_.log.warn(*agent.leg, "agent " + agent.user + " SDP refused: " + status.error().message);
      deps_.sip.submit(calls::Hangup{*agent.leg, "media negotiation failed"});
      return;
    }
    agent.leg_up = true;
    agent.logged_in_at = now;
    if (auto status = acd_.login(agent.id, now); !status) {
      deps_.log.warn(*agent.leg, "ACD login: " + status.error().message);
    }
    if (!options_.ready_on_login && acd_.pause(agent.id, now)) agent.pause_reason = "logged_in";
    deps_.log.info(*agent.leg, "agent " + agent.user + " logged in (leg up)");
    route_waiting(now);
    return;
  }
  const bool ended = std::holds_alternative<calls::Failed>(event) ||
                     std::holds_alternative<calls::RemoteHangup>(event) ||
                     std::holds_alternative<calls::LocalHangupDone>(event);
  if (ended) on_agent_leg_down(agent, now);
}

void Engine::on_agent_leg_down(AgentSlot& agent, TimePoint now) {
  deps_.media.close_leg(*agent.leg);
  const bool was_up = agent.leg_up;
  agent.leg.reset();
  agent.leg_up = false;
  if (agent.logged_in_at) {
    agent.logged_time += now - *agent.logged_in_at;
    agent.logged_in_at.reset();
  }
  if (was_up) {
    // Log out first so that ending the talk or wrap-up does not hand the agent a new call.
    (void)acd_.logout(agent.id, now);
    if (agent.customer) {
      const CallId customer = *agent.customer;
      if (auto it = calls_.find(customer); it != calls_.end()) {
        update_record(*it->second,
                      [](compliance::CallRecord& r) { r.hangup_cause = "AGENT_LEG_LOST"; });
        if (it->second->phase == CallPhase::bridging) release_agent(agent, now);
        hang_up(*it->second, "agent leg lost");
      } else if (wrapping_.count(customer) != 0) {
        finish_wrap(agent, std::nullopt, now);
      }
    }
    deps_.log.info(CallId{}, "agent " + agent.user + " logged out (leg ended)");
  }
  if (!dialing_stopped_ && agent.registered) agent.redial_at = now + options_.agent_redial;
}

void Engine::route_waiting(TimePoint now) {
  while (!waiting_.empty() && acd_.ready_count() > 0) {
    const CallId id = waiting_.front();
    waiting_.pop_front();
    auto it = calls_.find(id);
    if (it == calls_.end()) continue;
    acd_.withdraw(id);
    const auto agent = acd_.offer(id, now);
    AgentSlot* slot = agent ? agent_by_id(*agent) : nullptr;
    if (slot == nullptr) {
      waiting_.push_front(id);
      break;
    }
    connect(*it->second, *slot, now);
  }
}

void Engine::connect(LiveCall& call, AgentSlot& agent, TimePoint now) {
  (void)now;
  call.agent = agent.id;
  call.phase = CallPhase::bridging;
  agent.customer = call.id;
  deps_.media.bridge(call.id, *agent.leg);
}

// The agent was assigned but never talked (bridge refused, customer gone): ready again at once.
void Engine::release_agent(AgentSlot& agent, TimePoint now) {
  agent.customer.reset();
  if (auto status = acd_.end_talk(agent.id, now); !status) return;
  end_wrap_and_route(agent, now);
}

// Ends the agent's wrap-up in the ACD; a waiting call it hands over is connected at once.
void Engine::end_wrap_and_route(AgentSlot& agent, TimePoint now) {
  auto next = acd_.end_wrap(agent.id, now);
  if (next && *next) {
    const CallId id = (*next)->call;
    waiting_.erase(std::remove(waiting_.begin(), waiting_.end(), id), waiting_.end());
    if (auto it = calls_.find(id); it != calls_.end()) connect(*it->second, agent, now);
  }
  route_waiting(now);
}

void Engine::finish_wrap(AgentSlot& agent, const std::optional<std::string>& code, TimePoint now) {
  if (!agent.customer) return;
  auto it = wrapping_.find(*agent.customer);
  agent.customer.reset();
  if (it != wrapping_.end()) {
    LiveCall& call = *it->second;
    const TimePoint ended = call.ended_at.value_or(now);
    if (auto* c = campaign_of(call.campaign)) {
      c->pacer->observe(now, {pacing::CallObservation::Kind::wrap_finished, now - ended});
    }
    call.agent_code = code;
    if (code) call.disposition = *code;
    update_record(call, [&](compliance::CallRecord& r) {
      if (code) r.disposition_agent_code = *code;
      r.disposition_set_by = code ? agent.user : std::string("SYSTEM_WRAP_TIMEOUT");
    });
    deps_.log.info(call.id, "agent " + agent.user + " wrap-up done: " + call.disposition);
    finish_attempt(call, now);
  }
  end_wrap_and_route(agent, now);
}

Status Engine::disposition(const std::string& agent_name, const std::string& code, TimePoint now) {
  AgentSlot* agent = agent_by_name(agent_name);
  if (agent == nullptr) return Error{ErrorCode::not_found, "unknown agent " + agent_name};
  if (!agent->customer || wrapping_.count(*agent->customer) == 0) {
    return Error{ErrorCode::conflict, "agent " + agent_name + " has no call in wrap-up"};
  }
  const LiveCall& call = *wrapping_.at(*agent->customer);
  const auto* c = campaign_of(call.campaign);
  const auto& catalog = c->campaign->dispositions;
  const auto entry = std::find_if(catalog.begin(), catalog.end(),
                                  [&](const Disposition& d) { return d.code == code; });
  if (entry == catalog.end() || entry->system) {
    return Error{ErrorCode::invalid_argument,
                 "'" + code + "' is not an agent disposition of campaign " + c->campaign->name};
  }
  finish_wrap(*agent, code, now);
  return ok_status();
}

}  // namespace dialer::engine
