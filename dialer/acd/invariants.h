// Invariants of the ACD core and their checker. The router checks the agents and calls an event
// touched after every event (or the whole state, in tests); a violation never stops the engine:
// it is counted per invariant and recorded with its context for the caller to log.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dialer/acd/acd_state.h"

namespace dialer::acd {

enum class Invariant : std::uint8_t {
  agent_on_at_most_one_call,     // on_call/ringing agents hold exactly one call that names them
  call_with_at_most_one_agent,   // a ringing/connected call names one agent, who holds it
  reservation_released,          // only reserved agents hold a reservation; each has a due time
  waiting_call_not_with_agent,   // a waiting call names no agent and is in its queue's list
  ready_index_consistent,        // ready agents are in each eligible queue's ready set, others not
  no_ready_agent_while_waiting,  // no call waits in a queue that has a ready agent
  wrap_up_has_due_time,          // every agent in wrap-up has its end time
  count_,
};
inline constexpr std::size_t kInvariantCount = static_cast<std::size_t>(Invariant::count_);
std::string_view to_string(Invariant i);

struct Violation {
  Invariant invariant;
  std::string event;  // the event after which it was found, e.g. "offer call 7 to queue 2"
  AgentId agent{};
  CallId call{};
  TimePoint at{};
  std::string detail;
};

class InvariantChecker {
 public:
  // Each adds what it finds to `out` (context filled in by the caller).
  static void check_agent(const AcdState& s, AgentId agent, std::vector<Violation>& out);
  static void check_call(const AcdState& s, CallId call, std::vector<Violation>& out);
  static void check_queue(const AcdState& s, std::uint32_t queue, std::vector<Violation>& out);
  static void check_all(const AcdState& s, std::vector<Violation>& out);
};

}  // namespace dialer::acd
