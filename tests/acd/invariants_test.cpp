// The invariant checker detects each invariant when a state is corrupted on purpose, and the
// router counts and records a violation with its context instead of crashing.
#include "dialer/acd/invariants.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "dialer/acd/acd_router.h"
#include "dialer/common/simulated_clock.h"

namespace dialer::acd {
namespace {

constexpr QueueId kQueue{1};

class InvariantsTest : public ::testing::Test {
 protected:
  InvariantsTest() {
    EXPECT_TRUE(acd_.add_queue(QueueConfig{kQueue, QueueKind::inbound, 0, {}, {}, {}, 0}).ok());
    for (int i = 1; i <= 3; ++i) {
      EXPECT_TRUE(acd_.login(AgentProfile{AgentId{i}, {}, {}, true}, now()).ok());
      clock_.advance_by(Duration{1000});
    }
    EXPECT_TRUE(acd_.offer(CallId{10}, kQueue, now()).ok());  // agent 1 on call 10
    EXPECT_TRUE(acd_.pause(AgentId{2}, "BREAK", now()).ok());
    EXPECT_TRUE(acd_.pause(AgentId{3}, "BREAK", now()).ok());
    EXPECT_TRUE(acd_.offer(CallId{11}, kQueue, now()).ok());  // waits
    found_ = check();
    EXPECT_TRUE(found_.empty());
  }
  TimePoint now() const { return clock_.now(); }
  AcdState& s() { return acd_.state_for_fault_injection(); }
  AgentRecord& agent(int id) { return s().agents.at(AgentId{id}); }
  std::vector<Violation> check() {
    std::vector<Violation> out;
    InvariantChecker::check_all(acd_.state(), out);
    return out;
  }
  static bool has(const std::vector<Violation>& v, Invariant i) {
    return std::any_of(v.begin(), v.end(), [&](const Violation& x) { return x.invariant == i; });
  }

  SimulatedClock clock_;
  AcdRouter acd_;
  std::vector<Violation> found_;
};

TEST_F(InvariantsTest, AgentOnCallWithoutACall) {
  agent(1).call.reset();
  EXPECT_TRUE(has(check(), Invariant::agent_on_at_most_one_call));
}

TEST_F(InvariantsTest, TwoAgentsHoldingOneCall) {
  agent(2).status = AgentStatus::on_call;
  agent(2).call = CallId{10};
  EXPECT_TRUE(has(check(), Invariant::call_with_at_most_one_agent));
}

TEST_F(InvariantsTest, ReservationLeftOnAnAgentWhoIsNotReserved) {
  agent(2).hold = HoldKind::preview;
  EXPECT_TRUE(has(check(), Invariant::reservation_released));
}

TEST_F(InvariantsTest, WaitingCallNamingAnAgent) {
  s().calls.at(CallId{11}).agent = AgentId{3};
  EXPECT_TRUE(has(check(), Invariant::waiting_call_not_with_agent));
}

TEST_F(InvariantsTest, ReadyAgentMissingFromTheReadySet) {
  agent(3).status = AgentStatus::ready;
  EXPECT_TRUE(has(check(), Invariant::ready_index_consistent));
}

TEST_F(InvariantsTest, CallWaitingWhileAnAgentIsReady) {
  const AgentRecord& a = agent(3);
  s().queues[0].ready.insert(ReadyKey{0, a.since, a.profile.id});
  EXPECT_TRUE(has(check(), Invariant::no_ready_agent_while_waiting));
}

TEST_F(InvariantsTest, WrapUpWithoutEndTime) {
  agent(2).status = AgentStatus::wrap_up;
  EXPECT_TRUE(has(check(), Invariant::wrap_up_has_due_time));
}

TEST_F(InvariantsTest, RouterCountsAndRecordsAViolationWithItsContextInsteadOfCrashing) {
  // Paused agent 2 is wrongly listed as ready: the next call picks it, the table refuses to
  // connect a paused agent, the call waits, and the checks after the event report both faults.
  const AgentRecord& a = agent(2);
  s().queues[0].ready.insert(ReadyKey{0, a.since, a.profile.id});
  EXPECT_TRUE(acd_.offer(CallId{12}, kQueue, now()).ok());
  EXPECT_EQ(acd_.call(CallId{12})->phase, CallPhase::waiting);
  EXPECT_EQ(acd_.violation_count(Invariant::no_ready_agent_while_waiting), 1u);
  EXPECT_EQ(acd_.violation_count(Invariant::ready_index_consistent), 1u);
  EXPECT_EQ(acd_.rejected_count(AgentStatus::paused, AgentEvent::connect), 1u);
  ASSERT_EQ(acd_.violations().size(), 2u);
  for (const Violation& v : acd_.violations()) {
    EXPECT_EQ(v.event, "offer call to queue 12 1");
    EXPECT_EQ(v.at, now());
    EXPECT_FALSE(v.detail.empty());
  }
  for (std::size_t i = 0; i < kInvariantCount; ++i)
    EXPECT_NE(to_string(static_cast<Invariant>(i)), "unknown");
}

TEST_F(InvariantsTest, WholeStateAuditFindsAFaultNoEventTouched) {
  agent(1).call = CallId{11};  // agent 1 claims the waiting call too
  acd_.check_all_invariants("audit", now());
  EXPECT_GT(acd_.violation_count(Invariant::call_with_at_most_one_agent), 0u);
  EXPECT_EQ(acd_.violations().front().event, "audit 0");
}

TEST_F(InvariantsTest, StaleDueTimesFromACorruptedStateAreDroppedNotFollowed) {
  s().dues.insert(DueEntry{now(), DueKind::agent, 99});
  s().dues.insert(DueEntry{now(), DueKind::call, 99});
  acd_.on_due(now());
  EXPECT_FALSE(acd_.next_due().has_value() && *acd_.next_due() <= now());
  EXPECT_EQ(acd_.violation_total(), 0u);
}

TEST_F(InvariantsTest, RecordsAreCappedButCountsAreKept) {
  AcdSettings settings;
  settings.max_violation_records = 2;
  AcdRouter small(settings);
  ASSERT_TRUE(small.add_queue(QueueConfig{kQueue, QueueKind::inbound, 0, {}, {}, {}, 0}).ok());
  ASSERT_TRUE(small.login(AgentProfile{AgentId{1}, {}, {}, true}, now()).ok());
  small.state_for_fault_injection().agents.at(AgentId{1}).status = AgentStatus::wrap_up;
  for (int i = 0; i < 5; ++i) small.check_all_invariants("audit", now());
  EXPECT_EQ(small.violations().size(), 2u);
  EXPECT_GE(small.violation_total(), 5u);
}

}  // namespace
}  // namespace dialer::acd
