// AcdRouter: due times (wrap-up end, ring-no-answer, reservation expiry, maximum queue wait),
// invariant bookkeeping, and the blended count pacing reads.
#include <algorithm>
#include <string>
#include <unordered_set>

#include "dialer/acd/acd_router.h"
#include "dialer/acd/acd_router_event_scope.h"

namespace dialer::acd {

std::optional<TimePoint> AcdRouter::next_due() const {
  if (state_.dues.empty()) return std::nullopt;
  return state_.dues.begin()->at;
}

void AcdRouter::on_due(TimePoint now) {
  while (!state_.dues.empty() && state_.dues.begin()->at <= now) {
    const DueEntry due = *state_.dues.begin();
    const auto agent = state_.agents.find(AgentId{due.id});
    const auto call = state_.calls.find(CallId{due.id});
    if (due.kind == DueKind::agent && agent != state_.agents.end() && agent->second.due == due.at) {
      const EventScope scope(*this, "due agent", due.id, 0, now);
      due_agent(agent->second, now);
    } else if (due.kind == DueKind::call && call != state_.calls.end() &&
               call->second.overflow_due == due.at) {
      const EventScope scope(*this, "due call", due.id, 0, now);
      due_call(call->second, now);
    } else {
      state_.dues.erase(state_.dues.begin());  // stale (only after a corrupted state): drop it
    }
  }
}

void AcdRouter::due_agent(AgentRecord& a, TimePoint now) {
  set_due(a, std::nullopt);  // each branch below leaves the state this due time belonged to
  if (a.status == AgentStatus::wrap_up) {
    emit(ActionKind::wrap_up_timed_out, {}, a.profile.id, {}, now);
    (void)apply(a, AgentEvent::wrap_timeout, now);
  } else if (a.hold == HoldKind::ring) {
    (void)apply(a, AgentEvent::ring_no_answer, now, std::string(kRingNoAnswerReason));
  } else if (a.hold == HoldKind::preview) {
    (void)apply(a, AgentEvent::reservation_expired, now);
  }
  touch(a.profile.id);
}

// The call waited its queue's maximum: overflow to another queue, voicemail or hang-up.
void AcdRouter::due_call(CallRecord& c, TimePoint now) {
  set_call_due(c, std::nullopt);
  touch(c.id);
  touch_queue(c.queue);
  if (c.phase != CallPhase::waiting) return;
  const Overflow o = state_.queues[c.queue].config.overflow;
  const auto target = state_.queue_index.find(o.overflow_queue);
  if (o.outcome == OverflowOutcome::to_queue && target != state_.queue_index.end()) {
    unlist(c);
    c.queue = target->second;
    c.enqueued = now;
    const Overflow& next = state_.queues[c.queue].config.overflow;
    if (next.outcome != OverflowOutcome::none) set_call_due(c, now + next.max_wait);
    emit(ActionKind::call_overflowed, c.id, {}, o.overflow_queue, now);
    route_or_queue(c, now);
    return;
  }
  const ActionKind k =
      o.outcome == OverflowOutcome::voicemail ? ActionKind::send_to_voicemail : ActionKind::hang_up;
  emit(k, c.id, {}, state_.queues[c.queue].config.id, now);
  unlist(c);
  state_.calls.erase(c.id);
}

std::vector<AcdAction> AcdRouter::take_actions() {
  std::vector<AcdAction> out;
  out.swap(actions_);
  return out;
}

// Greedy: each inbound queue (best first) claims ready agents for its demand, agents outside the
// campaign first; the campaign gets its ready agents nobody claimed.
int AcdRouter::ready_for_campaign(QueueId campaign) const {
  const auto c = state_.queue_index.find(campaign);
  if (c == state_.queue_index.end()) return 0;
  const QueueRecord& mine = state_.queues[c->second];
  std::vector<const QueueRecord*> inbound;
  for (const QueueRecord& q : state_.queues) {
    if (q.config.kind == QueueKind::inbound) inbound.push_back(&q);
  }
  std::stable_sort(inbound.begin(), inbound.end(), [](const QueueRecord* x, const QueueRecord* y) {
    return x->config.priority > y->config.priority;
  });
  std::unordered_set<AgentId> claimed;
  for (const QueueRecord* q : inbound) {
    auto demand = static_cast<std::int64_t>(q->waiting.size()) + q->config.keep_ready_for_inbound;
    for (int pass = 0; pass < 2 && demand > 0; ++pass) {
      for (const ReadyKey& k : q->ready) {
        if (demand == 0) break;
        const bool in_campaign =
            mine.ready.contains(ready_key(mine.config, state_.agents.at(k.agent)));
        if ((pass == 0) == in_campaign || claimed.contains(k.agent)) continue;
        claimed.insert(k.agent);
        --demand;
      }
    }
  }
  int available = 0;
  for (const ReadyKey& k : mine.ready) available += claimed.contains(k.agent) ? 0 : 1;
  return available;
}

void AcdRouter::begin_event(std::string_view what, std::int64_t subject, std::int64_t object,
                            TimePoint now) {
  if (event_depth_++ > 0) return;
  event_name_ = what;
  event_subject_ = subject;
  event_object_ = object;
  event_time_ = now;
}

void AcdRouter::end_event() {
  if (--event_depth_ > 0) return;
  std::vector<Violation> found;
  if (settings_.check_all_invariants_every_event) {
    InvariantChecker::check_all(state_, found);
  } else {
    for (const AgentId a : touched_agents_) InvariantChecker::check_agent(state_, a, found);
    for (const CallId c : touched_calls_) {
      InvariantChecker::check_call(state_, c, found);
      const CallRecord* r = call(c);
      if (r != nullptr && r->agent) InvariantChecker::check_agent(state_, *r->agent, found);
    }
    std::sort(touched_queues_.begin(), touched_queues_.end());
    touched_queues_.erase(std::unique(touched_queues_.begin(), touched_queues_.end()),
                          touched_queues_.end());
    for (const std::uint32_t q : touched_queues_) InvariantChecker::check_queue(state_, q, found);
  }
  touched_agents_.clear();
  touched_calls_.clear();
  touched_queues_.clear();
  if (!found.empty()) record(found);
}

void AcdRouter::check_all_invariants(std::string_view context, TimePoint now) {
  std::vector<Violation> found;
  InvariantChecker::check_all(state_, found);
  event_name_ = context;
  event_subject_ = event_object_ = 0;
  event_time_ = now;
  if (!found.empty()) record(found);
}

void AcdRouter::record(std::vector<Violation>& found) {
  const std::string context = std::string(event_name_) + " " + std::to_string(event_subject_) +
                              (event_object_ != 0 ? " " + std::to_string(event_object_) : "");
  for (Violation& v : found) {
    ++violation_counts_[static_cast<std::size_t>(v.invariant)];
    v.event = context;
    v.at = event_time_;
    if (violations_.size() >= settings_.max_violation_records)
      violations_.erase(violations_.begin());
    violations_.push_back(std::move(v));
  }
}

std::uint64_t AcdRouter::violation_total() const {
  std::uint64_t n = 0;
  for (const auto c : violation_counts_) n += c;
  return n;
}

}  // namespace dialer::acd
