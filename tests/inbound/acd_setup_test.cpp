// Converting inbound queues and agents' skills into the ACD core's types, and routing with them in
// the real AcdRouter: skills, levels, node variants, priorities and the callback overflow.
#include "inbound/acd_setup.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dialer/acd/acd_router.h"
#include "tests/inbound/ivr_fixture.h"

namespace dialer::inbound {
namespace {

using namespace std::chrono_literals;

InboundConfig config_with_agents() {
  InboundConfig c = testing::example_config();
  c.queues[0].strategy = QueueStrategy::fewest_calls;
  c.queues[0].max_wait = 3min;
  c.queues[0].overflow = QueueOverflow{OverflowAction::callback, "", "", ""};
  c.queues[1].max_wait = 10min;
  c.queues[1].overflow = QueueOverflow{OverflowAction::queue, "sales", "", ""};
  c.queues[1].keep_ready_agents = 2;
  c.agents = {AgentSkills{"agent1001", {{"sales", 7}}},
              AgentSkills{"agent1002", {{"support", 5}, {"billing", 1}}},
              AgentSkills{"agent1003", {{"support", 3}, {"billing", 4}}}};
  return c;
}

const std::map<std::string, AgentId> kAgentIds{
    {"agent1001", AgentId{1}}, {"agent1002", AgentId{2}}, {"agent1003", AgentId{3}}};

AcdSetup setup_of(const InboundConfig& c) {
  auto setup = make_acd_setup(c, kAgentIds, QueueId{100});
  EXPECT_TRUE(setup.ok()) << (setup.ok() ? "" : setup.error().message);
  return std::move(setup).value();
}

TEST(AcdSetupTest, QueuesKeepTheirSettingsInTheAcdTypes) {
  const AcdSetup setup = setup_of(config_with_agents());
  ASSERT_EQ(setup.queues().size(), 3U);  // sales, support, and support with billing>=2 at p8
  const acd::QueueConfig& sales = setup.queues()[0];
  EXPECT_EQ(sales.id, QueueId{100});
  EXPECT_EQ(sales.kind, acd::QueueKind::inbound);
  EXPECT_EQ(sales.priority, 5);
  EXPECT_EQ(sales.strategy, acd::RoutingStrategy::fewest_calls_today);
  ASSERT_EQ(sales.required.size(), 1U);
  EXPECT_EQ(sales.required[0].skill, *setup.skill_id("sales"));
  EXPECT_EQ(sales.required[0].level, 1);
  EXPECT_EQ(sales.overflow.outcome, acd::OverflowOutcome::hang_up);  // callback, see overflow_of
  EXPECT_EQ(sales.overflow.max_wait, 3min);
  EXPECT_EQ(setup.overflow_of(QueueId{100}), OverflowAction::callback);

  const acd::QueueConfig& support = setup.queues()[1];
  EXPECT_EQ(support.id, QueueId{101});
  EXPECT_EQ(support.strategy, acd::RoutingStrategy::longest_idle);
  EXPECT_EQ(support.overflow.outcome, acd::OverflowOutcome::to_queue);
  EXPECT_EQ(support.overflow.overflow_queue, QueueId{100});
  EXPECT_EQ(support.keep_ready_for_inbound, 2);
  EXPECT_EQ(setup.overflow_of(QueueId{101}), OverflowAction::queue);
}

TEST(AcdSetupTest, QueueNodeWithExtraSkillsGetsAVariantQueue) {
  const AcdSetup setup = setup_of(config_with_agents());
  const acd::QueueConfig& vip = setup.queues()[2];
  EXPECT_EQ(vip.id, QueueId{102});
  EXPECT_EQ(vip.priority, 8);
  EXPECT_EQ(vip.keep_ready_for_inbound, 0);  // kept once, by the base queue
  ASSERT_EQ(vip.required.size(), 2U);        // billing>=2 and support>=3, by skill name
  EXPECT_EQ(vip.required[0].skill, *setup.skill_id("billing"));
  EXPECT_EQ(vip.required[0].level, 2);
  EXPECT_EQ(vip.required[1].skill, *setup.skill_id("support"));
  EXPECT_EQ(vip.required[1].level, 3);
  EXPECT_EQ(setup.base_queue(QueueId{102}), "support");
  EXPECT_EQ(setup.overflow_of(QueueId{102}), OverflowAction::queue);

  EXPECT_EQ(setup.queue_for(Enqueue{"support", {{"billing", 2}}, 8}), QueueId{102});
  EXPECT_EQ(setup.queue_for(Enqueue{"support", {}, 3}), QueueId{101});
  EXPECT_EQ(setup.queue_for(Enqueue{"sales", {}, 5}), QueueId{100});
  EXPECT_FALSE(setup.queue_for(Enqueue{"support", {{"billing", 3}}, 8}).has_value());
  EXPECT_FALSE(setup.queue_for(Enqueue{"nowhere", {}, 0}).has_value());
  EXPECT_EQ(setup.queue_id("support"), QueueId{101});
}

TEST(AcdSetupTest, AgentsGetTheirEngineIdsAndSkillLevels) {
  const AcdSetup setup = setup_of(config_with_agents());
  ASSERT_EQ(setup.agents().size(), 3U);
  EXPECT_EQ(setup.agents()[1].id, AgentId{2});
  ASSERT_EQ(setup.agents()[1].skills.size(), 2U);
  EXPECT_EQ(setup.agents()[1].skills[0].skill, *setup.skill_id("billing"));
  EXPECT_EQ(setup.agents()[1].skills[0].level, 1);
  EXPECT_EQ(setup.agents()[1].skills[1].skill, *setup.skill_id("support"));
  EXPECT_EQ(setup.agents()[1].skills[1].level, 5);
}

TEST(AcdSetupTest, AnAgentUnknownToTheEngineIsAnError) {
  auto c = config_with_agents();
  c.agents.push_back(AgentSkills{"agent2000", {}});
  const auto setup = make_acd_setup(c, kAgentIds, QueueId{100});
  ASSERT_FALSE(setup.ok());
  EXPECT_EQ(setup.error().message, "agent 'agent2000' of the inbound file has no engine agent id");
}

TEST(AcdSetupTest, UndefinedSkillIsAnError) {
  auto c = config_with_agents();
  c.queues[0].skills.push_back({"french", 1});
  const auto setup = make_acd_setup(c, kAgentIds, QueueId{100});
  ASSERT_FALSE(setup.ok());
  EXPECT_EQ(setup.error().message, "queue 'sales': undefined skill 'french'");
}

// The converted setup in the real ACD: the IVR's Enqueue goes to the agent skilled for it.
class AcdSetupRoutingTest : public ::testing::Test {
 protected:
  AcdSetupRoutingTest() : setup_(setup_of(config_with_agents())) {
    for (const auto& q : setup_.queues()) EXPECT_TRUE(router_.add_queue(q).ok());
    for (const auto& a : setup_.agents()) EXPECT_TRUE(router_.login(a, now_).ok());
  }
  AgentId agent_for(const Enqueue& request, CallId call) {
    const auto queue = setup_.queue_for(request);
    EXPECT_TRUE(queue.has_value());
    EXPECT_TRUE(router_.offer(call, *queue, now_).ok());
    for (const auto& action : router_.take_actions()) {
      if (action.kind == acd::ActionKind::connect_agent) return action.agent;
    }
    return AgentId{};
  }

  AcdSetup setup_;
  acd::AcdRouter router_;
  TimePoint now_ = testing::kOpen;
};

TEST_F(AcdSetupRoutingTest, KnownCustomerNeedsBillingLevelTwo) {
  // agent1002 has support 5 but billing 1; agent1003 has support 3 and billing 4.
  EXPECT_EQ(agent_for(Enqueue{"support", {{"billing", 2}}, 8}, CallId{1}), AgentId{3});
}

TEST_F(AcdSetupRoutingTest, SalesGoesToTheSalesAgentOnly) {
  EXPECT_EQ(agent_for(Enqueue{"sales", {}, 5}, CallId{1}), AgentId{1});
  EXPECT_EQ(agent_for(Enqueue{"sales", {}, 5}, CallId{2}), AgentId{});  // waits
  EXPECT_EQ(router_.waiting_in(QueueId{100}), 1);
}

TEST_F(AcdSetupRoutingTest, CallbackOverflowReachesTheCallerAsAHangUpOfACallbackQueue) {
  EXPECT_EQ(agent_for(Enqueue{"sales", {}, 5}, CallId{1}), AgentId{1});
  EXPECT_EQ(agent_for(Enqueue{"sales", {}, 5}, CallId{2}), AgentId{});
  now_ += 3min;
  router_.on_due(now_);
  const auto actions = router_.take_actions();
  ASSERT_EQ(actions.size(), 1U);
  EXPECT_EQ(actions[0].kind, acd::ActionKind::hang_up);
  EXPECT_EQ(setup_.overflow_of(actions[0].queue), OverflowAction::callback);
}

}  // namespace
}  // namespace dialer::inbound
