#include "dialer/calls/outbound_call.h"

#include <gtest/gtest.h>

namespace dialer::calls {
namespace {

using std::chrono::seconds;
using Action = CancelDecision::Action;

const TimePoint kT0 = from_unix_ms(5'000'000);

TEST(OutboundCallTest, WalksCallingProceedingAnswered) {
  OutboundCall call{seconds{30}};
  EXPECT_EQ(call.state(), CallState::idle);
  call.invite_sent(kT0);
  EXPECT_EQ(call.state(), CallState::calling);
  call.provisional(100, false, kT0);
  EXPECT_EQ(call.state(), CallState::proceeding);
  call.provisional(180, false, kT0 + seconds{1});
  EXPECT_EQ(call.state(), CallState::proceeding);
  const FinalOutcome out = call.final_response(200);
  EXPECT_TRUE(out.answered);
  EXPECT_FALSE(out.send_bye);
  EXPECT_EQ(out.disposition, SystemDisposition::answered);
  EXPECT_EQ(call.state(), CallState::answered);
  call.ended();
  EXPECT_EQ(call.state(), CallState::terminated);
}

TEST(OutboundCallTest, EarlyMediaIsNotAnAnswer) {
  OutboundCall call{seconds{30}};
  call.invite_sent(kT0);
  call.provisional(183, true, kT0 + seconds{1});
  EXPECT_EQ(call.state(), CallState::early);
  const FinalOutcome out = call.final_response(486);
  EXPECT_FALSE(out.answered);
  EXPECT_EQ(out.disposition, SystemDisposition::busy);
  EXPECT_EQ(out.cause, FailureCause::sip_response);
  EXPECT_EQ(call.state(), CallState::terminated);
}

TEST(OutboundCallTest, RingTimeoutWaitsForTheFloorAfterLateRinging) {
  OutboundCall call{seconds{15}};
  call.invite_sent(kT0);
  call.provisional(180, false, kT0 + seconds{4});
  EXPECT_EQ(call.cancel_not_before(), kT0 + seconds{19});
  const CancelDecision early = call.request_cancel(CancelCause::ring_timeout, kT0 + seconds{15});
  EXPECT_EQ(early.action, Action::wait_until);
  EXPECT_EQ(early.not_before, kT0 + seconds{19});
  EXPECT_FALSE(call.cancel_sent());
  const CancelDecision due = call.request_cancel(CancelCause::ring_timeout, kT0 + seconds{19});
  EXPECT_EQ(due.action, Action::send_cancel);
  EXPECT_TRUE(call.cancel_sent());
  const FinalOutcome out = call.final_response(487);
  EXPECT_EQ(out.disposition, SystemDisposition::no_answer);
  EXPECT_EQ(out.cause, FailureCause::ring_timeout);
}

TEST(OutboundCallTest, EngineCancelIsDeferredToTheFloorAndRecordedAsCancelled) {
  OutboundCall call{seconds{60}};
  call.invite_sent(kT0);
  const CancelDecision first = call.request_cancel(CancelCause::engine, kT0 + seconds{1});
  EXPECT_EQ(first.action, Action::wait_until);
  EXPECT_EQ(first.not_before, kT0 + seconds{15});
  // The engine's cancel does not wait for the ring timeout, only for the floor.
  EXPECT_EQ(call.request_cancel(CancelCause::engine, kT0 + seconds{15}).action,
            Action::send_cancel);
  EXPECT_EQ(call.request_cancel(CancelCause::engine, kT0 + seconds{16}).action, Action::nothing);
  const FinalOutcome out = call.final_response(487);
  EXPECT_EQ(out.disposition, SystemDisposition::cancelled);
  EXPECT_EQ(out.cause, FailureCause::cancelled);
}

TEST(OutboundCallTest, TwoHundredAfterCancelIsByedAndRecordedAsCancelled) {
  OutboundCall call{seconds{15}};
  call.invite_sent(kT0);
  call.provisional(180, false, kT0);
  ASSERT_EQ(call.request_cancel(CancelCause::engine, kT0 + seconds{15}).action,
            Action::send_cancel);
  const FinalOutcome out = call.final_response(200);
  EXPECT_FALSE(out.answered);
  EXPECT_TRUE(out.send_bye);
  EXPECT_EQ(out.disposition, SystemDisposition::cancelled);
  EXPECT_EQ(out.cause, FailureCause::answered_after_cancel);
  EXPECT_EQ(call.state(), CallState::terminated);
}

TEST(OutboundCallTest, BusyThatCrossesOurCancelKeepsTheLinesTruth) {
  OutboundCall call{seconds{15}};
  call.invite_sent(kT0);
  ASSERT_EQ(call.request_cancel(CancelCause::ring_timeout, kT0 + seconds{15}).action,
            Action::send_cancel);
  const FinalOutcome out = call.final_response(486);
  EXPECT_EQ(out.disposition, SystemDisposition::busy);
  EXPECT_EQ(out.cause, FailureCause::sip_response);
}

TEST(OutboundCallTest, CancelOfAnAnsweredCallBecomesBye) {
  OutboundCall call{seconds{15}};
  call.invite_sent(kT0);
  ASSERT_TRUE(call.final_response(200).answered);
  EXPECT_EQ(call.request_cancel(CancelCause::engine, kT0 + seconds{1}).action, Action::send_bye);
}

TEST(OutboundCallTest, LateEventsAfterTheEndChangeNothing) {
  OutboundCall call{seconds{15}};
  call.invite_sent(kT0);
  (void)call.final_response(404);
  call.provisional(180, false, kT0 + seconds{1});
  EXPECT_EQ(call.state(), CallState::terminated);
  EXPECT_FALSE(call.final_response(200).answered);
  EXPECT_EQ(call.request_cancel(CancelCause::engine, kT0 + seconds{20}).action, Action::nothing);
}

}  // namespace
}  // namespace dialer::calls
