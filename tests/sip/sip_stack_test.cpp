// Outbound calls through the trunk against SIPp carriers.
#include <gtest/gtest.h>

#include "dialer/calls/sdp_direction.h"
#include "tests/sip/sip_stack_fixture.h"

namespace dialer::sip::testing {
namespace {

using calls::SystemDisposition;
using std::chrono::seconds;
using Kinds = std::vector<std::string>;

TEST_F(SipStackTest, AnsweredCallEndsWithOurBye) {
  SippProcess& sipp = run_sipp("uas_answer.xml", carrier_port_);
  start_stack();
  stack_->submit(originate(1));
  const auto answered = events_.wait_call<calls::Answered>(CallId{1});
  ASSERT_TRUE(answered) << sipp.log();
  EXPECT_NE(answered->remote_sdp.find("m=audio"), std::string::npos);
  stack_->submit(calls::Hangup{CallId{1}, "agent done"});
  const auto done = events_.wait_call<calls::LocalHangupDone>(CallId{1});
  ASSERT_TRUE(done);
  EXPECT_EQ(done->sip_status, 200);
  expect_clean_exit(sipp);
  EXPECT_EQ(events_.kinds_for(CallId{1}),
            (Kinds{"Trying", "Ringing", "Answered", "LocalHangupDone"}));
  EXPECT_EQ(stack_->counters().dispositions[static_cast<int>(SystemDisposition::answered)], 1u);
}

TEST_F(SipStackTest, CarrierHangupIsReportedAsRemoteHangup) {
  SippProcess& sipp = run_sipp("uas_carrier_bye.xml", carrier_port_);
  start_stack();
  stack_->submit(originate(2));
  ASSERT_TRUE(events_.wait_call<calls::RemoteHangup>(CallId{2})) << sipp.log();
  expect_clean_exit(sipp);
  EXPECT_EQ(events_.kinds_for(CallId{2}), (Kinds{"Trying", "Ringing", "Answered", "RemoteHangup"}));
}

struct RejectCase {
  std::string scenario;
  int status;
  SystemDisposition disposition;
  bool rings;
};

class SipRejectTest : public SipStackTest, public ::testing::WithParamInterface<RejectCase> {};

TEST_P(SipRejectTest, FinalStatusIsMappedToADisposition) {
  const RejectCase& c = GetParam();
  SippProcess& sipp =
      run_sipp(c.scenario, carrier_port_, {}, "", {{"STATUS", std::to_string(c.status)}});
  start_stack();
  stack_->submit(originate(3));
  const auto failed = events_.wait_call<calls::Failed>(CallId{3});
  ASSERT_TRUE(failed) << sipp.log();
  EXPECT_EQ(failed->sip_status, c.status);
  EXPECT_EQ(failed->disposition, c.disposition);
  EXPECT_EQ(failed->cause, calls::FailureCause::sip_response);
  expect_clean_exit(sipp);
  const Kinds expected = c.rings ? Kinds{"Trying", "Ringing", "Failed"} : Kinds{"Trying", "Failed"};
  EXPECT_EQ(events_.kinds_for(CallId{3}), expected);
  EXPECT_EQ(stack_->counters().dispositions[static_cast<int>(c.disposition)], 1u);
}

INSTANTIATE_TEST_SUITE_P(
    Carrier, SipRejectTest,
    ::testing::Values(RejectCase{"uas_reject.xml", 486, SystemDisposition::busy, false},
                      RejectCase{"uas_reject.xml", 480, SystemDisposition::no_answer, false},
                      RejectCase{"uas_reject.xml", 503, SystemDisposition::congestion, false},
                      RejectCase{"uas_reject.xml", 404, SystemDisposition::invalid_number, false},
                      // The callee hangs up while it rings.
                      RejectCase{"uas_ring_then_reject.xml", 603, SystemDisposition::rejected,
                                 true}),
    [](const auto& param_info) { return std::to_string(param_info.param.status); });

TEST_F(SipStackTest, EarlyMediaIsRingingAndOnlyTheTwoHundredAnswers) {
  SippProcess& sipp = run_sipp("uas_early_answer.xml", carrier_port_);
  start_stack();
  stack_->submit(originate(4));
  const auto ringing = events_.wait_call<calls::Ringing>(CallId{4});
  ASSERT_TRUE(ringing) << sipp.log();
  EXPECT_EQ(ringing->sip_status, 183);
  EXPECT_TRUE(ringing->early_media);
  ASSERT_TRUE(ringing->sdp.has_value());
  ASSERT_TRUE(events_.wait_call<calls::Answered>(CallId{4}));
  stack_->submit(calls::Hangup{CallId{4}, ""});
  ASSERT_TRUE(events_.wait_call<calls::LocalHangupDone>(CallId{4}));
  expect_clean_exit(sipp);
  EXPECT_EQ(events_.kinds_for(CallId{4}),
            (Kinds{"Trying", "Ringing", "Answered", "LocalHangupDone"}));
}

TEST_F(SipStackTest, EarlyMediaThenBusyIsNeverAnswered) {
  SippProcess& sipp = run_sipp("uas_early_busy.xml", carrier_port_);
  start_stack();
  stack_->submit(originate(5));
  const auto failed = events_.wait_call<calls::Failed>(CallId{5});
  ASSERT_TRUE(failed) << sipp.log();
  EXPECT_EQ(failed->sip_status, 486);
  EXPECT_EQ(failed->disposition, SystemDisposition::busy);
  expect_clean_exit(sipp);
  EXPECT_EQ(events_.kinds_for(CallId{5}), (Kinds{"Trying", "Ringing", "Failed"}));
}

TEST_F(SipStackTest, RingTimeoutCancelsNoEarlierThanFifteenSecondsAfterRinging) {
  SippProcess& sipp = run_sipp("uas_no_answer.xml", carrier_port_);
  start_stack();
  calls::Originate o = originate(6);
  o.ring_timeout = seconds{15};
  const auto sent_at = std::chrono::steady_clock::now();
  stack_->submit(o);
  const auto ringing = events_.wait_for<calls::Ringing>(
      [](const calls::Ringing& r) { return r.call_id == CallId{6}; });
  ASSERT_TRUE(ringing) << sipp.log();
  const auto failed = events_.wait_for<calls::Failed>(
      [](const calls::Failed& f) { return f.call_id == CallId{6}; }, seconds{25});
  ASSERT_TRUE(failed) << sipp.log();
  EXPECT_EQ(failed->first.sip_status, 487);
  EXPECT_EQ(failed->first.disposition, SystemDisposition::no_answer);
  EXPECT_EQ(failed->first.cause, calls::FailureCause::ring_timeout);
  EXPECT_GE(failed->second - ringing->second, seconds{15});
  EXPECT_GE(failed->second - sent_at, seconds{15});
  EXPECT_LT(failed->second - sent_at, seconds{18});
  expect_clean_exit(sipp);
  EXPECT_EQ(events_.kinds_for(CallId{6}), (Kinds{"Trying", "Ringing", "Failed"}));
}

TEST_F(SipStackTest, TwoHundredCrossingOurCancelIsAckedByedAndRecordedCancelled) {
  SippProcess& sipp = run_sipp("uas_cancel_race.xml", carrier_port_);
  start_stack();
  calls::Originate o = originate(7);
  o.ring_timeout = seconds{60};
  const auto sent_at = std::chrono::steady_clock::now();
  stack_->submit(o);
  ASSERT_TRUE(events_.wait_call<calls::Ringing>(CallId{7})) << sipp.log();
  // The engine gives up at once; the CANCEL still waits for the 15 s floor.
  stack_->submit(calls::Cancel{CallId{7}});
  const auto failed = events_.wait_for<calls::Failed>(
      [](const calls::Failed& f) { return f.call_id == CallId{7}; }, seconds{25});
  ASSERT_TRUE(failed) << sipp.log();
  EXPECT_GE(failed->second - sent_at, seconds{15});
  EXPECT_EQ(failed->first.sip_status, 200);
  EXPECT_EQ(failed->first.disposition, SystemDisposition::cancelled);
  EXPECT_EQ(failed->first.cause, calls::FailureCause::answered_after_cancel);
  expect_clean_exit(sipp);  // SIPp saw the ACK and then our BYE
  EXPECT_EQ(events_.kinds_for(CallId{7}), (Kinds{"Trying", "Ringing", "Failed"}));
}

TEST_F(SipStackTest, HoldReinviteIsAnsweredRecvonly) {
  SippProcess& sipp = run_sipp("uas_hold.xml", carrier_port_);
  start_stack();
  stack_->submit(originate(8));
  const auto reinvite = events_.wait_call<calls::ReinviteReceived>(CallId{8});
  ASSERT_TRUE(reinvite) << sipp.log();
  EXPECT_TRUE(reinvite->hold);
  // The engine's answer: our own SDP with the direction RFC 3264 requires.
  const auto direction = calls::answer_direction(calls::offered_direction(reinvite->sdp));
  stack_->submit(calls::AnswerReinvite{CallId{8}, calls::with_direction(kOffer, direction)});
  stack_->submit(calls::Hangup{CallId{8}, ""});
  ASSERT_TRUE(events_.wait_call<calls::LocalHangupDone>(CallId{8})) << sipp.log();
  expect_clean_exit(sipp);
  EXPECT_EQ(events_.kinds_for(CallId{8}),
            (Kinds{"Trying", "Ringing", "Answered", "ReinviteReceived", "LocalHangupDone"}));
}

TEST_F(SipStackTest, ChallengeWithoutCredentialsFailsAndFreesTheChannel) {
  config_.limits.channel_limit = 1;
  SippProcess& sipp = run_sipp("uas_challenge_only.xml", carrier_port_);
  start_stack();
  stack_->submit(originate(11));
  const auto failed = events_.wait_call<calls::Failed>(CallId{11});
  ASSERT_TRUE(failed) << sipp.log();
  EXPECT_EQ(failed->sip_status, 401);
  EXPECT_EQ(failed->disposition, SystemDisposition::system_failure);
  expect_clean_exit(sipp);
  // The channel is free again: the next call is admitted, the one after it is refused.
  SilentPeer peer;
  calls::Originate next = originate(12);
  next.trunk.clear();
  next.target = "sip:15551230000@127.0.0.1:" + std::to_string(peer.port());
  stack_->submit(next);
  next.call_id = CallId{13};
  stack_->submit(next);
  const auto refused = events_.wait_call<calls::Failed>(CallId{13});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->cause, calls::FailureCause::channel_limit);
  EXPECT_FALSE(events_.wait_call<calls::Failed>(CallId{12}, std::chrono::milliseconds{0}));
}

TEST_F(SipStackTest, TcpTrunkCarriesTheCall) {
  config_.trunks[0].transport = Transport::tcp;
  SippProcess& sipp = run_sipp("uas_answer.xml", carrier_port_, {"-t", "t1"});
  start_stack();
  stack_->submit(originate(9));
  ASSERT_TRUE(events_.wait_call<calls::Answered>(CallId{9})) << sipp.log();
  stack_->submit(calls::Hangup{CallId{9}, ""});
  ASSERT_TRUE(events_.wait_call<calls::LocalHangupDone>(CallId{9}));
  expect_clean_exit(sipp);
}

TEST_F(SipStackTest, TrunkDigestChallengeIsAnsweredWithCredentials) {
  config_.trunks[0].username = "trunkuser";
  config_.trunks[0].password = "trunkpass";
  SippProcess& sipp = run_sipp("uas_auth.xml", carrier_port_);
  start_stack();
  stack_->submit(originate(10));
  ASSERT_TRUE(events_.wait_call<calls::Answered>(CallId{10})) << sipp.log();
  stack_->submit(calls::Hangup{CallId{10}, ""});
  ASSERT_TRUE(events_.wait_call<calls::LocalHangupDone>(CallId{10}));
  expect_clean_exit(sipp);
}

}  // namespace
}  // namespace dialer::sip::testing
