#include "campaigns/phone_number.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "campaigns/phone_set.h"
#include "dialer/common/random.h"

namespace dialer {
namespace {

TEST(PhoneNormalizerTest, FormatsUsNumbersInEveryCommonSpellingAsE164) {
  PhoneNormalizer n;
  for (const char* raw : {"2122340199", "(212) 234-0199", "212.234.0199", "1-212-234-0199",
                          "+1 212 234 0199", " 212 234 0199 ", "12122340199"}) {
    auto r = n.normalize(raw);
    EXPECT_EQ(to_string(r.status), "ok") << raw << " " << to_string(r.reason);
    EXPECT_EQ(r.e164, "+12122340199") << raw;
    EXPECT_EQ(r.key, 12122340199ULL) << raw;
  }
  EXPECT_EQ(n.fast_path_count(), 7);
  EXPECT_EQ(n.library_count(), 0);
}

TEST(PhoneNormalizerTest, BlankIsMissing) {
  PhoneNormalizer n;
  EXPECT_EQ(n.normalize("").status, PhoneStatus::missing);
  EXPECT_EQ(n.normalize("   ").status, PhoneStatus::missing);
  EXPECT_EQ(n.normalize_with_library(" ").status, PhoneStatus::missing);
}

TEST(PhoneNormalizerTest, RejectsNanpNumbersBreakingThePlanWithTheirReason) {
  PhoneNormalizer n;
  const std::pair<const char*, PhoneInvalidReason> cases[] = {
      {"1125550199", PhoneInvalidReason::bad_area_code},  // 10 digits starting 1: library path
      {"1 112 555 0199", PhoneInvalidReason::bad_area_code},
      {"212 155 0199", PhoneInvalidReason::bad_exchange},
      {"411 555 0199", PhoneInvalidReason::n11_code},
      {"212 911 0199", PhoneInvalidReason::n11_code},
      {"212 555 0100", PhoneInvalidReason::fictional_555},
      {"(312) 555-0150", PhoneInvalidReason::fictional_555},
      {"212555019", PhoneInvalidReason::too_short},
      {"21255501999999999", PhoneInvalidReason::too_long},
      {"hello", PhoneInvalidReason::not_a_number},
      {"999 234 5678", PhoneInvalidReason::not_assigned},  // NPA 999 is not assigned
  };
  for (const auto& [raw, reason] : cases) {
    auto r = n.normalize(raw);
    EXPECT_EQ(r.status, PhoneStatus::invalid) << raw;
    EXPECT_EQ(to_string(r.reason), to_string(reason)) << raw;
  }
}

TEST(PhoneNormalizerTest, FictionalRangeIsOnlyLines0100To0199) {
  PhoneNormalizer n;
  EXPECT_EQ(n.normalize("212 555 0099").status, PhoneStatus::ok);
  EXPECT_EQ(n.normalize("212 555 0200").status, PhoneStatus::ok);
  EXPECT_EQ(n.normalize("212 555 0100").status, PhoneStatus::invalid);
}

TEST(PhoneNormalizerTest, Npa900AndExchange976ArePremiumRate) {
  PhoneNormalizer n;
  auto npa900 = n.normalize("900-234-5678");
  EXPECT_EQ(npa900.status, PhoneStatus::premium_rate);
  EXPECT_EQ(npa900.e164, "+19002345678");
  EXPECT_EQ(n.normalize("(212) 976-1234").status, PhoneStatus::premium_rate);
  EXPECT_EQ(n.normalize_with_library("900-234-5678").status, PhoneStatus::premium_rate);
  EXPECT_EQ(n.normalize_with_library("212 976 1234").status, PhoneStatus::premium_rate);
}

TEST(PhoneNormalizerTest, OtherCountryCodesGoThroughLibphonenumber) {
  PhoneNormalizer n;
  auto uk = n.normalize("+44 20 7946 0018");
  EXPECT_EQ(uk.status, PhoneStatus::ok);
  EXPECT_EQ(uk.e164, "+442079460018");
  EXPECT_EQ(n.normalize("+999 1234").status, PhoneStatus::invalid);
  EXPECT_EQ(n.fast_path_count(), 0);
  EXPECT_EQ(n.library_count(), 2);
}

TEST(PhoneNormalizerTest, OtherDefaultRegionParsesNationalNumbersThere) {
  PhoneNormalizer n("GB");
  auto r = n.normalize("020 7946 0018");
  EXPECT_EQ(r.status, PhoneStatus::ok);
  EXPECT_EQ(r.e164, "+442079460018");
  auto us = n.normalize("+1 212 234 0199");  // an explicit +1 still works
  EXPECT_EQ(us.e164, "+12122340199");
  EXPECT_EQ(n.fast_path_count(), 0);
}

TEST(PhoneNormalizerTest, CanadianAndCaribbeanNumbersAreValidNanpNumbers) {
  PhoneNormalizer n;
  EXPECT_EQ(n.normalize("416 234 5678").e164, "+14162345678");     // Toronto
  EXPECT_EQ(n.normalize("876 927 1234").status, PhoneStatus::ok);  // Jamaica, per-number check
}

TEST(PhoneNormalizerTest, E164KeyIsTheDigitsAndZeroForAnythingElse) {
  EXPECT_EQ(e164_key("+12125550199"), 12125550199ULL);
  EXPECT_EQ(e164_key("+442079460018"), 442079460018ULL);
  EXPECT_EQ(e164_key("12125550199"), 0u);
  EXPECT_EQ(e164_key("+1212a"), 0u);
  EXPECT_EQ(e164_key("+"), 0u);
}

// The fast path must never change a verdict: compare it with libphonenumber on numbers drawn
// across the whole NANP space (valid, unassigned, N11, fictional, premium) and some spellings.
TEST(PhoneNormalizerTest, FastPathAgreesWithLibphonenumberOnSampledNumbers) {
  PhoneNormalizer fast;
  const PhoneNormalizer library;
  SeededRandom rng(7);
  const char* formats[] = {"%03d%03d%04d", "(%03d) %03d-%04d", "1-%03d-%03d-%04d",
                           "+1 %03d.%03d.%04d"};
  int ok = 0;
  int invalid = 0;
  int premium = 0;
  for (int i = 0; i < 4000; ++i) {
    const int npa = static_cast<int>(rng.uniform_int(200, 999));
    int nxx = static_cast<int>(rng.uniform_int(200, 999));
    int line = static_cast<int>(rng.uniform_int(0, 9999));
    if (i % 50 == 0) nxx = 555, line = static_cast<int>(rng.uniform_int(50, 250));
    if (i % 25 == 0) nxx = 976;
    char raw[40];
    std::snprintf(raw, sizeof raw, formats[i % 4], npa, nxx, line);
    const auto a = fast.normalize(raw);
    const auto b = library.normalize_with_library(raw);
    ASSERT_EQ(a.status, b.status) << raw;
    ASSERT_EQ(a.reason, b.reason) << raw << " " << to_string(a.reason) << " vs "
                                  << to_string(b.reason);
    ASSERT_EQ(a.e164, b.e164) << raw;
    ASSERT_EQ(a.key, b.key) << raw;
    ok += a.status == PhoneStatus::ok;
    invalid += a.status == PhoneStatus::invalid;
    premium += a.status == PhoneStatus::premium_rate;
  }
  EXPECT_EQ(fast.library_count(), 0);  // every sample really took the fast path
  EXPECT_GT(ok, 1000);                 // the sample covers each verdict
  EXPECT_GT(invalid, 200);
  EXPECT_GT(premium, 50);
}

TEST(PhoneSetTest, InsertReportsDuplicatesAndGrows) {
  PhoneSet set(4);
  for (std::uint64_t k = 12125550000ULL; k < 12125560000ULL; ++k) ASSERT_TRUE(set.insert(k));
  EXPECT_EQ(set.size(), 10000u);
  EXPECT_FALSE(set.insert(12125550000ULL));
  EXPECT_FALSE(set.insert(12125559999ULL));
  EXPECT_TRUE(set.contains(12125555555ULL));
  EXPECT_FALSE(set.contains(12125560000ULL));
  EXPECT_FALSE(set.contains(0));
  EXPECT_LE(set.memory_bytes(), 4u * 10000u * sizeof(std::uint64_t));
}

}  // namespace
}  // namespace dialer
