#include "dialer/pacing/predictive_pacer.h"

#include <gtest/gtest.h>

#include "dialer/common/simulated_clock.h"

namespace dialer::pacing {
namespace {

using K = CallObservation::Kind;

// Feeds a campaign's history: live-answer rate 1 in 4, answers after 3..18 s, talk 60..180 s,
// wrap 15 s, and the given share of answered calls abandoned.
void train(PredictivePacer& pacer, SimulatedClock& clock, int calls, int abandon_every = 0) {
  for (int i = 0; i < calls; ++i) {
    clock.advance_by(Duration{100});
    const bool live = i % 4 == 0;
    if (live) {
      pacer.observe(clock.now(), {K::answered_live, Duration{3000 + (i % 16) * 1000}});
      const bool dropped = abandon_every > 0 && (i / 4) % abandon_every == 0;
      pacer.observe(clock.now(),
                    {dropped ? K::abandoned : K::connected, Duration{dropped ? 2000 : 0}});
      pacer.observe(clock.now(), {K::talk_finished, Duration{60'000 + (i % 121) * 1000}});
      pacer.observe(clock.now(), {K::wrap_finished, Duration{15'000}});
    } else {
      pacer.observe(clock.now(), {K::not_live, Duration{5000 + (i % 26) * 1000}});
    }
  }
  clock.advance_by(Duration{120'000});  // lets the model rebuild its tables
}

PacingInputs state(TimePoint now, int ready, int talking, int in_flight) {
  PacingInputs in;
  in.now = now;
  in.agents_ready = ready;
  in.agents_logged_in = ready + talking;
  in.busy.assign(static_cast<std::size_t>(talking),
                 BusyAgent{BusyAgent::Phase::talk, Duration{2000}});
  in.connected_calls = talking;
  in.in_flight_elapsed.assign(static_cast<std::size_t>(in_flight), Duration{1000});
  return in;
}

TEST(PredictivePacerTest, ColdStartDialsLikeProgressive) {
  SimulatedClock clock;
  PredictivePacer pacer;
  auto d = pacer.decide(state(clock.now(), 10, 0, 0));
  EXPECT_EQ(d.launch, 10);
  EXPECT_EQ(d.reason, PacingReason::cold_start);
  // A handful of unanswered calls must not make it over-dial.
  for (int i = 0; i < 8; ++i) pacer.observe(clock.now(), {K::not_live, Duration{20'000}});
  d = pacer.decide(state(clock.now(), 10, 0, 0));
  EXPECT_LE(d.launch, 11);
  EXPECT_EQ(pacer.reasons().get(PacingReason::cold_start), 2u);
}

TEST(PredictivePacerTest, OverDialsWhenFewDialsAreLive) {
  SimulatedClock clock;
  PredictivePacer pacer;
  train(pacer, clock, 4000);
  EXPECT_NEAR(pacer.p_live(), 0.25, 0.03);
  // 20 ready, 20 just started talking: the cap (3 lines x 40 agents) is far away.
  const auto d = pacer.decide(state(clock.now(), 20, 20, 0));
  EXPECT_GT(d.launch, 40);  // far more than one per ready agent
  EXPECT_LT(d.launch, 100);
  EXPECT_EQ(d.reason, PacingReason::launched);
  EXPECT_NEAR(d.explanation.p_live, pacer.p_live(), 1e-12);
  EXPECT_LT(d.explanation.next_call_abandon + 1e-12, 1.0);
  EXPECT_GE(d.explanation.next_call_abandon, d.explanation.threshold);
}

TEST(PredictivePacerTest, HoldsDialsWhenTheForecastAbandonmentIsAboveTarget) {
  SimulatedClock clock;
  PredictivePacer pacer;
  train(pacer, clock, 4000);
  // Nobody ready, every agent just started talking, and 30 calls ringing: any extra live answer
  // would find no agent.
  const auto d = pacer.decide(state(clock.now(), 0, 10, 30));
  EXPECT_EQ(d.launch, 0);
  EXPECT_EQ(d.reason, PacingReason::forecast_abandon_above_target);
  EXPECT_GT(d.explanation.forecast_abandon, 0.0);
  EXPECT_GT(d.explanation.demand_expected, d.explanation.agents_expected);
  EXPECT_EQ(pacer.reasons().get(PacingReason::forecast_abandon_above_target), 1u);
}

TEST(PredictivePacerTest, DialsAheadForAgentsAboutToLeaveWrapUp) {
  SimulatedClock clock;
  PredictivePacer pacer;
  train(pacer, clock, 4000);
  auto in = state(clock.now(), 0, 0, 0);
  in.agents_logged_in = 10;
  in.busy.assign(10, BusyAgent{BusyAgent::Phase::wrap, Duration{13'000}});
  const auto d = pacer.decide(in);
  EXPECT_GT(d.launch, 10);
  EXPECT_GT(d.explanation.agents_expected, 9.0);
}

TEST(PredictivePacerTest, LargerTeamsRunMoreLinesPerAgent) {
  SimulatedClock clock;
  PredictivePacer pacer;
  train(pacer, clock, 4000);
  const double small = pacer.decide(state(clock.now(), 2, 8, 0)).launch / 2.0;
  const double large = pacer.decide(state(clock.now(), 80, 320, 0)).launch / 80.0;
  EXPECT_LT(small, large);
}

TEST(PredictivePacerTest, AbandonsLowerTheThresholdAndAnswersRaiseIt) {
  SimulatedClock clock;
  PredictivePacer pacer;
  const double start = pacer.threshold();
  for (int i = 0; i < 20; ++i) pacer.observe(clock.now(), {K::abandoned, Duration{2000}});
  const double after_drops = pacer.threshold();
  EXPECT_LT(after_drops, start);
  for (int i = 0; i < 3000; ++i) pacer.observe(clock.now(), {K::connected, Duration{0}});
  EXPECT_GT(pacer.threshold(), after_drops);
}

TEST(PredictivePacerTest, FallsBackToProgressiveWhenMeasuredAbandonmentNearsTheCeiling) {
  SimulatedClock clock;
  PredictivePacer pacer;
  train(pacer, clock, 12'000, /*abandon_every=*/10);  // 10 % of answers dropped
  const auto d = pacer.decide(state(clock.now(), 6, 4, 2));
  EXPECT_EQ(d.reason, PacingReason::abandon_guard);
  EXPECT_EQ(d.launch, 4);  // exactly progressive: 6 ready - 2 ringing
  EXPECT_GT(d.explanation.measured_abandon, 0.03);
}

TEST(PredictivePacerTest, WaitingInboundCallsReduceOutboundDials) {
  SimulatedClock clock;
  PredictivePacer pacer;
  train(pacer, clock, 4000);
  auto in = state(clock.now(), 10, 0, 0);
  const int alone = pacer.decide(in).launch;
  in.inbound_waiting = 4;
  in.inbound_rate_per_s = 0.2;
  const int blended = pacer.decide(in).launch;
  EXPECT_LT(blended, alone);
}

TEST(PredictivePacerTest, RespectsTheLinesPerAgentCap) {
  SimulatedClock clock;
  PredictiveConfig config;
  config.caps.max_lines_per_agent = 1.5;
  PredictivePacer pacer(config);
  train(pacer, clock, 4000);
  const auto d = pacer.decide(state(clock.now(), 20, 0, 0));
  EXPECT_EQ(d.launch, 30);
  EXPECT_EQ(d.reason, PacingReason::cap_lines_per_agent);
}

TEST(PredictivePacerTest, ExplainsEachDecisionWithItsInputsAndEstimates) {
  SimulatedClock clock;
  PredictivePacer pacer;
  train(pacer, clock, 4000);
  const auto in = state(clock.now(), 3, 5, 2);
  const auto d = pacer.decide(in);
  const auto& last = pacer.last_decision();
  EXPECT_EQ(last.launch, d.launch);
  EXPECT_EQ(last.explanation.p_live, d.explanation.p_live);
  EXPECT_GT(last.explanation.p_live_observations, 500.0);
  EXPECT_GE(last.explanation.agents_expected, 3.0);
  const auto line = describe(in, d);
  EXPECT_NE(line.find("ready=3"), std::string::npos);
  EXPECT_NE(line.find("reason=" + std::string(to_string(d.reason))), std::string::npos);
}

TEST(PredictivePacerTest, AsksAgainWithinATick) {
  SimulatedClock clock;
  PredictivePacer pacer;
  const auto d = pacer.decide(state(clock.now(), 1, 0, 0));
  EXPECT_GT(d.next_check, clock.now());
  EXPECT_LE(d.next_check, clock.now() + Duration{250});
}

TEST(PredictivePacerTest, DialsProgressivelyWhileTheGatesControlWindowNearsTheCeiling) {
  SimulatedClock clock;
  PredictivePacer pacer;
  train(pacer, clock, 4000);  // 1000 answers, none abandoned
  auto d = pacer.decide(state(clock.now(), 20, 20, 0));
  ASSERT_GT(d.launch, 20);
  // 30 drops in the last day's 1030 answers: 2.9 %, above 93 % of the 3 % ceiling.
  for (int i = 0; i < 30; ++i) pacer.observe(clock.now(), {K::abandoned, Duration{2000}});
  d = pacer.decide(state(clock.now(), 20, 20, 0));
  EXPECT_EQ(d.reason, PacingReason::abandon_guard);
  EXPECT_EQ(d.launch, 20);
  // A day later those drops have left the window, and the recent calls were clean: predictive
  // again.
  clock.advance_by(std::chrono::hours{25});
  for (int i = 0; i < 400; ++i) pacer.observe(clock.now(), {K::connected, Duration{0}});
  d = pacer.decide(state(clock.now(), 20, 20, 0));
  EXPECT_NE(d.reason, PacingReason::abandon_guard);
  EXPECT_GT(d.launch, 20);
}

}  // namespace
}  // namespace dialer::pacing
