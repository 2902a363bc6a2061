// Reading `kind: inbound` files: the example file into typed values, and the example driven
// through the interpreter on a simulated clock (the file as an operator writes it, end to end).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "dialer/config/config_load.h"
#include "inbound/inbound_validator.h"
#include "inbound/ivr_session.h"
#include "tests/inbound/ivr_fixture.h"

namespace dialer::inbound {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string source_path(const std::string& relative) {
  return std::string(DIALER_SOURCE_DIR) + "/" + relative;
}

std::vector<std::string> lines(const std::vector<config::Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(config::to_string(d));
  return out;
}

class ExampleInboundTest : public ::testing::Test {
 protected:
  void SetUp() override {
    load_ = config::load_inbound_file(source_path("examples/inbound.yaml"));
    ASSERT_TRUE(load_.ok()) << ::testing::PrintToString(lines(load_.diagnostics));
  }
  const InboundConfig& config() const { return *load_.value; }
  config::InboundLoad load_;
};

TEST_F(ExampleInboundTest, QueuesAndAgentsSkills) {
  const auto& c = config();
  EXPECT_THAT(c.skills, ElementsAre("sales", "support", "billing", "spanish"));
  ASSERT_EQ(c.queues.size(), 2U);
  const InboundQueue& sales = c.queues[0];
  EXPECT_EQ(sales.name, "sales");
  EXPECT_EQ(sales.strategy, QueueStrategy::longest_idle);
  EXPECT_EQ(sales.priority, 5);
  EXPECT_EQ(sales.max_wait, std::chrono::minutes{3});
  EXPECT_EQ(sales.overflow.action, OverflowAction::callback);
  EXPECT_EQ(sales.overflow.prompt, source_path("examples/prompts/callback_confirmed.wav"));
  EXPECT_EQ(sales.service_level_seconds, 20);
  const InboundQueue& support = c.queues[1];
  EXPECT_EQ(support.strategy, QueueStrategy::fewest_calls);
  EXPECT_EQ(support.overflow.action, OverflowAction::voicemail);
  EXPECT_EQ(support.overflow.mailbox, "support");
  EXPECT_EQ(support.keep_ready_agents, 1);
  ASSERT_EQ(support.skills.size(), 1U);
  EXPECT_EQ(support.skills[0].skill, "support");
  EXPECT_EQ(support.skills[0].level, 3);
  ASSERT_EQ(c.agents.size(), 2U);
  EXPECT_EQ(c.agents[0].agent, "agent1001");
  EXPECT_EQ(c.agents[0].skills.size(), 2U);
}

TEST_F(ExampleInboundTest, ScheduleDidsAndFlows) {
  const auto& c = config();
  const Schedule* office = c.find_schedule("office");
  ASSERT_NE(office, nullptr);
  EXPECT_EQ(office->timezone, "America/New_York");
  ASSERT_NE(office->zone, nullptr);
  ASSERT_EQ(office->open.size(), 1U);
  EXPECT_EQ(office->open[0].weekdays, 0b0111110);
  EXPECT_EQ(office->open[0].start_minute, 8 * 60);
  EXPECT_EQ(office->open[0].end_minute, 20 * 60);
  ASSERT_EQ(office->holidays.size(), 6U);
  EXPECT_EQ(office->holidays[5].day, date::year{2026} / 12 / 25);
  EXPECT_EQ(office->holidays[5].name, "Christmas Day");

  ASSERT_EQ(c.dids.size(), 2U);
  EXPECT_EQ(c.dids[0].flow, "main_menu");
  EXPECT_EQ(c.dids[1].queue, "support");
  ASSERT_TRUE(c.dids[1].hours.has_value());
  EXPECT_EQ(c.dids[1].hours->after_hours.action, AfterHoursAction::voicemail);

  const IvrFlow* main = c.find_flow("main_menu");
  ASSERT_NE(main, nullptr);
  EXPECT_EQ(main->start_node()->id, "welcome");
  EXPECT_EQ(main->nodes.size(), 10U);
  const auto& menu = std::get<CollectNode>(main->find("menu")->spec);
  ASSERT_EQ(menu.branches.size(), 4U);
  EXPECT_EQ(menu.branches[3].digits, "9");
  EXPECT_EQ(menu.branches[3].target, "opt_out");
  EXPECT_EQ(menu.first_digit_timeout, std::chrono::seconds{5});
  EXPECT_EQ(menu.prompt, source_path("examples/prompts/main_menu.wav"));
  const auto& account = std::get<CollectNode>(main->find("account")->spec);
  EXPECT_EQ(account.min_digits, 4);
  EXPECT_EQ(account.max_digits, 10);
  EXPECT_EQ(account.terminator, '#');
  EXPECT_EQ(account.default_target, "find_account");
  const auto& find = std::get<LookupNode>(main->find("find_account")->spec);
  EXPECT_EQ(find.input, "account");
  EXPECT_EQ(find.timeout, std::chrono::seconds{3});
  const auto& callback = std::get<CallbackNode>(main->find("callback")->spec);
  EXPECT_EQ(callback.number_from, "");  // caller_id
}

TEST_F(ExampleInboundTest, EveryPromptIsAnExistingFile) {
  const auto uses = prompt_uses(config());
  EXPECT_GE(uses.size(), 15U);
  for (const auto& use : uses) {
    EXPECT_TRUE(std::filesystem::is_regular_file(use.file)) << use.path << " " << use.file;
  }
}

// The example, driven as a caller would use it on a Tuesday morning and on a holiday.
TEST_F(ExampleInboundTest, CallerReachesSupportWithTheLookedUpLead) {
  IvrSession s(load_.value);
  const auto t = testing::kOpen;
  const auto start = s.start(CallStart{"+18005550100", testing::kCaller}, t);
  ASSERT_EQ(start.size(), 1U);
  const auto welcome = std::get<PlayPrompt>(start[0]);
  EXPECT_EQ(welcome.file, source_path("examples/prompts/welcome.wav"));
  const auto menu = s.prompt_finished(welcome.id, t);
  ASSERT_EQ(menu.size(), 2U);
  (void)s.digit('2', t);
  for (char key : std::string("778899#")) (void)s.digit(key, t);
  EXPECT_THAT(s.digit('5', t), IsEmpty());  // the lookup is out: keys are ignored now
  ASSERT_EQ(s.node_id(), "find_account");
  const auto queued = s.lookup_result(4, LookupResult{true, LeadId{9001}}, t);
  ASSERT_FALSE(queued.empty());
  const auto& enqueue = std::get<Enqueue>(queued.back());
  EXPECT_EQ(enqueue.queue, "support");
  EXPECT_EQ(enqueue.priority, 8);
  ASSERT_EQ(enqueue.skills.size(), 1U);
  EXPECT_EQ(enqueue.skills[0].skill, "billing");
  EXPECT_EQ(s.variables().lead, LeadId{9001});
  EXPECT_EQ(s.variables().digits.at("account"), "778899");
}

TEST_F(ExampleInboundTest, HolidayCallerHearsTheClosedMessageAndCanAskForACallback) {
  IvrSession s(load_.value);
  const auto t = testing::kChristmas;
  const auto closed = s.start(CallStart{"+18005550100", testing::kCaller}, t);
  ASSERT_EQ(closed.size(), 1U);
  EXPECT_EQ(std::get<PlayPrompt>(closed[0]).file, source_path("examples/prompts/closed.wav"));
  EXPECT_EQ(s.variables().closed, HoursState::holiday);
  (void)s.prompt_finished(1, t);
  const auto accepted = s.digit('1', t);
  ASSERT_GE(accepted.size(), 2U);
  const auto& request = std::get<RequestCallback>(accepted[accepted.size() - 2]);
  EXPECT_EQ(request.queue, "sales");
  EXPECT_EQ(request.number, testing::kCaller);
  EXPECT_EQ(request.since, t);
}

// The queue example of docs/configuration.md, as printed there.
TEST(InboundLoadTest, TheQueueExampleOfTheConfigurationReferenceLoads) {
  const auto load = config::load_inbound_text(R"(kind: inbound
skills: [sales, support, billing]
queues:
  - {name: sales, skills: {sales: 1}, priority: 5, max_wait: 3m, overflow: {action: callback}}
  - name: support
    skills: {support: 3}
    strategy: fewest_calls
    max_wait: 10m
    overflow: {action: voicemail, mailbox: support}
    service_level_seconds: 30
agents:
  agent1001: {sales: 7}
  agent1002: {support: 5, billing: 3}
)",
                                              "queues.yaml");
  ASSERT_TRUE(load.ok()) << ::testing::PrintToString(lines(load.diagnostics));
  EXPECT_EQ(load.value->queues[1].service_level_seconds, 30);
  EXPECT_EQ(load.value->agents[1].skills.size(), 2U);
}

TEST(InboundLoadTest, AFileOfAnotherKindIsRefused) {
  const auto load = config::load_inbound_text("kind: engine\n", "x.yaml");
  EXPECT_THAT(
      lines(load.diagnostics),
      ElementsAre("x.yaml:1:7: kind: expected a file of kind 'inbound', got kind 'engine'"));
}

TEST(InboundLoadTest, CheckConfigDispatchesOnTheInboundKind) {
  const auto check = config::check_config_file(source_path("examples/inbound.yaml"));
  EXPECT_EQ(check.kind, "inbound");
  EXPECT_TRUE(check.ok()) << ::testing::PrintToString(lines(check.diagnostics));
}

}  // namespace
}  // namespace dialer::inbound
