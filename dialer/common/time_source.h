// TimeSource: the only way any component learns the current time.
// Real implementation: SystemTimeSource (system_time_source.h); tests and the simulator use
// SimulatedClock. Implementations must be safe to call from the thread that owns them.
#pragma once

#include "dialer/common/time.h"

namespace dialer {

class TimeSource {
 public:
  virtual ~TimeSource() = default;
  [[nodiscard]] virtual TimePoint now() const = 0;
};

}  // namespace dialer
