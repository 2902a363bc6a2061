// Frequency caps of prerecorded-message campaigns (reference FRQ-03) and debt collection
// (FRQ-04), and record retention (REC-04), on the simulated clock.
#include "compliance/retention.h"
#include "tests/compliance/compliance_fixture.h"

namespace dialer::compliance::testing {
namespace {

constexpr const char* kNumber = "+12125550123";
constexpr const char* kOtherNumber = "+12125550177";

class SpecialCapsTest : public GateFixture {
 protected:
  static TimePoint ny(int day, int hour, int minute = 0) {
    return local_time("America/New_York", 2026, 6, day, hour, minute);
  }
  DialRequest debt_call(const char* number, TimePoint now) {
    auto r = request(number, now);
    r.debt_id = "debt-17";
    return r;
  }
};

TEST_F(SpecialCapsTest, FRQ_03_TracedActExemptionAllowsThreeCallsPer30Days) {
  with_us_policy([](CampaignPolicy& p) {
    p.prerecorded = true;
    p.prerecorded_caps = PrerecordedCaps{};
  });
  for (int day = 1; day <= 3; ++day) ASSERT_TRUE(decide(request(kNumber, ny(day, 12))).allowed());
  const auto d = decide(request(kNumber, ny(20, 12)));
  EXPECT_EQ(d.reason, DecisionReason::freq_cap_prerecorded);
  EXPECT_EQ(d.until, ny(1, 12) + std::chrono::hours{30 * 24});
  EXPECT_TRUE(decide(request(kNumber, ny(1, 12) + std::chrono::hours{30 * 24})).allowed());
}

TEST_F(SpecialCapsTest, FRQ_03_HipaaProfileOnePerDayThreePerWeek) {
  with_us_policy([](CampaignPolicy& p) {
    p.prerecorded = true;
    p.prerecorded_caps = PrerecordedCaps::hipaa();
  });
  ASSERT_TRUE(decide(request(kNumber, ny(1, 10))).allowed());
  EXPECT_EQ(decide(request(kNumber, ny(1, 15))).reason, DecisionReason::freq_cap_prerecorded);
  ASSERT_TRUE(decide(request(kNumber, ny(2, 11))).allowed());
  ASSERT_TRUE(decide(request(kNumber, ny(3, 11))).allowed());
  EXPECT_EQ(decide(request(kNumber, ny(5, 11))).reason, DecisionReason::freq_cap_prerecorded);
  EXPECT_TRUE(decide(request(kNumber, ny(8, 11))).allowed());  // 7 days after the first
}

TEST_F(SpecialCapsTest, FRQ_03_LiveCallsDoNotCountTowardsThePrerecordedCap) {
  with_us_policy([](CampaignPolicy&) {});
  for (int day = 1; day <= 5; ++day) ASSERT_TRUE(decide(request(kNumber, ny(day, 12))).allowed());
  with_us_policy([](CampaignPolicy& p) {
    p.prerecorded = true;
    p.prerecorded_caps = PrerecordedCaps{};
  });
  EXPECT_TRUE(decide(request(kNumber, ny(6, 12))).allowed());
}

TEST_F(SpecialCapsTest, FRQ_04_SevenCallsPerDebtInSevenDaysAcrossNumbers) {
  with_us_policy([](CampaignPolicy& p) { p.collections = true; });
  for (int day = 1; day <= 7; ++day) {
    ASSERT_TRUE(decide(debt_call(day % 2 == 0 ? kNumber : kOtherNumber, ny(day, 10))).allowed());
  }
  const auto d = decide(debt_call(kNumber, ny(7, 18)));
  EXPECT_EQ(d.reason, DecisionReason::collection_cap_7_in_7);
  EXPECT_EQ(d.until, ny(1, 10) + std::chrono::hours{7 * 24});
  EXPECT_TRUE(decide(debt_call(kNumber, ny(8, 10))).allowed());
}

TEST_F(SpecialCapsTest, FRQ_04_ConversationBlocksSevenDaysCountingItsDayAsDayOne) {
  with_us_policy([](CampaignPolicy& p) { p.collections = true; });
  history_.record_debt_conversation("debt-17", ny(1, 15));
  const auto d = decide(debt_call(kOtherNumber, ny(7, 20)));
  EXPECT_EQ(d.reason, DecisionReason::collection_conversation_lockout);
  EXPECT_EQ(d.until, ny(8, 0));
  EXPECT_TRUE(decide(debt_call(kOtherNumber, ny(8, 9))).allowed());
  auto other_debt = debt_call(kNumber, ny(2, 10));
  other_debt.debt_id = "debt-99";
  EXPECT_TRUE(decide(other_debt).allowed());
}

TEST(RetentionTest, REC_04_KeptFiveYearsAndNeverBelow) {
  EXPECT_TRUE(validate_retention({4, false}).has_value());
  EXPECT_FALSE(validate_retention({5, false}).has_value());
  const auto sealed = utc(2026, 6, 10, 12, 0);
  EXPECT_FALSE(purge_allowed({5, false}, sealed, utc(2031, 6, 10, 11, 59)));
  EXPECT_TRUE(purge_allowed({5, false}, sealed, utc(2031, 6, 10, 12, 0)));
  EXPECT_FALSE(purge_allowed({7, false}, sealed, utc(2031, 6, 10, 12, 0)));
  EXPECT_FALSE(purge_allowed({4, false}, sealed, utc(2040, 1, 1, 0, 0)));  // invalid: keep
}

TEST(RetentionTest, REC_04_LegalHoldStopsDeletionAndLastUseExtendsConsentEvidence) {
  const auto sealed = utc(2026, 6, 10, 12, 0);
  EXPECT_FALSE(purge_allowed({5, true}, sealed, utc(2050, 1, 1, 0, 0)));
  EXPECT_FALSE(purge_allowed({5, false}, sealed, utc(2032, 1, 1, 0, 0), utc(2027, 3, 1, 0, 0)));
  EXPECT_TRUE(purge_allowed({5, false}, sealed, utc(2032, 3, 1, 0, 0), utc(2027, 3, 1, 0, 0)));
  EXPECT_FALSE(purge_allowed({5, false}, utc(2028, 2, 29, 0, 0), utc(2033, 2, 28, 23, 59)));
  EXPECT_TRUE(purge_allowed({5, false}, utc(2028, 2, 29, 0, 0), utc(2033, 3, 1, 0, 0)));
}

}  // namespace
}  // namespace dialer::compliance::testing
