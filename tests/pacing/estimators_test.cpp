#include "dialer/pacing/estimators.h"

#include <gtest/gtest.h>

#include "dialer/pacing/availability_model.h"

namespace dialer::pacing {
namespace {

TEST(DecayingProportionTest, ThinDataStaysNearThePrior) {
  DecayingProportion p(1000);
  for (int i = 0; i < 4; ++i) p.add(i == 0);  // 1 live in 4
  EXPECT_GT(p.estimate(1.0, 40), 0.9);
  for (int i = 0; i < 2000; ++i) p.add(i % 4 == 0);
  EXPECT_NEAR(p.estimate(1.0, 40), 0.25, 0.04);
}

TEST(DecayingProportionTest, FollowsAChangeInTheRate) {
  DecayingProportion p(200);
  for (int i = 0; i < 2000; ++i) p.add(i % 10 == 0);
  for (int i = 0; i < 1000; ++i) p.add(i % 2 == 0);
  EXPECT_NEAR(p.estimate(0, 0), 0.5, 0.05);
}

TEST(DecayingHistogramTest, CdfAndMeanOfUniformSeconds) {
  DecayingHistogram h(60, 10000);
  for (int s = 0; s < 10; ++s) h.add(Duration{s * 1000 + 500});
  EXPECT_DOUBLE_EQ(h.cdf(0), 0.0);
  EXPECT_NEAR(h.cdf(5), 0.5, 1e-3);
  EXPECT_DOUBLE_EQ(h.cdf(60), 1.0);
  EXPECT_NEAR(h.mean_seconds(), 5.0, 1e-2);
  EXPECT_NEAR(h.pmf(3), 0.1, 1e-3);
}

TEST(DecayingHistogramTest, RecentObservationsWeighMore) {
  DecayingHistogram h(60, 100);
  for (int i = 0; i < 1000; ++i) h.add(Duration{10'000});
  for (int i = 0; i < 300; ++i) h.add(Duration{40'000});
  EXPECT_GT(h.pmf(40), 0.9);
}

AvailabilityModel trained_model(AvailabilityConfig config = {}) {
  AvailabilityModel m(config);
  using K = CallObservation::Kind;
  for (int i = 0; i < 400; ++i) {
    m.observe({K::answered_live, Duration{3000 + (i % 16) * 1000}});     // 3..18 s
    m.observe({K::not_live, Duration{5000 + (i % 26) * 1000}});          // 5..30 s
    m.observe({K::talk_finished, Duration{60'000 + (i % 121) * 1000}});  // 60..180 s
    m.observe({K::wrap_finished, Duration{15'000}});
  }
  m.refresh(TimePoint{});
  return m;
}

TEST(AvailabilityModelTest, RingingCallsPastEveryLiveAnswerTimeAreNotLive) {
  const auto m = trained_model();
  EXPECT_NEAR(m.p_live_given_ringing(Duration{0}, 0.25), 0.25, 0.01);
  // Live calls answer within 3..18 s, dead ones resolve within 5..30 s: half-way, a ringing call
  // is less likely to be live than at the start.
  EXPECT_LT(m.p_live_given_ringing(Duration{10'000}, 0.25), 0.25);
  EXPECT_EQ(m.p_live_given_ringing(Duration{25'000}, 0.25), 0.0);
}

TEST(AvailabilityModelTest, AgentsNearTheEndOfWrapAreAlmostSurelyFree) {
  const auto m = trained_model();
  EXPECT_GT(m.p_free({BusyAgent::Phase::wrap, Duration{14'000}}), 0.95);
  EXPECT_LT(m.p_free({BusyAgent::Phase::talk, Duration{1000}}), 0.05);
  // Late in a talk whose length is at most 181 s, the agent is more likely to free in time.
  EXPECT_GT(m.p_free({BusyAgent::Phase::talk, Duration{178'000}}),
            m.p_free({BusyAgent::Phase::talk, Duration{60'000}}) + 0.1);
}

AvailabilityConfig by_answer_time() {
  AvailabilityConfig c;
  c.horizon_groups = 4;
  c.time_resolved_demand = true;
  return c;
}

TEST(AvailabilityModelTest, ASlowerAnswerGivesEveryBusyAgentMoreTimeToFree) {
  const auto m = trained_model(by_answer_time());
  ASSERT_EQ(m.horizon_groups(), 4);
  const BusyAgent talking{BusyAgent::Phase::talk, Duration{170'000}};  // talk ends by 181 s
  const BusyAgent wrapping{BusyAgent::Phase::wrap, Duration{5'000}};
  double mean = 0;
  for (int g = 1; g < m.horizon_groups(); ++g) {
    EXPECT_GE(m.p_free(talking, g), m.p_free(talking, g - 1));
    EXPECT_GE(m.p_free(wrapping, g), m.p_free(wrapping, g - 1));
  }
  for (int g = 0; g < m.horizon_groups(); ++g) mean += m.p_free(talking, g) / m.horizon_groups();
  EXPECT_NEAR(mean, m.p_free(talking), 1e-9);  // the groups split the average, equally likely
  // Talk and the 15 s wrap-up both to finish: only the slower answers leave time for it.
  EXPECT_GT(m.p_free(talking, 3), m.p_free(talking, 0) + 0.2);
  // A wrap-up with 10 s left is over before the slowest answers, not before the fastest.
  EXPECT_GT(m.p_free(wrapping, 3), 0.95);
  EXPECT_LT(m.p_free(wrapping, 0), 0.5);
}

TEST(AvailabilityModelTest, OnlyCallsAnsweredBeforeTheNewOneCompeteWithIt) {
  const auto m = trained_model(by_answer_time());
  // Just dialled (answer in 3..18 s): ahead of a new call answered among the fastest rarely,
  // ahead of one answered among the slowest often.
  EXPECT_LT(m.p_answers_first(Duration{0}, 0), 0.3);
  EXPECT_GT(m.p_answers_first(Duration{0}, 3), 0.7);
  // Rung 15 s already: if live, it answers within 3 s, ahead of almost any new call.
  EXPECT_GT(m.p_answers_first(Duration{15'000}, 1), 0.9);
  EXPECT_EQ(trained_model().p_answers_first(Duration{0}, 0), 1.0);  // the default: all compete
}

TEST(RollingAbandonmentTest, CountsOnlyTheLastDayOfAnswers) {
  RollingAbandonment window(std::chrono::hours{24});
  const TimePoint t0 = from_unix_ms(1'780'000'000'000);
  for (int i = 0; i < 97; ++i) window.add(t0 + Duration{i * 1000}, false);
  for (int i = 0; i < 3; ++i) window.add(t0 + Duration{100'000}, true);
  EXPECT_NEAR(window.rate(), 0.03, 1e-12);
  window.add(t0 + std::chrono::hours{25}, false);  // a day later, only this answer is left
  EXPECT_EQ(window.live(), 1.0);
  EXPECT_EQ(window.rate(), 0.0);
}

TEST(AvailabilityModelTest, WithoutHandleSamplesBusyAgentsAreNotCounted) {
  AvailabilityModel m(AvailabilityConfig{});
  m.refresh(TimePoint{});
  EXPECT_EQ(m.p_free({BusyAgent::Phase::wrap, Duration{14'000}}), 0.0);
}

}  // namespace
}  // namespace dialer::pacing
