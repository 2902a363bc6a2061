#include <gtest/gtest.h>

#include "dialer/common/random.h"
#include "dialer/common/simulated_clock.h"
#include "dialer/pacing/pacer.h"

namespace dialer::pacing {
namespace {

PacingInputs inputs(TimePoint now, int ready, int busy, int in_flight, int waiting = 0) {
  PacingInputs in;
  in.now = now;
  in.agents_ready = ready;
  in.agents_logged_in = ready + busy;
  in.busy.assign(static_cast<std::size_t>(busy), BusyAgent{BusyAgent::Phase::talk, Duration{5000}});
  in.in_flight_elapsed.assign(static_cast<std::size_t>(in_flight), Duration{1000});
  in.answered_waiting = waiting;
  in.connected_calls = busy;
  return in;
}

TEST(ProgressivePacerTest, LaunchesOneCallPerReadyAgent) {
  SimulatedClock clock;
  ProgressivePacer pacer;
  const auto d = pacer.decide(inputs(clock.now(), 4, 3, 0));
  EXPECT_EQ(d.launch, 4);
  EXPECT_EQ(d.reason, PacingReason::launched);
  EXPECT_GT(d.next_check, clock.now());
}

TEST(ProgressivePacerTest, NeverHasMoreCallsInFlightThanReadyAgents) {
  SimulatedClock clock;
  SeededRandom rng(7);
  ProgressivePacer pacer;
  for (int i = 0; i < 2000; ++i) {
    clock.advance_by(Duration{250});
    const int ready = static_cast<int>(rng.uniform_int(0, 20));
    const int flight = static_cast<int>(rng.uniform_int(0, 25));
    const int waiting = static_cast<int>(rng.uniform_int(0, 3));
    const auto d = pacer.decide(inputs(clock.now(), ready, 5, flight, waiting));
    ASSERT_GE(d.launch, 0);
    if (flight + waiting >= ready) {
      ASSERT_EQ(d.launch, 0);
    } else {
      ASSERT_EQ(d.launch + flight + waiting, ready);
    }
  }
  EXPECT_EQ(pacer.reasons().total(), 2000u);
  EXPECT_GT(pacer.reasons().get(PacingReason::target_reached), 0u);
}

TEST(ProgressivePacerTest, WaitingInboundCallsTakeReadyAgentsFirst) {
  ProgressivePacer pacer;
  auto in = inputs(TimePoint{}, 3, 0, 0);
  in.inbound_waiting = 3;
  const auto d = pacer.decide(in);
  EXPECT_EQ(d.launch, 0);
  EXPECT_EQ(d.reason, PacingReason::inbound_load);
}

TEST(ProgressivePacerTest, CountsNoReadyAgents) {
  ProgressivePacer pacer;
  EXPECT_EQ(pacer.decide(inputs(TimePoint{}, 0, 5, 0)).launch, 0);
  EXPECT_EQ(pacer.reasons().get(PacingReason::no_ready_agents), 1u);
}

TEST(PowerPacerTest, KeepsRatioTimesActiveAgentsCallsUp) {
  PowerPacer pacer(2.0);
  // 10 active agents (4 ready, 6 talking): goal 20 lines; 6 connected + 5 ringing exist.
  const auto d = pacer.decide(inputs(TimePoint{}, 4, 6, 5));
  EXPECT_EQ(d.launch, 9);
  EXPECT_DOUBLE_EQ(d.explanation.ratio, 2.0);
  EXPECT_EQ(pacer.decide(inputs(TimePoint{}, 4, 6, 14)).launch, 0);
}

TEST(PreviewPacerTest, DialsOnlyWhatAgentsAskedFor) {
  PreviewPacer pacer;
  auto in = inputs(TimePoint{}, 5, 0, 0);
  EXPECT_EQ(pacer.decide(in).launch, 0);
  in.preview_requests = 2;
  const auto d = pacer.decide(in);
  EXPECT_EQ(d.launch, 2);
  EXPECT_EQ(d.reason, PacingReason::agent_initiated);
  EXPECT_EQ(pacer.reasons().get(PacingReason::agent_initiated), 2u);
}

}  // namespace
}  // namespace dialer::pacing
