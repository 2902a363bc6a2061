// DNC lists, registry snapshots, consent and revocation: reference section 5.6 (DNC-01..05) and
// ABN-05(c).
#include <sstream>

#include "compliance/phone_table.h"
#include "tests/compliance/compliance_fixture.h"

namespace dialer::compliance::testing {
namespace {

constexpr const char* kNumber = "+12125550123";
const PhoneKey kKey = 12125550123ULL;

class DncConsentTest : public GateFixture {
 protected:
  TimePoint noon(int y, int m, int d) { return local_time("America/New_York", y, m, d, 12, 0); }
};

TEST_F(DncConsentTest, DNC_01_SnapshotOlderThan31DaysRefusesTelemarketing) {
  auto_snapshot_ = false;
  const auto call = noon(2026, 6, 10);
  const auto call_day = date::floor<date::days>(call);
  dnc_.set_national({"ftc-2026-05-09", call_day - date::days{32}, DncSet{}});
  auto d = decide(request(kNumber, call));
  EXPECT_EQ(d.verdict, Verdict::deny);
  EXPECT_EQ(d.reason, DecisionReason::dnc_data_stale);
  EXPECT_EQ(d.trace.dnc_snapshot_id, "ftc-2026-05-09");
  dnc_.set_national({"ftc-2026-05-10", call_day - date::days{31}, DncSet{}});
  EXPECT_TRUE(decide(request(kNumber, call)).allowed());
  EXPECT_EQ(gate_->count(DecisionReason::dnc_data_stale), 1u);
}

TEST_F(DncConsentTest, DNC_01_NoSnapshotRefusesButNonTelemarketingNeedsNone) {
  auto_snapshot_ = false;
  DncLists empty;
  auto c = us_campaign();
  CampaignPolicy informational;
  informational.campaign = c;
  informational.telemarketing = false;
  config_.campaigns[kUs] = informational;
  gate_ = make_dial_gate(config_, {timezones_, windows_, empty, consents_, history_, monitor_});
  EXPECT_TRUE(gate_->decide(request(kNumber, noon(2026, 6, 10))).allowed());
  CampaignPolicy telemarketing;
  telemarketing.campaign = c;
  config_.campaigns[kUs] = telemarketing;
  gate_ = make_dial_gate(config_, {timezones_, windows_, empty, consents_, history_, monitor_});
  EXPECT_EQ(gate_->decide(request(kNumber, noon(2026, 6, 10))).reason,
            DecisionReason::dnc_data_stale);
}

TEST_F(DncConsentTest, DNC_02_RegistryListedNumberNeedsALiveExemption) {
  national_listed_ = {kKey};
  const auto call = noon(2026, 6, 10);
  EXPECT_EQ(decide(request(kNumber, call)).reason, DecisionReason::national_dnc);
  // EBR purchase 18 months + 1 day before the call: expired.
  consents_.record_consent({"ebr-1", kKey, ConsentType::ebr_purchase, noon(2024, 12, 9), "order"});
  EXPECT_EQ(decide(request(kNumber, call)).reason, DecisionReason::national_dnc);
  // Inquiry 3 months + 1 day before: expired too.
  consents_.record_consent({"inq-1", kKey, ConsentType::ebr_inquiry, noon(2026, 3, 9), "web"});
  EXPECT_EQ(decide(request(kNumber, call)).reason, DecisionReason::national_dnc);
  // Inquiry exactly 3 months before: still live.
  consents_.record_consent({"inq-2", kKey, ConsentType::ebr_inquiry, noon(2026, 3, 10), "web"});
  EXPECT_TRUE(decide(request(kNumber, call)).allowed());
}

TEST_F(DncConsentTest, DNC_02_WrittenConsentExemptsUntilRevoked) {
  national_listed_ = {kKey};
  consents_.record_consent({"pewc-1", kKey, ConsentType::pewc, noon(2025, 1, 1), "form-9"});
  EXPECT_TRUE(decide(request(kNumber, noon(2026, 6, 10))).allowed());
  consents_.record_revocation(
      {kKey, noon(2026, 6, 11), "SMS_KEYWORD", "STOP", RevokeScope::seller_all, kUs});
  EXPECT_EQ(decide(request(kNumber, noon(2026, 6, 12))).reason, DecisionReason::consent_revoked);
}

TEST_F(DncConsentTest, DNC_03_InternalAdditionBlocksTheNextDecision) {
  const auto t = noon(2026, 6, 10);
  EXPECT_TRUE(decide(request(kNumber, t)).allowed());
  dnc_.add_internal(kKey);
  auto d = decide(request(kNumber, t + std::chrono::milliseconds{1}));
  EXPECT_EQ(d.verdict, Verdict::deny);
  EXPECT_EQ(d.reason, DecisionReason::internal_dnc);
  // Every campaign and every dial kind of the seller, callbacks and manual dials included.
  for (auto kind : {DialKind::manual, DialKind::callback, DialKind::preview}) {
    EXPECT_EQ(decide(request(kNumber, t, kUs2, kind, true)).reason, DecisionReason::internal_dnc);
  }
}

TEST_F(DncConsentTest, ABN_05_OptOutInTheMessageRefusesARedialOneSecondLater) {
  const auto t = noon(2026, 6, 10);
  dnc_.add_internal(kKey);  // what the IVR opt-out does at t
  EXPECT_EQ(decide(request(kNumber, t + std::chrono::seconds{1})).reason,
            DecisionReason::internal_dnc);
}

TEST_F(DncConsentTest, DNC_03_CampaignListOnlyBlocksItsCampaign) {
  dnc_.add_to_campaign(kUs2, kKey);
  EXPECT_TRUE(decide(request(kNumber, noon(2026, 6, 10))).allowed());
  EXPECT_EQ(decide(request(kNumber, noon(2026, 6, 10), kUs2)).reason, DecisionReason::campaign_dnc);
}

TEST_F(DncConsentTest, DNC_04_RevocationBlocksEveryCampaignByDefault) {
  const auto t = noon(2026, 6, 10);
  consents_.record_revocation(
      {kKey, t, "AGENT", "please stop calling me", RevokeScope::seller_all, kUs});
  EXPECT_EQ(decide(request(kNumber, t)).reason, DecisionReason::consent_revoked);
  EXPECT_EQ(decide(request(kNumber, t, kUs2)).reason, DecisionReason::consent_revoked);
  // Before the revocation's timestamp the number was callable (decisions are judged at `now`).
  EXPECT_TRUE(decide(request(kNumber, t - std::chrono::seconds{1})).allowed());
}

TEST_F(DncConsentTest, DNC_04_CampaignScopedRevocation) {
  const PhoneKey other = 12125550124ULL;
  RevocationEvent r{other, noon(2026, 6, 10), "WEB", "unsubscribe", RevokeScope::campaign, kUs2};
  consents_.record_revocation(r);
  EXPECT_TRUE(decide(request("+12125550124", noon(2026, 6, 10))).allowed());
  EXPECT_EQ(decide(request("+12125550124", noon(2026, 6, 10), kUs2)).reason,
            DecisionReason::consent_revoked);
}

TEST_F(DncConsentTest, DNC_05_RegistryFileInBothLayouts) {
  std::istringstream plain("2125550123\n\n3055550100\r\n");
  auto a = parse_national_registry(plain);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(*a, (std::vector<PhoneKey>{12125550123ULL, 13055550100ULL}));
  std::istringstream comma("AreaCode,PhoneNumber\n212,5550123\n305, 5550100\n");
  auto b = parse_national_registry(comma);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(*b, (std::vector<PhoneKey>{12125550123ULL, 13055550100ULL}));
}

TEST_F(DncConsentTest, DNC_05_DamagedRegistryFileIsRejectedWithItsLine) {
  std::istringstream bad("2125550123\n21255501\n");
  auto r = parse_national_registry(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("line 2"), std::string::npos);
}

TEST(DncSetTest, AdditionsAreVisibleAtOnceAndSurviveMerges) {
  DncSet set{{5, 3, 3, 9}};
  EXPECT_EQ(set.size(), 3u);
  EXPECT_TRUE(set.contains(3));
  EXPECT_FALSE(set.contains(4));
  for (PhoneKey k = 100; k < 10'000; ++k) set.add(k * 7);
  for (PhoneKey k = 100; k < 10'000; ++k) ASSERT_TRUE(set.contains(k * 7)) << k;
  EXPECT_FALSE(set.contains(701));
  EXPECT_TRUE(set.contains(9));
  set.remove(9);
  EXPECT_FALSE(set.contains(9));
}

TEST(PhoneTableTest, EraseKeepsEveryOtherKeyFindableAndValuesAttached) {
  PhoneTable table{true};
  for (PhoneKey k = 1; k <= 5000; ++k) ASSERT_TRUE(table.insert(k * 13, static_cast<std::uint32_t>(k)));
  EXPECT_FALSE(table.insert(13, 99));  // present already: the first value stays
  for (PhoneKey k = 1; k <= 5000; k += 3) table.erase(k * 13);
  for (PhoneKey k = 1; k <= 5000; ++k) {
    const bool erased = (k - 1) % 3 == 0;
    ASSERT_EQ(table.contains(k * 13), !erased) << k;
    if (!erased) {
      ASSERT_EQ(table.find(k * 13), std::optional<std::uint32_t>(k)) << k;
    }
  }
  EXPECT_EQ(table.size(), 5000u - 1667u);
  EXPECT_FALSE(table.contains(0));
}

TEST(DncSetTest, AtMostSixteenBytesPerNumber) {
  std::vector<PhoneKey> numbers;
  for (PhoneKey k = 0; k < 100'000; ++k) numbers.push_back(12125550000ULL + k * 7);
  DncSet set{numbers};
  EXPECT_LE(static_cast<double>(set.memory_bytes()) / static_cast<double>(set.size()), 16.0);
}

TEST(E164Test, ParsesOnlyValidNumbers) {
  EXPECT_EQ(parse_e164("+12125550123"), 12125550123ULL);
  EXPECT_EQ(format_e164(442079460018ULL), "+442079460018");
  EXPECT_FALSE(parse_e164("12125550123"));
  EXPECT_FALSE(parse_e164("+0123456789"));
  EXPECT_FALSE(parse_e164("+1212555012a"));
  EXPECT_FALSE(parse_e164("+1234567"));
}

}  // namespace
}  // namespace dialer::compliance::testing
