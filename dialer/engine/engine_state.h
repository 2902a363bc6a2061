// The engine's live state: campaigns, calls and agent slots (internal to dialer/engine).
#pragma once

#include "dialer/engine/engine.h"

namespace dialer::engine {

struct Engine::CampaignState {
  std::shared_ptr<const Campaign> campaign;
  std::unique_ptr<pacing::Pacer> pacer;
  LeadHopper hopper;
  CampaignCounters counters;
  std::string trunk;
  bool paused = false;
  std::string last_pacing;
};

enum class CallPhase {
  ringing,        // INVITE sent, no answer yet
  analysing,      // answered; the answering-machine detector is listening
  waiting_agent,  // live; no agent yet
  bridging,       // an agent is assigned; media is connecting
  talking,        // customer and agent connected
  message,        // the abandoned-call message is playing
  voicemail,      // machine: leaving the campaign's message
  ending,         // we sent BYE / CANCEL; waiting for the SIP end
  wrap_up,        // SIP call over; the agent is wrapping up
};

struct Engine::LiveCall {
  CallId id;
  CampaignId campaign;
  Lead lead;
  std::string attempt_id;
  CallPhase phase = CallPhase::ringing;
  TimePoint dialed_at{};
  std::optional<TimePoint> ringing_at;
  std::optional<TimePoint> answered_at;
  std::optional<TimePoint> live_at;
  std::optional<TimePoint> connected_at;
  std::optional<TimePoint> ended_at;
  std::optional<AgentId> agent;
  bool live = false;
  bool machine = false;
  bool abandoned = false;
  bool opted_out = false;
  bool agent_hung_up = false;  // ended from the agent's console: wrap-up follows as usual
  std::string disposition;  // system code until an agent sets one
  std::optional<std::string> agent_code;
  std::optional<TimePoint> wrap_deadline;
};

struct Engine::AgentSlot {
  AgentId id;
  std::string user;
  bool registered = false;
  std::optional<CallId> leg;  // nailed-up leg (dialing or up)
  bool leg_up = false;
  std::optional<TimePoint> redial_at;
  std::optional<CallId> customer;  // the call talked to or wrapped up
  std::optional<TimePoint> logged_in_at;
  Duration logged_time{0};  // closed login sessions
  std::string pause_reason;
};

}  // namespace dialer::engine
