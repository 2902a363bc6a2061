// The IVR interpreter outside business hours: evenings, weekends and holidays, the after-hours
// flow with its callback offer, and each after-hours action of a DID.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/inbound/ivr_fixture.h"

namespace dialer::inbound::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST_F(IvrTest, EveningCallGoesToTheClosedFlow) {
  EXPECT_THAT(start(kEvening), ElementsAre("play closed.wav #1"));
  EXPECT_EQ(session().flow_name(), "closed");
  EXPECT_EQ(session().variables().closed, HoursState::closed);
  EXPECT_THAT(finished(1), ElementsAre("collect 1 #", "play offer.wav #2"));
}

TEST_F(IvrTest, SaturdayIsClosed) {
  EXPECT_THAT(start(kSaturday), ElementsAre("play closed.wav #1"));
  EXPECT_EQ(session().variables().closed, HoursState::closed);
}

TEST_F(IvrTest, HolidayIsClosedAndSaysSo) {
  EXPECT_THAT(start(kChristmas), ElementsAre("play closed.wav #1"));
  EXPECT_EQ(session().variables().closed, HoursState::holiday);
}

TEST_F(IvrTest, AfterHoursCallbackOfferAccepted) {
  start(kEvening);
  finished(1);
  finished(2);
  advance(2s);
  EXPECT_THAT(press('1'),
              ElementsAre("stop collecting", "clear timer", "callback sales +12125550123 since +0s",
                          "play callback_ok.wav #3"));
  EXPECT_THAT(finished(3), ElementsAre("hangup callback_requested"));
}

TEST_F(IvrTest, AfterHoursCallbackOfferIgnoredEndsWithGoodbye) {
  start(kEvening);
  finished(1);
  finished(2);
  EXPECT_THAT(tick_at(5s), ElementsAre("stop collecting", "play no_input.wav #3"));
  finished(3);
  finished(4);
  EXPECT_THAT(tick_at(10s), ElementsAre("stop collecting", "play goodbye.wav #5"));
  EXPECT_THAT(finished(5), ElementsAre("hangup end_of_flow"));
  EXPECT_FALSE(session().variables().callback_requested);
}

TEST_F(IvrTest, SupportDidAfterHoursGoesToVoicemailWithTheClosedGreeting) {
  EXPECT_THAT(start(kEvening, kSupportDid), ElementsAre("voicemail support closed.wav"));
  EXPECT_EQ(session().outcome(), IvrOutcome::voicemail);
  EXPECT_EQ(session().variables().closed, HoursState::closed);
}

class AfterHoursActionTest : public IvrTest {
 protected:
  void support_did_after_hours(AfterHours rule) {
    auto config = example_config();
    config.dids[1].hours->after_hours = std::move(rule);
    use(config);
  }
  static AfterHours callback_rule() {
    AfterHours rule = after_hours(AfterHoursAction::callback, "callback_ok.wav");
    rule.queue = "support";
    return rule;
  }
};

TEST_F(AfterHoursActionTest, HangupPlaysThePromptThenHangsUp) {
  support_did_after_hours(after_hours(AfterHoursAction::hang_up, "closed.wav"));
  EXPECT_THAT(start(kEvening, kSupportDid), ElementsAre("play closed.wav #1"));
  EXPECT_THAT(finished(1), ElementsAre("hangup after_hours"));
  EXPECT_EQ(session().hangup_reason(), HangupReason::after_hours);
}

TEST_F(AfterHoursActionTest, HangupWithoutAPromptHangsUpAtOnce) {
  support_did_after_hours(after_hours(AfterHoursAction::hang_up));
  EXPECT_THAT(start(kEvening, kSupportDid), ElementsAre("hangup after_hours"));
}

TEST_F(AfterHoursActionTest, CallbackRequestsItThenPlaysThePromptAndHangsUp) {
  support_did_after_hours(callback_rule());
  EXPECT_THAT(start(kEvening, kSupportDid),
              ElementsAre("callback support +12125550123 since +0s", "play callback_ok.wav #1"));
  EXPECT_THAT(finished(1), ElementsAre("hangup callback_requested"));
}

TEST_F(AfterHoursActionTest, CallbackWithAWithheldCallerIdHangsUpWithoutThePrompt) {
  support_did_after_hours(callback_rule());
  EXPECT_THAT(start(kEvening, kSupportDid, ""), ElementsAre("hangup no_caller_id"));
}

TEST_F(AfterHoursActionTest, FlowPlaysThePromptThenEntersTheFlow) {
  AfterHours rule = after_hours(AfterHoursAction::flow, "closed.wav");
  rule.flow = "closed";
  support_did_after_hours(rule);
  EXPECT_THAT(start(kEvening, kSupportDid), ElementsAre("play closed.wav #1"));
  EXPECT_EQ(session().flow_name(), "");
  EXPECT_THAT(finished(1), ElementsAre("play closed.wav #2"));
  EXPECT_EQ(session().flow_name(), "closed");
}

TEST_F(AfterHoursActionTest, DidHoursDoNotApplyWhileOpen) {
  support_did_after_hours(after_hours(AfterHoursAction::hang_up));
  EXPECT_THAT(start(kOpen, kSupportDid), ElementsAre("queue support p3"));
  EXPECT_FALSE(session().variables().closed.has_value());
}

TEST_F(IvrTest, FlowHoursApplyWhenEnteredByGoto) {
  auto config = example_config();
  config.flows[1].nodes.push_back({"to_main", GotoNode{"", "main"}});
  config.flows[1].start = "to_main";
  config.dids.push_back(Did{"+18005550102", "closed", "", std::nullopt});
  use(config);
  // Open: the goto enters main normally.
  EXPECT_THAT(start(kOpen, "+18005550102"), ElementsAre("play welcome.wav #1"));
  // Closed: main's after-hours sends the call back to `closed`, which jumps to main again...
  // until the loop guard stops it (the validator reports this loop before it can happen).
  EXPECT_THAT(start(kEvening, "+18005550102"), ElementsAre("hangup loop_guard"));
}

}  // namespace
}  // namespace dialer::inbound::testing
