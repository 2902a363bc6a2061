#include "dialer/acd/acd.h"

#include <gtest/gtest.h>

#include "dialer/common/simulated_clock.h"

namespace dialer::acd {
namespace {

class AcdTest : public ::testing::Test {
 protected:
  void login_all(int n) {
    for (int i = 0; i < n; ++i) {
      ASSERT_TRUE(acd_.login(AgentId{i}, clock_.now()).ok());
      clock_.advance_by(Duration{1000});
    }
  }
  SimulatedClock clock_;
  Acd acd_;
};

TEST_F(AcdTest, LongestIdleReadyAgentTakesTheCall) {
  login_all(3);  // agent 0 has been ready longest
  const auto first = acd_.offer(CallId{100}, clock_.now());
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(*first, AgentId{0});
  const auto second = acd_.offer(CallId{101}, clock_.now());
  EXPECT_EQ(*second, AgentId{1});
  EXPECT_EQ(acd_.ready_count(), 1);
  EXPECT_EQ(acd_.count_in(AgentState::talking), 2);
  EXPECT_EQ(acd_.reason_count(RouteReason::routed_to_idle_agent), 2u);
}

TEST_F(AcdTest, AgentBackFromWrapUpQueuesBehindLongerIdleAgents) {
  login_all(2);
  ASSERT_EQ(*acd_.offer(CallId{1}, clock_.now()), AgentId{0});
  ASSERT_TRUE(acd_.end_talk(AgentId{0}, clock_.now()).ok());
  clock_.advance_by(Duration{15'000});
  ASSERT_TRUE(acd_.end_wrap(AgentId{0}, clock_.now()).ok());
  EXPECT_EQ(*acd_.offer(CallId{2}, clock_.now()), AgentId{1});
}

TEST_F(AcdTest, AnsweredCallWaitsAndGoesToTheFirstAgentOutOfWrapUp) {
  login_all(1);
  ASSERT_TRUE(acd_.offer(CallId{1}, clock_.now()).has_value());
  EXPECT_FALSE(acd_.offer(CallId{2}, clock_.now()).has_value());
  EXPECT_EQ(acd_.waiting_count(), 1);
  EXPECT_EQ(acd_.reason_count(RouteReason::queued_no_agent), 1u);
  ASSERT_TRUE(acd_.end_talk(AgentId{0}, clock_.now()).ok());
  EXPECT_EQ(acd_.count_in(AgentState::wrap), 1);
  const auto next = acd_.end_wrap(AgentId{0}, clock_.now());
  ASSERT_TRUE(next.ok());
  ASSERT_TRUE(next->has_value());
  EXPECT_EQ((*next)->call, CallId{2});
  EXPECT_EQ(acd_.agent(AgentId{0})->state, AgentState::talking);
  EXPECT_EQ(acd_.waiting_count(), 0);
  EXPECT_EQ(acd_.reason_count(RouteReason::routed_from_queue), 1u);
}

TEST_F(AcdTest, WithdrawnCallLeavesTheQueue) {
  EXPECT_FALSE(acd_.offer(CallId{7}, clock_.now()).has_value());
  EXPECT_TRUE(acd_.withdraw(CallId{7}));
  EXPECT_FALSE(acd_.withdraw(CallId{7}));
  EXPECT_EQ(acd_.waiting_count(), 0);
  EXPECT_EQ(acd_.reason_count(RouteReason::withdrawn), 1u);
}

TEST_F(AcdTest, PauseAndLogoutDuringACallTakeEffectAfterWrapUp) {
  login_all(2);
  ASSERT_TRUE(acd_.offer(CallId{1}, clock_.now()).has_value());  // agent 0
  ASSERT_TRUE(acd_.offer(CallId{2}, clock_.now()).has_value());  // agent 1
  ASSERT_TRUE(acd_.pause(AgentId{0}, clock_.now()).ok());
  ASSERT_TRUE(acd_.logout(AgentId{1}, clock_.now()).ok());
  EXPECT_EQ(acd_.count_in(AgentState::talking), 2);
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(acd_.end_talk(AgentId{i}, clock_.now()).ok());
    ASSERT_TRUE(acd_.end_wrap(AgentId{i}, clock_.now()).ok());
  }
  EXPECT_EQ(acd_.agent(AgentId{0})->state, AgentState::paused);
  EXPECT_EQ(acd_.agent(AgentId{1})->state, AgentState::logged_out);
  EXPECT_EQ(acd_.logged_in_count(), 1);
  EXPECT_EQ(acd_.ready_count(), 0);
  ASSERT_TRUE(acd_.resume(AgentId{0}, clock_.now()).ok());
  EXPECT_EQ(acd_.ready_count(), 1);
}

TEST_F(AcdTest, PausedAgentsTakeNoCalls) {
  login_all(1);
  ASSERT_TRUE(acd_.pause(AgentId{0}, clock_.now()).ok());
  EXPECT_FALSE(acd_.offer(CallId{1}, clock_.now()).has_value());
}

TEST_F(AcdTest, RejectsTransitionsThatDoNotFitTheAgentsState) {
  login_all(1);
  const auto st = acd_.end_talk(AgentId{0}, clock_.now());
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::conflict);
  EXPECT_FALSE(acd_.end_wrap(AgentId{0}, clock_.now()).ok());
  EXPECT_EQ(acd_.pause(AgentId{9}, clock_.now()).error().code, ErrorCode::not_found);
}

TEST_F(AcdTest, CountsStatesConsistently) {
  login_all(4);
  ASSERT_TRUE(acd_.offer(CallId{1}, clock_.now()).has_value());
  ASSERT_TRUE(acd_.pause(AgentId{3}, clock_.now()).ok());
  EXPECT_EQ(acd_.count_in(AgentState::ready) + acd_.count_in(AgentState::talking) +
                acd_.count_in(AgentState::paused),
            acd_.logged_in_count());
  EXPECT_EQ(acd_.count_in(AgentState::ready), acd_.ready_count());
}

}  // namespace
}  // namespace dialer::acd
