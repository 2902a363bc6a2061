// Safety-net limits on outbound INVITEs: concurrent channels and calls per second.
// Engine-level pacing is separate; this only refuses what would exceed the trunk's contract.
// Pure: `now` is a parameter. Not thread-safe (used on the SIP thread only).
// Invariant: at most cps_limit admissions in any window of one second, at most channel_limit up.
#pragma once

#include <deque>
#include <optional>

#include "dialer/calls/call_event.h"
#include "dialer/common/time.h"

namespace dialer::calls {

struct OriginateLimits {
  int channel_limit = 0;  // 0 = unlimited
  int cps_limit = 0;      // 0 = unlimited
};

class OriginateLimiter {
 public:
  explicit OriginateLimiter(OriginateLimits limits) : limits_(limits) {}

  // Admits one call (counting it as up) or returns why it is refused.
  std::optional<FailureCause> admit(TimePoint now);
  // A call admitted earlier has ended.
  void release();
  [[nodiscard]] int active() const { return active_; }

 private:
  OriginateLimits limits_;
  int active_ = 0;
  std::deque<TimePoint> recent_;  // admission times within the last second
};

}  // namespace dialer::calls
