#include "dialer/calls/originate_limiter.h"

namespace dialer::calls {

std::optional<FailureCause> OriginateLimiter::admit(TimePoint now) {
  const Duration window{1000};
  while (!recent_.empty() && recent_.front() + window <= now) recent_.pop_front();
  if (limits_.channel_limit > 0 && active_ >= limits_.channel_limit) {
    return FailureCause::channel_limit;
  }
  if (limits_.cps_limit > 0 && static_cast<int>(recent_.size()) >= limits_.cps_limit) {
    return FailureCause::cps_limit;
  }
  recent_.push_back(now);
  ++active_;
  return std::nullopt;
}

void OriginateLimiter::release() {
  if (active_ > 0) --active_;
}

}  // namespace dialer::calls
