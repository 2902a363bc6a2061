#include "dialer/media/codec/abandon_deadline.h"

namespace dialer::media {

const char* to_string(AbandonState s) {
  switch (s) {
    case AbandonState::idle:
      return "idle";
    case AbandonState::waiting:
      return "waiting";
    case AbandonState::bridged:
      return "bridged";
    case AbandonState::message_playing:
      return "message_playing";
    case AbandonState::message_done:
      return "message_done";
    case AbandonState::opted_out:
      return "opted_out";
  }
  return "unknown";
}

const char* to_string(AbandonReason r) {
  switch (r) {
    case AbandonReason::none:
      return "none";
    case AbandonReason::no_agent:
      return "no_agent";
    case AbandonReason::late_bridge:
      return "late_bridge";
  }
  return "unknown";
}

std::optional<TimePoint> AbandonDeadline::deadline() const {
  if (!answered_) return std::nullopt;
  // The legal clock runs from the completed greeting; without one it starts no later than
  // answer + allowance (ABN-02).
  if (greeting_end_) return *greeting_end_ + config_.limit;
  return *answered_ + config_.greeting_allowance + config_.limit;
}

AbandonAction AbandonDeadline::wait_until_deadline() const {
  AbandonAction a;
  a.next_wakeup = deadline();
  a.act_by = deadline();
  return a;
}

AbandonAction AbandonDeadline::on_answer(TimePoint answered) {
  if (state_ != AbandonState::idle) return {};
  answered_ = answered;
  state_ = AbandonState::waiting;
  return wait_until_deadline();
}

AbandonAction AbandonDeadline::on_greeting_end(TimePoint greeting_end, TimePoint now) {
  if (state_ != AbandonState::waiting) return {};
  greeting_end_ = greeting_end;
  return poll(now);
}

AbandonAction AbandonDeadline::poll(TimePoint now) {
  if (state_ != AbandonState::waiting) return {};
  const TimePoint due = *deadline();
  if (now < due) return wait_until_deadline();
  state_ = AbandonState::message_playing;
  reason_ = AbandonReason::no_agent;
  message_started_ = now;
  AbandonAction a;
  a.kind = AbandonActionKind::start_message;
  a.at = now;
  a.act_by = due;
  return a;
}

BridgeVerdict AbandonDeadline::on_agent_media(TimePoint at) {
  BridgeVerdict v;
  if (answered_) v.from_answer = at - *answered_;
  if (greeting_end_) v.from_greeting_end = at - *greeting_end_;
  switch (state_) {
    case AbandonState::idle:  // not armed (e.g. preview or inbound): nothing to enforce
    case AbandonState::bridged:
      v.connect = true;
      break;
    case AbandonState::waiting:
      v.connect = true;
      if (at > *deadline()) {
        // The timer had not fired yet, but the media path is late all the same (ABN-03).
        reason_ = AbandonReason::late_bridge;
        v.abandoned = true;
      }
      state_ = AbandonState::bridged;
      break;
    case AbandonState::message_playing:
    case AbandonState::message_done:
    case AbandonState::opted_out:
      v.abandoned = true;  // once the message started the call stays abandoned
      break;
  }
  v.reason = reason_;
  if (reason_ != AbandonReason::none) v.abandoned = true;
  return v;
}

AbandonAction AbandonDeadline::on_dtmf(char digit, TimePoint now) {
  const bool during_message =
      state_ == AbandonState::message_playing || state_ == AbandonState::message_done;
  if (!during_message || digit != config_.opt_out_digit) return {};
  state_ = AbandonState::opted_out;
  AbandonAction a;
  a.kind = AbandonActionKind::add_to_dnc_and_hang_up;
  a.at = now;
  a.act_by = now + config_.opt_out_hang_up_within;
  return a;
}

void AbandonDeadline::on_message_finished() {
  if (state_ == AbandonState::message_playing) state_ = AbandonState::message_done;
}

}  // namespace dialer::media
