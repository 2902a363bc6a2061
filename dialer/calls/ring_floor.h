// The minimum ring time (the compliance floor): an unanswered call is never cancelled earlier
// than 15 s after the INVITE, nor earlier than 15 s after the first 18x provisional.
// Pure; safe from any thread. Invariant: the result is >= invite_at + kRingFloor and
// >= first_ringing_at + kRingFloor when ringing was seen.
#pragma once

#include <optional>

#include "dialer/common/time.h"

namespace dialer::calls {

inline constexpr Duration kRingFloor{15'000};

// When the call may be cancelled for lack of answer. ring_timeout counts from the INVITE;
// the floor wins whenever ring_timeout is shorter or ringing started late.
TimePoint earliest_cancel_at(TimePoint invite_at, std::optional<TimePoint> first_ringing_at,
                             Duration ring_timeout);

}  // namespace dialer::calls
