// Scheduler: arms one-shot timers. The core answers "ask me again at T"; the shell arms a timer.
// Callbacks run on the scheduler's own thread (the engine thread, or the simulator's loop).
// Cancelling a timer that already fired or was cancelled is a no-op.
#pragma once

#include <cstdint>
#include <functional>

#include "dialer/common/time.h"

namespace dialer {

using TimerId = std::uint64_t;

class Scheduler {
 public:
  virtual ~Scheduler() = default;
  virtual TimerId schedule_at(TimePoint when, std::function<void()> callback) = 0;
  virtual void cancel(TimerId id) = 0;
};

}  // namespace dialer
