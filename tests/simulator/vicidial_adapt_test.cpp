#include "tools/simulator/vicidial_adapt.h"

#include <gtest/gtest.h>

#include "dialer/common/simulated_clock.h"

namespace dialer::sim {
namespace {

using pacing::CallObservation;
using K = CallObservation::Kind;

pacing::PacingInputs idle_team(TimePoint now, int ready, int logged_in) {
  pacing::PacingInputs in;
  in.now = now;
  in.agents_ready = ready;
  in.agents_logged_in = logged_in;
  in.busy.assign(static_cast<std::size_t>(logged_in - ready), pacing::BusyAgent{});
  in.connected_calls = logged_in - ready;
  return in;
}

// 10:00 on the first simulated day.
const TimePoint kMorning = from_unix_ms(10 * 3'600'000LL);

TEST(VicidialAdaptTest, LevelRisesWhileAgentsAreIdle) {
  SimulatedClock clock(kMorning);
  VicidialAdaptPacer pacer(VicidialConfig{});
  for (int s = 0; s <= 60; ++s) {
    pacer.decide(idle_team(clock.now(), 5, 10));
    clock.advance_by(Duration{1000});
  }
  EXPECT_GT(pacer.level(), 2.0);  // x = 0.5 every 15 s
  EXPECT_LE(pacer.level(), 3.0);
}

TEST(VicidialAdaptTest, HardLimitDropsToOneWhenTodaysDropRateIsOverTheLimit) {
  SimulatedClock clock(kMorning);
  VicidialAdaptPacer pacer(VicidialConfig{});
  for (int s = 0; s <= 30; ++s) {
    pacer.decide(idle_team(clock.now(), 5, 10));
    clock.advance_by(Duration{1000});
  }
  ASSERT_GT(pacer.level(), 1.0);
  for (int i = 0; i < 100; ++i) {
    pacer.observe(clock.now(), {i % 10 == 0 ? K::abandoned : K::connected, Duration{0}});
  }
  for (int s = 0; s <= 16; ++s) {
    pacer.decide(idle_team(clock.now(), 5, 10));
    clock.advance_by(Duration{1000});
  }
  EXPECT_DOUBLE_EQ(pacer.level(), 1.0);
}

TEST(VicidialAdaptTest, TaperedScalesTheLevelByHoursLeftOverTen) {
  SimulatedClock clock(from_unix_ms(16 * 3'600'000LL));  // 16:00: (2100 - 1600) / 1000 = 0.5
  VicidialConfig config;
  config.tapered = true;
  config.initial_level = 2.0;
  VicidialAdaptPacer pacer(config);
  for (int i = 0; i < 100; ++i) {
    pacer.observe(clock.now(), {i % 10 == 0 ? K::abandoned : K::connected, Duration{0}});
  }
  for (int s = 0; s <= 15; ++s) {
    pacer.decide(idle_team(clock.now(), 0, 60));  // no idle agents: x = 0
    clock.advance_by(Duration{1000});
  }
  EXPECT_NEAR(pacer.level(), 1.0, 1e-9);  // 2.0 x 0.5
}

TEST(VicidialAdaptTest, DialsOnlyOnItsTwoAndAHalfSecondLoop) {
  SimulatedClock clock(kMorning);
  VicidialAdaptPacer pacer(VicidialConfig{});
  const auto first = pacer.decide(idle_team(clock.now(), 5, 10));
  EXPECT_EQ(first.launch, 5);  // level 1: one line per agent, 5 already talking
  clock.advance_by(Duration{500});
  EXPECT_EQ(pacer.decide(idle_team(clock.now(), 5, 10)).launch, 0);
}

}  // namespace
}  // namespace dialer::sim
