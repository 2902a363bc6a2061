// Configuration that weakens a legal floor is rejected (reference section 5, RNG-01, ABN-04,
// ABN-08).
#include "compliance/legal_floors.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace dialer::compliance {
namespace {

Campaign valid_predictive() {
  Campaign c;
  c.dial_mode = DialMode::predictive;
  c.ring_timeout = std::chrono::seconds{25};
  c.abandon_ceiling = 0.03;
  c.abandoned_message = AbandonedCallMessage{"Acme Solar", "+18005550199", "abandon.wav", '9'};
  return c;
}

bool has(const std::vector<LegalFloorViolation>& v, const std::string& field) {
  return std::any_of(v.begin(), v.end(), [&](const auto& x) { return x.field == field; });
}

TEST(LegalFloorsTest, ValidCampaignPasses) {
  EXPECT_TRUE(validate_legal_floors(valid_predictive()).empty());
}

TEST(LegalFloorsTest, RNG_01_RingTimeoutBelowFifteenSecondsIsRejected) {
  auto c = valid_predictive();
  c.ring_timeout = std::chrono::milliseconds{14'999};
  EXPECT_TRUE(has(validate_legal_floors(c), "ring_timeout"));
  c.ring_timeout = std::chrono::seconds{15};
  EXPECT_TRUE(validate_legal_floors(c).empty());
}

TEST(LegalFloorsTest, ABN_08_UsCeilingAboveThreePercentIsRejected) {
  auto c = valid_predictive();
  c.abandon_ceiling = 0.031;
  EXPECT_TRUE(has(validate_legal_floors(c), "abandon_ceiling"));
  c.default_region = "CA";  // Canada's ceiling is pending verification (reference C6)
  c.abandon_ceiling = 0.05;
  EXPECT_FALSE(has(validate_legal_floors(c), "abandon_ceiling"));
}

TEST(LegalFloorsTest, ABN_04_PredictiveNeedsAValidAbandonedCallMessage) {
  auto c = valid_predictive();
  c.abandoned_message.reset();
  EXPECT_TRUE(has(validate_legal_floors(c), "abandoned_message"));
  c = valid_predictive();
  c.abandoned_message->seller_name = " ";
  EXPECT_TRUE(has(validate_legal_floors(c), "abandoned_message.seller_name"));
  c = valid_predictive();
  c.abandoned_message->opt_out_number = "555-0199";
  EXPECT_TRUE(has(validate_legal_floors(c), "abandoned_message.opt_out_number"));
  c = valid_predictive();
  c.abandoned_message->opt_out_number = "+19005550199";
  EXPECT_TRUE(has(validate_legal_floors(c), "abandoned_message.opt_out_number"));
  c = valid_predictive();
  c.abandoned_message->opt_out_digit = '*';
  EXPECT_TRUE(has(validate_legal_floors(c), "abandoned_message.opt_out_digit"));
}

TEST(LegalFloorsTest, ABN_04_PreviewCampaignNeedsNoMessage) {
  auto c = valid_predictive();
  c.dial_mode = DialMode::preview;
  c.abandoned_message.reset();
  EXPECT_TRUE(validate_legal_floors(c).empty());
}

TEST(LegalFloorsTest, ABN_13_CanadianCeilingAboveFivePercentIsRejected) {
  auto c = valid_predictive();
  c.default_region = "CA";
  c.abandon_ceiling = 0.05;
  EXPECT_FALSE(has(validate_legal_floors(c), "abandon_ceiling"));
  c.abandon_ceiling = 0.051;
  EXPECT_TRUE(has(validate_legal_floors(c), "abandon_ceiling"));
}

TEST(LegalFloorsTest, ABN_14_EveryCampaignTypeNeedsTheMessageAndTheCeiling) {
  for (auto type : {CampaignType::collections, CampaignType::informational, CampaignType::survey}) {
    auto c = valid_predictive();
    c.campaign_type = type;
    c.abandoned_message.reset();
    c.abandon_ceiling = 0.04;
    const auto v = validate_legal_floors(c);
    EXPECT_TRUE(has(v, "abandoned_message")) << to_string(type);
    EXPECT_TRUE(has(v, "abandon_ceiling")) << to_string(type);
  }
}

}  // namespace
}  // namespace dialer::compliance
