// Inbound queue statistics fed by events on a simulated clock, and the IVR outcome counters.
#include "inbound/queue_stats.h"

#include <gtest/gtest.h>

#include "inbound/ivr_counters.h"
#include "tests/inbound/ivr_fixture.h"

namespace dialer::inbound {
namespace {

using namespace std::chrono_literals;

const TimePoint kT0 = from_unix_ms(1'780'000'000'000);

class QueueStatsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    stats_.add_queue("sales", 20s);
    stats_.add_queue("support", 30s);
  }
  QueueStatsSnapshot sales() const { return *stats_.snapshot("sales"); }
  QueueStats stats_;
};

TEST_F(QueueStatsTest, EmptyQueueHasFullServiceLevelAndNoWait) {
  const auto s = sales();
  EXPECT_EQ(s.offered, 0U);
  EXPECT_DOUBLE_EQ(s.service_level(), 1.0);
  EXPECT_EQ(s.average_answer_wait(), 0ms);
  EXPECT_EQ(s.average_abandon_wait(), 0ms);
  EXPECT_EQ(s.max_wait, 0ms);
  EXPECT_FALSE(stats_.snapshot("billing").has_value());
}

TEST_F(QueueStatsTest, CountsOfferedAnsweredAbandonedAndWaiting) {
  stats_.offered(CallId{1}, "sales", kT0);
  stats_.offered(CallId{2}, "sales", kT0 + 1s);
  stats_.offered(CallId{3}, "sales", kT0 + 2s);
  stats_.answered(CallId{1}, kT0 + 10s);   // waited 10 s: within 20 s
  stats_.abandoned(CallId{2}, kT0 + 41s);  // waited 40 s
  const auto s = sales();
  EXPECT_EQ(s.offered, 3U);
  EXPECT_EQ(s.answered, 1U);
  EXPECT_EQ(s.abandoned, 1U);
  EXPECT_EQ(s.waiting, 1U);
  EXPECT_EQ(s.max_wait, 40s);
  EXPECT_EQ(s.average_answer_wait(), 10s);
  EXPECT_EQ(s.average_abandon_wait(), 40s);
  EXPECT_DOUBLE_EQ(s.service_level(), 0.5);  // 1 of the 2 calls that left, in 20 s
}

TEST_F(QueueStatsTest, ServiceLevelBoundaryIsInclusive) {
  stats_.offered(CallId{1}, "sales", kT0);
  stats_.offered(CallId{2}, "sales", kT0);
  stats_.answered(CallId{1}, kT0 + 20s);
  stats_.answered(CallId{2}, kT0 + 20001ms);
  const auto s = sales();
  EXPECT_EQ(s.answered_in_service_level, 1U);
  EXPECT_DOUBLE_EQ(s.service_level(), 0.5);
  EXPECT_EQ(s.average_answer_wait(), 20000ms);  // (20000 + 20001) / 2, truncated
  EXPECT_EQ(s.max_wait, 20001ms);
}

TEST_F(QueueStatsTest, OverflowLeavesOneQueueAndEntersTheNext) {
  stats_.offered(CallId{1}, "sales", kT0);
  stats_.moved(CallId{1}, "support", kT0 + 180s);
  stats_.answered(CallId{1}, kT0 + 200s);
  const auto s = sales();
  EXPECT_EQ(s.redirected, 1U);
  EXPECT_EQ(s.waiting, 0U);
  EXPECT_EQ(s.max_wait, 180s);
  EXPECT_DOUBLE_EQ(s.service_level(), 0.0);
  const auto support = *stats_.snapshot("support");
  EXPECT_EQ(support.offered, 1U);
  EXPECT_EQ(support.answered, 1U);
  EXPECT_EQ(support.average_answer_wait(), 20s);  // counted from the move
  EXPECT_DOUBLE_EQ(support.service_level(), 1.0);
}

TEST_F(QueueStatsTest, RedirectedCallsCountAgainstTheServiceLevel) {
  stats_.offered(CallId{1}, "sales", kT0);
  stats_.offered(CallId{2}, "sales", kT0);
  stats_.answered(CallId{1}, kT0 + 5s);
  stats_.redirected(CallId{2}, kT0 + 180s);  // callback after max_wait
  const auto s = sales();
  EXPECT_EQ(s.redirected, 1U);
  EXPECT_DOUBLE_EQ(s.service_level(), 0.5);
  EXPECT_EQ(s.average_answer_wait(), 5s);
}

TEST_F(QueueStatsTest, UnknownCallsAndQueuesAreCountedAndIgnored) {
  stats_.offered(CallId{1}, "billing", kT0);  // unknown queue
  stats_.answered(CallId{9}, kT0);            // never offered
  stats_.offered(CallId{2}, "sales", kT0);
  stats_.offered(CallId{2}, "sales", kT0);  // already waiting
  stats_.moved(CallId{2}, "billing", kT0);  // unknown target: the call stays
  stats_.answered(CallId{2}, kT0 + 1s);
  stats_.answered(CallId{2}, kT0 + 2s);  // already left
  EXPECT_EQ(stats_.ignored_events(), 5U);
  EXPECT_EQ(sales().offered, 1U);
  EXPECT_EQ(sales().answered, 1U);
}

TEST(IvrCountersTest, CountsOutcomesReasonsCallbacksOptOutsAndAfterHours) {
  auto config = std::make_shared<const InboundConfig>(testing::example_config());
  IvrCounters counters;

  IvrSession queued(config);
  (void)queued.start(CallStart{testing::kSupportDid, testing::kCaller}, testing::kOpen);
  counters.record(queued);

  IvrSession opted(config);
  (void)opted.start(CallStart{testing::kMainDid, testing::kCaller}, testing::kOpen);
  (void)opted.prompt_finished(1, testing::kOpen);
  (void)opted.digit('9', testing::kOpen);
  (void)opted.prompt_finished(3, testing::kOpen);
  counters.record(opted);

  IvrSession closed(config);
  (void)closed.start(CallStart{testing::kSupportDid, testing::kCaller}, testing::kEvening);
  counters.record(closed);

  IvrSession unknown(config);
  (void)unknown.start(CallStart{"+18005550999", testing::kCaller}, testing::kOpen);
  counters.record(unknown);

  IvrSession in_progress(config);
  (void)in_progress.start(CallStart{testing::kMainDid, testing::kCaller}, testing::kOpen);
  counters.record(in_progress);  // not finished: not counted

  EXPECT_EQ(counters.outcomes(IvrOutcome::queued), 1U);
  EXPECT_EQ(counters.outcomes(IvrOutcome::voicemail), 1U);
  EXPECT_EQ(counters.outcomes(IvrOutcome::hung_up), 2U);
  EXPECT_EQ(counters.outcomes(IvrOutcome::in_progress), 0U);
  EXPECT_EQ(counters.hangups(HangupReason::opted_out), 1U);
  EXPECT_EQ(counters.hangups(HangupReason::unknown_did), 1U);
  EXPECT_EQ(counters.opt_outs(), 1U);
  EXPECT_EQ(counters.after_hours(), 1U);
  EXPECT_EQ(counters.callbacks(), 0U);
}

}  // namespace
}  // namespace dialer::inbound
