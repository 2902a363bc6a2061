// Inbound queues and agents' skills as typed, immutable values read from the inbound file:
// the settings the ACD core (dialer/acd) needs, by name, plus what only inbound uses (service
// level target, what a callback overflow does). acd_setup.h turns them into the ACD's types.
// Plain values; safe to share between threads once built.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dialer/common/time.h"
#include "inbound/ivr_flow.h"

namespace dialer::inbound {

enum class QueueStrategy : std::uint8_t {
  longest_idle,  // the agent ready the longest takes the call
  fewest_calls,  // the agent with the fewest calls today; ties by longest idle
};

enum class OverflowAction : std::uint8_t {
  none,       // no maximum wait
  queue,      // move the call to `queue` (it keeps its arrival order)
  voicemail,  // voicemail of `mailbox`
  callback,   // request a callback of the caller id (keeping the place), then hang up
  hang_up,    // play `prompt` (if any), then hang up
};

struct QueueOverflow {
  OverflowAction action = OverflowAction::none;
  std::string queue;    // action queue
  std::string mailbox;  // action voicemail
  std::string prompt;   // played before voicemail, callback or hang-up; may be empty
};

struct InboundQueue {
  std::string name;
  std::vector<NamedSkill> skills;  // required: every skill at least at that level
  QueueStrategy strategy = QueueStrategy::longest_idle;
  Duration max_wait{0};  // 0 with overflow none
  QueueOverflow overflow;
  int service_level_seconds = 20;  // answered within this many seconds counts as in service level
  int priority = 0;                // higher is served first among inbound queues
  int keep_ready_agents = 0;       // ready agents pacing must leave free for this queue
};

// An agent (by SIP user name, as in the engine file's `agents`) and their skill levels (1-10).
struct AgentSkills {
  std::string agent;
  std::vector<NamedSkill> skills;
};

std::string_view to_string(QueueStrategy strategy);
std::string_view to_string(OverflowAction action);

}  // namespace dialer::inbound
