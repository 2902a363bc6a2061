#include "inbound/queue_stats.h"

#include <algorithm>

namespace dialer::inbound {

double QueueStatsSnapshot::service_level() const {
  const std::uint64_t left = answered + abandoned + redirected;
  if (left == 0) return 1.0;
  return static_cast<double>(answered_in_service_level) / static_cast<double>(left);
}

Duration QueueStatsSnapshot::average_answer_wait() const {
  if (answered == 0) return Duration{0};
  return answered_wait_total / static_cast<std::int64_t>(answered);
}

Duration QueueStatsSnapshot::average_abandon_wait() const {
  if (abandoned == 0) return Duration{0};
  return abandoned_wait_total / static_cast<std::int64_t>(abandoned);
}

void QueueStats::add_queue(const std::string& name, Duration service_level) {
  queues_[name].service_level = service_level;
}

void QueueStats::offered(CallId call, std::string_view queue, TimePoint now) {
  const auto q = queues_.find(queue);
  if (q == queues_.end() || waiting_.contains(call)) {
    ++ignored_events_;
    return;
  }
  ++q->second.stats.offered;
  ++q->second.stats.waiting;
  waiting_.emplace(call, Waiting{q->first, now});
}

void QueueStats::answered(CallId call, TimePoint now) { (void)leave(call, Exit::answered, now); }

void QueueStats::abandoned(CallId call, TimePoint now) { (void)leave(call, Exit::abandoned, now); }

void QueueStats::redirected(CallId call, TimePoint now) {
  (void)leave(call, Exit::redirected, now);
}

void QueueStats::moved(CallId call, std::string_view to, TimePoint now) {
  if (!queues_.contains(to)) {
    ++ignored_events_;
    return;
  }
  if (leave(call, Exit::redirected, now) != nullptr) offered(call, to, now);
}

QueueStats::PerQueue* QueueStats::leave(CallId call, Exit how, TimePoint now) {
  const auto it = waiting_.find(call);
  if (it == waiting_.end()) {
    ++ignored_events_;
    return nullptr;
  }
  PerQueue& q = queues_.at(it->second.queue);
  const Duration wait = std::max(Duration{0}, now - it->second.since);
  waiting_.erase(it);
  QueueStatsSnapshot& s = q.stats;
  --s.waiting;
  s.max_wait = std::max(s.max_wait, wait);
  switch (how) {
    case Exit::answered:
      ++s.answered;
      s.answered_wait_total += wait;
      if (wait <= q.service_level) ++s.answered_in_service_level;
      break;
    case Exit::abandoned:
      ++s.abandoned;
      s.abandoned_wait_total += wait;
      break;
    case Exit::redirected:
      ++s.redirected;
      break;
  }
  return &q;
}

std::optional<QueueStatsSnapshot> QueueStats::snapshot(std::string_view queue) const {
  const auto q = queues_.find(queue);
  if (q == queues_.end()) return std::nullopt;
  return q->second.stats;
}

}  // namespace dialer::inbound
