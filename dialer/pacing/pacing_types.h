// Inputs, decisions and reasons shared by every pacer (preview, progressive, power, predictive).
// Plain value types: a snapshot of the campaign's agents and calls goes in, a decision with a
// typed reason, the next time to ask again and the estimate behind it comes out.
// Invariant: a decision never asks for a negative number of calls.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dialer/common/time.h"

namespace dialer::pacing {

// A busy agent as the pacer sees it: which phase of the call it is in and for how long.
struct BusyAgent {
  enum class Phase : std::uint8_t { talk, wrap };
  Phase phase = Phase::talk;
  Duration elapsed{0};   // time spent in the current phase
  bool leaving = false;  // pause or logout requested: will not take another call
};

// Snapshot of one campaign at `now`, built by the engine (or the simulator) from the ACD and the
// call table. Calls "in flight" are dialled and not yet resolved (ringing, no answer yet).
struct PacingInputs {
  TimePoint now{};
  int agents_logged_in = 0;                 // paused agents included
  int agents_ready = 0;                     // idle and not paused, no call reserved
  std::vector<BusyAgent> busy;              // agents on a call or in wrap-up
  std::vector<Duration> in_flight_elapsed;  // one entry per outbound call still ringing
  int answered_waiting = 0;                 // live outbound calls answered and waiting for an agent
  int connected_calls = 0;          // calls currently talking to an agent (uses trunk channels)
  int inbound_waiting = 0;          // blended inbound calls queued for these agents
  double inbound_rate_per_s = 0.0;  // recent inbound arrival rate routed to these agents
  int preview_requests = 0;         // preview mode: agents who asked to dial the lead on screen

  [[nodiscard]] int in_flight() const { return static_cast<int>(in_flight_elapsed.size()); }
  [[nodiscard]] int active_agents() const { return agents_ready + static_cast<int>(busy.size()); }
};

enum class PacingReason : std::uint8_t {
  launched,                       // calls were launched
  no_ready_agents,                // progressive/preview: nobody to take a call
  target_reached,                 // enough calls in flight for the model or ratio
  forecast_abandon_above_target,  // predictive: the next call's abandon risk is too high
  cold_start,                     // thin statistics: behaving as progressive
  abandon_guard,                  // measured abandonment too high: behaving as progressive
  cap_lines_per_agent,
  cap_calls_per_second,
  cap_trunks,
  inbound_load,     // blended inbound demand absorbed the agents
  agent_initiated,  // preview: calls are placed by agents
  count_,
};
std::string_view to_string(PacingReason r);

// Reason counters: every decision increments exactly one.
class ReasonCounters {
 public:
  void count(PacingReason r) { ++counts_[static_cast<std::size_t>(r)]; }
  [[nodiscard]] std::uint64_t get(PacingReason r) const {
    return counts_[static_cast<std::size_t>(r)];
  }
  [[nodiscard]] std::uint64_t total() const;

 private:
  std::array<std::uint64_t, static_cast<std::size_t>(PacingReason::count_)> counts_{};
};

// The estimate that produced a decision, for the supervisor view and the debug log.
struct PacingExplanation {
  double p_live = 1.0;             // probability a dial reaches a live person (as used)
  double p_live_observations = 0;  // decayed number of resolved dials behind p_live
  double agents_expected = 0;      // ready agents + busy agents expected free in the horizon
  double demand_expected = 0;      // live answers expected from calls in flight and new calls
  double next_call_abandon = 0;    // P(no agent) for the first call not launched
  double threshold = 0;            // marginal abandon probability allowed (predictive)
  double forecast_abandon = 0;     // expected abandoned / expected live over the horizon
  double measured_abandon = 0;     // decayed measured abandonment rate
  double ratio = 0;                // lines per agent that the decision leads to
  int uncapped_launch = 0;         // what the model asked for before caps
};

struct PacingDecision {
  int launch = 0;
  PacingReason reason = PacingReason::target_reached;
  TimePoint next_check{};  // ask again no later than this
  PacingExplanation explanation;
};

// One line of key=value pairs with the inputs and the estimate behind a decision, for the
// engine's debug log and the supervisor view (the core does not log; the engine does).
std::string describe(const PacingInputs& in, const PacingDecision& d);

// What the pacer learns from: every resolved dial, every answered call's fate, every handle time.
struct CallObservation {
  enum class Kind : std::uint8_t {
    answered_live,  // value: time from dial to live answer
    not_live,       // value: time from dial to no-answer / busy / machine / failure
    connected,      // value: wait of an answered call before an agent took it
    abandoned,      // value: wait before the call was dropped
    talk_finished,  // value: talk time
    wrap_finished,  // value: wrap-up time
  };
  Kind kind = Kind::answered_live;
  Duration value{0};
};

}  // namespace dialer::pacing
