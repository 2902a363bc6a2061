#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

#include "dialer/config/config_load.h"
#include "tests/config/test_support.h"

namespace dialer::config {
namespace {

using namespace std::chrono_literals;
using ::testing::ElementsAre;
using testing::lines;
using testing::load_minimal_with;
using testing::source_path;
using testing::yaml;

TEST(CampaignLoadTest, ReportsExactlyTheThreeMistakesOfAFileWithPositions) {
  const std::string path = source_path("tests/config/data/three_mistakes.yaml");
  const auto load = load_campaign_file(path);
  ASSERT_FALSE(load.ok());
  EXPECT_FALSE(load.unreadable);
  EXPECT_THAT(lines(load.diagnostics),
              ElementsAre(path + ":4:1: unknown key 'ring_timout' (did you mean 'ring_timeout'?)",
                          path + ":6:17: retry.max_attempts: expected an integer, got 'many'",
                          path + ":7:18: abandon_ceiling: must be at most 0.03 (ABN-08: legal "
                                 "abandonment ceiling), got 0.05"));
}

TEST(CampaignLoadTest, ReportsEveryMissingRequiredKeyAtTheTopLevelMapping) {
  const auto load = load_campaign_text(yaml(R"(
# a comment line first
dial_mode: preview
)"),
                                       "c.yaml");
  EXPECT_THAT(lines(load.diagnostics), ElementsAre("c.yaml:2:1: missing required key 'id'",
                                                   "c.yaml:2:1: missing required key 'name'"));
}

TEST(CampaignLoadTest, ReportsYamlSyntaxErrorsAtTheParserPosition) {
  const auto load = load_campaign_text("id: 1\nname: T\ncaller_ids: [\"+12127365000\"\n", "c.yaml");
  ASSERT_EQ(load.diagnostics.size(), 1U);
  EXPECT_EQ(to_string(load.diagnostics[0]),
            "c.yaml:4:1: YAML syntax error: end of sequence flow not found");

  const auto indent = load_campaign_text("id: 1\n  name: T\n", "c.yaml");
  EXPECT_THAT(lines(indent.diagnostics),
              ElementsAre("c.yaml:2:7: YAML syntax error: illegal map value"));
}

TEST(CampaignLoadTest, RejectsEmptyFilesNonMappingsAndSecondDocuments) {
  EXPECT_THAT(
      lines(load_campaign_text("", "c.yaml").diagnostics),
      ElementsAre("c.yaml:1:1: the file is empty: expected a mapping of configuration keys"));
  EXPECT_THAT(lines(load_campaign_text("- a\n- b\n", "c.yaml").diagnostics),
              ElementsAre("c.yaml:1:1: the top level must be a mapping of keys, got a list"));
  const auto two = load_minimal_with("---\nid: 2\n");
  EXPECT_THAT(lines(two.diagnostics),
              ElementsAre("c.yaml:5:1: a configuration file holds one YAML document; found a "
                          "second one"));
}

TEST(CampaignLoadTest, ReportsWrongTypesWhereTheValueIs) {
  const auto load = load_minimal_with(R"(
tenant: [a, b]
lead_lists: demo
max_lines_per_agent: lots
retry: 5
calling_window:
  weekdays: [09:00, 20:00]
)");
  EXPECT_THAT(
      lines(load.diagnostics),
      ElementsAre("c.yaml:4:9: tenant: expected a string, got a list",
                  "c.yaml:5:13: lead_lists: expected a list, got 'demo'",
                  "c.yaml:6:22: max_lines_per_agent: expected a number, got 'lots'",
                  "c.yaml:7:8: retry: expected a mapping, got '5'",
                  "c.yaml:9:13: calling_window.weekdays: expected {start: HH:MM, end: HH:MM} or "
                  "'closed', got a list"));
}

TEST(CampaignLoadTest, ReportsEmptyValuesAtTheirKey) {
  const auto load = load_minimal_with("ring_timeout:\n");
  EXPECT_THAT(lines(load.diagnostics),
              ElementsAre("c.yaml:4:1: ring_timeout: expected a duration, got nothing"));
}

TEST(CampaignLoadTest, ReportsUnknownAndDuplicatedKeysAtEveryLevel) {
  const auto load = load_minimal_with(R"(
retry:
  max_atempts: 3
  colour: blue
name: again
)");
  EXPECT_THAT(
      lines(load.diagnostics),
      ElementsAre("c.yaml:5:3: retry: unknown key 'max_atempts' (did you mean "
                  "'max_attempts'?)",
                  "c.yaml:6:3: retry: unknown key 'colour'", "c.yaml:7:1: duplicate key 'name'"));
}

TEST(CampaignLoadTest, ListsAllowedValuesOfEnumerations) {
  const auto load = load_minimal_with("dial_mode: predictve\n");
  EXPECT_THAT(lines(load.diagnostics),
              ElementsAre("c.yaml:4:12: dial_mode: 'predictve' is not one of preview, progressive, "
                          "power, predictive (did you mean 'predictive'?)"));
  const auto type = load_minimal_with("campaign_type: sales\n");
  EXPECT_THAT(lines(type.diagnostics),
              ElementsAre("c.yaml:4:16: campaign_type: 'sales' is not one of telemarketing, "
                          "informational, collections, survey, callback"));
  const auto far = load_minimal_with("dial_mode: robot\n");
  EXPECT_THAT(lines(far.diagnostics),
              ElementsAre("c.yaml:4:12: dial_mode: 'robot' is not one of preview, progressive, "
                          "power, predictive"));
}

TEST(CampaignLoadTest, ValidatesDurationsAndTheirRanges) {
  const auto load = load_minimal_with(R"(
ring_timeout: 25
retry:
  busy_delay: 30 minutes
  no_answer_delay: 31d
  machine_delay: 30s
)");
  EXPECT_THAT(
      lines(load.diagnostics),
      ElementsAre("c.yaml:4:15: ring_timeout: invalid duration '25' (use a number and a unit: ms, "
                  "s, m, h or d, e.g. 25s, 30m, 4h, 1d)",
                  "c.yaml:6:15: retry.busy_delay: invalid duration '30 minutes' (use a number and "
                  "a unit: ms, s, m, h or d, e.g. 25s, 30m, 4h, 1d)",
                  "c.yaml:7:20: retry.no_answer_delay: must be at most 30d, got 31d",
                  "c.yaml:8:18: retry.machine_delay: must be at least 1m, got 30s"));
  const auto ok = load_minimal_with("ring_timeout: 1m\nretry: {busy_delay: 1h30m}\n");
  ASSERT_TRUE(ok.ok()) << lines(ok.diagnostics).front();
  EXPECT_EQ(ok.value->ring_timeout, Duration{60s});
  EXPECT_EQ(ok.value->retry.busy_delay, Duration{90min});
}

TEST(CampaignLoadTest, ReadsCallingWindowsWithClosedDays) {
  const auto load = load_minimal_with(R"(
calling_window:
  weekdays: {start: "09:00", end: "20:00"}
  saturday: {start: 10:00, end: 24:00}
  sunday: closed
  fallback_timezone: America/Chicago
)");
  ASSERT_TRUE(load.ok()) << lines(load.diagnostics).front();
  const CallingWindow& w = load.value->calling_window;
  EXPECT_EQ(w.weekdays.start_minute, 540);
  EXPECT_EQ(w.weekdays.end_minute, 1200);
  ASSERT_TRUE(w.saturday.has_value());
  EXPECT_EQ(w.saturday->start_minute, 600);
  EXPECT_EQ(w.saturday->end_minute, 1440);
  ASSERT_TRUE(w.sunday.has_value());
  EXPECT_TRUE(w.sunday->closed());
  EXPECT_EQ(w.fallback_timezone, "America/Chicago");
}

TEST(CampaignLoadTest, RejectsBadTimesInvertedWindowsAndUnknownZones) {
  const auto load = load_minimal_with(R"(
calling_window:
  weekdays: {start: "20:00", end: "09:00"}
  saturday: {start: "25:00"}
  sunday: shut
  fallback_timezone: Mars/Olympus_Mons
)");
  EXPECT_THAT(
      lines(load.diagnostics),
      ElementsAre("c.yaml:5:35: calling_window.weekdays: end 09:00 must be after start 20:00 (use "
                  "'closed' for a day without calls)",
                  "c.yaml:6:13: calling_window.saturday: missing required key 'end'",
                  "c.yaml:6:21: calling_window.saturday.start: invalid time of day '25:00' (use "
                  "HH:MM from 00:00 to 24:00)",
                  "c.yaml:7:11: calling_window.sunday: expected {start: HH:MM, end: HH:MM} or "
                  "'closed', got 'shut'",
                  "c.yaml:8:22: calling_window.fallback_timezone: unknown time zone "
                  "'Mars/Olympus_Mons' (expected an IANA name such as America/New_York, found "
                  "under /usr/share/zoneinfo)"));
}

TEST(CampaignLoadTest, ValidatesCallerIdsLeadListsAndRegion) {
  const auto load = load_minimal_with(R"(
caller_ids: ["12127365000", "+19005551234", "+12127365000", "+12127365000"]
lead_lists: [demo, "", demo]
default_region: UK
)");
  EXPECT_THAT(
      lines(load.diagnostics),
      ElementsAre("c.yaml:4:14: caller_ids[0]: '12127365000' is not an E.164 number: must start "
                  "with '+' and the country code",
                  "c.yaml:4:29: caller_ids[1]: '+19005551234' is a premium-rate number (NANP 900 "
                  "or UK 09), never allowed here",
                  "c.yaml:4:61: caller_ids[3]: '+12127365000' is listed twice",
                  "c.yaml:5:20: lead_lists[1]: must not be empty",
                  "c.yaml:5:24: lead_lists[2]: 'demo' is listed twice",
                  "c.yaml:6:17: default_region: 'UK' is not an ISO 3166 alpha-2 country code (e.g. "
                  "US, CA, GB)"));
}

TEST(CampaignLoadTest, MinimalFileGetsSafeDefaults) {
  const auto load = load_minimal_with("");
  ASSERT_TRUE(load.ok());
  const Campaign& c = *load.value;
  EXPECT_EQ(c.id, CampaignId{1});
  EXPECT_EQ(c.tenant, "default");
  EXPECT_EQ(c.dial_mode, DialMode::predictive);
  EXPECT_EQ(c.campaign_type, CampaignType::telemarketing);
  EXPECT_TRUE(c.subject_matter.empty());
  EXPECT_EQ(c.ring_timeout, Duration{25s});
  EXPECT_DOUBLE_EQ(c.abandon_ceiling, 0.03);
  EXPECT_DOUBLE_EQ(c.abandon_target, 0.025);
  EXPECT_EQ(c.default_region, "US");
  EXPECT_TRUE(c.calling_window.fallback_timezone.empty());
  EXPECT_FALSE(c.calling_window.saturday.has_value());
  EXPECT_EQ(c.dispositions.size(), 15U);
  EXPECT_TRUE(c.amd.enabled);
  EXPECT_EQ(c.amd.algorithm, "cadence");
  EXPECT_EQ(c.amd.max_analysis, Duration{4s});
  EXPECT_EQ(c.amd.greeting_allowance, Duration{0s});  // ABN-02 default
  EXPECT_EQ(c.amd.on_machine, MachineAction::hang_up);
  EXPECT_TRUE(c.trunk.empty());
  EXPECT_EQ(c.wrap_up_timeout, Duration{30s});
}

TEST(CampaignLoadTest, CampaignTypeNamesRoundTrip) {
  for (auto type : {CampaignType::telemarketing, CampaignType::informational,
                    CampaignType::collections, CampaignType::survey, CampaignType::callback}) {
    EXPECT_EQ(campaign_type_from_string(to_string(type)), type);
  }
  EXPECT_FALSE(campaign_type_from_string("sales").has_value());
}

TEST(CampaignLoadTest, RejectsAFileOfAnotherKind) {
  const auto load = load_campaign_text("kind: engine\ndatabase: sqlite:x.db\n", "d.yaml");
  EXPECT_THAT(
      lines(load.diagnostics),
      ElementsAre("d.yaml:1:7: kind: expected a file of kind 'campaign', got kind 'engine'"));
  const auto typo = load_campaign_text("kind: campain\nid: 1\n", "d.yaml");
  EXPECT_THAT(lines(typo.diagnostics),
              ElementsAre("d.yaml:1:7: kind: 'campain' is not one of campaign, engine, inbound "
                          "(did you mean 'campaign'?)"));
}

TEST(CampaignLoadTest, ReportsAnUnreadableFileWithTheOsError) {
  const auto load = load_campaign_file("/nonexistent/campaign.yaml");
  EXPECT_TRUE(load.unreadable);
  EXPECT_THAT(lines(load.diagnostics),
              ElementsAre("/nonexistent/campaign.yaml: cannot read file: No such file or "
                          "directory"));
}

TEST(CampaignLoadTest, ReportsADirectoryAsUnreadable) {
  const std::string dir = source_path("examples");
  const auto load = load_campaign_file(dir);
  EXPECT_TRUE(load.unreadable);
  EXPECT_THAT(lines(load.diagnostics), ElementsAre(dir + ": cannot read file: Is a directory"));
}

TEST(CampaignLoadTest, LoadsTheExampleCampaignIntoTheExpectedValues) {
  const auto load = load_campaign_file(source_path("examples/campaign.yaml"));
  ASSERT_TRUE(load.ok()) << lines(load.diagnostics).front();
  const Campaign& c = *load.value;
  EXPECT_EQ(c.id, CampaignId{1});
  EXPECT_EQ(c.name, "Demo predictive campaign");
  EXPECT_EQ(c.tenant, "default");
  EXPECT_EQ(c.dial_mode, DialMode::predictive);
  EXPECT_EQ(c.campaign_type, CampaignType::telemarketing);
  EXPECT_EQ(c.subject_matter, "home-services");
  EXPECT_THAT(c.caller_ids, ElementsAre("+12127365000"));
  EXPECT_THAT(c.lead_lists, ElementsAre("demo"));
  EXPECT_EQ(c.default_region, "US");
  EXPECT_EQ(c.calling_window.weekdays.start_minute, 9 * 60);
  EXPECT_EQ(c.calling_window.weekdays.end_minute, 20 * 60);
  ASSERT_TRUE(c.calling_window.saturday.has_value());
  EXPECT_EQ(c.calling_window.saturday->start_minute, 10 * 60);
  EXPECT_EQ(c.calling_window.saturday->end_minute, 17 * 60);
  ASSERT_TRUE(c.calling_window.sunday.has_value());
  EXPECT_TRUE(c.calling_window.sunday->closed());
  EXPECT_EQ(c.calling_window.fallback_timezone, "America/New_York");
  EXPECT_EQ(c.ring_timeout, Duration{25s});
  EXPECT_DOUBLE_EQ(c.abandon_target, 0.02);
  EXPECT_DOUBLE_EQ(c.abandon_ceiling, 0.03);
  EXPECT_DOUBLE_EQ(c.max_lines_per_agent, 3.0);
  EXPECT_EQ(c.retry.max_attempts, 6);
  EXPECT_EQ(c.retry.max_attempts_per_day, 2);
  EXPECT_EQ(c.retry.no_answer_delay, Duration{4h});
  EXPECT_EQ(c.retry.busy_delay, Duration{30min});
  EXPECT_EQ(c.retry.machine_delay, Duration{24h});
  ASSERT_TRUE(c.abandoned_message.has_value());
  EXPECT_EQ(c.abandoned_message->seller_name, "Example Home Services");
  EXPECT_EQ(c.abandoned_message->opt_out_number, "+18883217000");
  EXPECT_EQ(c.abandoned_message->prompt, "prompts/abandoned.wav");
  EXPECT_EQ(c.abandoned_message->opt_out_digit, '9');
  // Six listed dispositions, then the ten system codes the file leaves out.
  ASSERT_EQ(c.dispositions.size(), 16U);
  EXPECT_EQ(c.dispositions[5].code, "LANGUAGE_BARRIER");
  EXPECT_EQ(c.dispositions[5].effect.retry_after, Duration{48h});
  EXPECT_EQ(c.dispositions[6].code, "NO_ANSWER");
  EXPECT_EQ(c.dispositions[6].effect.retry_after, Duration{4h});
}

}  // namespace
}  // namespace dialer::config

namespace dialer::config {
namespace {

TEST(CampaignAmdTest, ReadsDetectorTrunkAndWrapUpSettings) {
  const auto load = testing::load_minimal_with(R"(
amd: {enabled: true, algorithm: classic, max_analysis: 3s, greeting_allowance: 1500ms,
      on_machine: leave_message, voicemail_prompt: vm.wav}
trunk: carrier-b
wrap_up_timeout: 45s
)");
  ASSERT_TRUE(load.ok()) << testing::lines(load.diagnostics).front();
  const Campaign& c = *load.value;
  EXPECT_EQ(c.amd.algorithm, "classic");
  EXPECT_EQ(c.amd.max_analysis, Duration{3s});
  EXPECT_EQ(c.amd.greeting_allowance, Duration{1500ms});
  EXPECT_EQ(c.amd.on_machine, MachineAction::leave_message);
  EXPECT_EQ(c.amd.voicemail_prompt, "vm.wav");
  EXPECT_EQ(c.trunk, "carrier-b");
  EXPECT_EQ(c.wrap_up_timeout, Duration{45s});
}

TEST(CampaignAmdTest, RejectsUnknownAlgorithmsLongAnalysisAndMessagesWithoutPrompt) {
  const auto load = testing::load_minimal_with(R"(
amd: {algorithm: neural, max_analysis: 9s, on_machine: leave_message}
)");
  ASSERT_FALSE(load.ok());
  const auto all = testing::lines(load.diagnostics);
  ASSERT_EQ(all.size(), 3U) << all.front();
  EXPECT_EQ(all[0], "c.yaml:4:6: amd.on_machine: leave_message needs amd.voicemail_prompt");
  EXPECT_EQ(all[1], "c.yaml:4:18: amd.algorithm: 'neural' is not one of cadence, classic");
  EXPECT_EQ(all[2], "c.yaml:4:40: amd.max_analysis: must be at most 6s, got 9s");
}

}  // namespace
}  // namespace dialer::config
