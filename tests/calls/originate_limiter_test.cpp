#include "dialer/calls/originate_limiter.h"

#include <gtest/gtest.h>

namespace dialer::calls {
namespace {

using std::chrono::milliseconds;

const TimePoint kT0 = from_unix_ms(10'000);

TEST(OriginateLimiterTest, RefusesBeyondTheChannelLimitUntilACallEnds) {
  OriginateLimiter limiter{{.channel_limit = 2, .cps_limit = 0}};
  EXPECT_FALSE(limiter.admit(kT0));
  EXPECT_FALSE(limiter.admit(kT0));
  EXPECT_EQ(limiter.admit(kT0), FailureCause::channel_limit);
  limiter.release();
  EXPECT_FALSE(limiter.admit(kT0));
  EXPECT_EQ(limiter.active(), 2);
}

TEST(OriginateLimiterTest, RefusesBeyondCallsPerSecondInASlidingWindow) {
  OriginateLimiter limiter{{.channel_limit = 0, .cps_limit = 3}};
  EXPECT_FALSE(limiter.admit(kT0));
  EXPECT_FALSE(limiter.admit(kT0 + milliseconds{100}));
  EXPECT_FALSE(limiter.admit(kT0 + milliseconds{200}));
  EXPECT_EQ(limiter.admit(kT0 + milliseconds{999}), FailureCause::cps_limit);
  EXPECT_FALSE(limiter.admit(kT0 + milliseconds{1000}));
  EXPECT_EQ(limiter.admit(kT0 + milliseconds{1050}), FailureCause::cps_limit);
  EXPECT_FALSE(limiter.admit(kT0 + milliseconds{1100}));
}

TEST(OriginateLimiterTest, ZeroMeansUnlimited) {
  OriginateLimiter limiter{{}};
  for (int i = 0; i < 1000; ++i) EXPECT_FALSE(limiter.admit(kT0));
}

}  // namespace
}  // namespace dialer::calls
