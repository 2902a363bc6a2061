// Inbound queue statistics: per queue, calls offered, answered, abandoned while waiting, and sent
// elsewhere (overflow, callback, voicemail); average and maximum wait; service level (the share of
// calls that left the queue answered within the queue's service-level time). A small accumulator
// fed by the caller with one event per change (offered, answered, abandoned, moved, left) and the
// time it happened; it reads no clock. Single-threaded (engine thread); snapshots are values.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "dialer/common/ids.h"
#include "dialer/common/time.h"

namespace dialer::inbound {

struct QueueStatsSnapshot {
  std::uint64_t offered = 0;     // calls that entered the queue (also by overflow from another)
  std::uint64_t answered = 0;    // connected to an agent
  std::uint64_t abandoned = 0;   // the caller hung up while waiting
  std::uint64_t redirected = 0;  // left unanswered by overflow, callback or voicemail
  std::uint64_t answered_in_service_level = 0;
  std::uint64_t waiting = 0;  // in the queue now
  Duration answered_wait_total{0};
  Duration abandoned_wait_total{0};
  Duration max_wait{0};  // longest wait of a call that left the queue, however it left

  // Answered within the service-level time / calls that left the queue; 1 when none left yet.
  [[nodiscard]] double service_level() const;
  // Average speed of answer (0 when nothing was answered).
  [[nodiscard]] Duration average_answer_wait() const;
  // Average time callers waited before hanging up (0 when nobody abandoned).
  [[nodiscard]] Duration average_abandon_wait() const;
};

class QueueStats {
 public:
  // Queues are known in advance; events naming an unknown queue or call are counted and ignored.
  void add_queue(const std::string& name, Duration service_level);

  void offered(CallId call, std::string_view queue, TimePoint now);
  void answered(CallId call, TimePoint now);
  void abandoned(CallId call, TimePoint now);
  // Overflow to another queue: leaves this queue (redirected) and is offered to `to`.
  void moved(CallId call, std::string_view to, TimePoint now);
  // Left unanswered for voicemail, a callback or an overflow hang-up.
  void redirected(CallId call, TimePoint now);

  [[nodiscard]] std::optional<QueueStatsSnapshot> snapshot(std::string_view queue) const;
  [[nodiscard]] std::uint64_t ignored_events() const { return ignored_events_; }

 private:
  struct PerQueue {
    Duration service_level{0};
    QueueStatsSnapshot stats;
  };
  struct Waiting {
    std::string queue;
    TimePoint since;
  };
  enum class Exit : std::uint8_t { answered, abandoned, redirected };

  // Removes the call from its queue and books its wait; nullptr when the call is unknown.
  PerQueue* leave(CallId call, Exit how, TimePoint now);

  std::map<std::string, PerQueue, std::less<>> queues_;
  std::unordered_map<CallId, Waiting> waiting_;
  std::uint64_t ignored_events_ = 0;
};

}  // namespace dialer::inbound
