// Agent phones (REGISTER with digest, then a call to the binding), inbound requests, and the
// local safety limits.
#include <gtest/gtest.h>

#include "tests/sip/sip_stack_fixture.h"

namespace dialer::sip::testing {
namespace {

using calls::FailureCause;
using std::chrono::seconds;
using Kinds = std::vector<std::string>;

TEST_F(SipStackTest, AgentPhoneRegistersWithDigestAndIsCalled) {
  start_stack();
  const std::uint16_t agent_port = free_port();
  SippProcess& phone = run_sipp("agent_uas.xml", agent_port);
  SippProcess& reg = run_sipp("agent_register.xml", free_port(),
                              {"-key", "agent_port", std::to_string(agent_port)},
                              "127.0.0.1:" + std::to_string(stack_port_),
                              {{"PASSWORD", "s3cret"}, {"EXPIRES", "60"}, {"VERDICT", "200"}});
  const auto registered =
      events_.wait_for<calls::Registered>([](const calls::Registered&) { return true; });
  ASSERT_TRUE(registered) << reg.log();
  EXPECT_EQ(registered->first.agent, "agent1001");
  EXPECT_EQ(registered->first.contact, "sip:agent1001@127.0.0.1:" + std::to_string(agent_port));
  expect_clean_exit(reg);
  EXPECT_GE(stack_->counters().auth_challenges, 1u);
  EXPECT_EQ(stack_->counters().registrations, 1u);

  calls::Originate leg;
  leg.call_id = CallId{20};
  leg.agent = "agent1001";
  leg.sdp_offer = kOffer;
  stack_->submit(leg);
  ASSERT_TRUE(events_.wait_call<calls::Answered>(CallId{20})) << phone.log();
  stack_->submit(calls::Hangup{CallId{20}, "agent logged out"});
  ASSERT_TRUE(events_.wait_call<calls::LocalHangupDone>(CallId{20}));
  expect_clean_exit(phone);
}

TEST_F(SipStackTest, StaticAgentUriIsCalledWithoutRegistration) {
  start_stack();
  const std::uint16_t agent_port = free_port();
  SippProcess& phone = run_sipp("agent_uas.xml", agent_port);
  calls::Originate leg;
  leg.call_id = CallId{22};
  leg.target = "sip:agent2002@127.0.0.1:" + std::to_string(agent_port);
  leg.sdp_offer = kOffer;
  stack_->submit(leg);
  ASSERT_TRUE(events_.wait_call<calls::Answered>(CallId{22})) << phone.log();
  stack_->submit(calls::Hangup{CallId{22}, ""});
  ASSERT_TRUE(events_.wait_call<calls::LocalHangupDone>(CallId{22}));
  expect_clean_exit(phone);
  EXPECT_EQ(events_.kinds_for(CallId{22}),
            (Kinds{"Trying", "Ringing", "Answered", "LocalHangupDone"}));
}

TEST_F(SipStackTest, AgentWithAWrongPasswordIsRefused) {
  start_stack();
  SippProcess& reg = run_sipp("agent_register.xml", free_port(), {"-key", "agent_port", "5999"},
                              "127.0.0.1:" + std::to_string(stack_port_),
                              {{"PASSWORD", "guess"}, {"EXPIRES", "60"}, {"VERDICT", "403"}});
  expect_clean_exit(reg);
  EXPECT_EQ(stack_->counters().auth_failures, 1u);
  EXPECT_EQ(stack_->counters().registrations, 0u);
  EXPECT_FALSE(events_.wait_for<calls::Registered>([](const calls::Registered&) { return true; },
                                                   std::chrono::milliseconds{0}));
}

TEST_F(SipStackTest, AgentBindingExpiresAndIsReported) {
  start_stack();
  SippProcess& reg = run_sipp("agent_register.xml", free_port(), {"-key", "agent_port", "5999"},
                              "127.0.0.1:" + std::to_string(stack_port_),
                              {{"PASSWORD", "s3cret"}, {"EXPIRES", "1"}, {"VERDICT", "200"}});
  expect_clean_exit(reg);
  const auto registered =
      events_.wait_for<calls::Registered>([](const calls::Registered&) { return true; });
  ASSERT_TRUE(registered);
  const auto gone = events_.wait_for<calls::Unregistered>(
      [](const calls::Unregistered& u) { return u.agent == "agent1001"; }, seconds{4});
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->first.cause, calls::UnregisterCause::expired);
  EXPECT_GE(gone->second - registered->second, std::chrono::milliseconds{900});
}

TEST_F(SipStackTest, TrunkRegistersWithDigestCredentials) {
  config_.trunks[0].username = "trunkuser";
  config_.trunks[0].password = "trunkpass";
  config_.trunks[0].register_enabled = true;
  config_.trunks[0].register_expires_s = 60;
  SippProcess& registrar = run_sipp("trunk_registrar.xml", carrier_port_);
  start_stack();
  const auto reg = events_.wait_for<calls::TrunkRegistration>(
      [](const calls::TrunkRegistration& r) { return r.trunk == "carrier"; });
  ASSERT_TRUE(reg) << registrar.log();
  EXPECT_EQ(reg->first.sip_status, 200);
  EXPECT_TRUE(reg->first.registered);
  expect_clean_exit(registrar);
}

TEST_F(SipStackTest, CallToAnUnregisteredAgentFailsLocally) {
  start_stack();
  calls::Originate leg;
  leg.call_id = CallId{21};
  leg.agent = "agent1001";
  leg.sdp_offer = kOffer;
  stack_->submit(leg);
  const auto failed = events_.wait_call<calls::Failed>(CallId{21});
  ASSERT_TRUE(failed);
  EXPECT_EQ(failed->cause, FailureCause::agent_not_registered);
  EXPECT_EQ(failed->sip_status, 0);
}

TEST_F(SipStackTest, InviteFromAStrangerIsForbidden) {
  start_stack();
  SippProcess& stranger =
      run_sipp("uac_forbidden.xml", free_port(), {}, "127.0.0.1:" + std::to_string(stack_port_));
  expect_clean_exit(stranger);
  EXPECT_EQ(stack_->counters().inbound_forbidden, 1u);
  EXPECT_FALSE(events_.wait_for<calls::InboundCall>([](const calls::InboundCall&) { return true; },
                                                    std::chrono::milliseconds{0}));
}

TEST_F(SipStackTest, InviteFromTheTrunkIsReportedAndCanBeAnswered) {
  start_stack();
  SippProcess& trunk =
      run_sipp("uac_inbound.xml", carrier_port_, {}, "127.0.0.1:" + std::to_string(stack_port_));
  const auto inbound =
      events_.wait_for<calls::InboundCall>([](const calls::InboundCall&) { return true; });
  ASSERT_TRUE(inbound) << trunk.log();
  const CallId id = inbound->first.call_id;
  EXPECT_LT(id.value(), 0);
  EXPECT_NE(inbound->first.to.find("18005550100"), std::string::npos);
  EXPECT_NE(inbound->first.sdp.find("m=audio"), std::string::npos);
  stack_->submit(calls::AnswerInbound{id, kOffer});
  ASSERT_TRUE(events_.wait_call<calls::RemoteHangup>(id)) << trunk.log();
  expect_clean_exit(trunk);
}

TEST_F(SipStackTest, ChannelLimitRefusesTheSecondCall) {
  config_.limits.channel_limit = 1;
  start_stack();
  // Nobody answers on this port: the first call stays in "calling" while the second is refused.
  SilentPeer peer;
  calls::Originate first = originate(30);
  first.trunk.clear();
  first.target = "sip:15551230000@127.0.0.1:" + std::to_string(peer.port());
  calls::Originate second = first;
  second.call_id = CallId{31};
  stack_->submit(first);
  stack_->submit(second);
  const auto failed = events_.wait_call<calls::Failed>(CallId{31});
  ASSERT_TRUE(failed);
  EXPECT_EQ(failed->cause, FailureCause::channel_limit);
  EXPECT_EQ(stack_->counters().failures[static_cast<int>(FailureCause::channel_limit)], 1u);
  EXPECT_FALSE(events_.wait_call<calls::Failed>(CallId{30}, std::chrono::milliseconds{0}));
}

TEST_F(SipStackTest, CallsPerSecondLimitRefusesTheBurst) {
  config_.limits.cps_limit = 2;
  start_stack();
  SilentPeer peer;
  calls::Originate call = originate(40);
  call.trunk.clear();
  call.target = "sip:15551230000@127.0.0.1:" + std::to_string(peer.port());
  for (int i = 0; i < 3; ++i) {
    call.call_id = CallId{40 + i};
    stack_->submit(call);
  }
  const auto failed = events_.wait_call<calls::Failed>(CallId{42});
  ASSERT_TRUE(failed);
  EXPECT_EQ(failed->cause, FailureCause::cps_limit);
}

TEST_F(SipStackTest, StartReportsAPortAlreadyTaken) {
  SilentPeer squatter;
  config_.port = squatter.port();
  SipStack stack{config_, events_};
  const auto port = stack.start();
  ASSERT_FALSE(port.ok());
  EXPECT_EQ(port.error().code, ErrorCode::io_error);
}

TEST_F(SipStackTest, UnknownTrunkAndDuplicateCallIdAreRefused) {
  start_stack();
  calls::Originate bad = originate(50);
  bad.trunk = "nope";
  stack_->submit(bad);
  const auto unknown = events_.wait_call<calls::Failed>(CallId{50});
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->cause, FailureCause::unknown_trunk);
  calls::Originate zero = originate(0);
  stack_->submit(zero);
  const auto invalid = events_.wait_call<calls::Failed>(CallId{0});
  ASSERT_TRUE(invalid);
  EXPECT_EQ(invalid->cause, FailureCause::bad_request);
}

}  // namespace
}  // namespace dialer::sip::testing
