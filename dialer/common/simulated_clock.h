// SimulatedClock: a TimeSource and Scheduler driven by the test or simulator, never by wall time.
// Timers fire in (due time, scheduling order) order, so runs are deterministic.
// Single-threaded: call everything from one thread.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <utility>

#include "dialer/common/scheduler.h"
#include "dialer/common/time_source.h"

namespace dialer {

class SimulatedClock final : public TimeSource, public Scheduler {
 public:
  explicit SimulatedClock(TimePoint start = TimePoint{}) : now_(start) {}

  [[nodiscard]] TimePoint now() const override { return now_; }
  TimerId schedule_at(TimePoint when, std::function<void()> callback) override;
  void cancel(TimerId id) override;

  // Fires every timer due at or before `until` (timers armed by callbacks included), then sets
  // now() to `until`. Time never moves backwards. Returns the number of timers fired.
  std::size_t advance_to(TimePoint until);
  std::size_t advance_by(Duration d) { return advance_to(now_ + d); }

  // Fires the earliest pending timer, moving now() to its due time. False when none is pending.
  bool run_next();
  // Runs timers until none is pending or `max_timers` fired. Returns the number fired.
  std::size_t run_until_idle(std::size_t max_timers = 10'000'000);

  [[nodiscard]] std::size_t pending() const { return timers_.size(); }
  [[nodiscard]] bool has_pending() const { return !timers_.empty(); }
  [[nodiscard]] TimePoint next_due() const;

 private:
  using Key = std::pair<TimePoint, TimerId>;
  TimePoint now_;
  TimerId next_id_ = 1;
  std::map<Key, std::function<void()>> timers_;
  std::map<TimerId, TimePoint> due_by_id_;
};

}  // namespace dialer
