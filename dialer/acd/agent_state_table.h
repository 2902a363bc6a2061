// The agent state machine of the ACD core as ONE table: (state, event) -> rule. Every change of an
// agent's state in AcdRouter goes through `agent_transition()`; nothing else writes a state.
// Pure and constexpr; no side effects. Side effects (indexes, calls, due times) are AcdRouter's.
// A "defer" rule accepts the event but applies it later (pause or logout asked during a call takes
// effect when the agent would otherwise become ready).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace dialer::acd {

enum class AgentStatus : std::uint8_t {
  logged_out,
  ready,
  reserved,
  on_call,
  wrap_up,
  paused,
  count_
};

enum class AgentEvent : std::uint8_t {
  login,
  logout,
  pause,
  resume,
  reserve,              // a ready agent is held for one call: ringing phone, preview or progressive
  answer,               // the reserved agent took the call (phone answered, reservation confirmed)
  connect,              // a ready agent with a nailed-up leg is bridged to a call at once
  release,              // the reservation is given back (preview skipped, caller hung up)
  reservation_expired,  // nobody confirmed or released the reservation in time
  ring_no_answer,       // the agent's phone rang out: the agent is paused with reason RNA
  hangup,               // the call ended: wrap-up starts
  wrap_end,             // the agent finished wrap-up
  wrap_timeout,         // wrap-up time ran out
  count_,
};

enum class Verdict : std::uint8_t {
  move,    // go to `next`
  stay,    // accepted, no change of state (e.g. login while logged in)
  defer,   // accepted, applied when the agent would next become ready
  reject,  // refused: the event makes no sense in this state
};

struct AgentRule {
  Verdict verdict = Verdict::reject;
  AgentStatus next = AgentStatus::logged_out;
};

inline constexpr std::size_t kAgentStatusCount = static_cast<std::size_t>(AgentStatus::count_);
inline constexpr std::size_t kAgentEventCount = static_cast<std::size_t>(AgentEvent::count_);

std::string_view to_string(AgentStatus s);
std::string_view to_string(AgentEvent e);
std::string_view to_string(Verdict v);

// The rule for `event` in `state`.
AgentRule agent_transition(AgentStatus state, AgentEvent event);

}  // namespace dialer::acd
