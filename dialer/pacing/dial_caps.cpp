#include "dialer/pacing/dial_caps.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace dialer::pacing {

void DialCaps::refill(TimePoint now) {
  if (config_.max_calls_per_second <= 0) return;
  if (tokens_ < 0) {
    tokens_ = config_.cps_burst;
    last_refill_ = now;
    return;
  }
  const double seconds = std::chrono::duration<double>(now - last_refill_).count();
  if (seconds > 0) {
    tokens_ = std::min(config_.cps_burst, tokens_ + seconds * config_.max_calls_per_second);
    last_refill_ = now;
  }
}

void DialCaps::apply(const PacingInputs& in, PacingDecision& decision) {
  decision.explanation.uncapped_launch = decision.launch;
  if (decision.launch <= 0) {
    decision.launch = 0;
    return;
  }
  const int lines_in_use = in.in_flight() + in.answered_waiting + in.connected_calls;
  const int agents = std::max(1, in.active_agents());
  const int line_cap =
      static_cast<int>(std::floor(config_.max_lines_per_agent * agents + 1e-9)) - lines_in_use;
  if (decision.launch > line_cap) {
    decision.launch = std::max(0, line_cap);
    decision.reason = PacingReason::cap_lines_per_agent;
  }
  if (config_.trunk_channels > 0 && decision.launch > config_.trunk_channels - lines_in_use) {
    decision.launch = std::max(0, config_.trunk_channels - lines_in_use);
    decision.reason = PacingReason::cap_trunks;
  }
  refill(in.now);
  if (config_.max_calls_per_second > 0) {
    const int allowed = static_cast<int>(std::floor(tokens_ + 1e-9));
    if (decision.launch > allowed) {
      decision.launch = std::max(0, allowed);
      decision.reason = PacingReason::cap_calls_per_second;
      const auto wait = Duration{static_cast<std::int64_t>(
          std::ceil(1000.0 * (1.0 - (tokens_ - allowed)) / config_.max_calls_per_second))};
      decision.next_check = std::min(decision.next_check, in.now + std::max(wait, Duration{1}));
    }
    tokens_ -= decision.launch;
  }
}

}  // namespace dialer::pacing
