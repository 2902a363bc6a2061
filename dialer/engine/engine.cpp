// Engine: campaigns, pacing and dialing; the dispatch of SIP facts.
#include "dialer/engine/engine.h"

#include <algorithm>
#include <type_traits>

#include "dialer/engine/campaign_pacer.h"
#include "dialer/engine/engine_state.h"

namespace dialer::engine {
namespace {

compliance::DialKind dial_kind(DialMode mode) {
  switch (mode) {
    case DialMode::preview:
      return compliance::DialKind::preview;
    case DialMode::progressive:
      return compliance::DialKind::progressive;
    case DialMode::power:
    case DialMode::predictive:
      break;
  }
  return compliance::DialKind::predictive;
}

// Refusals that will not change by waiting: the lead is closed.
bool permanent(compliance::DecisionReason r) {
  using R = compliance::DecisionReason;
  switch (r) {
    case R::invalid_number:
    case R::unknown_tz:
    case R::internal_dnc:
    case R::campaign_dnc:
    case R::national_dnc:
    case R::consent_revoked:
    case R::freq_cap_lead_lifetime:
    case R::unknown_campaign:
      return true;
    default:
      return false;
  }
}

// How long a lead refused for a passing reason waits before it is asked about again.
Duration recheck_after(compliance::DecisionReason r) {
  using R = compliance::DecisionReason;
  switch (r) {
    case R::abandon_cap_gated:
      return Duration{5000};
    case R::dnc_data_stale:
      return std::chrono::minutes{10};
    default:
      return std::chrono::hours{1};
  }
}

}  // namespace

Engine::Engine(EngineDeps deps, EngineOptions options) : deps_(deps), options_(std::move(options)) {
  std::int64_t id = 0;
  for (const auto& user : options_.agents) {
    auto slot = std::make_unique<AgentSlot>();
    slot->id = AgentId{++id};
    slot->user = user;
    agents_.push_back(std::move(slot));
  }
}

Engine::~Engine() = default;

void Engine::add_campaign(std::shared_ptr<const Campaign> campaign, TimePoint now) {
  (void)now;
  auto state = std::make_unique<CampaignState>();
  // The US 2-second allowance; power mode keeps max_lines_per_agent lines per agent.
  state->pacer =
      make_campaign_pacer(*campaign, {options_.max_calls_per_second, options_.trunk_channels},
                          campaign->max_lines_per_agent, Duration{2000});
  state->trunk = campaign->trunk.empty() ? options_.default_trunk : campaign->trunk;
  state->campaign = std::move(campaign);
  const CampaignId id = state->campaign->id;
  campaigns_[id] = std::move(state);
}

void Engine::add_lead(const Lead& lead, TimePoint now) {
  if (auto* c = campaign_of(lead.campaign)) c->hopper.put(lead, now);
}

Engine::CampaignState* Engine::campaign_of(CampaignId id) {
  auto it = campaigns_.find(id);
  return it == campaigns_.end() ? nullptr : it->second.get();
}

TimePoint Engine::tick(TimePoint now) {
  TimePoint next = now + pacing::kDefaultTick;
  for (auto& agent : agents_) {
    if (agent->redial_at && *agent->redial_at <= now) {
      agent->redial_at.reset();
      if (agent->registered && !agent->leg) dial_agent(*agent, now);
    }
    if (agent->redial_at) next = std::min(next, *agent->redial_at);
  }
  std::vector<AgentSlot*> timed_out;
  for (const auto& [id, call] : wrapping_) {
    if (call->wrap_deadline && *call->wrap_deadline <= now && call->agent) {
      if (auto* agent = agent_by_id(*call->agent)) timed_out.push_back(agent);
    } else if (call->wrap_deadline) {
      next = std::min(next, *call->wrap_deadline);
    }
  }
  for (auto* agent : timed_out) finish_wrap(*agent, std::nullopt, now);
  // A detector that heard no audio at all (no RTP) never decides: the call counts as live.
  std::vector<CallId> silent;
  for (const auto& [id, call] : calls_) {
    if (call->phase != CallPhase::analysing || !call->answered_at) continue;
    const auto* c = campaign_of(call->campaign);
    const TimePoint limit = *call->answered_at + c->campaign->amd.max_analysis + Duration{500};
    if (limit <= now) {
      silent.push_back(id);
    } else {
      next = std::min(next, limit);
    }
  }
  for (const CallId id : silent) {
    on_amd(id,
           {MachineVerdict::not_sure, "NO_AUDIO", "no audio before the analysis limit",
            now - *calls_.at(id)->answered_at, std::nullopt},
           now);
  }
  deps_.abandonment.tick(now);
  if (auto status = deps_.records.checkpoint_due(now); !status) record_failure(status, now);
  if (halted_until_ && *halted_until_ <= now) {
    halted_until_.reset();
    deps_.log.info(CallId{}, "dialing resumed");
  }
  for (auto& [id, c] : campaigns_) pace(*c, now);
  return std::max(next, now + Duration{10});
}

pacing::PacingInputs Engine::pacing_inputs(const CampaignState& c, TimePoint now) const {
  pacing::PacingInputs in;
  in.now = now;
  in.agents_logged_in = acd_.logged_in_count();
  in.agents_ready = acd_.ready_count();
  for (const auto& a : acd_.agents()) {
    if (a.state != acd::AgentState::talking && a.state != acd::AgentState::wrap) continue;
    pacing::BusyAgent busy;
    busy.phase = a.state == acd::AgentState::talking ? pacing::BusyAgent::Phase::talk
                                                     : pacing::BusyAgent::Phase::wrap;
    busy.elapsed = now - a.state_since;
    busy.leaving = a.pause_pending || a.logout_pending;
    in.busy.push_back(busy);
  }
  for (const auto& [id, call] : calls_) {
    if (call->campaign != c.campaign->id) continue;
    switch (call->phase) {
      case CallPhase::ringing:
      case CallPhase::analysing:
        in.in_flight_elapsed.push_back(now - call->dialed_at);
        break;
      case CallPhase::waiting_agent:
        ++in.answered_waiting;
        break;
      case CallPhase::bridging:
      case CallPhase::talking:
        ++in.connected_calls;
        break;
      default:
        break;
    }
  }
  return in;
}

void Engine::pace(CampaignState& c, TimePoint now) {
  if (dialing_stopped_ || halted_until_ || c.paused) return;
  if (c.hopper.due_count(now) == 0) return;
  const auto in = pacing_inputs(c, now);
  const auto decision = c.pacer->decide(in);
  if (decision.launch > 0) {
    c.last_pacing = pacing::describe(in, decision);
    deps_.log.pacing(c.campaign->id, c.last_pacing);
  }
  for (int i = 0; i < decision.launch; ++i) {
    if (halted_until_ || !dial_next(c, now)) break;
  }
}

bool Engine::dial_next(CampaignState& c, TimePoint now) {
  auto taken = c.hopper.take_due(now);
  if (!taken) return false;
  Lead lead = std::move(*taken);
  const Campaign& campaign = *c.campaign;
  const bool reserved =
      campaign.dial_mode == DialMode::progressive || campaign.dial_mode == DialMode::preview;
  auto request = compliance::make_dial_request(lead, dial_kind(campaign.dial_mode), reserved, now);
  auto recorded = deps_.compliance.decide_and_record(request);
  if (!recorded) {
    // Nothing may be dialed unrecorded: stop dialing until storage answers again.
    c.hopper.put(std::move(lead), now);
    record_failure(recorded.error(), now);
    return false;
  }
  ++c.counters.decisions;
  if (!recorded->decision.allowed()) {
    on_refused(c, std::move(lead), recorded->decision, now);
    return true;
  }
  auto call = std::make_unique<LiveCall>();
  call->id = next_call_id();
  call->campaign = campaign.id;
  call->attempt_id = recorded->attempt_id;
  call->dialed_at = now;
  call->disposition = "NO_ANSWER";
  auto offer = deps_.media.open_leg(call->id, campaign.id, LegKind::customer, campaign.amd.enabled);
  ++lead.attempts;
  if (auto state = next_lead_state(lead.status, LeadEvent::queue); state) lead.status = *state;
  if (auto state = next_lead_state(lead.status, LeadEvent::dial); state) lead.status = *state;
  lead.next_attempt_at.reset();
  call->lead = lead;
  if (!offer) {
    deps_.log.warn(call->id, "no media port for the call: " + offer.error().message);
    call->disposition = "SYSTEM_FAILURE";
    update_record(*call, [](compliance::CallRecord& r) { r.hangup_cause = "MEDIA_UNAVAILABLE"; });
    finish_attempt(*call, now);
    return true;
  }
  if (auto saved = deps_.leads.save(lead); !saved) record_failure(saved, now);
  const std::string caller_id = campaign.caller_ids.empty() ? "" : campaign.caller_ids.front();
  update_record(*call, [&](compliance::CallRecord& r) {
    r.invite_sent_at = now;
    if (!caller_id.empty()) r.caller_id_presented = caller_id;
    r.amd_enabled = campaign.amd.enabled;
  });
  calls::Originate originate;
  originate.call_id = call->id;
  originate.target = lead.phone;
  if (!caller_id.empty()) {
    originate.from = "<sip:" + caller_id + "@dialer.invalid>";
    originate.asserted_identity = "<sip:" + caller_id + "@dialer.invalid>";
  }
  originate.sdp_offer = std::move(*offer);
  originate.ring_timeout = campaign.ring_timeout;
  originate.trunk = c.trunk;
  ++c.counters.dialed;
  deps_.log.info(call->id, "dial lead " + std::to_string(lead.id.value()) + " " + lead.phone +
                               " attempt " + call->attempt_id);
  const CallId id = call->id;
  calls_[id] = std::move(call);
  deps_.sip.submit(std::move(originate));
  return true;
}

void Engine::on_refused(CampaignState& c, Lead lead, const compliance::GateDecision& d,
                        TimePoint now) {
  const bool defer = d.verdict == compliance::Verdict::defer;
  ++(defer ? c.counters.deferred : c.counters.refused);
  if (!defer && permanent(d.reason)) {
    if (auto state = next_lead_state(lead.status, LeadEvent::finish); state) lead.status = *state;
    ++c.counters.dispositions[std::string("REFUSED_") + std::string(to_string(d.reason))];
  } else {
    lead.status = LeadState::retry_scheduled;
    lead.next_attempt_at = defer && d.until ? *d.until : now + recheck_after(d.reason);
    c.hopper.put(lead, now);
  }
  if (auto saved = deps_.leads.save(lead); !saved) record_failure(saved, now);
}

void Engine::record_failure(Status status, TimePoint now) {
  if (status) return;
  const bool first = !halted_until_;
  halted_until_ = now + options_.storage_retry;
  halt_reason_ = status.error().message;
  if (first) deps_.log.warn(CallId{}, "dialing stopped, storage failed: " + halt_reason_);
}

void Engine::on_call_event(const calls::CallEvent& event, TimePoint now) {
  std::visit(
      [&](const auto& e) {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, calls::Registered>) {
          on_agent_registered(e.agent, now);
        } else if constexpr (std::is_same_v<T, calls::Unregistered>) {
          if (auto* agent = agent_by_name(e.agent)) agent->registered = false;
        } else if constexpr (std::is_same_v<T, calls::InboundCall>) {
          deps_.sip.submit(calls::Reject{e.call_id, 480});  // inbound routing: not configured
        } else if constexpr (std::is_same_v<T, calls::TrunkRegistration>) {
          deps_.log.info(CallId{}, "trunk " + e.trunk + " registration status " +
                                       std::to_string(e.sip_status));
        } else if constexpr (std::is_same_v<T, calls::ReinviteReceived>) {
          on_reinvite(e);
        } else {
          if (auto* agent = agent_by_leg(e.call_id)) {
            on_agent_leg_event(*agent, event, now);
            return;
          }
          auto it = calls_.find(e.call_id);
          if (it == calls_.end()) return;
          LiveCall& call = *it->second;
          if constexpr (std::is_same_v<T, calls::Ringing>) {
            if (!call.ringing_at) {
              call.ringing_at = now;
              update_record(call, [&](compliance::CallRecord& r) { r.ring_started_at = now; });
            }
          } else if constexpr (std::is_same_v<T, calls::Answered>) {
            on_customer_answered(call, e.remote_sdp, now);
          } else if constexpr (std::is_same_v<T, calls::Failed>) {
            on_customer_failed(call, e, now);
          } else if constexpr (std::is_same_v<T, calls::RemoteHangup>) {
            on_customer_ended(call, true, now);
          } else if constexpr (std::is_same_v<T, calls::LocalHangupDone>) {
            on_customer_ended(call, false, now);
          }
        }
      },
      event);
}

void Engine::stop_dialing() { dialing_stopped_ = true; }

void Engine::hang_up_all(TimePoint now) {
  dialing_stopped_ = true;
  for (auto& [id, call] : calls_) {
    if (call->phase != CallPhase::ending) hang_up(*call, "engine shutdown");
  }
  std::vector<AgentSlot*> wrapping;
  for (auto& agent : agents_) {
    if (agent->customer && wrapping_.count(*agent->customer) != 0) wrapping.push_back(agent.get());
  }
  for (auto* agent : wrapping) finish_wrap(*agent, std::nullopt, now);
  for (auto& agent : agents_) {
    agent->registered = false;
    if (agent->leg) deps_.sip.submit(calls::Hangup{*agent->leg, "agent session ended"});
  }
}

bool Engine::quiescent() const { return calls_.empty() && wrapping_.empty(); }

bool Engine::leads_exhausted() const {
  return std::all_of(campaigns_.begin(), campaigns_.end(),
                     [](const auto& kv) { return kv.second->hopper.size() == 0; });
}

int Engine::agent_legs_up() const {
  return static_cast<int>(
      std::count_if(agents_.begin(), agents_.end(), [](const auto& a) { return a->leg_up; }));
}

const CampaignCounters* Engine::counters(CampaignId campaign) const {
  auto it = campaigns_.find(campaign);
  return it == campaigns_.end() ? nullptr : &it->second->counters;
}

EngineSnapshot Engine::snapshot(TimePoint now) const {
  EngineSnapshot s;
  s.at = now;
  s.agents_logged_in = acd_.logged_in_count();
  s.agents_ready = acd_.ready_count();
  s.agents_talking = acd_.count_in(acd::AgentState::talking);
  s.agents_wrap = acd_.count_in(acd::AgentState::wrap);
  s.agent_talk_time = finished_talk_;
  for (const auto& [id, call] : calls_) {
    switch (call->phase) {
      case CallPhase::ringing:
        ++s.ringing;
        break;
      case CallPhase::analysing:
        ++s.analysing;
        break;
      case CallPhase::waiting_agent:
        ++s.waiting;
        break;
      case CallPhase::bridging:
      case CallPhase::talking:
        ++s.talking;
        if (call->connected_at) s.agent_talk_time += now - *call->connected_at;
        break;
      default:
        break;
    }
  }
  for (const auto& agent : agents_) {
    s.agent_logged_time += agent->logged_time;
    if (agent->logged_in_at) s.agent_logged_time += now - *agent->logged_in_at;
  }
  const int lines = s.ringing + s.analysing + s.waiting + s.talking;
  const int active = s.agents_ready + s.agents_talking + s.agents_wrap;
  s.lines_per_agent = active > 0 ? static_cast<double>(lines) / active : 0.0;
  s.dialing_halted = halted_until_.has_value();
  for (const auto& [id, c] : campaigns_) {
    s.leads_waiting += c->hopper.size();
    const auto& k = c->counters;
    auto& t = s.totals;
    t.decisions += k.decisions;
    t.refused += k.refused;
    t.deferred += k.deferred;
    t.dialed += k.dialed;
    t.answered += k.answered;
    t.live += k.live;
    t.machine += k.machine;
    t.voicemail_left += k.voicemail_left;
    t.bridged += k.bridged;
    t.abandoned += k.abandoned;
    t.failed += k.failed;
    t.completed += k.completed;
    for (const auto& [code, n] : k.dispositions) t.dispositions[code] += n;
  }
  return s;
}

}  // namespace dialer::engine
