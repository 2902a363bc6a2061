#include "dialer/calls/ring_floor.h"

#include <algorithm>

namespace dialer::calls {

TimePoint earliest_cancel_at(TimePoint invite_at, std::optional<TimePoint> first_ringing_at,
                             Duration ring_timeout) {
  TimePoint at = invite_at + std::max(ring_timeout, kRingFloor);
  if (first_ringing_at) at = std::max(at, *first_ringing_at + kRingFloor);
  return at;
}

}  // namespace dialer::calls
