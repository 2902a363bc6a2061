// The IVR interpreter's lookup (request, result, timeout, stale results), callback requests
// (caller id or entered digits, keeping the caller's place) and opt-out to the do-not-call list.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/inbound/ivr_fixture.h"

namespace dialer::inbound::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class IvrLookupTest : public IvrTest {
 protected:
  // The caller chose 2 and entered account 12345#: lookup #4 is out, its timer at +3s.
  void looking_up() {
    start(kOpen);
    finished(1);
    press('2');
    finished(3);
    press_all("12345#");
  }
};

TEST_F(IvrLookupTest, FoundCustomerGoesToTheSkilledQueueWithTheLeadForTheScreenPop) {
  looking_up();
  EXPECT_EQ(session().deadline(), kOpen + 3s);
  advance(1s);
  EXPECT_THAT(lookup_result(4, true, LeadId{42}),
              ElementsAre("clear timer", "queue support [billing>=2] p8"));
  const CallVariables& vars = session().variables();
  ASSERT_TRUE(vars.lead.has_value());
  EXPECT_EQ(*vars.lead, LeadId{42});
  EXPECT_EQ(vars.lookup_value, "12345");
  EXPECT_EQ(vars.digits.at("menu"), "2");
  EXPECT_EQ(vars.digits.at("account"), "12345");
  EXPECT_EQ(vars.caller_id, kCaller);
  EXPECT_EQ(vars.did, kMainDid);
  EXPECT_EQ(vars.started, kOpen);
}

TEST_F(IvrLookupTest, UnknownCustomerGoesToTheGeneralQueue) {
  looking_up();
  EXPECT_THAT(lookup_result(4, false), ElementsAre("clear timer", "queue support p3"));
  EXPECT_FALSE(session().variables().lead.has_value());
  EXPECT_FALSE(session().variables().lookup_timed_out);
}

TEST_F(IvrLookupTest, NoAnswerBeforeTheTimeoutCountsAsNotFound) {
  looking_up();
  EXPECT_THAT(tick_at(2999ms), IsEmpty());
  EXPECT_THAT(tick_at(3s), ElementsAre("queue support p3"));
  EXPECT_TRUE(session().variables().lookup_timed_out);
  EXPECT_THAT(lookup_result(4, true, LeadId{42}), IsEmpty());  // too late
  EXPECT_FALSE(session().variables().lead.has_value());
}

TEST_F(IvrLookupTest, AResultForAnotherRequestIsIgnored) {
  looking_up();
  EXPECT_THAT(lookup_result(3, true, LeadId{7}), IsEmpty());
  EXPECT_EQ(session().node_id(), "find");
  EXPECT_THAT(lookup_result(4, false), ElementsAre("clear timer", "queue support p3"));
}

TEST_F(IvrLookupTest, PhoneLookupUsesTheCallerId) {
  auto config = example_config();
  config.flows[0].nodes.push_back({"by_phone", LookupNode{LookupKey::phone, "", 3s, "vip", ""}});
  config.flows[0].start = "by_phone";
  use(config);
  EXPECT_THAT(start(kOpen), ElementsAre("lookup phone +12125550123 #1", "timer +3s"));
  EXPECT_THAT(lookup_result(1, false), ElementsAre("clear timer", "hangup end_of_flow"));
}

TEST_F(IvrLookupTest, LookupOfANumberNeverCollectedIsNotFoundAtOnce) {
  auto config = example_config();
  config.flows[0].start = "find";  // the account entry is skipped
  use(config);
  EXPECT_THAT(start(kOpen), ElementsAre("queue support p3"));
  EXPECT_TRUE(session().variables().lookup_value.empty());
}

TEST_F(IvrLookupTest, PhoneLookupWithAWithheldCallerIdIsNotFound) {
  auto config = example_config();
  config.flows[0].nodes.push_back(
      {"by_phone", LookupNode{LookupKey::phone, "", 3s, "vip", "support"}});
  config.flows[0].start = "by_phone";
  use(config);
  EXPECT_THAT(start(kOpen, kMainDid, ""), ElementsAre("queue support p3"));
}

TEST_F(IvrTest, CallbackKeepsThePlaceOfTheCallersArrival) {
  start(kOpen);
  finished(1);
  finished(2);
  advance(4s);
  EXPECT_THAT(press('3'),
              ElementsAre("stop collecting", "clear timer", "callback sales +12125550123 since +0s",
                          "play callback_ok.wav #3"));
  EXPECT_TRUE(session().variables().callback_requested);
  EXPECT_THAT(finished(3), ElementsAre("hangup callback_requested"));
}

TEST_F(IvrTest, CallbackToEnteredDigits) {
  auto config = example_config();
  CollectNode number = collect("enter_number.wav");
  number.min_digits = 10;
  number.max_digits = 10;
  number.default_target = "cb_entered";
  config.flows[0].nodes.push_back({"number", number});
  config.flows[0].nodes.push_back({"cb_entered", CallbackNode{"sales", "number", "", "", ""}});
  config.flows[0].start = "number";
  use(config);
  start(kOpen);
  finished(1);
  const auto actions = press_all("2125550199");
  EXPECT_THAT(std::vector<std::string>(actions.end() - 2, actions.end()),
              ElementsAre("callback sales 2125550199 since +0s", "hangup callback_requested"));
}

TEST_F(IvrTest, CallbackWithoutANumberGoesToOnFailureOrHangsUp) {
  start(kOpen, kMainDid, "");
  finished(1);
  EXPECT_THAT(press('3'), ElementsAre("stop #2", "stop collecting", "hangup no_caller_id"));
  EXPECT_FALSE(session().variables().callback_requested);

  auto config = example_config();
  std::get<CallbackNode>(config.flows[0].nodes[7].spec).on_failure = "goodbye";
  use(config);
  start(kOpen, kMainDid, "");
  finished(1);
  EXPECT_THAT(press('3'), ElementsAre("stop #2", "stop collecting", "play goodbye.wav #3"));
}

TEST_F(IvrTest, OptOutAddsTheCallerToTheDncListAndConfirms) {
  start(kOpen);
  finished(1);
  EXPECT_THAT(press('9'),
              ElementsAre("stop #2", "stop collecting", "dnc +12125550123", "play dnc_ok.wav #3"));
  EXPECT_TRUE(session().variables().opted_out);
  EXPECT_FALSE(session().finished());
  EXPECT_THAT(finished(3), ElementsAre("hangup opted_out"));
  EXPECT_EQ(session().hangup_reason(), HangupReason::opted_out);
}

TEST_F(IvrTest, OptOutWithAWithheldCallerIdAddsNothing) {
  start(kOpen, kMainDid, "");
  finished(1);
  EXPECT_THAT(press('9'), ElementsAre("stop #2", "stop collecting", "hangup no_caller_id"));
  EXPECT_FALSE(session().variables().opted_out);
}

TEST_F(IvrTest, OptOutThenNextNode) {
  auto config = example_config();
  std::get<OptOutNode>(config.flows[0].nodes[8].spec).next = "goodbye";
  use(config);
  start(kOpen);
  finished(1);
  press('9');
  EXPECT_THAT(finished(3), ElementsAre("play goodbye.wav #4"));
}

}  // namespace
}  // namespace dialer::inbound::testing
