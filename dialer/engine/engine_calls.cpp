// Engine: customer calls from answer to hangup, and the media facts about them (AMD verdicts,
// bridges, the abandoned-call message, opt-outs).
#include <algorithm>

#include "dialer/engine/engine.h"
#include "dialer/engine/engine_state.h"

namespace dialer::engine {
namespace {

std::int64_t ms(Duration d) { return d.count(); }

const char* verdict_name(MachineVerdict v) {
  switch (v) {
    case MachineVerdict::human:
      return "HUMAN";
    case MachineVerdict::machine:
      return "MACHINE";
    case MachineVerdict::not_sure:
      break;
  }
  return "NOTSURE";
}

// The system disposition of an attempt that ended unanswered.
std::string failure_code(const calls::Failed& f) {
  switch (f.cause) {
    case calls::FailureCause::ring_timeout:
    case calls::FailureCause::cancelled:
      return "NO_ANSWER";
    case calls::FailureCause::channel_limit:
    case calls::FailureCause::cps_limit:
      return "CONGESTION";
    case calls::FailureCause::unknown_trunk:
    case calls::FailureCause::agent_not_registered:
    case calls::FailureCause::bad_request:
    case calls::FailureCause::answered_after_cancel:
      return "SYSTEM_FAILURE";
    case calls::FailureCause::sip_response:
      break;
  }
  if (f.disposition == calls::SystemDisposition::cancelled) return "NO_ANSWER";
  return std::string(calls::to_string(f.disposition));
}

}  // namespace

void Engine::on_customer_answered(LiveCall& call, const std::string& sdp, TimePoint now) {
  auto* c = campaign_of(call.campaign);
  if (call.phase != CallPhase::ringing || c == nullptr) return;
  call.answered_at = now;
  call.disposition = "SYSTEM_FAILURE";
  ++c->counters.answered;
  update_record(call, [&](compliance::CallRecord& r) {
    r.answered_at = now;
    r.ring_ended_at = now;
    r.ring_duration_ms = ms(now - call.ringing_at.value_or(call.dialed_at));
    r.sip_final_code = 200;
  });
  if (auto status = deps_.media.apply_answer(call.id, sdp); !status) {
    deps_.log.warn(call.id, "answer SDP refused: " + status.error().message);
    update_record(call, [](compliance::CallRecord& r) { r.hangup_cause = "MEDIA_NEGOTIATION"; });
    hang_up(call, "media negotiation failed");
    return;
  }
  if (c->campaign->abandoned_message) deps_.media.arm_safe_harbor(call.id, call.campaign, now);
  if (c->campaign->amd.enabled) {
    call.phase = CallPhase::analysing;
    return;
  }
  on_live(call, now);
}

void Engine::on_customer_failed(LiveCall& call, const calls::Failed& failed, TimePoint now) {
  auto* c = campaign_of(call.campaign);
  if (c == nullptr) return;
  const bool never_answered = !call.answered_at;
  call.ended_at = now;
  if (never_answered) {
    call.disposition = failure_code(failed);
    ++c->counters.failed;
    c->pacer->observe(now, {pacing::CallObservation::Kind::not_live, now - call.dialed_at});
  }
  const std::string cause(calls::to_string(failed.cause));
  update_record(call, [&](compliance::CallRecord& r) {
    if (failed.sip_status != 0) r.sip_final_code = failed.sip_status;
    r.hangup_cause = cause;
    if (never_answered) {
      r.ring_ended_at = now;
      r.ring_duration_ms = ms(now - call.ringing_at.value_or(call.dialed_at));
    }
    r.call_ended_at = now;
    r.total_duration_ms = ms(now - call.dialed_at);
  });
  deps_.log.info(call.id, "not answered: " + call.disposition + " (" + cause + ", SIP " +
                              std::to_string(failed.sip_status) + ")");
  deps_.media.close_leg(call.id);
  if (call.agent) {
    if (auto* agent = agent_by_id(*call.agent)) release_agent(*agent, now);
  }
  finish_attempt(call, now);
}

void Engine::on_customer_ended(LiveCall& call, bool remote, TimePoint now) {
  auto* c = campaign_of(call.campaign);
  if (c == nullptr) return;
  call.ended_at = now;
  const bool talking = call.phase == CallPhase::talking ||
                       (call.phase == CallPhase::ending && call.agent_hung_up);
  const bool talked = talking && call.connected_at && call.agent;
  if (call.phase == CallPhase::waiting_agent) {
    acd_.withdraw(call.id);
    waiting_.erase(std::remove(waiting_.begin(), waiting_.end(), call.id), waiting_.end());
    if (call.disposition == "SYSTEM_FAILURE") call.disposition = "NO_ANSWER";
  }
  if (call.phase == CallPhase::analysing && call.disposition == "SYSTEM_FAILURE") {
    call.disposition = "NO_ANSWER";  // hung up before the detector decided
  }
  update_record(call, [&](compliance::CallRecord& r) {
    r.hangup_side = remote ? "CALLED_PARTY" : "DIALER";
    if (!r.hangup_cause) r.hangup_cause = remote ? "REMOTE_BYE" : "LOCAL_BYE";
    r.call_ended_at = now;
    r.total_duration_ms = ms(now - call.dialed_at);
    if (talked) r.talk_duration_ms = ms(now - *call.connected_at);
  });
  deps_.media.close_leg(call.id);
  if (talked) {
    finished_talk_ += now - *call.connected_at;
    c->pacer->observe(now,
                      {pacing::CallObservation::Kind::talk_finished, now - *call.connected_at});
    deps_.media.unbridge(call.id);
    if (auto* agent = agent_by_id(*call.agent)) {
      if (auto status = acd_.end_talk(agent->id, now); !status) {
        deps_.log.warn(call.id, "ACD: " + status.error().message);
      }
      call.phase = CallPhase::wrap_up;
      call.disposition = "NO_DISPOSITION";
      call.wrap_deadline = now + c->campaign->wrap_up_timeout;
      deps_.log.info(call.id, "ended (" + std::string(remote ? "customer" : "dialer") +
                                  " hangup); agent " + agent->user + " in wrap-up");
      const CallId id = call.id;
      wrapping_[id] = std::move(calls_[id]);
      calls_.erase(id);
      return;
    }
  }
  if (call.agent && call.phase == CallPhase::bridging) {
    if (auto* agent = agent_by_id(*call.agent)) release_agent(*agent, now);
  }
  deps_.log.info(call.id, "ended: " + call.disposition);
  finish_attempt(call, now);
}

void Engine::on_live(LiveCall& call, TimePoint now) {
  auto* c = campaign_of(call.campaign);
  call.live = true;
  call.live_at = now;
  call.phase = CallPhase::waiting_agent;
  call.disposition = "NO_DISPOSITION";
  ++c->counters.live;
  c->pacer->observe(now, {pacing::CallObservation::Kind::answered_live,
                          call.answered_at.value_or(now) - call.dialed_at});
  update_record(call, [](compliance::CallRecord& r) { r.live_answer = true; });
  if (auto agent = acd_.offer(call.id, now)) {
    if (auto* slot = agent_by_id(*agent)) {
      connect(call, *slot, now);
      return;
    }
  }
  waiting_.push_back(call.id);
}

void Engine::hang_up(LiveCall& call, const std::string& reason) {
  if (call.phase == CallPhase::ending) return;
  call.phase = CallPhase::ending;
  deps_.sip.submit(calls::Hangup{call.id, reason});
}

void Engine::on_reinvite(const calls::ReinviteReceived& reinvite) {
  auto answer = deps_.media.apply_reoffer(reinvite.call_id, reinvite.sdp);
  if (!answer) {
    deps_.sip.submit(calls::Reject{reinvite.call_id, 488});
    return;
  }
  deps_.sip.submit(calls::AnswerReinvite{reinvite.call_id, std::move(*answer)});
}

void Engine::on_amd(CallId id, const AmdOutcome& outcome, TimePoint now) {
  auto it = calls_.find(id);
  if (it == calls_.end()) return;
  LiveCall& call = *it->second;
  auto* c = campaign_of(call.campaign);
  const TimePoint answered = call.answered_at.value_or(now);
  update_record(call, [&](compliance::CallRecord& r) {
    r.amd_result = verdict_name(outcome.verdict);
    r.amd_decided_at = answered + outcome.decided_after;
    r.amd_analysis_ms = ms(outcome.decided_after);
    r.greeting_started_at = answered;
    if (outcome.greeting_end_after) r.greeting_ended_at = answered + *outcome.greeting_end_after;
    r.greeting_end_detected = outcome.greeting_end_after.has_value();
  });
  deps_.log.info(id, std::string("AMD ") + verdict_name(outcome.verdict) + " " + outcome.cause +
                         " " + outcome.figures);
  if (call.phase != CallPhase::analysing) return;  // the message already started
  if (outcome.verdict != MachineVerdict::machine) {
    on_live(call, now);
    return;
  }
  call.machine = true;
  call.disposition = "AMD_MACHINE";
  ++c->counters.machine;
  c->pacer->observe(now, {pacing::CallObservation::Kind::not_live, now - call.dialed_at});
  if (c->campaign->amd.on_machine == MachineAction::leave_message) {
    call.phase = CallPhase::voicemail;
    deps_.media.play_voicemail(call.id, call.campaign);
    return;
  }
  update_record(call, [](compliance::CallRecord& r) { r.hangup_cause = "AMD_MACHINE"; });
  hang_up(call, "answering machine");
}

void Engine::on_voicemail_finished(CallId id, TimePoint now) {
  (void)now;
  auto it = calls_.find(id);
  if (it == calls_.end() || it->second->phase != CallPhase::voicemail) return;
  LiveCall& call = *it->second;
  call.disposition = "VOICEMAIL_LEFT";
  if (auto* c = campaign_of(call.campaign)) ++c->counters.voicemail_left;
  update_record(call, [](compliance::CallRecord& r) {
    r.hangup_cause = "VOICEMAIL_LEFT";
    r.prerecorded_message_id = "voicemail";
  });
  hang_up(call, "voicemail left");
}

void Engine::on_bridge(const BridgeOutcome& outcome, TimePoint now) {
  auto it = calls_.find(outcome.customer);
  if (it == calls_.end()) return;  // ended meanwhile; the agent was released then
  LiveCall& call = *it->second;
  auto* c = campaign_of(call.campaign);
  AgentSlot* agent = call.agent ? agent_by_id(*call.agent) : nullptr;
  if (call.phase != CallPhase::bridging || agent == nullptr) return;
  const bool connected =
      outcome.status == BridgeStatus::connected || outcome.status == BridgeStatus::connected_late;
  if (!connected) {
    deps_.log.warn(call.id, "bridge to agent " + agent->user + " refused");
    release_agent(*agent, now);
    call.agent.reset();
    if (outcome.status == BridgeStatus::failed) hang_up(call, "bridge failed");
    return;
  }
  call.phase = CallPhase::talking;
  call.connected_at = now;
  ++c->counters.bridged;
  c->pacer->observe(now,
                    {pacing::CallObservation::Kind::connected, now - call.live_at.value_or(now)});
  const bool late = outcome.status == BridgeStatus::connected_late;
  if (late && !call.abandoned) {
    call.abandoned = true;
    ++c->counters.abandoned;
  }
  update_record(call, [&](compliance::CallRecord& r) {
    r.agent_id = agent->user;
    r.agent_bridged_at = now;
    r.time_to_agent_from_answer_ms = ms(outcome.from_answer);
    if (outcome.from_greeting_end)
      r.time_to_agent_from_greeting_ms = ms(*outcome.from_greeting_end);
    if (late) {
      r.abandoned = true;
      r.abandon_reason = "LATE_BRIDGE";
    }
  });
  deps_.log.info(call.id, "bridged to agent " + agent->user + " " +
                              std::to_string(ms(outcome.from_answer)) + " ms after answer" +
                              (late ? " (late: abandoned)" : ""));
}

void Engine::on_safe_harbor_started(CallId id, TimePoint now) {
  auto it = calls_.find(id);
  if (it == calls_.end()) return;
  LiveCall& call = *it->second;
  auto* c = campaign_of(call.campaign);
  if (call.machine) {
    // The detector's MACHINE verdict and the deadline crossed: the message went to a machine.
    deps_.log.warn(call.id, "abandoned-call message started on an answering machine");
    return;
  }
  if (call.phase == CallPhase::waiting_agent) {
    acd_.withdraw(call.id);
    waiting_.erase(std::remove(waiting_.begin(), waiting_.end(), call.id), waiting_.end());
  }
  if (!call.abandoned) {
    call.abandoned = true;
    ++c->counters.abandoned;
    c->pacer->observe(now, {pacing::CallObservation::Kind::abandoned,
                            now - call.live_at.value_or(call.answered_at.value_or(now))});
  }
  call.phase = CallPhase::message;
  call.disposition = "ABANDONED";
  update_record(call, [&](compliance::CallRecord& r) {
    r.live_answer = true;  // no verdict in time: treated as live
    r.abandoned = true;
    r.abandon_reason = "NO_AGENT";
    r.safe_harbor_started_at = now;
    r.safe_harbor_message_id = "abandoned_message";
    r.optout_offered = true;
  });
  deps_.log.info(call.id, "no agent within 2 s: abandoned-call message started");
}

void Engine::on_safe_harbor_finished(CallId id, TimePoint now) {
  (void)now;
  auto it = calls_.find(id);
  if (it == calls_.end()) return;
  LiveCall& call = *it->second;
  update_record(call, [](compliance::CallRecord& r) {
    r.safe_harbor_completed = true;
    r.hangup_cause = "SAFE_HARBOR_DONE";
  });
  hang_up(call, "abandoned-call message played");
}

void Engine::on_opt_out(CallId id, TimePoint now) {
  auto it = calls_.find(id);
  if (it == calls_.end()) return;
  LiveCall& call = *it->second;
  if (call.opted_out) return;
  call.opted_out = true;
  compliance::DncEvent event;
  event.dnc_request_id = call.attempt_id + "-optout";
  event.number = call.lead.phone;
  event.channel = "ABANDON_MSG_IVR";
  event.wording = "DTMF opt-out";
  event.received_at = now;
  event.actor = "ivr";
  if (auto status = deps_.compliance.record_dnc_request(event, now); !status) {
    deps_.log.warn(call.id, "opt-out not stored: " + status.error().message);
    record_failure(status, now);
  }
  update_record(call, [&](compliance::CallRecord& r) {
    r.optout_taken = true;
    r.optout_at = now;
    r.dnc_request_id = event.dnc_request_id;
    r.hangup_cause = "OPT_OUT";
  });
  deps_.log.info(call.id, "opt-out: number added to the internal DNC list");
  hang_up(call, "opt-out");
}

}  // namespace dialer::engine
