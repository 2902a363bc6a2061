// The IVR interpreter collecting DTMF: barge-in, timeouts, invalid entries, retries, terminator,
// inter-digit timeout, minimum and maximum digits.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/inbound/ivr_fixture.h"

namespace dialer::inbound::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class IvrCollectTest : public IvrTest {
 protected:
  // The caller hears the menu to its end; the first-digit timer runs from base + 0.
  void at_menu() {
    start(kOpen);
    finished(1);
    finished(2);
  }
  // The caller chose 2 and heard the account prompt (#3) to its end.
  void at_account() {
    at_menu();
    press('2');
    finished(3);
  }
};

TEST_F(IvrCollectTest, InvalidKeyPlaysTheInvalidPromptThenTheMenuAgain) {
  at_menu();
  EXPECT_THAT(press('7'), ElementsAre("stop collecting", "clear timer", "play invalid.wav #3"));
  EXPECT_THAT(finished(3), ElementsAre("collect 1 #", "play menu.wav #4"));
  EXPECT_THAT(press('1'), ElementsAre("stop #4", "stop collecting", "queue sales p5"));
}

TEST_F(IvrCollectTest, NoKeyBeforeTheFirstDigitTimeoutPlaysTheTimeoutPrompt) {
  at_menu();
  EXPECT_THAT(tick_at(4999ms), IsEmpty());
  EXPECT_THAT(tick_at(5s), ElementsAre("stop collecting", "play no_input.wav #3"));
  EXPECT_FALSE(session().deadline().has_value());
  EXPECT_THAT(finished(3), ElementsAre("collect 1 #", "play menu.wav #4"));
}

TEST_F(IvrCollectTest, RetriesExhaustedGoesToOnFailure) {
  at_menu();
  press('7');  // failure 1
  finished(3);
  finished(4);
  tick_at(10s);  // failure 2 (timeout)
  finished(5);
  EXPECT_THAT(finished(6), ElementsAre("timer +15s"));
  EXPECT_THAT(press('8'), ElementsAre("stop collecting", "clear timer", "play goodbye.wav #7"));
  EXPECT_THAT(finished(7), ElementsAre("hangup end_of_flow"));
  EXPECT_EQ(session().node_id(), "goodbye");
}

TEST_F(IvrCollectTest, RetriesExhaustedWithoutOnFailureHangsUp) {
  auto config = example_config();
  auto& menu = std::get<CollectNode>(config.flows[0].nodes[1].spec);
  menu.on_failure = "";
  menu.retries = 0;
  use(config);
  at_menu();
  EXPECT_THAT(tick_at(5s), ElementsAre("stop collecting", "hangup retries_exhausted"));
  EXPECT_EQ(session().hangup_reason(), HangupReason::retries_exhausted);
}

TEST_F(IvrCollectTest, RetryWithoutAPromptStartsTheNextAttemptAtOnce) {
  auto config = example_config();
  std::get<CollectNode>(config.flows[0].nodes[1].spec).invalid_prompt = "";
  use(config);
  at_menu();
  EXPECT_THAT(press('5'),
              ElementsAre("stop collecting", "clear timer", "collect 1 #", "play menu.wav #3"));
}

TEST_F(IvrCollectTest, KeyDuringThePromptStopsIt) {
  start(kOpen);
  finished(1);
  EXPECT_THAT(press('3'),
              ElementsAre("stop #2", "stop collecting", "callback sales +12125550123 since +0s",
                          "play callback_ok.wav #3"));
  EXPECT_THAT(finished(2), IsEmpty());  // the stopped menu prompt's late end is ignored
}

TEST_F(IvrCollectTest, MultiDigitEntryEndsAtTheTerminator) {
  at_account();
  EXPECT_THAT(press_all("1234"), ElementsAre("timer +4s", "timer +4s", "timer +4s", "timer +4s"));
  EXPECT_THAT(press('#'),
              ElementsAre("stop collecting", "clear timer", "lookup account 1234 #4", "timer +3s"));
  EXPECT_EQ(session().variables().digits.at("account"), "1234");
}

TEST_F(IvrCollectTest, EntryEndsWhenTheInterDigitTimeoutPasses) {
  at_account();
  press_all("12345");
  EXPECT_THAT(tick_at(3999ms), IsEmpty());
  EXPECT_THAT(tick_at(4s), ElementsAre("stop collecting", "lookup account 12345 #4", "timer +7s"));
}

TEST_F(IvrCollectTest, InterDigitTimerRestartsAtEachKey) {
  at_account();
  press('1');
  advance(3s);
  EXPECT_THAT(press('2'), ElementsAre("timer +7s"));
  EXPECT_THAT(tick_at(4s), IsEmpty());
  EXPECT_THAT(tick_at(7s), ElementsAre("stop collecting", "play invalid.wav #4"));  // too short
}

TEST_F(IvrCollectTest, EntryEndsAtMaxDigitsWithoutWaiting) {
  at_account();
  const auto actions = press_all("0123456789");
  EXPECT_THAT(
      std::vector<std::string>(actions.end() - 4, actions.end()),
      ElementsAre("stop collecting", "clear timer", "lookup account 0123456789 #4", "timer +3s"));
}

TEST_F(IvrCollectTest, EntryShorterThanMinDigitsIsInvalid) {
  at_account();
  press_all("12");
  EXPECT_THAT(press('#'), ElementsAre("stop collecting", "clear timer", "play invalid.wav #4"));
  EXPECT_FALSE(session().variables().digits.contains("account"));
}

TEST_F(IvrCollectTest, TerminatorAloneCountsAsNoInput) {
  at_account();
  EXPECT_THAT(press('#'), ElementsAre("stop collecting", "clear timer", "play no_input.wav #4"));
}

TEST_F(IvrCollectTest, SecondFailureOfTheAccountEntryGoesToSupportWithoutLookup) {
  at_account();
  press('#');   // failure 1 of 2 (retries: 1)
  finished(4);  // the no-input prompt ends
  finished(5);  // the account prompt ends
  EXPECT_THAT(tick_at(8s), ElementsAre("stop collecting", "queue support p3"));
  EXPECT_FALSE(session().variables().lead.has_value());
}

TEST_F(IvrCollectTest, KeysWhileNothingCollectsAreIgnoredAndCounted) {
  start(kOpen);
  EXPECT_THAT(press('1'), IsEmpty());  // during the welcome prompt
  at_menu();
  press('7');
  EXPECT_THAT(press('1'), IsEmpty());  // during the invalid prompt
  EXPECT_EQ(session().ignored_digits(), 1);
  EXPECT_THAT(press('x'), IsEmpty());  // not a DTMF key
  EXPECT_EQ(session().ignored_digits(), 2);
}

TEST_F(IvrCollectTest, DefaultBranchTakesAnyOtherEntry) {
  auto config = example_config();
  std::get<CollectNode>(config.flows[0].nodes[1].spec).default_target = "support";
  use(config);
  at_menu();
  EXPECT_THAT(press('5'), ElementsAre("stop collecting", "clear timer", "queue support p3"));
  EXPECT_EQ(session().variables().digits.at("menu"), "5");
}

TEST_F(IvrCollectTest, WithoutATerminatorTheHashKeyIsAnOrdinaryKey) {
  auto config = example_config();
  auto& menu = std::get<CollectNode>(config.flows[0].nodes[1].spec);
  menu.terminator = std::nullopt;
  menu.branches.push_back({"#", "support"});
  use(config);
  at_menu();
  EXPECT_THAT(press('#'), ElementsAre("stop collecting", "clear timer", "queue support p3"));
}

}  // namespace
}  // namespace dialer::inbound::testing
