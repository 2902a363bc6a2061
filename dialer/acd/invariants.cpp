#include "dialer/acd/invariants.h"

#include <string>
#include <unordered_map>

namespace dialer::acd {
namespace {

void add(std::vector<Violation>& out, Invariant i, AgentId agent, CallId call, std::string detail) {
  out.push_back(Violation{i, {}, agent, call, {}, std::move(detail)});
}

std::string agent_text(const AgentRecord& a) {
  return "agent " + std::to_string(a.profile.id.value()) + " " + std::string(to_string(a.status));
}

bool holds_a_call(AgentStatus s, HoldKind h) {
  return s == AgentStatus::on_call || (s == AgentStatus::reserved && h == HoldKind::ring);
}

void check_agent_call(const AcdState& s, const AgentRecord& a, std::vector<Violation>& out) {
  const AgentId id = a.profile.id;
  if (!holds_a_call(a.status, a.hold)) {
    if (a.call)
      add(out, Invariant::agent_on_at_most_one_call, id, *a.call,
          agent_text(a) + " still holds a call");
    return;
  }
  if (!a.call) {
    add(out, Invariant::agent_on_at_most_one_call, id, {}, agent_text(a) + " holds no call");
    return;
  }
  const auto it = s.calls.find(*a.call);
  const CallPhase expected =
      a.status == AgentStatus::on_call ? CallPhase::connected : CallPhase::ringing;
  if (it == s.calls.end() || it->second.agent != id || it->second.phase != expected) {
    add(out, Invariant::call_with_at_most_one_agent, id, *a.call,
        agent_text(a) + " holds a call that is not with it");
  }
}

void check_agent_hold(const AgentRecord& a, std::vector<Violation>& out) {
  const AgentId id = a.profile.id;
  const bool reserved = a.status == AgentStatus::reserved;
  if (reserved != (a.hold != HoldKind::none) || (reserved && !a.due)) {
    add(out, Invariant::reservation_released, id, a.call.value_or(CallId{}),
        agent_text(a) +
            (reserved ? " reserved without a hold or due time" : " still holds a reservation"));
  }
  if (a.status == AgentStatus::wrap_up && !a.due) {
    add(out, Invariant::wrap_up_has_due_time, id, {}, agent_text(a) + " has no wrap-up end");
  }
}

// After an event: O(1), the agent's kept entries match its status. Whole-state check: each entry
// really is in its queue's set.
void check_agent_slots(const AgentRecord& a, std::vector<Violation>& out) {
  const bool ready = a.status == AgentStatus::ready;
  const std::size_t expected = ready ? a.eligible.size() : 0;
  if (a.ready_slots.size() != expected) {
    add(out, Invariant::ready_index_consistent, a.profile.id, {},
        agent_text(a) + " listed in " + std::to_string(a.ready_slots.size()) +
            " ready sets, expected " + std::to_string(expected));
  }
}

void check_agent_index(const AcdState& s, const AgentRecord& a, std::vector<Violation>& out) {
  const bool ready = a.status == AgentStatus::ready;
  for (const std::uint32_t q : a.eligible) {
    const QueueRecord& queue = s.queues[q];
    if (queue.ready.contains(ready_key(queue.config, a)) != ready) {
      add(out, Invariant::ready_index_consistent, a.profile.id, {},
          agent_text(a) + (ready ? " missing from" : " listed in") + " ready set of queue " +
              std::to_string(queue.config.id.value()));
    }
  }
}

}  // namespace

std::string_view to_string(Invariant i) {
  switch (i) {
    case Invariant::agent_on_at_most_one_call:
      return "agent_on_at_most_one_call";
    case Invariant::call_with_at_most_one_agent:
      return "call_with_at_most_one_agent";
    case Invariant::reservation_released:
      return "reservation_released";
    case Invariant::waiting_call_not_with_agent:
      return "waiting_call_not_with_agent";
    case Invariant::ready_index_consistent:
      return "ready_index_consistent";
    case Invariant::no_ready_agent_while_waiting:
      return "no_ready_agent_while_waiting";
    case Invariant::wrap_up_has_due_time:
      return "wrap_up_has_due_time";
    case Invariant::count_:
      break;
  }
  return "unknown";
}

void InvariantChecker::check_agent(const AcdState& s, AgentId agent, std::vector<Violation>& out) {
  const auto it = s.agents.find(agent);
  if (it == s.agents.end()) return;
  check_agent_call(s, it->second, out);
  check_agent_hold(it->second, out);
  check_agent_slots(it->second, out);
}

void InvariantChecker::check_call(const AcdState& s, CallId call, std::vector<Violation>& out) {
  const auto it = s.calls.find(call);
  if (it == s.calls.end()) return;
  const CallRecord& c = it->second;
  if (c.queue >= s.queues.size()) {
    add(out, Invariant::waiting_call_not_with_agent, {}, call, "call names an unknown queue");
    return;
  }
  const bool listed = s.queues[c.queue].waiting.contains(c.arrival);
  if (c.phase == CallPhase::waiting) {
    if (c.agent || !listed) {
      add(out, Invariant::waiting_call_not_with_agent, c.agent.value_or(AgentId{}), call,
          c.agent ? "waiting call names an agent" : "waiting call missing from its queue");
    }
    return;
  }
  if (listed)
    add(out, Invariant::waiting_call_not_with_agent, {}, call,
        "call with an agent is still listed as waiting");
  const auto a = c.agent ? s.agents.find(*c.agent) : s.agents.end();
  if (a == s.agents.end() || a->second.call != call) {
    add(out, Invariant::call_with_at_most_one_agent, c.agent.value_or(AgentId{}), call,
        "call's agent does not hold it");
  }
}

void InvariantChecker::check_queue(const AcdState& s, std::uint32_t queue,
                                   std::vector<Violation>& out) {
  const QueueRecord& q = s.queues[queue];
  if (!q.ready.empty()) {  // the agent routing would pick next must really be ready
    const auto a = s.agents.find(q.ready.begin()->agent);
    if (a == s.agents.end() || a->second.status != AgentStatus::ready) {
      add(out, Invariant::ready_index_consistent, q.ready.begin()->agent, {},
          "queue " + std::to_string(q.config.id.value()) +
              " would route to an agent who is not ready");
    }
  }
  if (!q.waiting.empty() && !q.ready.empty()) {
    add(out, Invariant::no_ready_agent_while_waiting, q.ready.begin()->agent,
        q.waiting.begin()->second,
        "queue " + std::to_string(q.config.id.value()) + " has a waiting call and a ready agent");
  }
}

void InvariantChecker::check_all(const AcdState& s, std::vector<Violation>& out) {
  std::unordered_map<CallId, int> holders;
  for (const auto& [id, a] : s.agents) {
    check_agent(s, id, out);
    check_agent_index(s, a, out);
    if (a.call) ++holders[*a.call];
  }
  for (const auto& [call, n] : holders) {
    if (n > 1)
      add(out, Invariant::call_with_at_most_one_agent, {}, call,
          std::to_string(n) + " agents hold the call");
  }
  for (const auto& [id, c] : s.calls) check_call(s, id, out);
  for (std::uint32_t q = 0; q < s.queues.size(); ++q) {
    check_queue(s, q, out);
    for (const auto& [arrival, call] : s.queues[q].waiting) {
      const auto c = s.calls.find(call);
      if (c == s.calls.end() || c->second.phase != CallPhase::waiting) {
        add(out, Invariant::waiting_call_not_with_agent, {}, call,
            "listed as waiting but not waiting");
      }
    }
  }
}

}  // namespace dialer::acd
