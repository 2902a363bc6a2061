// Every cell of the agent state table, driven through AcdRouter's public events on a simulated
// clock: the agent ends in the table's next state (move) or stays where it was (stay, defer,
// reject), and no invariant is violated on the way.
#include "dialer/acd/agent_state_table.h"

#include <gtest/gtest.h>

#include <string>

#include "acd_fixture.h"

namespace dialer::acd {
namespace {

constexpr int kAgent = 1;
constexpr CallId kCall{500};

class AgentStateTableTest
    : public AcdFixture,
      public ::testing::WithParamInterface<std::tuple<AgentStatus, AgentEvent>> {
 protected:
  // Puts agent 1 in `s`. A reserved agent holds a ringing call for ring_no_answer, else a preview.
  void put_in(AgentStatus s, bool ringing) {
    login(kAgent, !ringing);
    const TimePoint now = clock_.now();
    switch (s) {
      case AgentStatus::logged_out:
        ASSERT_TRUE(acd_.logout(AgentId{kAgent}, now).ok());
        break;
      case AgentStatus::ready:
        break;
      case AgentStatus::reserved:
        if (ringing) {
          ASSERT_TRUE(acd_.offer(kCall, kInbound, now).ok());
        } else {
          ASSERT_TRUE(acd_.reserve(kCampaign, now).ok());
        }
        break;
      case AgentStatus::on_call:
        ASSERT_TRUE(acd_.offer(kCall, kInbound, now).ok());
        break;
      case AgentStatus::wrap_up:
        ASSERT_TRUE(acd_.offer(kCall, kInbound, now).ok());
        ASSERT_TRUE(acd_.hangup(kCall, now).ok());
        break;
      case AgentStatus::paused:
        ASSERT_TRUE(acd_.pause(AgentId{kAgent}, "BREAK", now).ok());
        break;
      case AgentStatus::count_:
        break;
    }
    ASSERT_EQ(status(kAgent), s);
  }

  // Produces `e` through the public API. Timer events can only fire where the agent has that kind
  // of due time; elsewhere nothing can produce them (the table rejects them there).
  void fire(AgentEvent e) {
    const AgentId id{kAgent};
    const TimePoint now = clock_.now();
    const AgentRecord& a = *acd_.agent(id);
    switch (e) {
      case AgentEvent::login:
        (void)acd_.login(profile(kAgent), now);
        break;
      case AgentEvent::logout:
        (void)acd_.logout(id, now);
        break;
      case AgentEvent::pause:
        (void)acd_.pause(id, "LUNCH", now);
        break;
      case AgentEvent::resume:
        (void)acd_.resume(id, now);
        break;
      case AgentEvent::reserve:
        (void)acd_.reserve(kCampaign, now);
        break;
      case AgentEvent::answer:
        (void)acd_.confirm(id, CallId{501}, now);
        break;
      case AgentEvent::connect:
        (void)acd_.offer(CallId{502}, kInbound, now);
        break;
      case AgentEvent::release:
        (void)acd_.release(id, now);
        break;
      case AgentEvent::hangup:
        (void)acd_.hangup(a.call.value_or(CallId{503}), now);
        break;
      case AgentEvent::wrap_end:
        (void)acd_.end_wrap_up(id, now);
        break;
      case AgentEvent::reservation_expired:
        if (a.hold == HoldKind::preview) run_next_due();
        break;
      case AgentEvent::ring_no_answer:
        if (a.hold == HoldKind::ring) run_next_due();
        break;
      case AgentEvent::wrap_timeout:
        if (a.status == AgentStatus::wrap_up) run_next_due();
        break;
      case AgentEvent::count_:
        break;
    }
  }
};

TEST_P(AgentStateTableTest, RouterFollowsTheTable) {
  const auto [from, event] = GetParam();
  put_in(from, event == AgentEvent::ring_no_answer && from == AgentStatus::reserved);
  if (HasFatalFailure()) return;
  fire(event);
  const AgentRule rule = agent_transition(from, event);
  const AgentStatus expected = rule.verdict == Verdict::move ? rule.next : from;
  EXPECT_EQ(to_string(status(kAgent)), to_string(expected))
      << to_string(event) << " in " << to_string(from) << " (" << to_string(rule.verdict) << ")";
  if (event == AgentEvent::ring_no_answer && from == AgentStatus::reserved) {
    EXPECT_EQ(acd_.agent(AgentId{kAgent})->pause_reason, kRingNoAnswerReason);
    EXPECT_EQ(acd_.waiting_in(kInbound), 1);  // the call went back to its queue
  }
}

std::vector<std::tuple<AgentStatus, AgentEvent>> every_cell() {
  std::vector<std::tuple<AgentStatus, AgentEvent>> cells;
  for (std::size_t s = 0; s < kAgentStatusCount; ++s) {
    for (std::size_t e = 0; e < kAgentEventCount; ++e) {
      cells.emplace_back(static_cast<AgentStatus>(s), static_cast<AgentEvent>(e));
    }
  }
  return cells;
}

INSTANTIATE_TEST_SUITE_P(EveryCell, AgentStateTableTest, ::testing::ValuesIn(every_cell()),
                         [](const auto& cell) {
                           return std::string(to_string(std::get<0>(cell.param))) + "_" +
                                  std::string(to_string(std::get<1>(cell.param)));
                         });

TEST(AgentStateTable, RejectsOutOfRangeValues) {
  EXPECT_EQ(agent_transition(AgentStatus::count_, AgentEvent::login).verdict, Verdict::reject);
  EXPECT_EQ(agent_transition(AgentStatus::ready, AgentEvent::count_).verdict, Verdict::reject);
}

TEST(AgentStateTable, EveryStateCanBeLeftAndEveryEventIsAcceptedSomewhere) {
  for (std::size_t e = 0; e < kAgentEventCount; ++e) {
    bool accepted = false;
    for (std::size_t s = 0; s < kAgentStatusCount; ++s) {
      accepted |=
          agent_transition(static_cast<AgentStatus>(s), static_cast<AgentEvent>(e)).verdict ==
          Verdict::move;
    }
    EXPECT_TRUE(accepted) << to_string(static_cast<AgentEvent>(e));
  }
  for (std::size_t s = 0; s < kAgentStatusCount; ++s) {
    EXPECT_EQ(agent_transition(static_cast<AgentStatus>(s), AgentEvent::logout).verdict ==
                  Verdict::reject,
              false);
  }
}

}  // namespace
}  // namespace dialer::acd
