// AcdRouter: agent events and the single place where an agent's status changes (enter()).
#include <algorithm>
#include <string>

#include "dialer/acd/acd_router.h"
#include "dialer/acd/acd_router_event_scope.h"

namespace dialer::acd {
namespace {

bool has_skills(const std::vector<SkillLevel>& have, const std::vector<SkillLevel>& need) {
  return std::all_of(need.begin(), need.end(), [&](const SkillLevel& n) {
    return std::any_of(have.begin(), have.end(), [&](const SkillLevel& h) {
      return h.skill == n.skill && h.level >= n.level;
    });
  });
}

Error refused(const AgentRecord& a, AgentEvent e) {
  return Error{ErrorCode::conflict, "agent " + std::to_string(a.profile.id.value()) + ": cannot " +
                                        std::string(to_string(e)) + " while " +
                                        std::string(to_string(a.status))};
}

Error unknown_agent(AgentId id) {
  return Error{ErrorCode::not_found, "unknown agent " + std::to_string(id.value())};
}

}  // namespace

AcdRouter::AcdRouter(AcdSettings settings) : settings_(settings) {}

AgentRecord* AcdRouter::find_agent(AgentId id) {
  const auto it = state_.agents.find(id);
  return it == state_.agents.end() ? nullptr : &it->second;
}

const AgentRecord* AcdRouter::agent(AgentId id) const {
  const auto it = state_.agents.find(id);
  return it == state_.agents.end() ? nullptr : &it->second;
}

void AcdRouter::compute_eligibility(AgentRecord& a) const {
  a.eligible.clear();
  for (std::uint32_t q = 0; q < state_.queues.size(); ++q) {
    const QueueConfig& c = state_.queues[q].config;
    const bool member = c.kind == QueueKind::inbound ||
                        std::find(a.profile.campaigns.begin(), a.profile.campaigns.end(), c.id) !=
                            a.profile.campaigns.end();
    if (member && has_skills(a.profile.skills, c.required)) a.eligible.push_back(q);
  }
  // Best first: inbound before outbound, then higher priority.
  std::stable_sort(a.eligible.begin(), a.eligible.end(), [&](std::uint32_t x, std::uint32_t y) {
    const QueueConfig& cx = state_.queues[x].config;
    const QueueConfig& cy = state_.queues[y].config;
    if (cx.kind != cy.kind) return cx.kind == QueueKind::inbound;
    return cx.priority > cy.priority;
  });
}

Status AcdRouter::add_queue(const QueueConfig& queue) {
  if (state_.queue_index.contains(queue.id)) {
    return Error{ErrorCode::already_exists, "queue " + std::to_string(queue.id.value())};
  }
  const auto q = static_cast<std::uint32_t>(state_.queues.size());
  state_.queues.push_back(QueueRecord{queue, {}, {}});
  state_.queue_index.emplace(queue.id, q);
  for (auto& [id, a] : state_.agents) {
    if (a.status == AgentStatus::logged_out) continue;
    remove_from_ready_sets(a);
    compute_eligibility(a);
    add_to_ready_sets(a);
  }
  return ok_status();
}

// Each entry's iterator is kept so that leaving ready erases without searching.
void AcdRouter::add_to_ready_sets(AgentRecord& a) {
  if (a.status != AgentStatus::ready) return;
  a.ready_slots.clear();
  for (const std::uint32_t q : a.eligible) {
    a.ready_slots.push_back(
        state_.queues[q].ready.insert(ready_key(state_.queues[q].config, a)).first);
  }
}

void AcdRouter::remove_from_ready_sets(AgentRecord& a) {
  for (std::size_t i = 0; i < a.ready_slots.size(); ++i)
    state_.queues[a.eligible[i]].ready.erase(a.ready_slots[i]);
  a.ready_slots.clear();
}

void AcdRouter::set_due(AgentRecord& a, std::optional<TimePoint> due) {
  if (a.due) state_.dues.erase(DueEntry{*a.due, DueKind::agent, a.profile.id.value()});
  a.due = due;
  if (due) state_.dues.insert(DueEntry{*due, DueKind::agent, a.profile.id.value()});
}

void AcdRouter::enter(AgentRecord& a, AgentStatus next, TimePoint now) {
  remove_from_ready_sets(a);
  --by_status_[static_cast<std::size_t>(a.status)];
  ++by_status_[static_cast<std::size_t>(next)];
  a.status = next;
  a.since = now;
  if (next != AgentStatus::reserved) a.hold = HoldKind::none;
  if (next != AgentStatus::paused) a.pause_reason.clear();
  if (next == AgentStatus::wrap_up) {
    set_due(a, now + settings_.wrap_up);
  } else if (next != AgentStatus::reserved) {
    set_due(a, std::nullopt);
  }
  add_to_ready_sets(a);
  touch(a.profile.id);
  if (next != AgentStatus::ready) return;
  // Only an agent becoming ready can leave a call waiting beside a ready agent.
  for (const std::uint32_t q : a.eligible) touch_queue(q);
}

// Looks the event up in the table and applies it; the one path that changes an agent's status.
Status AcdRouter::apply(AgentRecord& a, AgentEvent e, TimePoint now, std::string reason) {
  const AgentRule rule = agent_transition(a.status, e);
  switch (rule.verdict) {
    case Verdict::reject:
      ++rejected_[static_cast<std::size_t>(a.status) * kAgentEventCount +
                  static_cast<std::size_t>(e)];
      return refused(a, e);
    case Verdict::defer:
      if (e == AgentEvent::logout) a.logout_pending = true;
      if (e == AgentEvent::pause) {
        a.pause_pending = true;
        a.pending_pause_reason = std::move(reason);
      }
      return ok_status();
    case Verdict::stay:
      if (e == AgentEvent::login) a.logout_pending = false;
      if (e == AgentEvent::resume) a.pause_pending = false;
      return ok_status();
    case Verdict::move:
      break;
  }
  if (a.status == AgentStatus::reserved && rule.next != AgentStatus::on_call)
    release_hold(a, e, now);
  enter(a, rule.next, now);
  if (rule.next == AgentStatus::paused) a.pause_reason = std::move(reason);
  if (rule.next == AgentStatus::logged_out) a.logout_pending = a.pause_pending = false;
  if (rule.next == AgentStatus::ready) became_ready(a, now);
  return ok_status();
}

// A ready agent first honours a pending logout or pause, then takes the best waiting call.
void AcdRouter::became_ready(AgentRecord& a, TimePoint now) {
  if (a.logout_pending) {
    (void)apply(a, AgentEvent::logout, now);
    return;
  }
  if (a.pause_pending) {
    a.pause_pending = false;
    (void)apply(a, AgentEvent::pause, now, std::move(a.pending_pause_reason));
    return;
  }
  take_waiting_call(a, now);
}

Status AcdRouter::login(const AgentProfile& profile, TimePoint now) {
  const EventScope scope(*this, "login agent", profile.id.value(), 0, now);
  auto [it, added] = state_.agents.try_emplace(profile.id);
  AgentRecord& a = it->second;
  if (added) {
    ++by_status_[static_cast<std::size_t>(AgentStatus::logged_out)];
    a.since = now;
  }
  if (a.status == AgentStatus::logged_out) {
    a.profile = profile;
    compute_eligibility(a);
  }
  return apply(a, AgentEvent::login, now);
}

Status AcdRouter::logout(AgentId id, TimePoint now) {
  const EventScope scope(*this, "logout agent", id.value(), 0, now);
  AgentRecord* a = find_agent(id);
  if (a == nullptr) return unknown_agent(id);
  return apply(*a, AgentEvent::logout, now);
}

Status AcdRouter::pause(AgentId id, std::string reason, TimePoint now) {
  const EventScope scope(*this, "pause agent", id.value(), 0, now);
  AgentRecord* a = find_agent(id);
  if (a == nullptr) return unknown_agent(id);
  return apply(*a, AgentEvent::pause, now, std::move(reason));
}

Status AcdRouter::resume(AgentId id, TimePoint now) {
  const EventScope scope(*this, "resume agent", id.value(), 0, now);
  AgentRecord* a = find_agent(id);
  if (a == nullptr) return unknown_agent(id);
  return apply(*a, AgentEvent::resume, now);
}

Status AcdRouter::end_wrap_up(AgentId id, TimePoint now) {
  const EventScope scope(*this, "end wrap-up agent", id.value(), 0, now);
  AgentRecord* a = find_agent(id);
  if (a == nullptr) return unknown_agent(id);
  return apply(*a, AgentEvent::wrap_end, now);
}

void AcdRouter::start_new_day() {
  for (auto& [id, a] : state_.agents) {
    remove_from_ready_sets(a);
    a.calls_today = 0;
    add_to_ready_sets(a);
  }
}

std::uint64_t AcdRouter::rejected_count(AgentStatus s, AgentEvent e) const {
  return rejected_[static_cast<std::size_t>(s) * kAgentEventCount + static_cast<std::size_t>(e)];
}

}  // namespace dialer::acd
