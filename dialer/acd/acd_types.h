// Value types of the ACD core: queue and agent configuration, settings, and the actions the core
// hands back to its caller (the engine), which carries them out (ring a phone, bridge, play
// voicemail, hang up). Plain values; safe to copy between threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dialer/common/ids.h"
#include "dialer/common/time.h"

namespace dialer::acd {

using SkillId = StrongId<struct SkillTag, std::int32_t>;

// An agent's skill (1 = beginner .. 10 = expert), or a queue's minimum level for it.
struct SkillLevel {
  SkillId skill;
  int level = 1;
};

enum class QueueKind : std::uint8_t {
  inbound,   // callers dialled in (DID, IVR); always served before outbound answers
  outbound,  // a campaign's answered calls and its preview/progressive reservations
};

enum class RoutingStrategy : std::uint8_t {
  longest_idle,        // the agent ready the longest takes the call
  fewest_calls_today,  // the agent with the fewest calls today; ties by longest idle
};

enum class OverflowOutcome : std::uint8_t {
  none,       // no maximum wait
  to_queue,   // move the call to `overflow_queue` (it keeps its arrival order)
  voicemail,  // hand the caller to voicemail
  hang_up,    // play the closing message and hang up
};

struct Overflow {
  OverflowOutcome outcome = OverflowOutcome::none;
  Duration max_wait{0};
  QueueId overflow_queue{};
};

struct QueueConfig {
  QueueId id;
  QueueKind kind = QueueKind::inbound;
  int priority = 0;                  // higher is served first among queues of one kind
  std::vector<SkillLevel> required;  // an agent needs every skill at least at that level
  RoutingStrategy strategy = RoutingStrategy::longest_idle;
  Overflow overflow;
  int keep_ready_for_inbound = 0;  // inbound only: ready agents pacing must leave free
};

struct AgentProfile {
  AgentId id;
  std::vector<SkillLevel> skills;
  std::vector<QueueId> campaigns;  // outbound queues this agent serves (blended if also skilled)
  bool nailed_up = true;           // false: each call rings the agent's phone (ring-no-answer)
};

struct AcdSettings {
  Duration wrap_up{15'000};                       // wrap-up ends on its own after this
  Duration ring_timeout{15'000};                  // ring-no-answer after this
  Duration reservation_timeout{30'000};           // an unconfirmed preview/progressive hold ends
  bool check_all_invariants_every_event = false;  // tests: whole state; default: touched only
  std::size_t max_violation_records = 1000;       // older records are dropped, counts kept
};

enum class ActionKind : std::uint8_t {
  connect_agent,        // bridge `call` to `agent` (nailed-up leg): the agent is on the call
  ring_agent,           // ring `agent`'s phone for `call`; answer with agent_answered()
  call_queued,          // no agent: `call` waits in `queue`
  call_requeued,        // `agent` did not answer: paused RNA, `call` waits again in `queue`
  call_overflowed,      // `call` waited too long: moved to `queue`
  send_to_voicemail,    // `call` waited too long: voicemail
  hang_up,              // `call` waited too long: hang up
  reservation_expired,  // `agent`'s preview/progressive hold ended unused: ready again
  wrap_up_timed_out,    // `agent`'s wrap-up time ran out: ready (or paused/logged out)
};

struct AcdAction {
  ActionKind kind;
  CallId call{};
  AgentId agent{};
  QueueId queue{};
  TimePoint at{};
};

struct Reservation {
  AgentId agent;
  TimePoint expires;
};

}  // namespace dialer::acd
