#include "dialer/pacing/pacer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace dialer::pacing {

std::string_view to_string(PacingReason r) {
  switch (r) {
    case PacingReason::launched:
      return "launched";
    case PacingReason::no_ready_agents:
      return "no_ready_agents";
    case PacingReason::target_reached:
      return "target_reached";
    case PacingReason::forecast_abandon_above_target:
      return "forecast_abandon_above_target";
    case PacingReason::cold_start:
      return "cold_start";
    case PacingReason::abandon_guard:
      return "abandon_guard";
    case PacingReason::cap_lines_per_agent:
      return "cap_lines_per_agent";
    case PacingReason::cap_calls_per_second:
      return "cap_calls_per_second";
    case PacingReason::cap_trunks:
      return "cap_trunks";
    case PacingReason::inbound_load:
      return "inbound_load";
    case PacingReason::agent_initiated:
      return "agent_initiated";
    case PacingReason::count_:
      break;
  }
  return "unknown";
}

std::string describe(const PacingInputs& in, const PacingDecision& d) {
  const auto& e = d.explanation;
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "at=%lld launch=%d reason=%.*s asked=%d ready=%d busy=%zu logged_in=%d ringing=%d "
                "waiting=%d connected=%d inbound_waiting=%d p_live=%.4f p_live_n=%.0f "
                "agents_exp=%.2f demand_exp=%.2f next_call_abandon=%.4f threshold=%.4f "
                "forecast_abandon=%.4f measured_abandon=%.4f lines_per_agent=%.2f",
                static_cast<long long>(to_unix_ms(in.now)), d.launch,
                static_cast<int>(to_string(d.reason).size()), to_string(d.reason).data(),
                e.uncapped_launch, in.agents_ready, in.busy.size(), in.agents_logged_in,
                in.in_flight(), in.answered_waiting, in.connected_calls, in.inbound_waiting,
                e.p_live, e.p_live_observations, e.agents_expected, e.demand_expected,
                e.next_call_abandon, e.threshold, e.forecast_abandon, e.measured_abandon, e.ratio);
  return buf;
}

std::uint64_t ReasonCounters::total() const {
  std::uint64_t sum = 0;
  for (auto c : counts_) sum += c;
  return sum;
}

PacingDecision Pacer::finish(const PacingInputs& in, PacingDecision d, DialCaps& caps) {
  if (d.next_check <= in.now) d.next_check = in.now + kDefaultTick;
  caps.apply(in, d);
  if (d.launch > 0 && d.reason != PacingReason::cold_start &&
      d.reason != PacingReason::abandon_guard && d.reason != PacingReason::agent_initiated &&
      d.reason != PacingReason::cap_lines_per_agent && d.explanation.uncapped_launch == d.launch) {
    d.reason = PacingReason::launched;
  }
  const int agents = std::max(1, in.active_agents());
  d.explanation.ratio =
      static_cast<double>(in.in_flight() + in.answered_waiting + in.connected_calls + d.launch) /
      agents;
  reasons_.count(d.reason);
  last_ = d;
  return d;
}

PacingDecision PreviewPacer::decide(const PacingInputs& in) {
  PacingDecision d;
  d.next_check = in.now + kDefaultTick;
  d.launch = std::min(in.preview_requests, in.agents_ready);
  d.reason = PacingReason::agent_initiated;
  return finish(in, d, caps_);
}

PacingDecision ProgressivePacer::decide(const PacingInputs& in) {
  PacingDecision d;
  d.next_check = in.now + kEventDrivenRecheck;
  // Inbound calls waiting take ready agents first (blending).
  const int free = in.agents_ready - in.inbound_waiting;
  const int want = free - in.in_flight() - in.answered_waiting;
  d.launch = std::max(0, want);
  if (d.launch == 0) {
    d.reason = in.agents_ready == 0 ? PacingReason::no_ready_agents
               : free <= 0          ? PacingReason::inbound_load
                                    : PacingReason::target_reached;
  }
  return finish(in, d, caps_);
}

PacingDecision PowerPacer::decide(const PacingInputs& in) {
  PacingDecision d;
  d.next_check = in.now + kEventDrivenRecheck;
  const int goal = static_cast<int>(std::lround(ratio_ * in.active_agents()));
  const int existing =
      in.in_flight() + in.answered_waiting + in.connected_calls + in.inbound_waiting;
  d.launch = std::max(0, goal - existing);
  if (d.launch == 0) {
    d.reason = in.active_agents() == 0  ? PacingReason::no_ready_agents
               : in.inbound_waiting > 0 ? PacingReason::inbound_load
                                        : PacingReason::target_reached;
  }
  return finish(in, d, caps_);
}

}  // namespace dialer::pacing
