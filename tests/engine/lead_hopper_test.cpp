// LeadHopper ordering and lead_after_attempt's retry rules.
#include "dialer/engine/lead_hopper.h"

#include <gtest/gtest.h>

#include "dialer/engine/lead_outcome.h"

namespace dialer::engine {
namespace {

Lead lead(std::int64_t id, LeadState state = LeadState::fresh,
          std::optional<TimePoint> next = std::nullopt) {
  Lead l;
  l.id = LeadId{id};
  l.status = state;
  l.next_attempt_at = next;
  return l;
}

TEST(LeadHopperTest, FreshLeadsAreDueAtOnceRetriesAtTheirTimeFinalNever) {
  const TimePoint t0 = from_unix_ms(1'000'000);
  LeadHopper hopper;
  hopper.put(lead(3), t0);
  hopper.put(lead(1), t0);
  hopper.put(lead(2, LeadState::retry_scheduled, t0 + Duration{500}), t0);
  hopper.put(lead(4, LeadState::final), t0);
  EXPECT_EQ(hopper.size(), 3U);
  EXPECT_EQ(hopper.due_count(t0), 2U);
  EXPECT_EQ(hopper.take_due(t0)->id, LeadId{1});
  EXPECT_EQ(hopper.take_due(t0)->id, LeadId{3});
  EXPECT_FALSE(hopper.take_due(t0).has_value());
  EXPECT_EQ(hopper.next_due(), t0 + Duration{500});
  EXPECT_EQ(hopper.take_due(t0 + Duration{500})->id, LeadId{2});
  EXPECT_EQ(hopper.size(), 0U);
}

TEST(LeadHopperTest, PuttingALeadAgainReplacesIt) {
  const TimePoint t0 = from_unix_ms(1'000'000);
  LeadHopper hopper;
  hopper.put(lead(1), t0);
  hopper.put(lead(1, LeadState::retry_scheduled, t0 + Duration{100}), t0);
  EXPECT_EQ(hopper.size(), 1U);
  EXPECT_FALSE(hopper.take_due(t0).has_value());
}

Campaign campaign() {
  Campaign c;
  c.retry.max_attempts = 2;
  c.dispositions = {
      {"BUSY", "Busy", true, {false, std::chrono::minutes{30}, false, false, false, false}},
      {"SALE", "Sale", false, {true, std::nullopt, false, false, true, true}},
      {"DNC", "Do not call", false, {true, std::nullopt, true, false, true, false}},
      {"CALLBACK", "Call back", false, {false, std::nullopt, false, true, true, false}},
  };
  return c;
}

TEST(LeadOutcomeTest, RetryDelaysFinalCodesDncAndTheAttemptLimit) {
  const TimePoint t0 = from_unix_ms(5'000'000);
  Lead l = lead(1, LeadState::dialing);
  l.attempts = 1;
  auto busy = lead_after_attempt(l, campaign(), "BUSY", t0);
  EXPECT_EQ(busy.lead.status, LeadState::retry_scheduled);
  EXPECT_EQ(busy.lead.next_attempt_at, t0 + std::chrono::minutes{30});
  EXPECT_EQ(lead_after_attempt(l, campaign(), "SALE", t0).lead.status, LeadState::final);
  auto dnc = lead_after_attempt(l, campaign(), "DNC", t0);
  EXPECT_EQ(dnc.lead.status, LeadState::final);
  EXPECT_TRUE(dnc.add_to_dnc);
  EXPECT_EQ(lead_after_attempt(l, campaign(), "CALLBACK", t0).lead.status, LeadState::callback);
  EXPECT_EQ(lead_after_attempt(l, campaign(), "UNKNOWN", t0).lead.status, LeadState::final);
  l.attempts = 2;  // the lifetime limit is reached
  EXPECT_EQ(lead_after_attempt(l, campaign(), "BUSY", t0).lead.status, LeadState::final);
}

}  // namespace
}  // namespace dialer::engine
