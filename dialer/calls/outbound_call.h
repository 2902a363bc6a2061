// The outbound call state machine: idle -> calling -> proceeding/early -> answered -> terminated.
// Pure: every input carries `now`; the owner (the SIP adapter) performs the SIP actions it returns.
// Not thread-safe; one instance per call, used on one thread.
// Invariants: a CANCEL is never sent before earliest_cancel_at(); a 200 that crosses our CANCEL
// is ACKed then ended with BYE and recorded as cancelled, never as answered.
#pragma once

#include <optional>

#include "dialer/calls/call_event.h"
#include "dialer/calls/disposition.h"
#include "dialer/common/time.h"

namespace dialer::calls {

enum class CallState { idle, calling, proceeding, early, answered, terminated };

std::string_view to_string(CallState state);

enum class CancelCause { ring_timeout, engine };

// What the owner must do after a cancel request.
struct CancelDecision {
  enum class Action { send_cancel, wait_until, send_bye, nothing };
  Action action = Action::nothing;
  TimePoint not_before{};  // for wait_until: ask again at this time
};

// What a final response means for the call.
struct FinalOutcome {
  bool answered = false;  // report Answered
  bool send_bye = false;  // the 200 crossed our CANCEL: hang up at once
  SystemDisposition disposition = SystemDisposition::system_failure;
  FailureCause cause = FailureCause::sip_response;
};

class OutboundCall {
 public:
  explicit OutboundCall(Duration ring_timeout) : ring_timeout_(ring_timeout) {}

  [[nodiscard]] CallState state() const { return state_; }
  [[nodiscard]] bool cancel_sent() const { return cancel_sent_; }

  void invite_sent(TimePoint now);
  // Any 1xx. 18x starts the ring floor; SDP in a provisional means early media (state early).
  void provisional(int sip_status, bool has_sdp, TimePoint now);
  // When the call may be cancelled for lack of answer (moves if ringing starts late).
  [[nodiscard]] TimePoint cancel_not_before() const;
  // The ring timer fired or the engine asked to stop the call.
  CancelDecision request_cancel(CancelCause cause, TimePoint now);
  FinalOutcome final_response(int sip_status);
  // BYE sent by us or received: the call is over.
  void ended();

 private:
  Duration ring_timeout_;
  CallState state_ = CallState::idle;
  TimePoint invite_at_{};
  std::optional<TimePoint> first_ringing_at_;
  std::optional<CancelCause> cancel_cause_;
  bool cancel_sent_ = false;
};

}  // namespace dialer::calls
