// The whole state of the ACD core as plain data, so that the invariant checker (and tests) can read
// it without going through the router. Only AcdRouter mutates it, on the engine thread.
// Indexes kept in step with the records: each queue's ready-agent set and waiting-call map, and
// the set of due times.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "dialer/acd/acd_types.h"
#include "dialer/acd/agent_state_table.h"

namespace dialer::acd {

struct ReadyKey {
  std::int64_t rank = 0;  // 0 (longest idle) or calls today (fewest calls)
  TimePoint since{};
  AgentId agent;
  auto operator<=>(const ReadyKey&) const = default;
};

enum class HoldKind : std::uint8_t {
  none,
  ring,     // the agent's phone rings for `call`
  preview,  // held for a preview/progressive call not placed yet (or placed, not confirmed)
};

struct AgentRecord {
  AgentProfile profile;
  AgentStatus status = AgentStatus::logged_out;
  TimePoint since{};               // last change of status (ready: idle since)
  std::optional<CallId> call;      // on_call, or reserved with a ringing phone
  HoldKind hold = HoldKind::none;  // reserved only
  QueueId hold_queue{};
  std::optional<TimePoint> due;  // reservation/ring expiry, or end of wrap-up
  std::string pause_reason;
  bool pause_pending = false;
  std::string pending_pause_reason;
  bool logout_pending = false;
  std::uint32_t calls_today = 0;
  std::vector<std::uint32_t> eligible;  // queue indexes this agent can serve, best first
  std::vector<std::set<ReadyKey>::iterator>
      ready_slots;  // while ready: its entry in each eligible queue
};

enum class CallPhase : std::uint8_t { waiting, ringing, connected };

struct CallRecord {
  CallId id;
  std::uint32_t queue = 0;  // index into AcdState::queues
  CallPhase phase = CallPhase::waiting;
  std::optional<AgentId> agent;
  std::uint64_t arrival = 0;  // global arrival order; kept on requeue and overflow
  TimePoint enqueued{};
  std::optional<TimePoint> overflow_due;
};

struct QueueRecord {
  QueueConfig config;
  std::set<ReadyKey> ready;                 // ready eligible agents, best first
  std::map<std::uint64_t, CallId> waiting;  // by arrival order
};

enum class DueKind : std::uint8_t { agent, call };

struct DueEntry {
  TimePoint at;
  DueKind kind;
  std::int64_t id;
  auto operator<=>(const DueEntry&) const = default;
};

struct AcdState {
  std::unordered_map<AgentId, AgentRecord> agents;
  std::unordered_map<CallId, CallRecord> calls;
  std::vector<QueueRecord> queues;
  std::unordered_map<QueueId, std::uint32_t> queue_index;
  std::set<DueEntry> dues;
};

// The key an agent has in a queue's ready set.
inline ReadyKey ready_key(const QueueConfig& q, const AgentRecord& a) {
  const std::int64_t rank = q.strategy == RoutingStrategy::fewest_calls_today
                                ? static_cast<std::int64_t>(a.calls_today)
                                : 0;
  return ReadyKey{rank, a.since, a.profile.id};
}

}  // namespace dialer::acd
