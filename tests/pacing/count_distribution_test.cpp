#include "dialer/pacing/count_distribution.h"

#include <gtest/gtest.h>

#include <cmath>

namespace dialer::pacing {
namespace {

TEST(CountDistributionTest, ExactPmfOfAgentsMinusLiveAnswers) {
  CountPmf z;
  z.reset(1);                // one ready agent
  z.add_bernoulli(0.5, -1);  // a ringing call, live with probability 1/2
  z.add_bernoulli(0.5, -1);  // another
  // Short of agents only when both are live.
  EXPECT_NEAR(z.p_at_most_zero(), 0.75, 1e-12);  // Z in {1, 0, -1}: P(Z <= 0) = 1/2 + 1/4
  EXPECT_NEAR(z.expected_negative_part(), 0.25, 1e-12);
}

TEST(CountDistributionTest, SkewnessTermBringsTheNormalCloserToTheExactTail) {
  // 8 agents about to free against 60 ringing calls live with probability 0.12: a right-skewed
  // demand, the low-answer-rate case.
  CountPmf z;
  z.reset(8);
  double mean = 8, var = 0, third = 0;
  for (int i = 0; i < 60; ++i) {
    z.add_bernoulli(0.12, -1);
    mean -= 0.12;
    var += 0.12 * 0.88;
    third -= bernoulli_third(0.12);
  }
  const double exact = z.p_at_most_zero();
  const double plain = risk_of(mean, var, 0.0);
  const double refined = risk_of(mean, var, third);
  EXPECT_LT(std::abs(refined - exact), 0.5 * std::abs(plain - exact));
}

TEST(CountDistributionTest, NoVarianceMeansACertainAnswer) {
  EXPECT_EQ(risk_of(3.0, 0.0, 0.0), 0.0);
  EXPECT_EQ(risk_of(0.0, 0.0, 0.0), 1.0);
}

}  // namespace
}  // namespace dialer::pacing
