// What the IVR interpreter asks its caller (the engine, or a test) to do: play or stop a prompt,
// start or stop collecting DTMF, arm or clear the one timer of the call (a deadline the caller
// checks; the interpreter never reads a clock), hand the call to a queue, record a callback
// request, add the caller to the do-not-call list, look the caller up, start voicemail, hang up.
// Plain values; safe to copy between threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "dialer/common/ids.h"
#include "dialer/common/time.h"
#include "inbound/ivr_flow.h"

namespace dialer::inbound {

// Why the interpreter hung up. Every reason is counted (IvrCounters).
enum class HangupReason : std::uint8_t {
  end_of_flow,         // a hangup node, or a node with no next
  retries_exhausted,   // a collect node ran out of retries and has no on_failure
  after_hours,         // closed (hours or holiday) and the after-hours action is hangup
  opted_out,           // after the opt-out confirmation
  callback_requested,  // after the callback confirmation
  no_caller_id,        // opt-out or callback without a number, and no on_failure
  unknown_did,         // the dialled number is not configured
  loop_guard,          // too many steps without waiting for anything (a validator escape)
};
inline constexpr std::size_t kHangupReasonCount = 8;
std::string_view to_string(HangupReason reason);

struct PlayPrompt {
  std::string file;
  std::uint32_t id = 0;  // echo it in prompt_finished(); later ids supersede earlier ones
};
struct StopPrompt {
  std::uint32_t id = 0;
};
// Forward DTMF keys to digit(); the caller may also use these to set up in-band detection.
struct StartCollecting {
  int max_digits = 1;
  std::optional<char> terminator;
};
struct StopCollecting {};
// The call's single deadline: call tick(now) once now >= at. A new SetTimer replaces the old one.
struct SetTimer {
  TimePoint at;
};
struct ClearTimer {};
// Hand the call to `queue`; `skills` are required on top of the queue's own. Ends the IVR.
struct Enqueue {
  std::string queue;
  std::vector<NamedSkill> skills;
  int priority = 0;
};
// Call `number` back for `queue`; `since` (when the call arrived) keeps the caller's place.
struct RequestCallback {
  std::string queue;
  std::string number;
  TimePoint since;
};
struct AddToDnc {
  std::string number;
};
// Look the customer up by `value`; answer with lookup_result(id, ...).
struct LookupRequest {
  LookupKey key = LookupKey::account;
  std::string value;
  std::uint32_t id = 0;
};
// Record a message for `mailbox` after `greeting` (the mailbox's own when empty). Ends the IVR.
struct StartVoicemail {
  std::string mailbox;
  std::string greeting;
};
struct HangUp {
  HangupReason reason = HangupReason::end_of_flow;
};

using IvrAction =
    std::variant<PlayPrompt, StopPrompt, StartCollecting, StopCollecting, SetTimer, ClearTimer,
                 Enqueue, RequestCallback, AddToDnc, LookupRequest, StartVoicemail, HangUp>;
using IvrActions = std::vector<IvrAction>;

}  // namespace dialer::inbound
