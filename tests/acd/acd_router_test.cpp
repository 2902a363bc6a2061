// AcdRouter behaviour on a simulated clock: routing strategies, skills, priorities, blended
// inbound/outbound, ringing and ring-no-answer, reservations, wrap-up and maximum wait.
#include "dialer/acd/acd_router.h"

#include <gtest/gtest.h>

#include "acd_fixture.h"

namespace dialer::acd {
namespace {

using AcdRouterTest = AcdFixture;
constexpr SkillId kSpanish{1};
constexpr SkillId kBilling{2};

TEST_F(AcdRouterTest, LongestIdleAgentTakesTheCall) {
  login(1);
  login(2);
  ASSERT_TRUE(acd_.offer(CallId{1}, kInbound, clock_.now()).ok());
  EXPECT_EQ(acd_.agent(AgentId{1})->call, CallId{1});
  EXPECT_EQ(action_kinds(), std::vector<ActionKind>{ActionKind::connect_agent});
}

TEST_F(AcdRouterTest, FewestCallsTodayStrategyPrefersTheLeastBusyAgent) {
  ASSERT_TRUE(
      acd_
          .add_queue(QueueConfig{
              QueueId{3}, QueueKind::inbound, 0, {}, RoutingStrategy::fewest_calls_today, {}, 0})
          .ok());
  login(1);
  login(2);
  ASSERT_TRUE(acd_.offer(CallId{1}, kInbound, clock_.now()).ok());  // agent 1 (longest idle)
  ASSERT_TRUE(acd_.hangup(CallId{1}, clock_.now()).ok());
  ASSERT_TRUE(acd_.end_wrap_up(AgentId{1}, clock_.now()).ok());
  clock_.advance_by(Duration{60'000});
  // Agent 2 has now been idle longer anyway; make agent 2 busier than agent 1 instead.
  ASSERT_TRUE(acd_.offer(CallId{2}, kInbound, clock_.now()).ok());  // agent 2
  ASSERT_TRUE(acd_.hangup(CallId{2}, clock_.now()).ok());
  ASSERT_TRUE(acd_.end_wrap_up(AgentId{2}, clock_.now()).ok());
  ASSERT_TRUE(acd_.offer(CallId{3}, kInbound, clock_.now()).ok());  // agent 1 (idle longer)
  ASSERT_TRUE(acd_.hangup(CallId{3}, clock_.now()).ok());
  ASSERT_TRUE(acd_.end_wrap_up(AgentId{1}, clock_.now()).ok());
  // Agent 2 is idle longer, but agent 2 has 1 call today and agent 1 has 2: fewest calls wins.
  ASSERT_TRUE(acd_.offer(CallId{4}, QueueId{3}, clock_.now()).ok());
  EXPECT_EQ(acd_.agent(AgentId{2})->call, CallId{4});
  // Longest idle on the same state would have picked agent 2 as well; start a new day and check
  // the counts reset.
  acd_.start_new_day();
  EXPECT_EQ(acd_.agent(AgentId{1})->calls_today, 0u);
}

TEST_F(AcdRouterTest, FewestCallsBeatsLongestIdle) {
  ASSERT_TRUE(
      acd_
          .add_queue(QueueConfig{
              QueueId{3}, QueueKind::inbound, 0, {}, RoutingStrategy::fewest_calls_today, {}, 0})
          .ok());
  login(1);  // idle the longest, but will have a call today
  ASSERT_TRUE(acd_.offer(CallId{1}, kInbound, clock_.now()).ok());
  ASSERT_TRUE(acd_.hangup(CallId{1}, clock_.now()).ok());
  ASSERT_TRUE(acd_.end_wrap_up(AgentId{1}, clock_.now()).ok());
  clock_.advance_by(Duration{1000});
  login(2);  // idle for less time, no call today
  ASSERT_TRUE(acd_.offer(CallId{2}, QueueId{3}, clock_.now()).ok());
  EXPECT_EQ(acd_.agent(AgentId{2})->call, CallId{2});
  ASSERT_TRUE(acd_.offer(CallId{3}, kInbound, clock_.now()).ok());  // longest idle: agent 1
  EXPECT_EQ(acd_.agent(AgentId{1})->call, CallId{3});
}

TEST_F(AcdRouterTest, SkillsAndLevelsDecideWhoMayTakeAQueue) {
  ASSERT_TRUE(acd_
                  .add_queue(QueueConfig{
                      QueueId{3}, QueueKind::inbound, 0, {{kSpanish, 5}, {kBilling, 1}}, {}, {}, 0})
                  .ok());
  login(1, true, {{kSpanish, 4}, {kBilling, 9}});  // Spanish too low
  login(2, true, {{kSpanish, 7}});                 // no billing
  ASSERT_TRUE(acd_.offer(CallId{1}, QueueId{3}, clock_.now()).ok());
  EXPECT_EQ(acd_.waiting_in(QueueId{3}), 1);
  login(3, true, {{kSpanish, 5}, {kBilling, 1}});
  EXPECT_EQ(acd_.agent(AgentId{3})->call, CallId{1});  // takes the waiting call at login
}

TEST_F(AcdRouterTest, FreedAgentServesInboundBeforeOutboundThenHigherPriority) {
  ASSERT_TRUE(acd_.add_queue(QueueConfig{QueueId{3}, QueueKind::inbound, 5, {}, {}, {}, 0}).ok());
  ASSERT_TRUE(acd_.offer(CallId{1}, kCampaign, clock_.now()).ok());   // outbound answer, oldest
  ASSERT_TRUE(acd_.offer(CallId{2}, kInbound, clock_.now()).ok());    // inbound, priority 0
  ASSERT_TRUE(acd_.offer(CallId{3}, QueueId{3}, clock_.now()).ok());  // inbound, priority 5
  login(1);
  EXPECT_EQ(acd_.agent(AgentId{1})->call, CallId{3});
  login(2);
  EXPECT_EQ(acd_.agent(AgentId{2})->call, CallId{2});
  login(3);
  EXPECT_EQ(acd_.agent(AgentId{3})->call, CallId{1});
}

TEST_F(AcdRouterTest, RingNoAnswerPausesTheAgentAndRequeuesTheCallToTheNextAgent) {
  login(1, false);
  login(2, false);
  ASSERT_TRUE(acd_.offer(CallId{1}, kInbound, clock_.now()).ok());
  EXPECT_EQ(status(1), AgentStatus::reserved);
  EXPECT_EQ(acd_.next_due(), clock_.now() + AcdSettings{}.ring_timeout);
  run_next_due();
  EXPECT_EQ(status(1), AgentStatus::paused);
  EXPECT_EQ(acd_.agent(AgentId{1})->pause_reason, "RNA");
  EXPECT_EQ(acd_.agent(AgentId{2})->call, CallId{1});  // rings the next agent
  EXPECT_EQ(action_kinds(),
            (std::vector<ActionKind>{ActionKind::ring_agent, ActionKind::call_requeued,
                                     ActionKind::ring_agent}));
  ASSERT_TRUE(acd_.agent_answered(AgentId{2}, clock_.now()).ok());
  EXPECT_EQ(status(2), AgentStatus::on_call);
}

TEST_F(AcdRouterTest, CallerHangingUpWhileAgentRingsReleasesTheAgent) {
  login(1, false);
  ASSERT_TRUE(acd_.offer(CallId{1}, kInbound, clock_.now()).ok());
  ASSERT_TRUE(acd_.hangup(CallId{1}, clock_.now()).ok());
  EXPECT_EQ(status(1), AgentStatus::ready);
  EXPECT_FALSE(acd_.next_due().has_value());
}

TEST_F(AcdRouterTest, ReservationConfirmedReleasedOrExpired) {
  login(1);
  login(2);
  login(3);
  const auto r1 = acd_.reserve(kCampaign, clock_.now());
  ASSERT_TRUE(r1.ok());
  EXPECT_EQ(r1->agent, AgentId{1});
  EXPECT_EQ(r1->expires, clock_.now() + AcdSettings{}.reservation_timeout);
  ASSERT_TRUE(acd_.confirm(AgentId{1}, CallId{7}, clock_.now()).ok());
  EXPECT_EQ(status(1), AgentStatus::on_call);
  const auto r2 = acd_.reserve(kCampaign, clock_.now());
  ASSERT_TRUE(acd_.release(r2->agent, clock_.now()).ok());
  EXPECT_EQ(status(2), AgentStatus::ready);
  const auto r3 = acd_.reserve(kCampaign, clock_.now());
  EXPECT_EQ(r3->agent, AgentId{3});  // agent 2 is ready again but only since now
  run_next_due();
  EXPECT_EQ(status(3), AgentStatus::ready);
  EXPECT_EQ(action_kinds().back(), ActionKind::reservation_expired);
}

TEST_F(AcdRouterTest, WrapUpEndsOnItsOwnAtItsDueTime) {
  login(1);
  ASSERT_TRUE(acd_.offer(CallId{1}, kInbound, clock_.now()).ok());
  clock_.advance_by(Duration{30'000});
  ASSERT_TRUE(acd_.hangup(CallId{1}, clock_.now()).ok());
  EXPECT_EQ(acd_.agent(AgentId{1})->due, clock_.now() + AcdSettings{}.wrap_up);
  run_next_due();
  EXPECT_EQ(status(1), AgentStatus::ready);
  EXPECT_EQ(action_kinds().back(), ActionKind::wrap_up_timed_out);
}

TEST_F(AcdRouterTest, PauseAndLogoutAskedDuringACallApplyAfterWrapUp) {
  login(1);
  login(2);
  ASSERT_TRUE(acd_.offer(CallId{1}, kInbound, clock_.now()).ok());
  ASSERT_TRUE(acd_.offer(CallId{2}, kInbound, clock_.now()).ok());
  ASSERT_TRUE(acd_.pause(AgentId{1}, "LUNCH", clock_.now()).ok());
  ASSERT_TRUE(acd_.logout(AgentId{2}, clock_.now()).ok());
  ASSERT_TRUE(acd_.offer(CallId{3}, kInbound, clock_.now()).ok());  // waits
  for (int c = 1; c <= 2; ++c) ASSERT_TRUE(acd_.hangup(CallId{c}, clock_.now()).ok());
  ASSERT_TRUE(acd_.end_wrap_up(AgentId{1}, clock_.now()).ok());
  run_next_due();  // agent 2's wrap-up times out
  EXPECT_EQ(status(1), AgentStatus::paused);
  EXPECT_EQ(acd_.agent(AgentId{1})->pause_reason, "LUNCH");
  EXPECT_EQ(status(2), AgentStatus::logged_out);
  EXPECT_EQ(acd_.waiting_in(kInbound), 1);  // neither took the waiting call
}

TEST_F(AcdRouterTest, MaximumWaitOverflowsToAnotherQueueThenToVoicemail) {
  ASSERT_TRUE(acd_.add_queue(QueueConfig{QueueId{3},
                                         QueueKind::inbound,
                                         0,
                                         {{kBilling, 1}},
                                         {},
                                         {OverflowOutcome::to_queue, Duration{60'000}, QueueId{4}},
                                         0})
                  .ok());
  ASSERT_TRUE(acd_.add_queue(QueueConfig{QueueId{4},
                                         QueueKind::inbound,
                                         0,
                                         {{kSpanish, 1}},
                                         {},
                                         {OverflowOutcome::voicemail, Duration{30'000}, {}},
                                         0})
                  .ok());
  ASSERT_TRUE(acd_.add_queue(QueueConfig{QueueId{5},
                                         QueueKind::inbound,
                                         0,
                                         {{kSpanish, 9}},
                                         {},
                                         {OverflowOutcome::hang_up, Duration{10'000}, {}},
                                         0})
                  .ok());
  ASSERT_TRUE(acd_.offer(CallId{1}, QueueId{3}, clock_.now()).ok());
  ASSERT_TRUE(acd_.offer(CallId{2}, QueueId{5}, clock_.now()).ok());
  run_next_due();
  EXPECT_EQ(acd_.call(CallId{2}), nullptr);
  run_next_due();
  EXPECT_EQ(acd_.waiting_in(QueueId{4}), 1);
  run_next_due();
  EXPECT_EQ(acd_.call(CallId{1}), nullptr);
  EXPECT_EQ(action_kinds(),
            (std::vector<ActionKind>{ActionKind::call_queued, ActionKind::call_queued,
                                     ActionKind::hang_up, ActionKind::call_overflowed,
                                     ActionKind::call_queued, ActionKind::send_to_voicemail}));
}

TEST_F(AcdRouterTest, OverflowedCallGoesToAReadyAgentOfTheOtherQueue) {
  ASSERT_TRUE(acd_.add_queue(QueueConfig{QueueId{3},
                                         QueueKind::inbound,
                                         0,
                                         {{kBilling, 1}},
                                         {},
                                         {OverflowOutcome::to_queue, Duration{60'000}, kInbound},
                                         0})
                  .ok());
  ASSERT_TRUE(acd_.offer(CallId{1}, QueueId{3}, clock_.now()).ok());
  ASSERT_TRUE(acd_.add_queue(QueueConfig{QueueId{6}, QueueKind::inbound, 0, {}, {}, {}, 0}).ok());
  login(1);
  EXPECT_EQ(acd_.waiting_in(QueueId{3}), 1);
  run_next_due();
  EXPECT_EQ(acd_.agent(AgentId{1})->call, CallId{1});
}

TEST_F(AcdRouterTest, PacingSeesReadyAgentsLeftAfterInboundDemand) {
  ASSERT_TRUE(
      acd_.add_queue(QueueConfig{QueueId{3}, QueueKind::inbound, 0, {{kBilling, 1}}, {}, {}, 2})
          .ok());
  login(1, true, {{kBilling, 1}});  // blended
  login(2, true, {{kBilling, 1}});  // blended
  login(3);                         // outbound and the skill-less inbound queue
  ASSERT_TRUE(acd_.login(AgentProfile{AgentId{4}, {{kBilling, 3}}, {}, true}, clock_.now())
                  .ok());  // inbound only
  // Inbound queue 3 keeps 2 agents ready: agent 4 (not in the campaign) first, then one blended.
  EXPECT_EQ(acd_.ready_for_campaign(kCampaign), 2);
  ASSERT_TRUE(acd_.offer(CallId{1}, QueueId{3}, clock_.now()).ok());  // agent 1 is on it
  EXPECT_EQ(acd_.ready_for_campaign(kCampaign), 1);
  login(5);
  ASSERT_TRUE(acd_.offer(CallId{2}, kInbound, clock_.now()).ok());  // agent 2, the longest idle
  // Ready: 3 and 5 (campaign, no billing skill) and 4; queue 3 can only keep agent 4 back.
  EXPECT_EQ(acd_.ready_for_campaign(kCampaign), 2);
  ASSERT_TRUE(acd_.offer(CallId{3}, QueueId{3}, clock_.now()).ok());  // agent 4
  EXPECT_EQ(acd_.ready_for_campaign(kCampaign), 2);
  EXPECT_EQ(acd_.ready_for_campaign(QueueId{99}), 0);
}

TEST_F(AcdRouterTest, UnknownIdsAndDuplicatesAreErrorsNotCrashes) {
  EXPECT_FALSE(acd_.logout(AgentId{9}, clock_.now()).ok());
  EXPECT_FALSE(acd_.offer(CallId{1}, QueueId{99}, clock_.now()).ok());
  EXPECT_FALSE(acd_.hangup(CallId{1}, clock_.now()).ok());
  EXPECT_FALSE(acd_.add_queue(QueueConfig{kInbound, QueueKind::inbound, 0, {}, {}, {}, 0}).ok());
  ASSERT_TRUE(acd_.offer(CallId{1}, kInbound, clock_.now()).ok());
  EXPECT_FALSE(acd_.offer(CallId{1}, kInbound, clock_.now()).ok());
  EXPECT_FALSE(acd_.reserve(kCampaign, clock_.now()).ok());
  login(1);
  EXPECT_FALSE(acd_.agent_answered(AgentId{1}, clock_.now()).ok());
}

}  // namespace
}  // namespace dialer::acd
