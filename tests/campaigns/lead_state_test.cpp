#include "campaigns/lead_state.h"

#include <gtest/gtest.h>

namespace dialer {
namespace {

TEST(LeadStateTest, NormalLifecycleReachesFinal) {
  LeadState s = LeadState::fresh;
  for (auto ev : {LeadEvent::queue, LeadEvent::dial, LeadEvent::retry, LeadEvent::queue,
                  LeadEvent::dial, LeadEvent::finish}) {
    auto next = next_lead_state(s, ev);
    ASSERT_TRUE(next.ok()) << next.error().message;
    s = *next;
  }
  EXPECT_EQ(s, LeadState::final);
}

TEST(LeadStateTest, IllegalTransitionIsAnErrorNamingIt) {
  auto r = next_lead_state(LeadState::fresh, LeadEvent::dial);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::conflict);
  EXPECT_EQ(r.error().message, "lead cannot dial from state new");
  EXPECT_FALSE(next_lead_state(LeadState::final, LeadEvent::dial).ok());
}

TEST(LeadStateTest, EveryNonFinalStateCanBeFinished) {
  for (auto s : {LeadState::fresh, LeadState::queued, LeadState::dialing, LeadState::retry_scheduled,
                 LeadState::callback}) {
    auto r = next_lead_state(s, LeadEvent::finish);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(*r, LeadState::final);
  }
}

TEST(LeadStateTest, NamesRoundTrip) {
  for (auto s : {LeadState::fresh, LeadState::queued, LeadState::dialing, LeadState::retry_scheduled,
                 LeadState::callback, LeadState::final}) {
    EXPECT_EQ(lead_state_from_string(to_string(s)), s);
  }
  EXPECT_FALSE(lead_state_from_string("bogus").has_value());
}

}  // namespace
}  // namespace dialer
