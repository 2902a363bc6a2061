#include "tools/simulator/scenario.h"

#include <gtest/gtest.h>

namespace dialer::sim {
namespace {

constexpr const char* kIssueExample = R"(
agents: 50
hours_per_day: 8
days: 30
seeds: 5
live_answer_rate: 0.25
time_to_answer: {dist: uniform, min: 3, max: 18}
no_answer_time: {dist: uniform, min: 5, max: 30}
talk: {dist: exponential, mean: 120}
wrap: {dist: fixed, value: 15}
abandon_after: 2
abandon_target: 0.03
policies: [predictive, progressive, best_ratio, vicidial_adapt_hard_limit, vicidial_adapt_tapered]
)";

TEST(ScenarioTest, ParsesTheIssueExample) {
  const auto s = parse_scenario_yaml(kIssueExample, "example.yaml");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->total_agents(), 50);
  EXPECT_EQ(s->days, 30);
  EXPECT_EQ(s->seeds, 5);
  EXPECT_DOUBLE_EQ(s->live_rate_at(3.0), 0.25);
  EXPECT_EQ(s->time_to_answer.kind, Distribution::Kind::uniform);
  EXPECT_DOUBLE_EQ(s->time_to_answer.b, 18);
  EXPECT_EQ(s->talk.kind, Distribution::Kind::exponential);
  EXPECT_DOUBLE_EQ(s->wrap.mean(), 15);
  EXPECT_EQ(s->policies.size(), 5u);
}

TEST(ScenarioTest, ParsesSchedulesAndAnswerRatesThatChangeDuringTheDay) {
  const auto s = parse_scenario_yaml(R"(
agents:
  - {count: 10, login: 0, logout: 4, pauses: [[1, 1.25]]}
  - {count: 5, login: 2}
live_answer_rate: [[0, 0.2], [3, 0.35]]
talk: {dist: lognormal, mean: 150, sd: 80}
)",
                                     "sched.yaml");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->total_agents(), 15);
  ASSERT_EQ(s->agents[0].pauses.size(), 1u);
  EXPECT_DOUBLE_EQ(s->agents[0].logout_hour, 4);
  EXPECT_DOUBLE_EQ(s->agents[1].logout_hour, -1);
  EXPECT_DOUBLE_EQ(s->live_rate_at(2.9), 0.2);
  EXPECT_DOUBLE_EQ(s->live_rate_at(3.0), 0.35);
  EXPECT_DOUBLE_EQ(s->talk.b, 80);
}

TEST(ScenarioTest, RejectsUnknownKeysWithTheirPosition) {
  const auto s = parse_scenario_yaml("agents: 5\ntalk_time: 3\n", "bad.yaml");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::parse_error);
  EXPECT_NE(s.error().message.find("bad.yaml:2:"), std::string::npos);
}

TEST(ScenarioTest, RejectsOutOfRangeValues) {
  EXPECT_FALSE(parse_scenario_yaml("live_answer_rate: 1.5\n", "x").ok());
  EXPECT_FALSE(parse_scenario_yaml("agents: 0\n", "x").ok());
  EXPECT_FALSE(parse_scenario_yaml("talk: {dist: uniform, min: 5, max: 1}\n", "x").ok());
  EXPECT_FALSE(parse_scenario_yaml("policies: [magic]\n", "x").ok());
}

TEST(DistributionTest, SamplesStayInRangeAndMatchTheMean) {
  SeededRandom rng(3);
  Distribution u{Distribution::Kind::uniform, 3, 18};
  Distribution e{Distribution::Kind::exponential, 120, 0};
  double sum = 0;
  for (int i = 0; i < 20000; ++i) {
    const double x = u.sample(rng);
    ASSERT_GE(x, 3);
    ASSERT_LT(x, 18);
    sum += e.sample(rng);
  }
  EXPECT_NEAR(sum / 20000, 120, 4);
}

}  // namespace
}  // namespace dialer::sim
