#include "dialer/pacing/dial_caps.h"

#include <gtest/gtest.h>

#include "dialer/common/simulated_clock.h"

namespace dialer::pacing {
namespace {

PacingInputs ready_agents(TimePoint now, int ready) {
  PacingInputs in;
  in.now = now;
  in.agents_ready = ready;
  in.agents_logged_in = ready;
  return in;
}

PacingDecision asking(TimePoint now, int launch) {
  PacingDecision d;
  d.launch = launch;
  d.reason = PacingReason::launched;
  d.next_check = now + Duration{250};
  return d;
}

TEST(DialCapsTest, LimitsLinesPerAgent) {
  DialCaps caps(CapsConfig{2.0, 0, 0, 5});
  auto in = ready_agents(TimePoint{}, 5);
  in.in_flight_elapsed.assign(4, Duration{0});
  auto d = asking(in.now, 20);
  caps.apply(in, d);
  EXPECT_EQ(d.launch, 6);  // 2 x 5 agents - 4 lines in use
  EXPECT_EQ(d.reason, PacingReason::cap_lines_per_agent);
  EXPECT_EQ(d.explanation.uncapped_launch, 20);
}

TEST(DialCapsTest, LimitsTrunkChannels) {
  DialCaps caps(CapsConfig{3.0, 0, 8, 5});
  auto in = ready_agents(TimePoint{}, 10);
  in.connected_calls = 5;
  auto d = asking(in.now, 10);
  caps.apply(in, d);
  EXPECT_EQ(d.launch, 3);
  EXPECT_EQ(d.reason, PacingReason::cap_trunks);
}

TEST(DialCapsTest, CallsPerSecondFollowTheInjectedClock) {
  SimulatedClock clock;
  DialCaps caps(CapsConfig{10.0, 2.0, 0, 4});
  auto d = asking(clock.now(), 10);
  caps.apply(ready_agents(clock.now(), 10), d);
  EXPECT_EQ(d.launch, 4);  // the burst
  EXPECT_EQ(d.reason, PacingReason::cap_calls_per_second);
  EXPECT_LE(d.next_check, clock.now() + Duration{500});

  d = asking(clock.now(), 10);
  caps.apply(ready_agents(clock.now(), 10), d);
  EXPECT_EQ(d.launch, 0);

  clock.advance_by(Duration{1000});  // two more tokens at 2 calls per second
  d = asking(clock.now(), 10);
  caps.apply(ready_agents(clock.now(), 10), d);
  EXPECT_EQ(d.launch, 2);
}

}  // namespace
}  // namespace dialer::pacing
