#include "dialer/common/system_time_source.h"

namespace dialer {

TimePoint SystemTimeSource::now() const {
  return std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
}

}  // namespace dialer
