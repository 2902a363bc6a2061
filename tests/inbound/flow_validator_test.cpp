// The validator of inbound configurations: undefined names, DTMF branches that can never match,
// unreachable nodes, unused flows and loops without input, each named by its configuration path.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "inbound/inbound_validator.h"
#include "tests/inbound/ivr_fixture.h"

namespace dialer::inbound {
namespace {

using ::testing::ElementsAre;
using testing::example_config;
using ::testing::IsEmpty;

// "path: message" (with " @key" when the key is at fault), as compact test output.
std::vector<std::string> problems(const InboundConfig& config) {
  std::vector<std::string> out;
  for (const auto& p : validate(config)) {
    out.push_back(p.path + (p.at_key ? " @key" : "") + ": " + p.message);
  }
  return out;
}

IvrNode& node(InboundConfig& c, std::size_t flow, std::string_view id) {
  for (auto& n : c.flows[flow].nodes) {
    if (n.id == id) return n;
  }
  throw std::runtime_error("no node " + std::string(id));
}

TEST(FlowValidatorTest, TheTestConfigurationIsValid) {
  EXPECT_THAT(problems(example_config()), IsEmpty());
}

TEST(FlowValidatorTest, UndefinedNodeTargetNamesTheKnownNodes) {
  auto c = example_config();
  std::get<PlayNode>(node(c, 0, "welcome").spec).next = "menuu";
  const auto found = validate(c);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].path, "flows.main.nodes.welcome.next");
  EXPECT_EQ(found[0].message, "undefined node 'menuu'");
  EXPECT_EQ(found[0].unknown, "menuu");
  EXPECT_THAT(found[0].known, ::testing::Contains("menu"));
}

TEST(FlowValidatorTest, UndefinedQueueSkillFlowAndSchedule) {
  auto c = example_config();
  std::get<QueueNode>(node(c, 0, "sales").spec).queue = "sale";
  std::get<QueueNode>(node(c, 0, "vip").spec).skills = {{"biling", 2}};
  c.flows[0].hours->after_hours.flow = "closd";
  c.dids[1].hours->schedule = "ofice";
  c.queues[0].skills.push_back({"french", 1});
  EXPECT_THAT(problems(c),
              ElementsAre("queues[0].skills.french @key: undefined skill 'french'",
                          "dids[1].hours: undefined schedule 'ofice'",
                          "flows.main.after_hours.flow: undefined flow 'closd'",
                          "flows.main.nodes.sales.queue: undefined queue 'sale'",
                          "flows.main.nodes.vip.skills.biling @key: undefined skill 'biling'",
                          "flows.closed @key: flow 'closed' is never used: no DID, goto node or "
                          "after_hours leads to it"));
}

TEST(FlowValidatorTest, UnreachableNode) {
  auto c = example_config();
  c.flows[0].nodes.push_back({"orphan", HangupNode{}});
  EXPECT_THAT(problems(c), ElementsAre("flows.main.nodes.orphan @key: node 'orphan' is "
                                       "unreachable: no path leads to it from the start node "
                                       "'welcome' of flow 'main'"));
}

TEST(FlowValidatorTest, NodesReachedOnlyFromAnotherStartAreUnreachable) {
  auto c = example_config();
  c.flows[0].start = "menu";
  EXPECT_THAT(problems(c), ElementsAre("flows.main.nodes.welcome @key: node 'welcome' is "
                                       "unreachable: no path leads to it from the start node "
                                       "'menu' of flow 'main'"));
}

TEST(FlowValidatorTest, LoopWithoutInput) {
  auto c = example_config();
  c.flows[0].nodes.push_back({"a", PlayNode{"a.wav", "b"}});
  c.flows[0].nodes.push_back({"b", GotoNode{"a", ""}});
  std::get<CollectNode>(node(c, 0, "menu").spec).branches.push_back({"0", "a"});
  EXPECT_THAT(problems(c), ElementsAre("flows.main.nodes.a @key: loop without any input node: "
                                       "a -> b -> a never waits for a key, so the caller cannot "
                                       "leave it"));
}

TEST(FlowValidatorTest, GotoToItselfIsALoop) {
  auto c = example_config();
  c.flows[0].nodes.push_back({"self", GotoNode{"self", ""}});
  std::get<CollectNode>(node(c, 0, "menu").spec).branches.push_back({"0", "self"});
  EXPECT_THAT(problems(c), ElementsAre("flows.main.nodes.self @key: loop without any input node: "
                                       "self -> self never waits for a key, so the caller cannot "
                                       "leave it"));
}

TEST(FlowValidatorTest, LoopAcrossFlowsThroughAfterHoursIsALoop) {
  auto c = example_config();
  c.flows.push_back(testing::flow("night", {{"to_main", GotoNode{"", "main"}}}));
  c.flows[0].hours->after_hours.flow = "night";
  c.dids.push_back(Did{"+18005550102", "closed", "", std::nullopt});
  EXPECT_THAT(problems(c),
              ElementsAre("flows.main @key: loop without any input node: (flow main) -> "
                          "(flow night) -> night/to_main -> (flow main) never waits for a key, "
                          "so the caller cannot leave it"));
}

TEST(FlowValidatorTest, ALoopThroughACollectNodeIsFine) {
  auto c = example_config();
  std::get<CollectNode>(node(c, 0, "menu").spec).branches.push_back({"0", "welcome"});
  EXPECT_THAT(problems(c), IsEmpty());
}

TEST(FlowValidatorTest, BranchesThatCanNeverMatch) {
  auto c = example_config();
  auto& account = std::get<CollectNode>(node(c, 0, "account").spec);
  account.branches = {{"12#4", "support"}, {"12", "support"}, {"12345678901", "support"},
                      {"1a", "support"},   {"", "support"},   {"1234", "vip"}};
  EXPECT_THAT(
      problems(c),
      ElementsAre("flows.main.nodes.account.branches.12#4 @key: branch '12#4' contains the "
                  "terminator '#', which ends the entry: it can never match",
                  "flows.main.nodes.account.branches.12 @key: branch '12' has 2 keys but "
                  "min_digits is 4: it can never match",
                  "flows.main.nodes.account.branches.12345678901 @key: branch '12345678901' has "
                  "11 keys but max_digits is 10: it can never match",
                  "flows.main.nodes.account.branches.1a @key: '1a' is not a sequence of DTMF "
                  "keys (0-9, * and #)",
                  "flows.main.nodes.account.branches. @key: '' is not a sequence of DTMF keys "
                  "(0-9, * and #)"));
}

TEST(FlowValidatorTest, CollectNeedsBranchesOrADefaultAndSaneDigitCounts) {
  auto c = example_config();
  auto& account = std::get<CollectNode>(node(c, 0, "account").spec);
  account.default_target.reset();
  account.min_digits = 12;
  EXPECT_THAT(problems(c),
              ElementsAre("flows.main.nodes.account.min_digits: min_digits (12) must not exceed "
                          "max_digits (10)",
                          "flows.main.nodes.account @key: a collect node needs branches or a "
                          "default: otherwise no entry is accepted",
                          "flows.main.nodes.find @key: node 'find' is unreachable: no path leads "
                          "to it from the start node 'welcome' of flow 'main'",
                          "flows.main.nodes.vip @key: node 'vip' is unreachable: no path leads to "
                          "it from the start node 'welcome' of flow 'main'"));
}

TEST(FlowValidatorTest, DigitsMustComeFromACollectNode) {
  auto c = example_config();
  std::get<LookupNode>(node(c, 0, "find").spec).input = "welcome";
  std::get<CallbackNode>(node(c, 0, "callback").spec).number_from = "nowhere";
  EXPECT_THAT(problems(c),
              ElementsAre("flows.main.nodes.find.input: 'welcome' is a play node; only a collect "
                          "node stores digits",
                          "flows.main.nodes.callback.number_from: undefined node 'nowhere'"));
}

TEST(FlowValidatorTest, DuplicatesAndSelfOverflow) {
  auto c = example_config();
  c.skills.push_back("sales");
  c.queues.push_back(testing::queue("sales", {}, 0));
  c.queues[1].overflow = QueueOverflow{OverflowAction::queue, "support", "", ""};
  c.dids.push_back(Did{testing::kMainDid, "main", "", std::nullopt});
  EXPECT_THAT(problems(c),
              ElementsAre("skills[3]: duplicate skill 'sales' (first at skills[0])",
                          "queues[2].name: duplicate queue name 'sales' (first at queues[0].name)",
                          "queues[1].overflow.queue: a queue cannot overflow to itself",
                          "dids[2].number: duplicate DID '+18005550100' (first at dids[0])"));
}

TEST(FlowValidatorTest, StartMustBeANodeAndFlowsNeedNodes) {
  auto c = example_config();
  c.flows[0].start = "begin";
  c.flows.push_back(testing::flow("empty", {}));
  c.dids.push_back(Did{"+18005550109", "empty", "", std::nullopt});
  const auto found = problems(c);
  EXPECT_THAT(found, ::testing::Contains("flows.main.start: undefined node 'begin'"));
  EXPECT_THAT(found, ::testing::Contains("flows.empty.nodes: a flow needs at least one node"));
}

TEST(FlowValidatorTest, PromptUsesListEveryPromptWithItsPath) {
  auto c = example_config();
  c.queues[0].overflow.prompt = "full.wav";
  std::vector<std::string> uses;
  for (const auto& p : prompt_uses(c)) uses.push_back(p.path + "=" + p.file);
  EXPECT_THAT(uses, ElementsAre("queues[0].overflow.prompt=full.wav",
                                "dids[1].after_hours.prompt=closed.wav",
                                "flows.main.nodes.welcome.prompt=welcome.wav",
                                "flows.main.nodes.menu.prompt=menu.wav",
                                "flows.main.nodes.menu.invalid_prompt=invalid.wav",
                                "flows.main.nodes.menu.timeout_prompt=no_input.wav",
                                "flows.main.nodes.account.prompt=account.wav",
                                "flows.main.nodes.account.invalid_prompt=invalid.wav",
                                "flows.main.nodes.account.timeout_prompt=no_input.wav",
                                "flows.main.nodes.callback.prompt=callback_ok.wav",
                                "flows.main.nodes.opt_out.prompt=dnc_ok.wav",
                                "flows.main.nodes.goodbye.prompt=goodbye.wav",
                                "flows.closed.nodes.closed_message.prompt=closed.wav",
                                "flows.closed.nodes.offer.prompt=offer.wav",
                                "flows.closed.nodes.offer.invalid_prompt=invalid.wav",
                                "flows.closed.nodes.offer.timeout_prompt=no_input.wav",
                                "flows.closed.nodes.callback.prompt=callback_ok.wav",
                                "flows.closed.nodes.bye.prompt=goodbye.wav"));
}

}  // namespace
}  // namespace dialer::inbound
