#include "dialer/common/simulated_clock.h"

#include <algorithm>

namespace dialer {

TimerId SimulatedClock::schedule_at(TimePoint when, std::function<void()> callback) {
  const TimerId id = next_id_++;
  when = std::max(when, now_);
  timers_.emplace(Key{when, id}, std::move(callback));
  due_by_id_.emplace(id, when);
  return id;
}

void SimulatedClock::cancel(TimerId id) {
  const auto it = due_by_id_.find(id);
  if (it == due_by_id_.end()) return;
  timers_.erase(Key{it->second, id});
  due_by_id_.erase(it);
}

bool SimulatedClock::run_next() {
  if (timers_.empty()) return false;
  auto node = timers_.extract(timers_.begin());
  due_by_id_.erase(node.key().second);
  now_ = std::max(now_, node.key().first);
  node.mapped()();
  return true;
}

std::size_t SimulatedClock::advance_to(TimePoint until) {
  std::size_t fired = 0;
  while (!timers_.empty() && timers_.begin()->first.first <= until) {
    run_next();
    ++fired;
  }
  now_ = std::max(now_, until);
  return fired;
}

std::size_t SimulatedClock::run_until_idle(std::size_t max_timers) {
  std::size_t fired = 0;
  while (fired < max_timers && run_next()) ++fired;
  return fired;
}

TimePoint SimulatedClock::next_due() const {
  return timers_.empty() ? TimePoint::max() : timers_.begin()->first.first;
}

}  // namespace dialer
