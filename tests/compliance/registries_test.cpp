// DNC registries beyond the US one and the Reassigned Numbers Database (reference DNC-06,
// DNC-07, DNC-08), and the per-lead window of WIN-02, on the simulated clock.
#include "compliance/decision_record.h"
#include "tests/compliance/compliance_fixture.h"

namespace dialer::compliance::testing {
namespace {

constexpr const char* kNewYork = "+12125550123";
constexpr const char* kLondon = "+442079460018";
constexpr const char* kToronto = "+14165550123";
constexpr PhoneKey kLondonKey = 442079460018ULL;
constexpr PhoneKey kTorontoKey = 14165550123ULL;

class RegistriesTest : public GateFixture {
 protected:
  RegistriesTest() { auto_foreign_snapshots_ = false; }

  NationalSnapshot snapshot(const char* id, TimePoint now, int age_days,
                            std::vector<PhoneKey> listed = {}) {
    return {id, date::floor<date::days>(now) - date::days{age_days}, DncSet{listed}};
  }

  void consent(PhoneKey n, ConsentType type, TimePoint at) {
    consents_.record_consent({"c-" + std::to_string(n), n, type, at, "web-form"});
  }
};

TEST_F(RegistriesTest, DNC_06_RndYesForTheConsentDateRefuses) {
  with_us_policy([](CampaignPolicy& p) { p.rnd_required = true; });
  const auto now = local_time("America/New_York", 2026, 6, 10, 12, 0);
  const auto today = date::floor<date::days>(now);
  auto r = request(kNewYork, now);
  EXPECT_EQ(decide(r).reason, DecisionReason::rnd_missing);  // never checked
  r.rnd = RndCheck{today, today - date::days{200}, RndAnswer::yes};
  EXPECT_EQ(decide(r).reason, DecisionReason::rnd_reassigned);
  r.rnd->answer = RndAnswer::no;
  EXPECT_TRUE(decide(r).allowed());
}

TEST_F(RegistriesTest, DNC_06_AnswerOlderThanTheMaximumAgeCountsAsMissing) {
  with_us_policy([](CampaignPolicy& p) { p.rnd_required = true; });
  const auto now = local_time("America/New_York", 2026, 6, 10, 12, 0);
  const auto today = date::floor<date::days>(now);
  auto r = request(kNewYork, now);
  r.rnd = RndCheck{today - date::days{30}, today - date::days{200}, RndAnswer::no_data};
  EXPECT_TRUE(decide(r).allowed());
  r.rnd->queried_on = today - date::days{31};
  EXPECT_EQ(decide(r).reason, DecisionReason::rnd_missing);
}

TEST_F(RegistriesTest, DNC_06_RecordCarriesQueryDateConsentDateAndAnswer) {
  with_us_policy([](CampaignPolicy& p) { p.rnd_required = true; });
  const auto now = local_time("America/New_York", 2026, 6, 10, 12, 0);
  auto r = request(kNewYork, now);
  r.rnd = RndCheck{date::sys_days{date::year{2026} / 6 / 1}, date::sys_days{date::year{2025} / 1 / 15},
                   RndAnswer::no};
  const auto d = decide(r);
  const auto rec = make_decision_record("a-1", r, config_.campaigns[kUs], d, RecordContext{});
  EXPECT_EQ(rec.rnd_query_date, "2026-06-01");
  EXPECT_EQ(rec.rnd_consent_date_sent, "2025-01-15");
  EXPECT_EQ(rec.rnd_result, "no");
}

TEST_F(RegistriesTest, DNC_07_UkNumberNeedsTpsScreeningWithin28Days) {
  with_us_policy([](CampaignPolicy& p) { p.profile = JurisdictionProfile::uk; });
  const auto now = local_time("Europe/London", 2026, 6, 10, 12, 0);
  const auto r = request(kLondon, now, kUk);
  EXPECT_EQ(decide(r).reason, DecisionReason::tps_data_stale);  // never screened
  dnc_.set_uk_tps(snapshot("tps-1", now, 29));
  EXPECT_EQ(decide(r).reason, DecisionReason::tps_data_stale);
  dnc_.set_uk_tps(snapshot("tps-2", now, 28));
  EXPECT_TRUE(decide(r).allowed());
}

TEST_F(RegistriesTest, DNC_07_TpsRegisteredNumberNeedsSpecificConsent) {
  with_us_policy([](CampaignPolicy& p) { p.profile = JurisdictionProfile::uk; });
  const auto now = local_time("Europe/London", 2026, 6, 10, 12, 0);
  dnc_.set_uk_tps(snapshot("tps", now, 1, {kLondonKey}));
  const auto r = request(kLondon, now, kUk);
  EXPECT_EQ(decide(r).reason, DecisionReason::tps_registered);
  consent(kLondonKey, ConsentType::ebr_purchase, now - std::chrono::hours{24});
  EXPECT_EQ(decide(r).reason, DecisionReason::tps_registered);  // a relationship is not consent
  consent(kLondonKey, ConsentType::pewc, now - std::chrono::hours{1});
  EXPECT_TRUE(decide(r).allowed());
}

TEST_F(RegistriesTest, DNC_08_CanadianNumberNeedsAFreshDnclAndConsentWhenListed) {
  const auto now = local_time("America/Toronto", 2026, 6, 10, 12, 0);
  const auto r = request(kToronto, now);
  EXPECT_EQ(decide(r).reason, DecisionReason::canada_dncl_data_stale);
  dnc_.set_canada_dncl(snapshot("dncl-old", now, 32));
  EXPECT_EQ(decide(r).reason, DecisionReason::canada_dncl_data_stale);
  dnc_.set_canada_dncl(snapshot("dncl", now, 31, {kTorontoKey}));
  EXPECT_EQ(decide(r).reason, DecisionReason::canada_dncl);
  consent(kTorontoKey, ConsentType::pec, now - std::chrono::hours{1});
  EXPECT_TRUE(decide(r).allowed());
}

TEST_F(RegistriesTest, DNC_08_PrerecordedTelemarketingNeedsExpressConsent) {
  with_us_policy([](CampaignPolicy& p) { p.prerecorded = true; });
  const auto now = local_time("America/Toronto", 2026, 6, 10, 12, 0);
  dnc_.set_canada_dncl(snapshot("dncl", now, 1));
  const auto r = request(kToronto, now);
  EXPECT_EQ(decide(r).reason, DecisionReason::adad_needs_express_consent);
  consent(kTorontoKey, ConsentType::pewc, now - std::chrono::hours{1});
  EXPECT_TRUE(decide(r).allowed());
}

TEST_F(RegistriesTest, WIN_02_LeadWindowNarrowsTheDayAndIsNamed) {
  auto r = request(kNewYork, local_time("America/New_York", 2026, 6, 10, 10, 30));
  r.lead_window = DailyWindow{11 * 60, 17 * 60};
  auto d = decide(r);
  EXPECT_EQ(d.verdict, Verdict::defer);
  EXPECT_EQ(d.reason, DecisionReason::outside_window);
  EXPECT_EQ(d.until, local_time("America/New_York", 2026, 6, 10, 11, 0));
  r.now = local_time("America/New_York", 2026, 6, 10, 11, 30);
  d = decide(r);
  ASSERT_TRUE(d.allowed());
  const auto& w = d.trace.windows_applied;
  EXPECT_NE(std::find(w.begin(), w.end(), "LEAD_WINDOW"), w.end());
  r.now = local_time("America/New_York", 2026, 6, 10, 17, 0);  // the lead's end is exclusive
  EXPECT_FALSE(decide(r).allowed());
}

}  // namespace
}  // namespace dialer::compliance::testing
