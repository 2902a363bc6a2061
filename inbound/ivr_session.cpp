// IvrSession: starting a call, moving between flows and nodes, after-hours actions, the prompt
// and timer bookkeeping shared by every node.
#include "inbound/ivr_session.h"

#include <array>
#include <utility>

namespace dialer::inbound {
namespace {

// A flow that loops through goto nodes without waiting for anything is cut off after this many
// nodes in one event (the validator reports such loops; this only guards against an escape).
constexpr int kMaxStepsPerEvent = 64;

}  // namespace

std::string_view to_string(HangupReason reason) {
  static constexpr std::array<std::string_view, kHangupReasonCount> kNames{
      "end_of_flow",        "retries_exhausted", "after_hours", "opted_out",
      "callback_requested", "no_caller_id",      "unknown_did", "loop_guard"};
  return kNames.at(static_cast<std::size_t>(reason));
}

IvrSession::IvrSession(std::shared_ptr<const InboundConfig> config) : config_(std::move(config)) {}

IvrActions IvrSession::start(const CallStart& call, TimePoint now) {
  if (started_) return {};
  started_ = true;
  steps_ = 0;
  vars_.did = call.did;
  vars_.caller_id = call.caller_id;
  vars_.started = now;
  const Did* did = config_->find_did(call.did);
  if (did == nullptr) {
    hang_up(HangupReason::unknown_did);
    return take();
  }
  if (did->hours) {
    if (auto why = closed_at(did->hours->schedule, now)) {
      after_hours(did->hours->after_hours, *why, now);
      return take();
    }
  }
  if (!did->flow.empty()) {
    enter_flow(config_->find_flow(did->flow), now);
  } else {
    enqueue(did->queue, {}, std::nullopt);
  }
  return take();
}

IvrActions IvrSession::prompt_finished(std::uint32_t prompt_id, TimePoint now) {
  if (finished() || prompt_id == 0 || prompt_id != prompt_id_) return {};  // stale or stopped
  steps_ = 0;
  prompt_id_ = 0;
  prompt_done(now);
  return take();
}

IvrActions IvrSession::tick(TimePoint now) {
  if (finished() || !deadline_ || now < *deadline_) return {};
  steps_ = 0;
  const Timer fired = timer_;
  timer_ = Timer::none;
  deadline_.reset();  // the caller's timer fired: nothing to clear
  switch (fired) {
    case Timer::first_digit:
      failed_attempt(collect_node().timeout_prompt, now);
      break;
    case Timer::inter_digit:
      complete_entry(now);
      break;
    case Timer::lookup:
      vars_.lookup_timed_out = true;
      lookup_done(false, LeadId{}, now);
      break;
    case Timer::none:
      break;
  }
  return take();
}

IvrActions IvrSession::caller_hung_up(TimePoint /*now*/) {
  if (finished()) return {};
  disarm();
  collecting_ = false;
  prompt_id_ = 0;
  lookup_id_ = 0;
  outcome_ = IvrOutcome::caller_hung_up;
  return take();
}

std::string_view IvrSession::flow_name() const {
  return flow_ != nullptr ? std::string_view(flow_->name) : std::string_view{};
}

std::string_view IvrSession::node_id() const {
  return node_ != nullptr ? std::string_view(node_->id) : std::string_view{};
}

std::optional<HoursState> IvrSession::closed_at(const std::string& schedule, TimePoint now) const {
  const Schedule* s = config_->find_schedule(schedule);
  if (s == nullptr) return std::nullopt;  // the validator rejects unknown schedules
  const HoursState state = hours_at(*s, now);
  if (state == HoursState::open) return std::nullopt;
  return state;
}

void IvrSession::enter_flow(const IvrFlow* flow, TimePoint now) {
  if (!count_step()) return;
  if (flow == nullptr) {  // the validator rejects unknown flows
    hang_up(HangupReason::end_of_flow);
    return;
  }
  flow_ = flow;
  node_ = nullptr;
  if (flow->hours) {
    if (auto why = closed_at(flow->hours->schedule, now)) {
      after_hours(flow->hours->after_hours, *why, now);
      return;
    }
  }
  node_ = flow->start_node();
  if (node_ == nullptr) {
    hang_up(HangupReason::end_of_flow);
    return;
  }
  run_node(now);
}

void IvrSession::go_to(const Target& target, HangupReason if_empty, TimePoint now) {
  if (target.empty()) {
    hang_up(if_empty);
    return;
  }
  if (!count_step()) return;
  const IvrNode* next = flow_ != nullptr ? flow_->find(target) : nullptr;
  if (next == nullptr) {  // the validator rejects unknown targets
    hang_up(HangupReason::end_of_flow);
    return;
  }
  node_ = next;
  run_node(now);
}

void IvrSession::run_node(TimePoint now) {
  const NodeSpec& spec = node_->spec;
  switch (node_->kind()) {
    case NodeKind::play: {
      const auto& n = std::get<PlayNode>(spec);
      then_target_ = n.next;
      then_reason_ = HangupReason::end_of_flow;
      play(n.prompt, Then::go_to, now);
      return;
    }
    case NodeKind::collect:
      start_collect(now);
      return;
    case NodeKind::queue: {
      const auto& n = std::get<QueueNode>(spec);
      enqueue(n.queue, n.skills, n.priority);
      return;
    }
    case NodeKind::callback:
      run_callback(std::get<CallbackNode>(spec), now);
      return;
    case NodeKind::opt_out:
      run_opt_out(std::get<OptOutNode>(spec), now);
      return;
    case NodeKind::lookup:
      run_lookup(std::get<LookupNode>(spec), now);
      return;
    case NodeKind::voicemail: {
      const auto& n = std::get<VoicemailNode>(spec);
      end(IvrOutcome::voicemail);
      actions_.emplace_back(StartVoicemail{n.mailbox, n.prompt});
      return;
    }
    case NodeKind::hangup:
      then_reason_ = HangupReason::end_of_flow;
      play(std::get<HangupNode>(spec).prompt, Then::hang_up, now);
      return;
    case NodeKind::go_to: {
      const auto& n = std::get<GotoNode>(spec);
      if (!n.node.empty()) {
        go_to(n.node, HangupReason::end_of_flow, now);
      } else {
        enter_flow(config_->find_flow(n.flow), now);
      }
      return;
    }
  }
}

void IvrSession::after_hours(const AfterHours& rule, HoursState why, TimePoint now) {
  vars_.closed = why;
  switch (rule.action) {
    case AfterHoursAction::hang_up:
      then_reason_ = HangupReason::after_hours;
      play(rule.prompt, Then::hang_up, now);
      return;
    case AfterHoursAction::voicemail:
      end(IvrOutcome::voicemail);
      actions_.emplace_back(StartVoicemail{rule.mailbox, rule.prompt});
      return;
    case AfterHoursAction::flow:
      then_flow_ = config_->find_flow(rule.flow);
      play(rule.prompt, Then::enter_flow, now);
      return;
    case AfterHoursAction::callback:
      if (vars_.caller_id.empty()) {
        hang_up(HangupReason::no_caller_id);  // nobody to call back: the prompt would mislead
        return;
      }
      request_callback(rule.queue, vars_.caller_id);
      then_reason_ = HangupReason::callback_requested;
      play(rule.prompt, Then::hang_up, now);
      return;
  }
}

void IvrSession::request_callback(const std::string& queue, const std::string& number) {
  actions_.emplace_back(RequestCallback{queue, number, vars_.started});
  vars_.callback_requested = true;
}

void IvrSession::enqueue(const std::string& queue, std::vector<NamedSkill> skills,
                         std::optional<int> priority) {
  const InboundQueue* q = config_->find_queue(queue);
  const int resolved = priority.value_or(q != nullptr ? q->priority : 0);
  end(IvrOutcome::queued);
  actions_.emplace_back(Enqueue{queue, std::move(skills), resolved});
}

void IvrSession::play(const std::string& file, Then then, TimePoint now) {
  then_ = then;
  if (file.empty()) {
    prompt_done(now);
    return;
  }
  prompt_id_ = ++last_id_;
  actions_.emplace_back(PlayPrompt{file, prompt_id_});
}

void IvrSession::prompt_done(TimePoint now) {
  switch (then_) {
    case Then::go_to: {
      const Target target = then_target_;  // go_to may set a new continuation
      go_to(target, then_reason_, now);
      return;
    }
    case Then::hang_up:
      hang_up(then_reason_);
      return;
    case Then::enter_flow:
      enter_flow(then_flow_, now);
      return;
    case Then::collect_listen:
      arm(Timer::first_digit, now + collect_node().first_digit_timeout);
      return;
    case Then::collect_retry:
      start_attempt(now);
      return;
  }
}

void IvrSession::hang_up(HangupReason reason) {
  if (finished()) return;
  end(IvrOutcome::hung_up);
  actions_.emplace_back(HangUp{reason});
  hangup_reason_ = reason;
}

void IvrSession::end(IvrOutcome outcome) {
  stop_collecting();
  disarm();
  outcome_ = outcome;
}

bool IvrSession::count_step() {
  if (++steps_ <= kMaxStepsPerEvent) return true;
  hang_up(HangupReason::loop_guard);
  return false;
}

void IvrSession::arm(Timer timer, TimePoint at) {
  timer_ = timer;
  deadline_ = at;
  actions_.emplace_back(SetTimer{at});
}

void IvrSession::disarm() {
  if (deadline_) actions_.emplace_back(ClearTimer{});
  deadline_.reset();
  timer_ = Timer::none;
}

IvrActions IvrSession::take() {
  IvrActions out;
  out.swap(actions_);
  return out;
}

}  // namespace dialer::inbound
