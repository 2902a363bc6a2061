// Deliberately broken inbound files (tests/inbound/data): each problem is reported once, at the
// line and column of the value or key at fault, as `file:line:col: message`.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dialer/config/config_load.h"

namespace dialer::inbound {
namespace {

using ::testing::ElementsAre;

class BrokenInboundFileTest : public ::testing::Test {
 protected:
  // Diagnostics of tests/inbound/data/<name>, with the file shown as "<name>".
  static std::vector<std::string> check(const std::string& name) {
    const std::string dir = std::string(DIALER_SOURCE_DIR) + "/tests/inbound/data/";
    const auto load = config::load_inbound_file(dir + name);
    EXPECT_FALSE(load.ok());
    std::vector<std::string> out;
    for (auto d : load.diagnostics) {
      if (d.file.starts_with(dir)) d.file = d.file.substr(dir.size());
      out.push_back(config::to_string(d));
    }
    return out;
  }
};

TEST_F(BrokenInboundFileTest, UndefinedNodesFlowsQueuesAndSkills) {
  EXPECT_THAT(
      check("undefined_targets.yaml"),
      ElementsAre(
          "undefined_targets.yaml:6:24: queues[0].skills.spanish: undefined skill 'spanish'",
          "undefined_targets.yaml:17:16: flows.main.nodes.menu.branches.1: undefined node "
          "'sale' (did you mean 'sales'?)",
          "undefined_targets.yaml:20:7: flows.main.nodes.sales: node 'sales' is unreachable: no "
          "path leads to it from the start node 'menu' of flow 'main'",
          "undefined_targets.yaml:20:35: flows.main.nodes.sales.queue: undefined queue 'support'",
          "undefined_targets.yaml:21:33: flows.main.nodes.other.flow: undefined flow 'mainn' (did "
          "you mean 'main'?)"));
}

TEST_F(BrokenInboundFileTest, UnreachableNodeAndUnusedFlow) {
  EXPECT_THAT(check("unreachable_node.yaml"),
              ElementsAre("unreachable_node.yaml:14:7: flows.main.nodes.forgotten: node "
                          "'forgotten' is unreachable: no path leads to it from the start node "
                          "'welcome' of flow 'main'",
                          "unreachable_node.yaml:15:3: flows.spare: flow 'spare' is never used: "
                          "no DID, goto node or after_hours leads to it"));
}

TEST_F(BrokenInboundFileTest, MissingPromptFile) {
  const std::string dir = std::string(DIALER_SOURCE_DIR) + "/tests/inbound/data/";
  EXPECT_THAT(check("missing_prompt.yaml"),
              ElementsAre("missing_prompt.yaml:9:37: flows.main.nodes.welcome.prompt: prompt "
                          "file 'prompts/welcome.wav' not found (looked for " +
                          dir + "prompts/welcome.wav)"));
}

TEST_F(BrokenInboundFileTest, LoopWithoutInput) {
  EXPECT_THAT(check("loop_without_input.yaml"),
              ElementsAre("loop_without_input.yaml:9:7: flows.main.nodes.welcome: loop without "
                          "any input node: welcome -> again -> welcome never waits for a key, so "
                          "the caller cannot leave it"));
}

TEST_F(BrokenInboundFileTest, BadDtmfKeys) {
  EXPECT_THAT(
      check("bad_dtmf_keys.yaml"),
      ElementsAre("bad_dtmf_keys.yaml:16:11: flows.main.nodes.menu.branches.1a: '1a' is not a "
                  "sequence of DTMF keys (0-9, * and #)",
                  "bad_dtmf_keys.yaml:17:11: flows.main.nodes.menu.branches.123: branch '123' has "
                  "3 keys but max_digits is 2: it can never match",
                  "bad_dtmf_keys.yaml:18:11: flows.main.nodes.menu.branches.2#: branch '2#' "
                  "contains the terminator '#', which ends the entry: it can never match",
                  "bad_dtmf_keys.yaml:22:21: flows.main.nodes.pin.terminator: 'x' is not a "
                  "terminator key (use \"#\", \"*\" or none)"));
}

TEST_F(BrokenInboundFileTest, BadValuesAndUnknownKeys) {
  EXPECT_THAT(
      check("bad_values.yaml"),
      ElementsAre(
          "bad_values.yaml:5:15: queues[0].strategy: 'longest_idel' is not one of longest_idle, "
          "fewest_calls (did you mean 'longest_idle'?)",
          "bad_values.yaml:6:15: queues[0].max_wait: needs overflow (what happens after the "
          "wait)",
          "bad_values.yaml:9:15: schedules.office.timezone: unknown time zone 'America/New_Yrok' "
          "(use an IANA name such as America/New_York)",
          "bad_values.yaml:11:9: schedules.office.open[0]: start must be before end (periods "
          "cannot span midnight: split them at 24:00)",
          "bad_values.yaml:12:16: schedules.office.open[1].days: invalid days 'weekdays' (use "
          "mon, tue, wed, thu, fri, sat, sun, ranges such as mon-fri and commas: mon-fri,sun)",
          "bad_values.yaml:13:16: schedules.office.holidays[0]: invalid date '2026-02-30' (use "
          "YYYY-MM-DD)",
          "bad_values.yaml:15:5: dids[0]: give either flow or queue, not both",
          "bad_values.yaml:18:12: dids[0].hours: needs after_hours (what callers get when it is "
          "closed)",
          "bad_values.yaml:22:16: flows.main.nodes.welcome: missing required key 'prompt'",
          "bad_values.yaml:22:29: flows.main.nodes.welcome: unknown key 'promt' (did you mean "
          "'prompt'?)",
          "bad_values.yaml:23:19: flows.main.nodes.odd.kind: 'transfer' is not one of play, "
          "collect, queue, callback, opt_out, lookup, voicemail, hangup, goto"));
}

}  // namespace
}  // namespace dialer::inbound
