// Engine: the single owner of every live campaign, call and agent in dialerd. It paces each
// campaign, passes every dial through the compliance gate (recorded before the INVITE), places
// calls through CallControl, answers SIP and media facts, keeps agents' nailed-up legs, routes
// live answers through the ACD to those legs, and closes every attempt with its disposition.
// It never reads a clock: every entry point takes `now`, and tick() says when to call it again.
// Not thread-safe: one engine thread calls every method (dialerd posts adapter events to it).
// Invariants: a customer call is with at most one agent and an agent with at most one call;
// every dialed call has exactly one record, closed exactly once; no call is placed while the
// decision could not be recorded.
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "campaigns/campaign.h"
#include "compliance/compliance_engine.h"
#include "dialer/acd/acd.h"
#include "dialer/calls/call_control.h"
#include "dialer/engine/engine_ports.h"
#include "dialer/engine/engine_types.h"
#include "dialer/engine/engine_views.h"
#include "dialer/engine/lead_hopper.h"
#include "dialer/pacing/pacer.h"

namespace dialer::engine {

// Where the engine reports what it did, one line per fact (dialerd logs them).
class EngineLog {
 public:
  virtual ~EngineLog() = default;
  virtual void info(CallId call, const std::string& message) = 0;
  virtual void warn(CallId call, const std::string& message) = 0;
  virtual void pacing(CampaignId campaign, const std::string& explanation) = 0;
};

struct EngineDeps {
  calls::CallControl& sip;
  MediaPort& media;
  LeadStore& leads;
  compliance::ComplianceEngine& compliance;
  compliance::CallRecordLog& records;
  compliance::AbandonmentMonitor& abandonment;
  EngineLog& log;
};

struct EngineOptions {
  std::vector<std::string> agents;  // agent phone user names, in the order they get AgentIds
  std::string default_trunk;        // for campaigns that name none
  Duration agent_redial{3000};      // wait before calling a dropped agent leg again
  Duration agent_ring_timeout{30000};
  Duration storage_retry{1000};  // dialing stays stopped this long after a failed write
  double max_calls_per_second = 0;  // the trunks' contract, applied by every pacer (0: none)
  int trunk_channels = 0;           // calls up at once over the trunks (0: unlimited)
  // True: an agent whose phone leg comes up is ready at once. False: it starts paused
  // ("logged_in") and goes ready from the console.
  bool ready_on_login = true;
};

class Engine {
 public:
  Engine(EngineDeps deps, EngineOptions options);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  void add_campaign(std::shared_ptr<const Campaign> campaign, TimePoint now);
  // A lead loaded from storage; final leads are ignored.
  void add_lead(const Lead& lead, TimePoint now);

  // Paces every campaign, ends wrap-ups that timed out, redials dropped agent legs.
  // Returns when to call again at the latest.
  TimePoint tick(TimePoint now);

  void on_call_event(const calls::CallEvent& event, TimePoint now);
  void on_amd(CallId call, const AmdOutcome& outcome, TimePoint now);
  void on_bridge(const BridgeOutcome& outcome, TimePoint now);
  void on_safe_harbor_started(CallId call, TimePoint now);
  void on_safe_harbor_finished(CallId call, TimePoint now);
  void on_opt_out(CallId call, TimePoint now);
  void on_voicemail_finished(CallId call, TimePoint now);

  // The agent on the call sets its code during wrap-up (once). Errors name what was wrong.
  Status disposition(const std::string& agent, const std::string& code, TimePoint now);

  // Agents' own controls (the console). Pause takes effect after wrap-up when busy.
  Status agent_pause(const std::string& agent, const std::string& reason, TimePoint now);
  Status agent_ready(const std::string& agent, TimePoint now);
  // The agent ends its customer call (the customer hears BYE); wrap-up follows as usual.
  Status agent_hang_up(const std::string& agent, TimePoint now);
  // A paused campaign places no new calls; calls in progress go on.
  Status set_campaign_paused(CampaignId campaign, bool paused, TimePoint now);

  // Graceful stop: no new customer calls; calls in progress go on.
  void stop_dialing();
  // Ends every call (customers and agent legs), e.g. at shutdown.
  void hang_up_all(TimePoint now);

  [[nodiscard]] EngineSnapshot snapshot(TimePoint now) const;
  [[nodiscard]] std::optional<AgentStatusView> agent_view(const std::string& agent) const;
  [[nodiscard]] std::vector<AgentStatusView> agents_view() const;
  [[nodiscard]] std::vector<CampaignStatusView> campaigns_view(TimePoint now) const;
  [[nodiscard]] const CampaignCounters* counters(CampaignId campaign) const;
  // No customer call up and no agent in wrap-up.
  [[nodiscard]] bool quiescent() const;
  // No lead left that could be dialed now or later in any campaign.
  [[nodiscard]] bool leads_exhausted() const;
  [[nodiscard]] int agent_legs_up() const;
  [[nodiscard]] std::size_t calls_up() const { return calls_.size(); }

 private:
  struct CampaignState;
  struct LiveCall;
  struct AgentSlot;

  // engine.cpp: campaigns, pacing and dialing
  void pace(CampaignState& c, TimePoint now);
  pacing::PacingInputs pacing_inputs(const CampaignState& c, TimePoint now) const;
  bool dial_next(CampaignState& c, TimePoint now);
  void on_refused(CampaignState& c, Lead lead, const compliance::GateDecision& d, TimePoint now);
  CallId next_call_id() { return CallId{++last_call_id_}; }

  // engine_calls.cpp: SIP facts of customer calls
  void on_customer_answered(LiveCall& call, const std::string& sdp, TimePoint now);
  void on_customer_failed(LiveCall& call, const calls::Failed& failed, TimePoint now);
  void on_customer_ended(LiveCall& call, bool remote, TimePoint now);
  void on_live(LiveCall& call, TimePoint now);
  void hang_up(LiveCall& call, const std::string& reason);
  void on_reinvite(const calls::ReinviteReceived& reinvite);

  // engine_agents.cpp: agent legs, routing, wrap-up
  void on_agent_registered(const std::string& agent, TimePoint now);
  void dial_agent(AgentSlot& agent, TimePoint now);
  void on_agent_leg_event(AgentSlot& agent, const calls::CallEvent& event, TimePoint now);
  void on_agent_leg_down(AgentSlot& agent, TimePoint now);
  void route_waiting(TimePoint now);
  void connect(LiveCall& call, AgentSlot& agent, TimePoint now);
  void release_agent(AgentSlot& agent, TimePoint now);
  void end_wrap_and_route(AgentSlot& agent, TimePoint now);
  void finish_wrap(AgentSlot& agent, const std::optional<std::string>& code, TimePoint now);
  AgentSlot* agent_by_leg(CallId leg);
  AgentSlot* agent_by_name(const std::string& name);
  AgentSlot* agent_by_id(AgentId id);
  AgentStatusView view_of(const AgentSlot& agent) const;

  // engine_records.cpp: records and lead outcomes
  void update_record(const LiveCall& call, const std::function<void(compliance::CallRecord&)>& f);
  void finish_attempt(LiveCall& call, TimePoint now);
  void record_failure(Status status, TimePoint now);
  CampaignState* campaign_of(CampaignId id);

  EngineDeps deps_;
  EngineOptions options_;
  acd::Acd acd_;
  std::map<CampaignId, std::unique_ptr<CampaignState>> campaigns_;
  std::map<CallId, std::unique_ptr<LiveCall>> calls_;     // customer calls
  std::map<CallId, std::unique_ptr<LiveCall>> wrapping_;  // ended, agent in wrap-up
  std::vector<std::unique_ptr<AgentSlot>> agents_;
  std::deque<CallId> waiting_;  // live answers waiting for an agent, oldest first
  std::int64_t last_call_id_ = 0;
  bool dialing_stopped_ = false;
  std::optional<TimePoint> halted_until_;  // storage outage: no dials before this
  std::string halt_reason_;
  Duration finished_talk_{0};
};

}  // namespace dialer::engine
