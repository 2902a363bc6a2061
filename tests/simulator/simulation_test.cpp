#include "tools/simulator/simulation.h"

#include <gtest/gtest.h>

#include "tools/simulator/campaign_pacer.h"
#include "tools/simulator/runner.h"

namespace dialer::sim {
namespace {

Scenario small_team(int agents, int days) {
  Scenario s;
  s.agents = {AgentGroup{agents, 0, -1, {}}};
  s.hours_per_day = 4;
  s.days = days;
  s.live_answer_rate = {{0.0, 0.25}};
  return s;
}

double talk_fraction(const RunResult& r) {
  double talk = 0, logged = 0;
  for (const auto& d : r.days) {
    talk += d.talk_s;
    logged += d.logged_in_s;
  }
  return talk / logged;
}

double abandon_rate(const RunResult& r) {
  std::int64_t drops = 0, live = 0;
  for (const auto& d : r.days) {
    drops += d.drops();
    live += d.live;
  }
  return static_cast<double>(drops) / static_cast<double>(live);
}

TEST(SimulationTest, SameSeedGivesTheSameRun) {
  const auto s = small_team(5, 1);
  const auto a = simulate(s, PolicySpec{"predictive"}, 11);
  const auto b = simulate(s, PolicySpec{"predictive"}, 11);
  EXPECT_EQ(a.days[0].dials, b.days[0].dials);
  EXPECT_EQ(a.days[0].abandoned, b.days[0].abandoned);
  EXPECT_DOUBLE_EQ(a.days[0].talk_s, b.days[0].talk_s);
}

TEST(SimulationTest, PredictiveBeatsProgressiveAndStaysUnderTheCeiling) {
  // The pacer alone (the compliance gate's own effect is tested in compliance_gate_test.cpp).
  // Five short days: the first ones include the cold start and its high daily abandonment.
  auto s = small_team(20, 5);
  s.compliance.real_gate = false;
  const auto predictive = simulate(s, PolicySpec{"predictive"}, 1);
  const auto progressive = simulate(s, PolicySpec{"progressive"}, 1);
  EXPECT_GT(talk_fraction(predictive), talk_fraction(progressive) + 0.10);
  EXPECT_LE(abandon_rate(predictive), 0.03);
  EXPECT_GT(abandon_rate(predictive), 0.0);  // it does use the allowance
  EXPECT_LT(abandon_rate(progressive), 0.005);
}

TEST(SimulationTest, AgentTimeAddsUpAndTalkNeverExceedsTheModelCeiling) {
  const auto r = simulate(small_team(10, 1), PolicySpec{"predictive"}, 2);
  const auto& d = r.days[0];
  EXPECT_NEAR(d.talk_s + d.wrap_s + d.ready_s + d.paused_s, d.logged_in_s, 1.0);
  EXPECT_LT(d.talk_s / d.logged_in_s, 120.0 / 135.0);
  EXPECT_EQ(d.live, d.connected + d.abandoned + d.amd_dropped);
}

class RefuseEveryOther final : public DialGatePort {
 public:
  GateReply ask(const DialRequest&) override {
    return {(++asked_ % 2) == 0 ? GateAnswer::dial : GateAnswer::skip_lead, {}};
  }
  int asked_ = 0;
};

class CountingSink final : public OutcomeSink {
 public:
  void record(const SimCallRecord& r) override { ++by_outcome[static_cast<int>(r.outcome)]; }
  std::array<int, 5> by_outcome{};
};

TEST(SimulationTest, GateRefusalsAndCallRecordsGoThroughThePorts) {
  RefuseEveryOther gate;
  CountingSink sink;
  const auto r = simulate(small_team(5, 1), PolicySpec{"progressive"}, 4, gate, sink);
  const auto& d = r.days[0];
  EXPECT_GT(d.gate_refusals, 0);
  EXPECT_EQ(d.gate_refusals + d.dials, gate.asked_);
  int records = 0;
  for (int n : sink.by_outcome) records += n;
  EXPECT_EQ(records, d.dials);
  EXPECT_EQ(sink.by_outcome[static_cast<int>(SimCallOutcome::connected)], d.connected);
}

TEST(SimulationTest, PausesAndLogoutsReduceLoggedInTime) {
  Scenario s = small_team(4, 1);
  s.agents = {AgentGroup{2, 0, -1, {}}, AgentGroup{2, 1, 3, {{2.0, 2.5}}}};
  const auto r = simulate(s, PolicySpec{"predictive"}, 5);
  const auto& d = r.days[0];
  EXPECT_NEAR(d.logged_in_s, 2 * 4 * 3600 + 2 * 2 * 3600, 2 * 600);  // + calls finishing
  EXPECT_GT(d.paused_s, 0.5 * 2 * 1800);
}

TEST(RunnerTest, WorstPeriodIsARollingThirtyDayWindow) {
  RunResult run;
  for (int day = 0; day < 31; ++day) {
    DayStats d;
    d.live = 100;
    d.abandoned = day == 30 ? 40 : 2;  // the last day alone is bad
    run.days.push_back(d);
  }
  const auto report = summarise("x", {run}, 30);
  EXPECT_NEAR(report.abandon_rate_max_period, (29 * 2 + 40) / 3000.0, 1e-12);
  EXPECT_NEAR(report.abandon_rate_max_day, 0.40, 1e-12);
}

TEST(RunnerTest, BestRatioIsBisectedUnderTheLimit) {
  Scenario s = small_team(10, 1);
  s.seeds = 2;
  s.policies = {"best_ratio", "progressive"};
  const auto report = run_scenario(s, RunOptions{1, 4});
  ASSERT_EQ(report.policies.size(), 2u);
  EXPECT_LE(report.policies[0].abandon_rate_max_period, s.abandon_target);
  EXPECT_GE(report.policies[0].ratio, 0.5);
  // Searched without the compliance gate, which would let any ratio pass by holding it.
  EXPECT_LT(report.policies[0].ratio, s.max_lines_per_agent);
  EXPECT_GT(report.policies[0].talk_fraction, report.policies[1].talk_fraction - 0.02);
}

}  // namespace
}  // namespace dialer::sim

namespace dialer::sim {
namespace {

TEST(CampaignPacerTest, DialModeOfTheCampaignChoosesThePacer) {
  Campaign c;
  c.dial_mode = DialMode::progressive;
  EXPECT_EQ(make_campaign_pacer(c, {}, 1.0, Duration{2000})->name(), "progressive");
  c.dial_mode = DialMode::preview;
  EXPECT_EQ(make_campaign_pacer(c, {}, 1.0, Duration{2000})->name(), "preview");
  c.dial_mode = DialMode::power;
  EXPECT_EQ(make_campaign_pacer(c, {}, 1.5, Duration{2000})->name(), "power");
  c.dial_mode = DialMode::predictive;
  EXPECT_EQ(make_campaign_pacer(c, {}, 1.0, Duration{2000})->name(), "predictive");
}

TEST(CampaignPacerTest, CampaignLinesPerAgentCapsThePacer) {
  Campaign c;
  c.dial_mode = DialMode::power;
  c.max_lines_per_agent = 1.2;
  auto pacer = make_campaign_pacer(c, {}, 3.0, Duration{2000});
  pacing::PacingInputs in;
  in.agents_ready = 10;
  in.agents_logged_in = 10;
  const auto d = pacer->decide(in);
  EXPECT_EQ(d.launch, 12);
  EXPECT_EQ(d.reason, pacing::PacingReason::cap_lines_per_agent);
}

}  // namespace
}  // namespace dialer::sim

namespace dialer::sim {
namespace {

class CountingObserver final : public DecisionObserver {
 public:
  void on_decision(const pacing::PacingInputs& in, const pacing::PacingDecision& d) override {
    ++decisions;
    launched += d.launch;
    if (!pacing::describe(in, d).empty()) ++described;
  }
  std::uint64_t decisions = 0, described = 0;
  std::int64_t launched = 0;
};

TEST(SimulationTest, EveryPacingDecisionIsObservableWithItsExplanation) {
  Scenario s;
  s.agents = {AgentGroup{5, 0, -1, {}}};
  s.hours_per_day = 1;
  AllowAllGate gate;
  NullSink sink;
  CountingObserver observer;
  const auto r = simulate(s, PolicySpec{"predictive"}, 3, gate, sink, &observer);
  EXPECT_EQ(observer.decisions, r.reasons.total());
  EXPECT_EQ(observer.described, observer.decisions);
  EXPECT_EQ(observer.launched, r.days[0].dials);
}

}  // namespace
}  // namespace dialer::sim
