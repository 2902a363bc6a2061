#include "dialer/media/codec/abandon_deadline.h"

#include <gtest/gtest.h>

#include "dialer/common/simulated_clock.h"

namespace dialer::media {
namespace {

using std::chrono::milliseconds;

class AbandonDeadlineTest : public ::testing::Test {
 protected:
  TimePoint at(int ms) const { return answer_ + milliseconds(ms); }
  // Drives the rule the way the media layer does: a timer at each wake-up it asks for.
  void arm(AbandonDeadline& rule) { follow(rule, rule.on_answer(answer_)); }
  void follow(AbandonDeadline& rule, const AbandonAction& a) {
    if (a.kind == AbandonActionKind::start_message) started_ = clock_.now();
    if (a.next_wakeup) {
      clock_.schedule_at(*a.next_wakeup, [this, &rule] { follow(rule, rule.poll(clock_.now())); });
    }
  }

  TimePoint answer_ = from_unix_ms(1'700'000'000'000);
  SimulatedClock clock_{answer_};
  std::optional<TimePoint> started_;
};

TEST_F(AbandonDeadlineTest, Abn01GreetingEndsAt1200MsNoAgentMessageBy3200Ms) {
  AbandonDeadline rule({milliseconds(2000), milliseconds(1500), milliseconds(1000), '9'});
  arm(rule);
  clock_.advance_to(at(1400));  // AMD reports the greeting end a little after it happened
  follow(rule, rule.on_greeting_end(at(1200), clock_.now()));
  clock_.advance_to(at(5000));
  ASSERT_TRUE(started_);
  EXPECT_LE(*started_, at(3200));
  EXPECT_EQ(*started_, at(3200));
  EXPECT_EQ(rule.state(), AbandonState::message_playing);
  EXPECT_TRUE(rule.abandoned());
  EXPECT_EQ(rule.reason(), AbandonReason::no_agent);
  EXPECT_EQ(rule.message_started_at(), at(3200));
}

TEST_F(AbandonDeadlineTest, Abn01AgentFreedAt3300MsCallStaysAbandonedWithMessagePlaying) {
  AbandonDeadline rule({milliseconds(2000), milliseconds(1500), milliseconds(1000), '9'});
  arm(rule);
  clock_.advance_to(at(1300));
  follow(rule, rule.on_greeting_end(at(1200), clock_.now()));
  clock_.advance_to(at(3300));
  const auto v = rule.on_agent_media(at(3300));
  EXPECT_FALSE(v.connect);
  EXPECT_TRUE(v.abandoned);
  EXPECT_EQ(v.reason, AbandonReason::no_agent);
  EXPECT_EQ(rule.state(), AbandonState::message_playing);
  ASSERT_TRUE(v.from_greeting_end);
  EXPECT_EQ(*v.from_greeting_end, milliseconds(2100));
}

TEST_F(AbandonDeadlineTest, Abn01AgentMediaAt3000MsIsBridgedNotAbandoned) {
  AbandonDeadline rule({milliseconds(2000), milliseconds(1500), milliseconds(1000), '9'});
  arm(rule);
  clock_.advance_to(at(1250));
  follow(rule, rule.on_greeting_end(at(1200), clock_.now()));
  clock_.advance_to(at(3000));
  const auto v = rule.on_agent_media(at(3000));
  EXPECT_TRUE(v.connect);
  EXPECT_FALSE(v.abandoned);
  EXPECT_EQ(v.from_answer, milliseconds(3000));
  EXPECT_EQ(*v.from_greeting_end, milliseconds(1800));
  clock_.advance_to(at(10000));
  EXPECT_FALSE(started_);  // the pending wake-up finds the call bridged
  EXPECT_EQ(rule.state(), AbandonState::bridged);
}

TEST_F(AbandonDeadlineTest, Abn02WithoutGreetingEndClockStartsAtAnswerPlusAllowance) {
  AbandonDeadline rule;  // default allowance 0
  arm(rule);
  EXPECT_EQ(rule.deadline(), at(2000));
  clock_.advance_to(at(1999));
  EXPECT_FALSE(started_);
  clock_.advance_to(at(2000));
  ASSERT_TRUE(started_);
  EXPECT_EQ(*started_, at(2000));

  AbandonDeadline with_allowance({milliseconds(2000), milliseconds(500), milliseconds(1000), '9'});
  (void)with_allowance.on_answer(answer_);
  EXPECT_EQ(with_allowance.deadline(), at(2500));
}

TEST_F(AbandonDeadlineTest, GreetingEndReportedAfterMessageStartedChangesNothing) {
  AbandonDeadline rule;
  arm(rule);
  clock_.advance_to(at(2100));
  ASSERT_TRUE(started_);
  const auto a = rule.on_greeting_end(at(1200), clock_.now());
  EXPECT_EQ(a.kind, AbandonActionKind::none);
  EXPECT_EQ(rule.state(), AbandonState::message_playing);
}

TEST_F(AbandonDeadlineTest, GreetingEndAlreadyOlderThanTheLimitStartsMessageAtOnce) {
  AbandonDeadline rule({milliseconds(2000), milliseconds(5000), milliseconds(1000), '9'});
  arm(rule);
  clock_.advance_to(at(3500));
  const auto a = rule.on_greeting_end(at(1000), clock_.now());
  EXPECT_EQ(a.kind, AbandonActionKind::start_message);
  EXPECT_EQ(a.at, at(3500));
}

TEST_F(AbandonDeadlineTest, BridgeAfterDeadlineBeforeTimerRanIsLateBridge) {
  AbandonDeadline rule;
  (void)rule.on_answer(answer_);
  const auto v = rule.on_agent_media(at(2050));
  EXPECT_TRUE(v.connect);
  EXPECT_TRUE(v.abandoned);
  EXPECT_EQ(v.reason, AbandonReason::late_bridge);
  EXPECT_EQ(rule.state(), AbandonState::bridged);
}

TEST_F(AbandonDeadlineTest, Abn05OptOutDigitDuringMessageMeansDncAndHangUpWithinOneSecond) {
  AbandonDeadline rule;
  arm(rule);
  clock_.advance_to(at(2000));
  EXPECT_EQ(rule.on_dtmf('1', at(2500)).kind, AbandonActionKind::none);
  const auto a = rule.on_dtmf('9', at(2600));
  EXPECT_EQ(a.kind, AbandonActionKind::add_to_dnc_and_hang_up);
  EXPECT_EQ(a.at, at(2600));
  EXPECT_EQ(a.act_by, at(3600));
  EXPECT_EQ(rule.state(), AbandonState::opted_out);
  EXPECT_EQ(rule.on_dtmf('9', at(2700)).kind, AbandonActionKind::none);  // only once
}

TEST_F(AbandonDeadlineTest, OptOutStillHonouredAfterMessageFinishedButNotBeforeItStarts) {
  AbandonDeadline rule;
  arm(rule);
  EXPECT_EQ(rule.on_dtmf('9', at(500)).kind, AbandonActionKind::none);
  clock_.advance_to(at(2000));
  rule.on_message_finished();
  EXPECT_EQ(rule.state(), AbandonState::message_done);
  EXPECT_EQ(rule.on_dtmf('9', at(9000)).kind, AbandonActionKind::add_to_dnc_and_hang_up);
}

TEST_F(AbandonDeadlineTest, UnarmedRuleConnectsWithoutVerdict) {
  AbandonDeadline rule;
  const auto v = rule.on_agent_media(at(100));
  EXPECT_TRUE(v.connect);
  EXPECT_FALSE(v.abandoned);
  EXPECT_EQ(rule.poll(at(99999)).kind, AbandonActionKind::none);
}

}  // namespace
}  // namespace dialer::media
