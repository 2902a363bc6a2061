// Acd: the minimal automatic call distributor the pacer and the simulator need: agent states
// (ready, talking, wrap-up, paused, logged out), the longest-idle ready agent takes the next
// answered call, answered calls wait in arrival order. Pure and single-threaded (engine thread).
// Invariants: an agent is in at most one state; a ready agent is in the idle queue exactly once;
// a call is either waiting or with exactly one agent.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <optional>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "dialer/common/ids.h"
#include "dialer/common/result.h"
#include "dialer/common/time.h"

namespace dialer::acd {

enum class AgentState : std::uint8_t { logged_out, ready, talking, wrap, paused };
std::string_view to_string(AgentState s);

enum class RouteReason : std::uint8_t {
  routed_to_idle_agent,  // an answered call found a ready agent at once
  queued_no_agent,       // no ready agent: the call waits
  routed_from_queue,     // an agent became ready and took the oldest waiting call
  withdrawn,             // a waiting call left the queue (abandoned or hung up)
  count_,
};
std::string_view to_string(RouteReason r);

struct Assignment {
  CallId call;
  AgentId agent;
};

struct AgentView {
  AgentId id;
  AgentState state = AgentState::logged_out;
  TimePoint state_since{};
  std::optional<CallId> call;
  bool pause_pending = false;   // pause once wrap-up ends
  bool logout_pending = false;  // log out once wrap-up ends
};

class Acd {
 public:
  // Agent ids are dense small integers in the simulator; any id works (storage grows to fit).
  Status login(AgentId agent, TimePoint now);
  Status logout(AgentId agent, TimePoint now);  // deferred until wrap-up ends when busy
  Status pause(AgentId agent, TimePoint now);   // deferred until wrap-up ends when busy
  Status resume(AgentId agent, TimePoint now);

  // An answered call arrives: returns the agent that takes it, or nothing if it must wait.
  std::optional<AgentId> offer(CallId call, TimePoint now);
  // The caller hung up or was dropped while waiting. False if the call was not waiting.
  bool withdraw(CallId call);
  // Talk ended: the agent moves to wrap-up.
  Status end_talk(AgentId agent, TimePoint now);
  // Wrap-up ended: the agent becomes ready (or paused / logged out if asked) and, if a call waits,
  // takes it at once.
  Result<std::optional<Assignment>> end_wrap(AgentId agent, TimePoint now);

  [[nodiscard]] int ready_count() const { return static_cast<int>(idle_.size()); }
  [[nodiscard]] int logged_in_count() const { return logged_in_; }
  [[nodiscard]] int waiting_count() const { return static_cast<int>(waiting_.size()); }
  [[nodiscard]] int count_in(AgentState s) const { return by_state_[static_cast<std::size_t>(s)]; }
  [[nodiscard]] const std::vector<AgentView>& agents() const { return agents_; }
  [[nodiscard]] const AgentView* agent(AgentId id) const;
  [[nodiscard]] std::uint64_t reason_count(RouteReason r) const {
    return reasons_[static_cast<std::size_t>(r)];
  }

 private:
  AgentView* find(AgentId id);
  AgentView& slot(AgentId id);
  void set_state(AgentView& a, AgentState s, TimePoint now);
  void connect(AgentView& a, CallId call, TimePoint now);
  void count(RouteReason r) { ++reasons_[static_cast<std::size_t>(r)]; }

  std::vector<AgentView> agents_;
  std::set<std::pair<TimePoint, AgentId>> idle_;  // ready agents, longest idle first
  std::deque<CallId> waiting_;
  int logged_in_ = 0;
  std::array<int, 5> by_state_{};
  std::array<std::uint64_t, static_cast<std::size_t>(RouteReason::count_)> reasons_{};
};

}  // namespace dialer::acd
