// Legal floors and ceilings (compliance.md 5.1-5.2) are configuration errors, not warnings.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

#include "dialer/config/config_load.h"
#include "tests/config/test_support.h"

namespace dialer::config {
namespace {

using namespace std::chrono_literals;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::lines;
using testing::load_minimal_with;
using testing::yaml;

TEST(LegalFloorTest, RingTimeoutBelowFifteenSecondsIsRejected) {  // RNG-01
  EXPECT_THAT(lines(load_minimal_with("ring_timeout: 14s\n").diagnostics),
              ElementsAre("c.yaml:4:15: ring_timeout: must be at least 15s (RNG-01: legal minimum "
                          "ring time), got 14s"));
  EXPECT_THAT(lines(load_minimal_with("ring_timeout: 14999ms\n").diagnostics),
              ElementsAre("c.yaml:4:15: ring_timeout: must be at least 15s (RNG-01: legal minimum "
                          "ring time), got 14999ms"));
  const auto at_floor = load_minimal_with("ring_timeout: 15s\n");
  ASSERT_TRUE(at_floor.ok());
  EXPECT_EQ(at_floor.value->ring_timeout, Duration{15s});
}

TEST(LegalFloorTest, AbandonCeilingAboveThreePercentIsRejected) {  // ABN-08
  EXPECT_THAT(lines(load_minimal_with("abandon_ceiling: 0.031\n").diagnostics),
              ElementsAre("c.yaml:4:18: abandon_ceiling: must be at most 0.03 (ABN-08: legal "
                          "abandonment ceiling), got 0.031"));
  EXPECT_THAT(lines(load_minimal_with("abandon_ceiling: 5%\n").diagnostics),
              ElementsAre("c.yaml:4:18: abandon_ceiling: must be at most 0.03 (ABN-08: legal "
                          "abandonment ceiling), got 0.05"));
  const auto at_ceiling = load_minimal_with("abandon_ceiling: 3%\nabandon_target: 0.02\n");
  ASSERT_TRUE(at_ceiling.ok());
  EXPECT_DOUBLE_EQ(at_ceiling.value->abandon_ceiling, 0.03);
}

TEST(LegalFloorTest, AbandonTargetAboveTheCeilingIsRejected) {  // ABN-08
  EXPECT_THAT(
      lines(load_minimal_with("abandon_ceiling: 0.02\nabandon_target: 0.025\n").diagnostics),
      ElementsAre("c.yaml:5:17: abandon_target: 0.025 must not be above abandon_ceiling "
                  "0.02 (ABN-08)"));
  EXPECT_THAT(lines(load_minimal_with("abandon_target: -0.01\n").diagnostics),
              ElementsAre("c.yaml:4:17: abandon_target: must be at least 0, got -0.01"));
}

TEST(LegalFloorTest, NonFiniteRatesAreNotNumbers) {
  EXPECT_THAT(lines(load_minimal_with("abandon_ceiling: .nan\nabandon_target: inf\n").diagnostics),
              ElementsAre("c.yaml:4:18: abandon_ceiling: expected a number, got '.nan'",
                          "c.yaml:5:17: abandon_target: expected a number, got 'inf'"));
}

TEST(LegalFloorTest, AnInvalidTargetIsReportedOnce) {
  EXPECT_THAT(lines(load_minimal_with("abandon_ceiling: 0.01\nabandon_target: 0.04\n").diagnostics),
              ElementsAre("c.yaml:5:17: abandon_target: must be at most 0.03 (ABN-08: legal "
                          "abandonment ceiling), got 0.04"));
}

TEST(LegalFloorTest, DefaultTargetStaysBelowALowerCeiling) {
  const auto load = load_minimal_with("abandon_ceiling: 0.012\n");
  ASSERT_TRUE(load.ok());
  EXPECT_LT(load.value->abandon_target, load.value->abandon_ceiling);
  EXPECT_DOUBLE_EQ(load.value->abandon_target, 0.01);
}

TEST(LegalFloorTest, OverDialingCampaignsNeedAnAbandonedCallMessage) {  // ABN-04
  for (const char* mode : {"predictive", "power"}) {
    const auto load =
        load_campaign_text(yaml("\nid: 1\nname: T\ndial_mode: ") + mode + "\n", "c.yaml");
    EXPECT_THAT(lines(load.diagnostics),
                ElementsAre("c.yaml:1:1: missing required key 'abandoned_message' (ABN-04: " +
                            std::string(mode) + " campaigns must play an abandoned-call message)"));
  }
  for (const char* mode : {"preview", "progressive"}) {
    const auto load =
        load_campaign_text(yaml("\nid: 1\nname: T\ndial_mode: ") + mode + "\n", "c.yaml");
    EXPECT_THAT(lines(load.diagnostics), IsEmpty()) << mode;
  }
}

TEST(LegalFloorTest, AMistypedDialModeDoesNotAlsoDemandAMessage) {
  const auto load = load_campaign_text("id: 1\nname: T\ndial_mode: preveiw\n", "c.yaml");
  EXPECT_THAT(lines(load.diagnostics),
              ElementsAre("c.yaml:3:12: dial_mode: 'preveiw' is not one of preview, progressive, "
                          "power, predictive (did you mean 'preview'?)"));
}

TEST(LegalFloorTest, AbandonedMessageNamesEachMissingField) {  // ABN-04
  const auto load = load_campaign_text(yaml(R"(
id: 1
name: T
abandoned_message:
  prompt: prompts/abandoned.wav
)"),
                                       "c.yaml");
  EXPECT_THAT(lines(load.diagnostics),
              ElementsAre("c.yaml:4:3: abandoned_message: missing required key 'seller_name' "
                          "(ABN-04)",
                          "c.yaml:4:3: abandoned_message: missing required key 'opt_out_number' "
                          "(ABN-04)"));
}

TEST(LegalFloorTest, OptOutNumberMustBeValidE164AndNotPremiumRate) {  // ABN-04
  const auto premium = load_campaign_text(yaml(R"(
id: 1
name: T
abandoned_message: {seller_name: Acme, opt_out_number: "+19005551234"}
)"),
                                          "c.yaml");
  EXPECT_THAT(lines(premium.diagnostics),
              ElementsAre("c.yaml:3:56: abandoned_message.opt_out_number: '+19005551234' is a "
                          "premium-rate number (NANP 900 or UK 09), never allowed here"));
  const auto invalid = load_campaign_text(yaml(R"(
id: 1
name: T
abandoned_message: {seller_name: "", opt_out_number: "555-0100", opt_out_digit: "10"}
)"),
                                          "c.yaml");
  EXPECT_THAT(
      lines(invalid.diagnostics),
      ElementsAre("c.yaml:3:34: abandoned_message.seller_name: must not be empty",
                  "c.yaml:3:54: abandoned_message.opt_out_number: '555-0100' is not an E.164 "
                  "number: must start with '+' and the country code",
                  "c.yaml:3:81: abandoned_message.opt_out_digit: expected one key of 0-9, * or #, "
                  "got '10'"));
}

}  // namespace
}  // namespace dialer::config
