// The lead lifecycle: every state and every allowed transition, in one table (lead_state.cpp).
//
//   fresh --queue--> queued --dial--> dialing --retry--> retry_scheduled --queue--> queued
//                                        |  \--callback--> callback --queue--> queued
//                                        |  \--requeue--> queued   (dial never left: gate deferred)
//                                        \--finish--> final
//   any non-final --finish--> final (DNC added, revoked consent, caps exhausted)
//   final --recycle--> fresh  (a manager resets a list)
#pragma once

#include <optional>
#include <string_view>

#include "dialer/common/result.h"

namespace dialer {

enum class LeadState { fresh, queued, dialing, retry_scheduled, callback, final };
enum class LeadEvent { queue, dial, retry, callback, requeue, finish, recycle };

std::string_view to_string(LeadState s);
std::string_view to_string(LeadEvent e);
std::optional<LeadState> lead_state_from_string(std::string_view s);

// The state after `event`, or an error naming the illegal transition.
Result<LeadState> next_lead_state(LeadState from, LeadEvent event);

}  // namespace dialer
