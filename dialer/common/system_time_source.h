// The real wall clock. The one place in the pure libraries that reads std::chrono clocks.
#pragma once

#include "dialer/common/time_source.h"

namespace dialer {

class SystemTimeSource final : public TimeSource {
 public:
  [[nodiscard]] TimePoint now() const override;
};

}  // namespace dialer
