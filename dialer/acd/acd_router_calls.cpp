// AcdRouter: calls entering queues, going to agents, ringing, reservations and hang-ups.
#include <algorithm>
#include <string>

#include "dialer/acd/acd_router.h"
#include "dialer/acd/acd_router_event_scope.h"

namespace dialer::acd {
namespace {

Error unknown(std::string_view what, std::int64_t id) {
  return Error{ErrorCode::not_found, "unknown " + std::string(what) + " " + std::to_string(id)};
}

}  // namespace

void AcdRouter::set_call_due(CallRecord& c, std::optional<TimePoint> due) {
  if (c.overflow_due) state_.dues.erase(DueEntry{*c.overflow_due, DueKind::call, c.id.value()});
  c.overflow_due = due;
  if (due) state_.dues.insert(DueEntry{*due, DueKind::call, c.id.value()});
}

Status AcdRouter::offer(CallId call, QueueId queue, TimePoint now) {
  const EventScope scope(*this, "offer call to queue", call.value(), queue.value(), now);
  const auto q = state_.queue_index.find(queue);
  if (q == state_.queue_index.end()) return unknown("queue", queue.value());
  auto [it, added] = state_.calls.try_emplace(call);
  if (!added)
    return Error{ErrorCode::already_exists,
                 "call " + std::to_string(call.value()) + " is already in the ACD"};
  CallRecord& c = it->second;
  c.id = call;
  c.queue = q->second;
  c.arrival = next_arrival_++;
  c.enqueued = now;
  const Overflow& o = state_.queues[c.queue].config.overflow;
  if (o.outcome != OverflowOutcome::none) set_call_due(c, now + o.max_wait);
  route_or_queue(c, now);
  return ok_status();
}

// The best ready agent of the call's queue takes it; with none, the call waits in arrival order.
void AcdRouter::route_or_queue(CallRecord& c, TimePoint now) {
  touch(c.id);
  touch_queue(c.queue);
  QueueRecord& q = state_.queues[c.queue];
  if (q.ready.empty()) {
    enqueue(c, now);
    return;
  }
  AgentRecord& a = state_.agents.at(q.ready.begin()->agent);
  give_call(a, c, now);
}

void AcdRouter::enqueue(CallRecord& c, TimePoint now) {
  c.phase = CallPhase::waiting;
  c.agent.reset();
  state_.queues[c.queue].waiting.emplace(c.arrival, c.id);
  emit(ActionKind::call_queued, c.id, {}, state_.queues[c.queue].config.id, now);
}

void AcdRouter::unlist(CallRecord& c) {
  if (c.phase == CallPhase::waiting) state_.queues[c.queue].waiting.erase(c.arrival);
}

// A nailed-up agent is connected at once; any other agent is reserved while the phone rings.
// If the table refuses (the agent was not really ready: a corrupted index), the call waits and
// the invariant check reports it.
void AcdRouter::give_call(AgentRecord& a, CallRecord& c, TimePoint now) {
  const QueueId queue = state_.queues[c.queue].config.id;
  const bool nailed_up = a.profile.nailed_up;
  if (!apply(a, nailed_up ? AgentEvent::connect : AgentEvent::reserve, now).ok()) {
    touch(a.profile.id);
    if (c.phase != CallPhase::waiting || !state_.queues[c.queue].waiting.contains(c.arrival))
      enqueue(c, now);
    return;
  }
  unlist(c);
  set_call_due(c, std::nullopt);
  c.agent = a.profile.id;
  a.call = c.id;
  if (nailed_up) {
    c.phase = CallPhase::connected;
    ++a.calls_today;  // after leaving the ready sets, whose keys use the old count
    emit(ActionKind::connect_agent, c.id, a.profile.id, queue, now);
    return;
  }
  c.phase = CallPhase::ringing;
  a.hold = HoldKind::ring;
  a.hold_queue = queue;
  set_due(a, now + settings_.ring_timeout);
  emit(ActionKind::ring_agent, c.id, a.profile.id, queue, now);
}

// A freed agent takes the oldest call of its best queue: inbound before outbound, then priority.
bool AcdRouter::take_waiting_call(AgentRecord& a, TimePoint now) {
  const QueueRecord* best = nullptr;
  for (const std::uint32_t q : a.eligible) {
    const QueueRecord& queue = state_.queues[q];
    if (queue.waiting.empty()) continue;
    if (best != nullptr && (best->config.kind != queue.config.kind ||
                            best->config.priority != queue.config.priority)) {
      break;  // eligible queues are sorted best first: a lower rank never beats `best`
    }
    if (best == nullptr || queue.waiting.begin()->first < best->waiting.begin()->first)
      best = &queue;
  }
  if (best == nullptr) return false;
  CallRecord& c = state_.calls.at(best->waiting.begin()->second);
  give_call(a, c, now);
  touch(c.id);
  return true;
}

Status AcdRouter::agent_answered(AgentId id, TimePoint now) {
  const EventScope scope(*this, "agent answered", id.value(), 0, now);
  const auto it = state_.agents.find(id);
  if (it == state_.agents.end()) return unknown("agent", id.value());
  AgentRecord& a = it->second;
  if (a.hold != HoldKind::ring || !a.call) {
    return Error{ErrorCode::conflict,
                 "agent " + std::to_string(id.value()) + " has no ringing call"};
  }
  CallRecord& c = state_.calls.at(*a.call);
  const Status s = apply(a, AgentEvent::answer, now);
  if (!s.ok()) return s;
  c.phase = CallPhase::connected;
  ++a.calls_today;
  touch(c.id);
  return s;
}

Status AcdRouter::hangup(CallId call, TimePoint now) {
  const EventScope scope(*this, "hang up call", call.value(), 0, now);
  const auto it = state_.calls.find(call);
  if (it == state_.calls.end()) return unknown("call", call.value());
  CallRecord c = it->second;
  unlist(it->second);
  set_call_due(it->second, std::nullopt);
  state_.calls.erase(it);
  touch(call);
  touch_queue(c.queue);
  if (!c.agent) return ok_status();  // a waiting caller abandoned
  AgentRecord& a = state_.agents.at(*c.agent);
  a.call.reset();
  return apply(a, c.phase == CallPhase::connected ? AgentEvent::hangup : AgentEvent::release, now);
}

// Leaving `reserved` other than by answering: a ringing call goes back to its queue (keeping its
// place), a preview hold simply ends.
void AcdRouter::release_hold(AgentRecord& a, AgentEvent e, TimePoint now) {
  if (a.hold == HoldKind::preview && e == AgentEvent::reservation_expired) {
    emit(ActionKind::reservation_expired, {}, a.profile.id, a.hold_queue, now);
  }
  if (a.hold == HoldKind::ring && a.call) requeue_after_ring(a, now);
  a.hold = HoldKind::none;
  a.call.reset();
}

void AcdRouter::requeue_after_ring(AgentRecord& a, TimePoint now) {
  CallRecord& c = state_.calls.at(*a.call);
  a.call.reset();
  emit(ActionKind::call_requeued, c.id, a.profile.id, state_.queues[c.queue].config.id, now);
  const Overflow& o = state_.queues[c.queue].config.overflow;
  if (o.outcome != OverflowOutcome::none) set_call_due(c, std::max(now, c.enqueued + o.max_wait));
  c.agent.reset();
  c.phase = CallPhase::waiting;
  route_or_queue(c, now);
}

Result<Reservation> AcdRouter::reserve(QueueId campaign, TimePoint now) {
  const EventScope scope(*this, "reserve for campaign", campaign.value(), 0, now);
  const auto q = state_.queue_index.find(campaign);
  if (q == state_.queue_index.end()) return unknown("queue", campaign.value());
  const QueueRecord& queue = state_.queues[q->second];
  if (queue.ready.empty())
    return Error{ErrorCode::conflict,
                 "no ready agent for campaign " + std::to_string(campaign.value())};
  AgentRecord& a = state_.agents.at(queue.ready.begin()->agent);
  (void)apply(a, AgentEvent::reserve, now);
  a.hold = HoldKind::preview;
  a.hold_queue = campaign;
  set_due(a, now + settings_.reservation_timeout);
  return Reservation{a.profile.id, *a.due};
}

Status AcdRouter::confirm(AgentId id, CallId call, TimePoint now) {
  const EventScope scope(*this, "confirm reservation of agent", id.value(), call.value(), now);
  const auto it = state_.agents.find(id);
  if (it == state_.agents.end()) return unknown("agent", id.value());
  AgentRecord& a = it->second;
  if (a.hold != HoldKind::preview)
    return Error{ErrorCode::conflict,
                 "agent " + std::to_string(id.value()) + " holds no reservation"};
  if (state_.calls.contains(call))
    return Error{ErrorCode::already_exists,
                 "call " + std::to_string(call.value()) + " is already in the ACD"};
  const auto q = state_.queue_index.at(a.hold_queue);
  const Status s = apply(a, AgentEvent::answer, now);
  if (!s.ok()) return s;
  CallRecord& c = state_.calls[call];
  c = CallRecord{call, q, CallPhase::connected, id, next_arrival_++, now, std::nullopt};
  a.call = call;
  ++a.calls_today;
  touch(call);
  return s;
}

Status AcdRouter::release(AgentId id, TimePoint now) {
  const EventScope scope(*this, "release reservation of agent", id.value(), 0, now);
  const auto it = state_.agents.find(id);
  if (it == state_.agents.end()) return unknown("agent", id.value());
  if (it->second.hold != HoldKind::preview)
    return Error{ErrorCode::conflict,
                 "agent " + std::to_string(id.value()) + " holds no reservation"};
  return apply(it->second, AgentEvent::release, now);
}

int AcdRouter::waiting_in(QueueId queue) const {
  const auto q = state_.queue_index.find(queue);
  return q == state_.queue_index.end() ? 0
                                       : static_cast<int>(state_.queues[q->second].waiting.size());
}

const CallRecord* AcdRouter::call(CallId id) const {
  const auto it = state_.calls.find(id);
  return it == state_.calls.end() ? nullptr : &it->second;
}

}  // namespace dialer::acd
