// The 2-second rule on recorded timings: reference ABN-01, ABN-02, ABN-03 (the parts that need
// no telephony: classifying what the media server observed).
#include "compliance/live_call_timing.h"

#include <gtest/gtest.h>

namespace dialer::compliance {
namespace {

using std::chrono::milliseconds;

const TimePoint kAnswer = from_unix_ms(1'781'000'000'000);

TEST(LiveCallTimingTest, ABN_01_NoAgentMeansAbandonedAndMessageDueTwoSecondsAfterGreeting) {
  LiveCallTimes t{kAnswer, kAnswer + milliseconds{1200}, std::nullopt, kAnswer + milliseconds{3200},
                  false};
  auto v = classify_live_call(t);
  EXPECT_TRUE(v.abandoned);
  EXPECT_EQ(v.reason, AbandonReason::no_agent);
  EXPECT_EQ(v.deadline, kAnswer + milliseconds{3200});
  EXPECT_FALSE(v.safe_harbor_late);
  t.safe_harbor_started_at = kAnswer + milliseconds{3201};
  EXPECT_TRUE(classify_live_call(t).safe_harbor_late);
}

TEST(LiveCallTimingTest, ABN_01_AgentFreedAfterTheDeadlineStillAbandoned) {
  // Greeting ends at 1.2 s; the agent is bridged at 3.3 s (2.1 s after the greeting).
  LiveCallTimes t{kAnswer, kAnswer + milliseconds{1200}, kAnswer + milliseconds{3300},
                  kAnswer + milliseconds{3100}, false};
  auto v = classify_live_call(t);
  EXPECT_TRUE(v.abandoned);
  EXPECT_EQ(v.reason, AbandonReason::late_bridge);
  EXPECT_FALSE(v.safe_harbor_late);
}

TEST(LiveCallTimingTest, ABN_01_BridgeWithinTwoSecondsIsNotAbandoned) {
  LiveCallTimes t{kAnswer, kAnswer + milliseconds{1200}, kAnswer + milliseconds{3000}, std::nullopt,
                  false};
  auto v = classify_live_call(t);
  EXPECT_FALSE(v.abandoned);
  EXPECT_EQ(v.time_to_agent_from_greeting_ms, 1800);
  EXPECT_EQ(v.time_to_agent_from_answer_ms, 3000);
}

TEST(LiveCallTimingTest, ABN_02_WithoutGreetingEndTheClockStartsAtAnswerPlusAllowance) {
  LiveCallTimes t{kAnswer, std::nullopt, kAnswer + milliseconds{2100}, std::nullopt, false};
  EXPECT_TRUE(classify_live_call(t).abandoned);  // default allowance 0: 2.1 s after answer
  EXPECT_EQ(classify_live_call(t).deadline, kAnswer + milliseconds{2000});
  EXPECT_FALSE(classify_live_call(t, milliseconds{500}).abandoned);
}

TEST(LiveCallTimingTest, ABN_03_TimeToAgentOverTwoSecondsFromGreetingIsAbandoned) {
  LiveCallTimes t{kAnswer, kAnswer + milliseconds{500}, kAnswer + milliseconds{2501}, std::nullopt,
                  false};
  auto v = classify_live_call(t);
  EXPECT_TRUE(v.abandoned);
  EXPECT_EQ(v.time_to_agent_from_greeting_ms, 2001);
  EXPECT_TRUE(v.safe_harbor_late);  // no message at all
}

TEST(LiveCallTimingTest, DialerHangupOnALivePersonIsAbandoned) {
  LiveCallTimes t{kAnswer, kAnswer + milliseconds{800}, std::nullopt, std::nullopt, true};
  auto v = classify_live_call(t);
  EXPECT_TRUE(v.abandoned);
  EXPECT_EQ(v.reason, AbandonReason::dialer_hangup_on_live);
}

}  // namespace
}  // namespace dialer::compliance
