// Property: over 100,000 random dial requests on a random clock across area codes and zones,
// the gate never allows a call outside the legal window (checked against an independent oracle
// in every candidate zone), to an internal DNC number, or above a frequency cap.
#include <map>
#include <set>

#include "dialer/common/random.h"
#include "tests/compliance/compliance_fixture.h"

namespace dialer::compliance::testing {
namespace {

using std::chrono::seconds;

struct AreaCode {
  int npa;
  std::vector<std::string> zones;  // the candidates the oracle checks
  std::string state;
};

// Independent expectations, written from the reference, not read from the data files. Numbers
// use exchange 555, which has no exchange-level zone entry in any of these area codes.
const std::vector<AreaCode> kAreaCodes{{212, {"America/New_York"}, "NY"},
                                       {305, {"America/New_York"}, "FL"},
                                       {401, {"America/New_York"}, "RI"},
                                       {214, {"America/Chicago"}, "TX"},
                                       {605, {"America/Chicago", "America/Denver"}, "SD"},
                                       {928, {"America/Phoenix", "America/Denver"}, "AZ"},
                                       {808, {"Pacific/Honolulu"}, "HI"},
                                       {206, {"America/Los_Angeles"}, "WA"},
                                       {671, {"Pacific/Guam"}, ""},
                                       {800, {}, ""}};

int local_minute_of_day(TimePoint t, const std::string& zone, int* weekday) {
  const auto local = date::locate_zone(zone)->to_local(std::chrono::floor<seconds>(t));
  const auto day = date::floor<date::days>(local);
  *weekday = static_cast<int>(date::weekday{day}.c_encoding());
  return static_cast<int>(std::chrono::duration_cast<seconds>(local - day).count());
}

// Seconds after local midnight allowed to start a call with a 25 s ring in `state`.
bool oracle_allows(TimePoint t, const AreaCode& ac) {
  if (ac.zones.empty()) return false;
  for (const auto& z : ac.zones) {
    int wd = 0;
    const int s = local_minute_of_day(t, z, &wd);
    int start = 8 * 3600;
    int end = 21 * 3600;
    if (ac.state == "FL" || ac.state == "WA") end = 20 * 3600;
    if (ac.state == "RI") {
      if (wd == 0) return false;
      start = wd == 6 ? 10 * 3600 : 9 * 3600;
      end = wd == 6 ? 17 * 3600 : 18 * 3600;
    }
    if (ac.state == "TX") start = wd == 0 ? 12 * 3600 : 9 * 3600;
    if (s < start || s + 25 > end) return false;
  }
  return true;
}

class GatePropertyTest : public GateFixture {};

TEST_F(GatePropertyTest, NoAllowOutsideWindowToDncOrAboveCap) {
  auto_snapshot_ = false;
  SeededRandom rnd{20261122};
  auto c = us_campaign();
  c->retry.max_attempts_per_day = 3;
  c->retry.max_attempts = 1000;
  CampaignPolicy p;
  p.campaign = c;
  p.window_margin = seconds{0};
  p.subject_matter = "solar";
  config_.campaigns.clear();
  config_.campaigns[kUs] = p;
  rebuild();

  std::set<PhoneKey> dnc;
  std::vector<std::pair<PhoneKey, const AreaCode*>> numbers;
  for (int i = 0; i < 300; ++i) {
    const auto& ac =
        kAreaCodes[static_cast<std::size_t>(rnd.uniform_int(0, kAreaCodes.size() - 1))];
    const PhoneKey key = 10'000'000'000ULL + static_cast<PhoneKey>(ac.npa) * 10'000'000ULL +
                         5'550'000ULL + static_cast<PhoneKey>(rnd.uniform_int(0, 9'999));
    numbers.emplace_back(key, &ac);
    if (rnd.bernoulli(0.15)) {
      dnc.insert(key);
      dnc_.add_internal(key);
    }
  }
  TimePoint now = utc(2026, 1, 1, 0, 0);
  dnc_.set_national({"snap", date::floor<date::days>(now), DncSet{}});
  std::map<PhoneKey, std::vector<TimePoint>> allowed_at;
  std::int64_t allows = 0;
  std::int64_t window_refusals = 0;
  for (int i = 0; i < 100'000; ++i) {
    now += Duration{rnd.uniform_int(1, 120'000)};  // up to 2 minutes between requests
    if (date::floor<date::days>(now) - dnc_.national()->downloaded_on > date::days{20}) {
      dnc_.set_national({"snap", date::floor<date::days>(now), DncSet{}});
    }
    const auto& [key, ac] =
        numbers[static_cast<std::size_t>(rnd.uniform_int(0, numbers.size() - 1))];
    const auto d = gate_->decide(request(format_e164(key), now));
    if (!d.allowed()) {
      window_refusals +=
          d.reason == DecisionReason::outside_window || d.reason == DecisionReason::window_closing;
      continue;
    }
    ++allows;
    ASSERT_TRUE(oracle_allows(now, *ac)) << format_e164(key) << " at " << format_utc(now);
    ASSERT_FALSE(dnc.count(key)) << format_e164(key);
    auto& times = allowed_at[key];
    times.push_back(now);
    const auto in_window = std::count_if(
        times.begin(), times.end(), [&](TimePoint t) { return t > now - std::chrono::hours{24}; });
    ASSERT_LE(in_window, 3) << format_e164(key) << " at " << format_utc(now);
  }
  // The property is not vacuous: every verdict kind happened many times.
  EXPECT_GT(allows, 10'000);
  EXPECT_GT(window_refusals, 10'000);
  EXPECT_GT(gate_->count(DecisionReason::internal_dnc), 5'000u);
  EXPECT_GT(gate_->count(DecisionReason::unknown_tz), 5'000u);
  EXPECT_GT(gate_->count(DecisionReason::freq_cap_campaign_24h) +
                gate_->count(DecisionReason::freq_cap_same_subject_24h),
            100u);
}

}  // namespace
}  // namespace dialer::compliance::testing
