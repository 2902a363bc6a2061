// The IVR interpreter on the happy paths: DID routing, the main menu, queues, goto and the
// bookkeeping of prompts and events after the end.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/inbound/ivr_fixture.h"

namespace dialer::inbound::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST_F(IvrTest, WelcomeThenMenuThenKeyOneQueuesForSales) {
  EXPECT_THAT(start(kOpen), ElementsAre("play welcome.wav #1"));
  EXPECT_THAT(finished(1), ElementsAre("collect 1 #", "play menu.wav #2"));
  EXPECT_THAT(press('1'), ElementsAre("stop #2", "stop collecting", "queue sales p5"));
  EXPECT_EQ(session().outcome(), IvrOutcome::queued);
  EXPECT_TRUE(session().finished());
  EXPECT_EQ(session().variables().digits.at("menu"), "1");
  EXPECT_EQ(session().flow_name(), "main");
  EXPECT_EQ(session().node_id(), "sales");
  EXPECT_FALSE(session().deadline().has_value());
}

TEST_F(IvrTest, FirstDigitTimerStartsWhenTheMenuPromptEnds) {
  start(kOpen);
  finished(1);
  EXPECT_THAT(finished(2), ElementsAre("timer +5s"));
  EXPECT_EQ(session().deadline(), kOpen + 5s);
  advance(2s);
  EXPECT_THAT(press('2'),
              ElementsAre("stop collecting", "clear timer", "collect 10 #", "play account.wav #3"));
  EXPECT_EQ(session().node_id(), "account");
}

TEST_F(IvrTest, SupportDidGoesStraightToItsQueueWhileOpen) {
  EXPECT_THAT(start(kOpen, kSupportDid), ElementsAre("queue support p3"));
  EXPECT_EQ(session().outcome(), IvrOutcome::queued);
  EXPECT_EQ(session().flow_name(), "");
}

TEST_F(IvrTest, UnknownDidHangsUp) {
  EXPECT_THAT(start(kOpen, "+18005550999"), ElementsAre("hangup unknown_did"));
  EXPECT_EQ(session().hangup_reason(), HangupReason::unknown_did);
}

TEST_F(IvrTest, QueueNodeAddsItsSkillsAndPriority) {
  auto config = example_config();
  config.flows[0].start = "vip";
  use(config);
  EXPECT_THAT(start(kOpen), ElementsAre("queue support [billing>=2] p8"));
}

TEST_F(IvrTest, StaleOrUnknownPromptEndsAreIgnored) {
  start(kOpen);
  EXPECT_THAT(finished(0), IsEmpty());
  EXPECT_THAT(finished(7), IsEmpty());
  EXPECT_EQ(session().node_id(), "welcome");
  EXPECT_THAT(finished(1), ElementsAre("collect 1 #", "play menu.wav #2"));
  EXPECT_THAT(finished(1), IsEmpty());  // the welcome prompt cannot end twice
}

TEST_F(IvrTest, EveryEventAfterTheEndDoesNothing) {
  start(kOpen, kSupportDid);
  ASSERT_TRUE(session().finished());
  EXPECT_THAT(finished(1), IsEmpty());
  EXPECT_THAT(press('1'), IsEmpty());
  EXPECT_THAT(tick_at(1h), IsEmpty());
  EXPECT_THAT(lookup_result(1, true), IsEmpty());
  EXPECT_THAT(hung_up(), IsEmpty());
  EXPECT_EQ(session().outcome(), IvrOutcome::queued);
}

TEST_F(IvrTest, StartingTwiceDoesNothing) {
  start(kOpen);
  EXPECT_THAT(said(session_->start(CallStart{kMainDid, kCaller}, kOpen)), IsEmpty());
}

TEST_F(IvrTest, GotoNodeAndGotoFlow) {
  auto config = example_config();
  config.flows[0].nodes.push_back({"jump", GotoNode{"", "closed"}});
  config.flows[0].nodes.push_back({"to_jump", GotoNode{"jump", ""}});
  config.flows[0].start = "to_jump";
  use(config);
  EXPECT_THAT(start(kOpen), ElementsAre("play closed.wav #1"));
  EXPECT_EQ(session().flow_name(), "closed");
  EXPECT_EQ(session().node_id(), "closed_message");
  EXPECT_FALSE(session().variables().closed.has_value());  // entered by goto, not after hours
}

TEST_F(IvrTest, APlayNodeWithoutNextHangsUpAfterItsPrompt) {
  auto config = example_config();
  std::get<PlayNode>(config.flows[0].nodes[0].spec).next = "";
  use(config);
  start(kOpen);
  EXPECT_THAT(finished(1), ElementsAre("hangup end_of_flow"));
  EXPECT_EQ(session().outcome(), IvrOutcome::hung_up);
}

TEST_F(IvrTest, HangupNodePlaysItsPromptFirst) {
  auto config = example_config();
  config.flows[0].start = "goodbye";
  use(config);
  EXPECT_THAT(start(kOpen), ElementsAre("play goodbye.wav #1"));
  EXPECT_FALSE(session().finished());
  EXPECT_THAT(finished(1), ElementsAre("hangup end_of_flow"));
}

TEST_F(IvrTest, VoicemailNodeEndsTheIvr) {
  auto config = example_config();
  config.flows[0].nodes.push_back({"vm", VoicemailNode{"sales", "leave_message.wav"}});
  config.flows[0].start = "vm";
  use(config);
  EXPECT_THAT(start(kOpen), ElementsAre("voicemail sales leave_message.wav"));
  EXPECT_EQ(session().outcome(), IvrOutcome::voicemail);
}

TEST_F(IvrTest, LoopOfGotoNodesIsCutOffByTheLoopGuard) {
  auto config = example_config();
  config.flows[0].nodes.push_back({"a", GotoNode{"b", ""}});
  config.flows[0].nodes.push_back({"b", GotoNode{"a", ""}});
  config.flows[0].start = "a";
  use(config);
  EXPECT_THAT(start(kOpen), ElementsAre("hangup loop_guard"));
}

TEST_F(IvrTest, CallerHangingUpEndsTheSessionAndClearsItsTimer) {
  start(kOpen);
  finished(1);
  finished(2);
  EXPECT_THAT(hung_up(), ElementsAre("clear timer"));
  EXPECT_EQ(session().outcome(), IvrOutcome::caller_hung_up);
  EXPECT_EQ(session().node_id(), "menu");  // where the caller left
  EXPECT_FALSE(session().hangup_reason().has_value());
}

}  // namespace
}  // namespace dialer::inbound::testing
