// Hard caps applied after every pacer's own decision: lines per agent, calls per second (token
// bucket on the injected `now`), trunk channels, and blended inbound demand.
// Not thread-safe; one instance per campaign. Invariant: the capped launch is <= the uncapped one.
#pragma once

#include "dialer/pacing/pacing_types.h"

namespace dialer::pacing {

struct CapsConfig {
  double max_lines_per_agent = 3.0;  // (in flight + waiting + connected) / active agents
  double max_calls_per_second = 0;   // 0: unlimited
  int trunk_channels = 0;            // 0: unlimited; counts ringing, waiting and connected calls
  double cps_burst = 5.0;            // token bucket depth, in calls
};

class DialCaps {
 public:
  explicit DialCaps(CapsConfig config) : config_(config) {}

  // Lowers decision.launch to what the caps allow; sets the reason and next_check when a cap
  // binds. Consumes call-per-second tokens for the calls it lets through.
  void apply(const PacingInputs& in, PacingDecision& decision);

  [[nodiscard]] const CapsConfig& config() const { return config_; }

 private:
  void refill(TimePoint now);

  CapsConfig config_;
  double tokens_ = -1;  // negative: not initialised yet
  TimePoint last_refill_{};
};

}  // namespace dialer::pacing
