// The 2-second rule as a pure classification (reference ABN-01, ABN-02, ABN-03, F3): given the
// times a media server observed on one answered live call, was it abandoned, why, and was the
// safe-harbor message started in time? The clock starts at the end of the greeting, or at the
// answer plus the configured greeting allowance when no end of greeting was detected (default
// allowance 0: the answer). Times to agent are measured to the media bridge, not to agent
// selection. Pure value function.
#pragma once

#include <optional>

#include "compliance/abandonment_ledger.h"
#include "dialer/common/time.h"

namespace dialer::compliance {

struct LiveCallTimes {
  TimePoint answered_at;
  std::optional<TimePoint> greeting_ended_at;  // empty: no end of greeting detected
  std::optional<TimePoint> agent_bridged_at;   // media path to the agent established
  std::optional<TimePoint> safe_harbor_started_at;
  bool dialer_hung_up = false;  // the dialer ended the call on a live person
};

struct LiveCallVerdict {
  bool abandoned = false;
  std::optional<AbandonReason> reason;
  TimePoint deadline;  // clock start + 2 s: bridge or message by then
  std::optional<std::int64_t> time_to_agent_from_greeting_ms;
  std::optional<std::int64_t> time_to_agent_from_answer_ms;
  bool safe_harbor_late = false;  // abandoned and the message started after the deadline (or never)
};

LiveCallVerdict classify_live_call(const LiveCallTimes& times,
                                   Duration greeting_allowance = Duration{0});

}  // namespace dialer::compliance
