#include "dialer/acd/acd.h"

#include <algorithm>
#include <string>

namespace dialer::acd {
namespace {

Error bad_state(AgentId id, std::string_view what, AgentState s) {
  return Error{ErrorCode::conflict, "agent " + std::to_string(id.value()) + ": cannot " +
                                        std::string(what) + " while " + std::string(to_string(s))};
}

}  // namespace

std::string_view to_string(AgentState s) {
  switch (s) {
    case AgentState::logged_out:
      return "logged_out";
    case AgentState::ready:
      return "ready";
    case AgentState::talking:
      return "talking";
    case AgentState::wrap:
      return "wrap";
    case AgentState::paused:
      return "paused";
  }
  return "unknown";
}

std::string_view to_string(RouteReason r) {
  switch (r) {
    case RouteReason::routed_to_idle_agent:
      return "routed_to_idle_agent";
    case RouteReason::queued_no_agent:
      return "queued_no_agent";
    case RouteReason::routed_from_queue:
      return "routed_from_queue";
    case RouteReason::withdrawn:
      return "withdrawn";
    case RouteReason::count_:
      break;
  }
  return "unknown";
}

AgentView* Acd::find(AgentId id) {
  const auto i = static_cast<std::size_t>(id.value());
  if (i >= agents_.size() || agents_[i].id != id) return nullptr;
  return &agents_[i];
}

const AgentView* Acd::agent(AgentId id) const {
  const auto i = static_cast<std::size_t>(id.value());
  if (i >= agents_.size() || agents_[i].id != id) return nullptr;
  return &agents_[i];
}

AgentView& Acd::slot(AgentId id) {
  const auto i = static_cast<std::size_t>(id.value());
  if (i >= agents_.size()) {
    const auto old = agents_.size();
    agents_.resize(i + 1);
    for (auto j = old; j < agents_.size(); ++j) {
      agents_[j].id = AgentId{static_cast<AgentId::rep_type>(j)};
      ++by_state_[static_cast<std::size_t>(AgentState::logged_out)];
    }
  }
  return agents_[i];
}

void Acd::set_state(AgentView& a, AgentState s, TimePoint now) {
  if (a.state == AgentState::ready) idle_.erase({a.state_since, a.id});
  const bool was_in = a.state != AgentState::logged_out;
  const bool is_in = s != AgentState::logged_out;
  logged_in_ += (is_in ? 1 : 0) - (was_in ? 1 : 0);
  --by_state_[static_cast<std::size_t>(a.state)];
  ++by_state_[static_cast<std::size_t>(s)];
  a.state = s;
  a.state_since = now;
  if (s == AgentState::ready) idle_.insert({now, a.id});
}

Status Acd::login(AgentId id, TimePoint now) {
  if (id.value() < 0) return Error{ErrorCode::invalid_argument, "negative agent id"};
  AgentView& a = slot(id);
  if (a.state != AgentState::logged_out) {
    a.logout_pending = false;  // logging back in before wrap-up ended cancels the logout
    return ok_status();
  }
  a.pause_pending = a.logout_pending = false;
  set_state(a, AgentState::ready, now);
  return ok_status();
}

Status Acd::logout(AgentId id, TimePoint now) {
  AgentView* a = find(id);
  if (a == nullptr) return Error{ErrorCode::not_found, "unknown agent"};
  if (a->state == AgentState::talking || a->state == AgentState::wrap) {
    a->logout_pending = true;
    return ok_status();
  }
  if (a->state != AgentState::logged_out) set_state(*a, AgentState::logged_out, now);
  return ok_status();
}

Status Acd::pause(AgentId id, TimePoint now) {
  AgentView* a = find(id);
  if (a == nullptr) return Error{ErrorCode::not_found, "unknown agent"};
  if (a->state == AgentState::logged_out) return bad_state(id, "pause", a->state);
  if (a->state == AgentState::talking || a->state == AgentState::wrap) {
    a->pause_pending = true;
    return ok_status();
  }
  if (a->state == AgentState::ready) set_state(*a, AgentState::paused, now);
  return ok_status();
}

Status Acd::resume(AgentId id, TimePoint now) {
  AgentView* a = find(id);
  if (a == nullptr) return Error{ErrorCode::not_found, "unknown agent"};
  a->pause_pending = false;
  if (a->state == AgentState::paused) set_state(*a, AgentState::ready, now);
  return ok_status();
}

void Acd::connect(AgentView& a, CallId call, TimePoint now) {
  set_state(a, AgentState::talking, now);
  a.call = call;
}

std::optional<AgentId> Acd::offer(CallId call, TimePoint now) {
  if (idle_.empty()) {
    waiting_.push_back(call);
    count(RouteReason::queued_no_agent);
    return std::nullopt;
  }
  const AgentId id = idle_.begin()->second;
  connect(*find(id), call, now);
  count(RouteReason::routed_to_idle_agent);
  return id;
}

bool Acd::withdraw(CallId call) {
  const auto it = std::find(waiting_.begin(), waiting_.end(), call);
  if (it == waiting_.end()) return false;
  waiting_.erase(it);
  count(RouteReason::withdrawn);
  return true;
}

Status Acd::end_talk(AgentId id, TimePoint now) {
  AgentView* a = find(id);
  if (a == nullptr) return Error{ErrorCode::not_found, "unknown agent"};
  if (a->state != AgentState::talking) return bad_state(id, "end talk", a->state);
  a->call.reset();
  set_state(*a, AgentState::wrap, now);
  return ok_status();
}

Result<std::optional<Assignment>> Acd::end_wrap(AgentId id, TimePoint now) {
  AgentView* a = find(id);
  if (a == nullptr) return Error{ErrorCode::not_found, "unknown agent"};
  if (a->state != AgentState::wrap) return bad_state(id, "end wrap-up", a->state);
  if (a->logout_pending) {
    a->logout_pending = a->pause_pending = false;
    set_state(*a, AgentState::logged_out, now);
    return std::optional<Assignment>{};
  }
  if (a->pause_pending) {
    a->pause_pending = false;
    set_state(*a, AgentState::paused, now);
    return std::optional<Assignment>{};
  }
  if (!waiting_.empty()) {
    const CallId call = waiting_.front();
    waiting_.pop_front();
    connect(*a, call, now);
    count(RouteReason::routed_from_queue);
    return std::optional<Assignment>{Assignment{call, id}};
  }
  set_state(*a, AgentState::ready, now);
  return std::optional<Assignment>{};
}

}  // namespace dialer::acd
