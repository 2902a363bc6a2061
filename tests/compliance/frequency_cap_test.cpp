// Frequency caps and redial lockouts: reference section 5.5 (FRQ-01, FRQ-02) and AMD-04.
#include "tests/compliance/compliance_fixture.h"

namespace dialer::compliance::testing {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr const char* kMiami = "+13055550123";
constexpr const char* kLondon = "+442079460018";
const PhoneKey kLondonKey = 442079460018ULL;

class FrequencyCapTest : public GateFixture {
 protected:
  void SetUp() override {
    GateFixture::SetUp();
    auto c = us_campaign();
    c->retry.max_attempts = 20;
    c->retry.max_attempts_per_day = 10;
    for (auto id : {kUs, kUs2}) {
      auto ci = std::make_shared<Campaign>(*c);
      ci->id = id;
      CampaignPolicy p;
      p.campaign = ci;
      p.subject_matter = "solar";
      p.window_margin = seconds{0};
      config_.campaigns[id] = p;
    }
    auto uk = us_campaign();
    uk->id = kUk;
    CampaignPolicy ukp;
    ukp.campaign = uk;
    ukp.profile = JurisdictionProfile::uk;
    config_.campaigns[kUk] = ukp;
    rebuild();
  }
  TimePoint miami(int d, int h, int m, int s = 0) {
    return local_time("America/New_York", 2026, 6, d, h, m, s);
  }
};

TEST_F(FrequencyCapTest, FRQ_01_FloridaAllowsThreeSameSubjectCallsPerRolling24Hours) {
  const auto t0 = miami(10, 9, 0);
  EXPECT_TRUE(decide(request(kMiami, t0)).allowed());
  EXPECT_TRUE(decide(request(kMiami, t0 + hours{1}, kUs2)).allowed());  // other campaign
  EXPECT_TRUE(decide(request(kMiami, t0 + hours{2})).allowed());
  auto fourth = decide(request(kMiami, t0 + hours{23} + minutes{59}));
  EXPECT_EQ(fourth.verdict, Verdict::defer);
  EXPECT_EQ(fourth.reason, DecisionReason::freq_cap_same_subject_24h);
  EXPECT_EQ(fourth.until, t0 + hours{24});
  EXPECT_TRUE(decide(request(kMiami, t0 + hours{24} + seconds{1})).allowed());
}

TEST_F(FrequencyCapTest, FRQ_01_OtherSubjectsAndOtherStatesAreNotCapped) {
  auto c = std::make_shared<Campaign>(*config_.campaigns[kUs2].campaign);
  CampaignPolicy other;
  other.campaign = c;
  other.subject_matter = "insurance";
  other.window_margin = seconds{0};
  config_.campaigns[kUs2] = other;
  rebuild();
  const auto t0 = miami(10, 9, 0);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(decide(request(kMiami, t0 + minutes{i})).allowed());
  EXPECT_TRUE(decide(request(kMiami, t0 + minutes{5}, kUs2)).allowed());
  for (int i = 0; i < 5; ++i) {
    EXPECT_TRUE(decide(request("+12125550123", t0 + minutes{i})).allowed());  // New York
  }
}

TEST_F(FrequencyCapTest, CampaignDailyAndLeadLifetimeCaps) {
  const auto t0 = miami(10, 9, 0);
  for (int i = 0; i < 10; ++i) {
    EXPECT_TRUE(decide(request("+12125550123", t0 + minutes{i})).allowed());
  }
  EXPECT_EQ(decide(request("+12125550123", t0 + minutes{11})).reason,
            DecisionReason::freq_cap_campaign_24h);
  auto r = request("+12125550199", t0);
  r.lead_attempts = 20;
  auto d = decide(r);
  EXPECT_EQ(d.verdict, Verdict::deny);
  EXPECT_EQ(d.reason, DecisionReason::freq_cap_lead_lifetime);
}

TEST_F(FrequencyCapTest, PerNumberCapAcrossCampaigns) {
  config_.caps.per_number_24h = 2;
  rebuild();
  const auto t0 = miami(10, 9, 0);
  EXPECT_TRUE(decide(request("+12125550123", t0)).allowed());
  EXPECT_TRUE(decide(request("+12125550123", t0 + minutes{1}, kUs2)).allowed());
  EXPECT_EQ(decide(request("+12125550123", t0 + minutes{2})).reason,
            DecisionReason::freq_cap_number_24h);
}

TEST_F(FrequencyCapTest, FRQ_02_UkAbandonedCallLocksOutNonAgentCallsFor72Hours) {
  const auto t = local_time("Europe/London", 2026, 6, 10, 11, 0);
  history_.record_abandoned(kLondonKey, t);
  auto d = decide(request(kLondon, t + hours{71}, kUk));
  EXPECT_EQ(d.verdict, Verdict::defer);
  EXPECT_EQ(d.reason, DecisionReason::uk_72h_lockout);
  EXPECT_EQ(d.until, t + hours{72});
  EXPECT_TRUE(decide(request(kLondon, t + hours{71}, kUk, DialKind::preview, true)).allowed());
  EXPECT_TRUE(decide(request(kLondon, t + hours{72}, kUk)).allowed());
}

TEST_F(FrequencyCapTest, AMD_04_UkMachineVerdictAllowsOnlyGuaranteedAgentCallsThatDay) {
  const std::string z = "Europe/London";
  const auto verdict_at = local_time(z, 2026, 6, 10, 10, 0);
  const auto day = date::floor<date::days>(
      date::locate_zone(z)->to_local(std::chrono::floor<seconds>(verdict_at)));
  history_.record_amd_machine(kLondonKey,
                              static_cast<std::int32_t>(day.time_since_epoch().count()));
  auto retry = decide(request(kLondon, local_time(z, 2026, 6, 10, 15, 0), kUk));
  EXPECT_EQ(retry.reason, DecisionReason::uk_amd_same_day_lockout);
  EXPECT_EQ(retry.until, local_time(z, 2026, 6, 11, 0, 0));
  EXPECT_TRUE(
      decide(request(kLondon, local_time(z, 2026, 6, 10, 15, 0), kUk, DialKind::preview, true))
          .allowed());
  EXPECT_TRUE(decide(request(kLondon, local_time(z, 2026, 6, 11, 0, 0, 1), kUk)).allowed());
}

TEST_F(FrequencyCapTest, UsProfileHasNoUkLockouts) {
  const auto t = miami(10, 11, 0);
  history_.record_abandoned(12125550123ULL, t);
  EXPECT_TRUE(decide(request("+12125550123", t + hours{1})).allowed());
}

}  // namespace
}  // namespace dialer::compliance::testing
