#include "dialer/calls/outbound_call.h"

#include "dialer/calls/ring_floor.h"

namespace dialer::calls {

std::string_view to_string(CallState state) {
  switch (state) {
    case CallState::idle:
      return "idle";
    case CallState::calling:
      return "calling";
    case CallState::proceeding:
      return "proceeding";
    case CallState::early:
      return "early";
    case CallState::answered:
      return "answered";
    case CallState::terminated:
      return "terminated";
  }
  return "terminated";
}

void OutboundCall::invite_sent(TimePoint now) {
  if (state_ != CallState::idle) return;
  state_ = CallState::calling;
  invite_at_ = now;
}

void OutboundCall::provisional(int sip_status, bool has_sdp, TimePoint now) {
  if (state_ != CallState::calling && state_ != CallState::proceeding &&
      state_ != CallState::early) {
    return;
  }
  if (sip_status >= 180 && sip_status < 200 && !first_ringing_at_) first_ringing_at_ = now;
  if (has_sdp) {
    state_ = CallState::early;
  } else if (state_ == CallState::calling) {
    state_ = CallState::proceeding;
  }
}

TimePoint OutboundCall::cancel_not_before() const {
  return earliest_cancel_at(invite_at_, first_ringing_at_, ring_timeout_);
}

CancelDecision OutboundCall::request_cancel(CancelCause cause, TimePoint now) {
  using Action = CancelDecision::Action;
  switch (state_) {
    case CallState::idle:
    case CallState::terminated:
      return {Action::nothing, {}};
    case CallState::answered:
      return {Action::send_bye, {}};
    default:
      break;
  }
  if (cancel_sent_) return {Action::nothing, {}};
  if (!cancel_cause_) cancel_cause_ = cause;
  // The floor holds for every cause: the engine's own cancel waits for it too.
  const TimePoint floor = earliest_cancel_at(invite_at_, first_ringing_at_, Duration{0});
  const TimePoint due = *cancel_cause_ == CancelCause::ring_timeout ? cancel_not_before() : floor;
  if (now < due) return {Action::wait_until, due};
  cancel_sent_ = true;
  return {Action::send_cancel, {}};
}

FinalOutcome OutboundCall::final_response(int sip_status) {
  FinalOutcome out;
  if (state_ == CallState::terminated || state_ == CallState::answered) return out;
  const bool cancelled_by_us = cancel_sent_ && cancel_cause_.has_value();
  const SystemDisposition cancel_disposition = cancel_cause_ == CancelCause::ring_timeout
                                                   ? SystemDisposition::no_answer
                                                   : SystemDisposition::cancelled;
  const FailureCause cancel_failure = cancel_cause_ == CancelCause::ring_timeout
                                          ? FailureCause::ring_timeout
                                          : FailureCause::cancelled;
  if (sip_status >= 200 && sip_status < 300) {
    if (cancelled_by_us) {
      state_ = CallState::terminated;
      out.send_bye = true;
      out.disposition = SystemDisposition::cancelled;
      out.cause = FailureCause::answered_after_cancel;
      return out;
    }
    state_ = CallState::answered;
    out.answered = true;
    out.disposition = SystemDisposition::answered;
    return out;
  }
  state_ = CallState::terminated;
  if (cancelled_by_us && sip_status == 487) {
    out.disposition = cancel_disposition;
    out.cause = cancel_failure;
    return out;
  }
  // A real final answer that crossed our CANCEL (busy, not found...) is the truth about the line.
  out.disposition = disposition_for_status(sip_status);
  return out;
}

void OutboundCall::ended() { state_ = CallState::terminated; }

}  // namespace dialer::calls
