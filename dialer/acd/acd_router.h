// AcdRouter: the shared automatic call distributor of inbound queues and outbound campaigns.
// Agent states follow the one table in agent_state_table.h; calls go to the best ready agent of
// their queue (longest idle or fewest calls today, by skills and levels); a freed agent takes the
// oldest call of its best queue (inbound before outbound, then queue priority). Timeouts (wrap-up,
// ring-no-answer, reservation expiry, maximum wait) are due times: next_due() says when to call
// on_due(now). Every event returns its outcome and appends actions for the caller to carry out.
// Pure: no clock reads, no I/O; single-threaded (engine thread). After every event the invariants
// of invariants.h are checked; violations are counted and recorded, never thrown.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialer/acd/acd_state.h"
#include "dialer/acd/acd_types.h"
#include "dialer/acd/invariants.h"
#include "dialer/common/result.h"

namespace dialer::acd {

inline constexpr std::string_view kRingNoAnswerReason = "RNA";

class AcdRouter {
 public:
  explicit AcdRouter(AcdSettings settings = {});

  // Queues (inbound queues and outbound campaigns). Adding one re-evaluates logged-in agents.
  Status add_queue(const QueueConfig& queue);

  // Agents. The profile (skills, campaigns, nailed-up leg) is taken at login.
  Status login(const AgentProfile& agent, TimePoint now);
  Status logout(AgentId agent, TimePoint now);  // deferred while on a call or in wrap-up
  Status pause(AgentId agent, std::string reason, TimePoint now);  // deferred likewise
  Status resume(AgentId agent, TimePoint now);

  // Calls. An answered outbound call or an inbound caller enters `queue`: it goes to an agent at
  // once (connect_agent or ring_agent action) or waits (call_queued).
  Status offer(CallId call, QueueId queue, TimePoint now);
  // The ringing agent answered: both are connected.
  Status agent_answered(AgentId agent, TimePoint now);
  // The call ended, wherever it is: a waiting caller abandons, a ringing agent is released, a
  // connected agent starts wrap-up.
  Status hangup(CallId call, TimePoint now);
  // The agent finished wrap-up (disposition saved).
  Status end_wrap_up(AgentId agent, TimePoint now);

  // Preview/progressive: hold a ready agent of `campaign` before dialing.
  Result<Reservation> reserve(QueueId campaign, TimePoint now);
  Status confirm(AgentId agent, CallId call, TimePoint now);  // the dialed call connected
  Status release(AgentId agent, TimePoint now);               // no call for this agent after all

  // Timeouts: the earliest due time, and processing everything due at `now`.
  [[nodiscard]] std::optional<TimePoint> next_due() const;
  void on_due(TimePoint now);

  // Actions produced since the last call (ring, connect, overflow, ...), oldest first.
  std::vector<AcdAction> take_actions();

  // Pacing: ready agents of `campaign` left after inbound demand (waiting inbound calls and each
  // inbound queue's keep_ready_for_inbound), agents that could serve both counted once.
  [[nodiscard]] int ready_for_campaign(QueueId campaign) const;
  [[nodiscard]] int ready_count() const { return count_in(AgentStatus::ready); }
  [[nodiscard]] int count_in(AgentStatus s) const {
    return by_status_[static_cast<std::size_t>(s)];
  }
  [[nodiscard]] int waiting_in(QueueId queue) const;
  [[nodiscard]] const AgentRecord* agent(AgentId id) const;
  [[nodiscard]] const CallRecord* call(CallId id) const;
  [[nodiscard]] const AcdState& state() const { return state_; }
  void start_new_day();  // calls_today back to zero for every agent

  // Invariant violations: counts per invariant and the latest records with their context.
  [[nodiscard]] std::uint64_t violation_count(Invariant i) const {
    return violation_counts_[static_cast<std::size_t>(i)];
  }
  [[nodiscard]] std::uint64_t violation_total() const;
  [[nodiscard]] const std::vector<Violation>& violations() const { return violations_; }
  // Full check of the whole state now (also what check_all_invariants_every_event runs).
  void check_all_invariants(std::string_view context, TimePoint now);
  // Rejected events per (state, event), from the table.
  [[nodiscard]] std::uint64_t rejected_count(AgentStatus s, AgentEvent e) const;
  // Tests only: direct write access to prove that the checker catches a corrupted state.
  AcdState& state_for_fault_injection() { return state_; }

 private:
  // Agent transitions (acd_router_agents.cpp).
  Status apply(AgentRecord& a, AgentEvent e, TimePoint now, std::string reason = {});
  void enter(AgentRecord& a, AgentStatus next, TimePoint now);
  void add_to_ready_sets(AgentRecord& a);
  void remove_from_ready_sets(AgentRecord& a);
  void set_due(AgentRecord& a, std::optional<TimePoint> due);
  void became_ready(AgentRecord& a, TimePoint now);
  void compute_eligibility(AgentRecord& a) const;
  AgentRecord* find_agent(AgentId id);

  // Calls (acd_router_calls.cpp).
  void route_or_queue(CallRecord& c, TimePoint now);
  void give_call(AgentRecord& a, CallRecord& c, TimePoint now);
  void enqueue(CallRecord& c, TimePoint now);
  void unlist(CallRecord& c);
  bool take_waiting_call(AgentRecord& a, TimePoint now);
  void requeue_after_ring(AgentRecord& a, TimePoint now);
  void release_hold(AgentRecord& a, AgentEvent e, TimePoint now);

  // Due times (acd_router_due.cpp).
  void due_agent(AgentRecord& a, TimePoint now);
  void due_call(CallRecord& c, TimePoint now);
  void set_call_due(CallRecord& c, std::optional<TimePoint> due);

  // Invariant bookkeeping.
  class EventScope;  // begins an event; checks the invariants when it ends
  void begin_event(std::string_view what, std::int64_t subject, std::int64_t object, TimePoint now);
  void touch(AgentId a) { touched_agents_.push_back(a); }
  void touch(CallId c) { touched_calls_.push_back(c); }
  void touch_queue(std::uint32_t q) { touched_queues_.push_back(q); }
  void end_event();
  void record(std::vector<Violation>& found);

  void emit(ActionKind k, CallId call, AgentId agent, QueueId queue, TimePoint at) {
    actions_.push_back(AcdAction{k, call, agent, queue, at});
  }

  AcdSettings settings_;
  AcdState state_;
  std::uint64_t next_arrival_ = 1;
  std::array<int, kAgentStatusCount> by_status_{};
  std::vector<AcdAction> actions_;

  std::string_view event_name_;  // a literal: no allocation per event unless something is wrong
  std::int64_t event_subject_ = 0;
  std::int64_t event_object_ = 0;
  TimePoint event_time_{};
  int event_depth_ = 0;
  std::vector<AgentId> touched_agents_;
  std::vector<CallId> touched_calls_;
  std::vector<std::uint32_t> touched_queues_;
  std::array<std::uint64_t, kInvariantCount> violation_counts_{};
  std::vector<Violation> violations_;
  std::array<std::uint64_t, kAgentStatusCount * kAgentEventCount> rejected_{};
};

}  // namespace dialer::acd
