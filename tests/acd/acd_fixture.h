// Shared fixture of the AcdRouter tests: a router on a simulated clock with a full invariant check
// after every event, an inbound queue 1 and an outbound campaign 10, and helpers to log agents in.
#pragma once

#include <gtest/gtest.h>

#include <vector>

#include "dialer/acd/acd_router.h"
#include "dialer/common/simulated_clock.h"

namespace dialer::acd {

inline constexpr QueueId kInbound{1};
inline constexpr QueueId kCampaign{10};

inline AcdSettings strict_settings() {
  AcdSettings s;
  s.check_all_invariants_every_event = true;
  return s;
}

class AcdFixture : public ::testing::Test {
 protected:
  AcdFixture() : acd_(strict_settings()) {
    EXPECT_TRUE(acd_.add_queue(QueueConfig{kInbound, QueueKind::inbound, 0, {}, {}, {}, 0}).ok());
    EXPECT_TRUE(acd_.add_queue(QueueConfig{kCampaign, QueueKind::outbound, 0, {}, {}, {}, 0}).ok());
  }
  ~AcdFixture() override {
    EXPECT_EQ(acd_.violation_total(), 0u)
        << (acd_.violations().empty() ? "" : acd_.violations().front().detail);
  }

  static AgentProfile profile(int id, bool nailed_up = true, std::vector<SkillLevel> skills = {}) {
    return AgentProfile{AgentId{id}, std::move(skills), {kCampaign}, nailed_up};
  }
  void login(int id, bool nailed_up = true, std::vector<SkillLevel> skills = {}) {
    ASSERT_TRUE(acd_.login(profile(id, nailed_up, std::move(skills)), clock_.now()).ok());
    clock_.advance_by(Duration{1000});
  }
  AgentStatus status(int id) const { return acd_.agent(AgentId{id})->status; }
  // Advances the clock to the router's next due time and processes it.
  void run_next_due() {
    const auto due = acd_.next_due();
    ASSERT_TRUE(due.has_value());
    clock_.advance_to(*due);
    acd_.on_due(clock_.now());
  }
  std::vector<ActionKind> action_kinds() {
    std::vector<ActionKind> kinds;
    for (const AcdAction& a : acd_.take_actions()) kinds.push_back(a.kind);
    return kinds;
  }

  SimulatedClock clock_;
  AcdRouter acd_;
};

}  // namespace dialer::acd
