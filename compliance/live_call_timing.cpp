#include "compliance/live_call_timing.h"

namespace dialer::compliance {
namespace {
constexpr Duration kTwoSeconds = std::chrono::seconds{2};
}

LiveCallVerdict classify_live_call(const LiveCallTimes& t, Duration greeting_allowance) {
  LiveCallVerdict v;
  const TimePoint clock_start = t.greeting_ended_at.value_or(t.answered_at + greeting_allowance);
  v.deadline = clock_start + kTwoSeconds;
  if (t.agent_bridged_at) {
    v.time_to_agent_from_answer_ms = (*t.agent_bridged_at - t.answered_at).count();
    v.time_to_agent_from_greeting_ms = (*t.agent_bridged_at - clock_start).count();
  }
  if (t.agent_bridged_at && *t.agent_bridged_at <= v.deadline) return v;
  v.abandoned = true;
  if (t.agent_bridged_at) {
    v.reason = AbandonReason::late_bridge;
  } else if (t.dialer_hung_up) {
    v.reason = AbandonReason::dialer_hangup_on_live;
  } else {
    v.reason = AbandonReason::no_agent;
  }
  v.safe_harbor_late = !t.safe_harbor_started_at || *t.safe_harbor_started_at > v.deadline;
  return v;
}

}  // namespace dialer::compliance
