#include "dialer/calls/ring_floor.h"

#include <gtest/gtest.h>

namespace dialer::calls {
namespace {

using std::chrono::seconds;

const TimePoint kInvite = from_unix_ms(1'000'000);

TEST(RingFloorTest, LongRingTimeoutCountsFromTheInvite) {
  EXPECT_EQ(earliest_cancel_at(kInvite, std::nullopt, seconds{30}), kInvite + seconds{30});
  EXPECT_EQ(earliest_cancel_at(kInvite, kInvite + seconds{2}, seconds{30}), kInvite + seconds{30});
}

TEST(RingFloorTest, ShortRingTimeoutIsRaisedToFifteenSecondsAfterTheInvite) {
  EXPECT_EQ(earliest_cancel_at(kInvite, std::nullopt, seconds{5}), kInvite + seconds{15});
  EXPECT_EQ(earliest_cancel_at(kInvite, std::nullopt, seconds{0}), kInvite + seconds{15});
}

TEST(RingFloorTest, LateRingingMovesTheFloor) {
  EXPECT_EQ(earliest_cancel_at(kInvite, kInvite + seconds{20}, seconds{30}), kInvite + seconds{35});
  EXPECT_EQ(earliest_cancel_at(kInvite, kInvite + seconds{3}, seconds{15}), kInvite + seconds{18});
}

TEST(RingFloorTest, NeverBeforeFifteenSecondsOfEitherAnchor) {
  for (int timeout = 0; timeout <= 40; timeout += 5) {
    for (int ring = 0; ring <= 30; ring += 3) {
      const TimePoint ringing = kInvite + seconds{ring};
      const TimePoint at = earliest_cancel_at(kInvite, ringing, seconds{timeout});
      EXPECT_GE(at, kInvite + kRingFloor);
      EXPECT_GE(at, ringing + kRingFloor);
      EXPECT_GE(at, kInvite + seconds{timeout});
    }
  }
}

}  // namespace
}  // namespace dialer::calls
