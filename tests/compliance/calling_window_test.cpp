// Calling windows, time zones and holidays: reference section 5.4 (WIN-01..WIN-09).
#include "tests/compliance/compliance_fixture.h"

namespace dialer::compliance::testing {
namespace {

constexpr const char* kNewYork = "+12125550123";
constexpr const char* kMiami = "+13055550123";
constexpr const char* kProvidence = "+14015550123";
constexpr const char* kDallas = "+12145550123";
constexpr const char* kLouisville = "+15025550123";
constexpr const char* kBirmingham = "+12055550123";
constexpr const char* kJackson = "+16015550123";
constexpr const char* kNewOrleans = "+15045550123";

class CallingWindowTest : public GateFixture {};

TEST_F(CallingWindowTest, WIN_01_RefusesACallThatWouldStillRingAtNine) {
  // 20:59:50 local with a 25 s ring time: the attempt could ring past 21:00.
  auto d = decide(request(kNewYork, local_time("America/New_York", 2026, 6, 10, 20, 59, 50)));
  EXPECT_EQ(d.verdict, Verdict::defer);
  EXPECT_EQ(d.reason, DecisionReason::window_closing);
  EXPECT_EQ(d.until, local_time("America/New_York", 2026, 6, 11, 8, 0));
  EXPECT_EQ(gate_->count(DecisionReason::window_closing), 1u);
}

TEST_F(CallingWindowTest, WIN_01_OpensAtEightAndStopsRingTimeBeforeNine) {
  const std::string z = "America/New_York";
  EXPECT_EQ(decide(request(kNewYork, local_time(z, 2026, 6, 10, 7, 59, 59))).reason,
            DecisionReason::outside_window);
  EXPECT_TRUE(decide(request(kNewYork, local_time(z, 2026, 6, 10, 8, 0, 0))).allowed());
  EXPECT_TRUE(decide(request(kNewYork, local_time(z, 2026, 6, 10, 20, 59, 35))).allowed());
  EXPECT_EQ(decide(request(kNewYork, local_time(z, 2026, 6, 10, 20, 59, 36))).reason,
            DecisionReason::window_closing);
  EXPECT_EQ(decide(request(kNewYork, local_time(z, 2026, 6, 10, 21, 0, 0))).reason,
            DecisionReason::outside_window);
}

TEST_F(CallingWindowTest, WIN_01_MarginWidensTheStopBeforeTheEnd) {
  config_.campaigns.clear();
  rebuild();  // default policies: margin 0 in the fixture
  CampaignPolicy p;
  p.campaign = us_campaign();
  p.window_margin = std::chrono::seconds{30};
  config_.campaigns[kUs] = p;
  rebuild();
  const std::string z = "America/New_York";
  EXPECT_TRUE(decide(request(kNewYork, local_time(z, 2026, 6, 10, 20, 59, 5))).allowed());
  EXPECT_FALSE(decide(request(kNewYork, local_time(z, 2026, 6, 10, 20, 59, 6))).allowed());
}

TEST_F(CallingWindowTest, WIN_02_CampaignWindowOnlyNarrows) {
  auto c = us_campaign();
  c->calling_window.weekdays = {7 * 60, 22 * 60};  // wider than the law
  c->calling_window.saturday = DailyWindow{10 * 60, 12 * 60};
  CampaignPolicy p;
  p.campaign = c;
  p.window_margin = std::chrono::seconds{0};
  config_.campaigns[kUs] = p;
  rebuild();
  const std::string z = "America/New_York";
  EXPECT_FALSE(decide(request(kNewYork, local_time(z, 2026, 6, 10, 7, 30))).allowed());
  EXPECT_FALSE(decide(request(kNewYork, local_time(z, 2026, 6, 10, 21, 30))).allowed());
  // Saturday 2026-06-13: the campaign's 10:00-12:00 applies.
  EXPECT_FALSE(decide(request(kNewYork, local_time(z, 2026, 6, 13, 9, 30))).allowed());
  auto d = decide(request(kNewYork, local_time(z, 2026, 6, 13, 10, 30)));
  EXPECT_TRUE(d.allowed());
  EXPECT_NE(
      std::find(d.trace.windows_applied.begin(), d.trace.windows_applied.end(), "CAMPAIGN_WINDOW"),
      d.trace.windows_applied.end());
  EXPECT_NE(
      std::find(d.trace.windows_applied.begin(), d.trace.windows_applied.end(), "US_FED_08_21"),
      d.trace.windows_applied.end());
}

TEST_F(CallingWindowTest, WIN_03_SplitAreaCodeRefusedWhileOneZoneIsBeforeEight) {
  // 605 without a specific exchange entry: Central and Mountain. 08:30 Central = 07:30 Mountain.
  auto d = decide(request("+16055550123", local_time("America/Chicago", 2026, 6, 10, 8, 30)));
  EXPECT_EQ(d.verdict, Verdict::defer);
  EXPECT_EQ(d.reason, DecisionReason::outside_window);
  EXPECT_EQ(d.trace.tz_candidates.size(), 2u);
  EXPECT_EQ(d.trace.tz_source, TzSource::npa);
  EXPECT_EQ(d.until, local_time("America/Denver", 2026, 6, 10, 8, 0));
  EXPECT_TRUE(
      decide(request("+16055550123", local_time("America/Denver", 2026, 6, 10, 8, 0))).allowed());
}

TEST_F(CallingWindowTest, WIN_03_ExchangeLevelEntryResolvesOneZone) {
  auto d = decide(request("+12192265555", local_time("America/Chicago", 2026, 6, 10, 8, 30)));
  ASSERT_EQ(d.trace.tz_candidates.size(), 1u);
  EXPECT_EQ(d.trace.tz_candidates[0], "America/Chicago");
  EXPECT_EQ(d.trace.tz_source, TzSource::npa_nxx);
  EXPECT_TRUE(d.allowed());  // 09:30 in New York would not matter: the exchange is Central
}

TEST_F(CallingWindowTest, WIN_03_NavajoNationCandidateAppliesInSummer) {
  // July: Phoenix is UTC-7 (no DST), Denver UTC-6. 07:45 Phoenix = 08:45 Denver: refused.
  const std::string phx = "America/Phoenix";
  auto d = decide(request("+19285550123", local_time(phx, 2026, 7, 15, 7, 45)));
  EXPECT_FALSE(d.allowed());
  EXPECT_EQ(d.trace.tz_candidates.size(), 2u);
  EXPECT_TRUE(decide(request("+19285550123", local_time(phx, 2026, 7, 15, 8, 0))).allowed());
  // 19:59:30 Phoenix = 20:59:30 Denver: a 25 s ring would pass 21:00 in Denver.
  EXPECT_EQ(decide(request("+19285550123", local_time(phx, 2026, 7, 15, 19, 59, 40))).reason,
            DecisionReason::window_closing);
}

TEST_F(CallingWindowTest, WIN_03_UnknownZoneIsDeniedUnlessCampaignSetsAFallback) {
  // +1 800 (toll-free) has no zone entry and the lead gives no location.
  auto d = decide(request("+18005550123", utc(2026, 6, 10, 16, 0)));
  EXPECT_EQ(d.verdict, Verdict::deny);
  EXPECT_EQ(d.reason, DecisionReason::unknown_tz);
  auto c = us_campaign();
  c->calling_window.fallback_timezone = "America/Chicago";
  CampaignPolicy p;
  p.campaign = c;
  config_.campaigns[kUs] = p;
  rebuild();
  auto f = decide(request("+18005550123", utc(2026, 6, 10, 16, 0)));
  EXPECT_TRUE(f.allowed());
  EXPECT_EQ(f.trace.tz_source, TzSource::campaign_default);
}

TEST_F(CallingWindowTest, WIN_03_LeadSignalsComeBeforeTheNumber) {
  // A New York mobile number whose owner lives in Los Angeles (postal code 90012).
  auto r = request(kNewYork, local_time("America/Los_Angeles", 2026, 6, 10, 7, 30));
  r.postal_code = "90012";
  auto d = decide(r);
  EXPECT_FALSE(d.allowed());
  EXPECT_EQ(d.trace.tz_source, TzSource::postal);
  r.postal_code.clear();
  r.explicit_timezone = "America/New_York";
  EXPECT_TRUE(decide(r).allowed());
  EXPECT_EQ(decide(r).trace.tz_source, TzSource::explicit_zone);
  r.explicit_timezone.clear();
  r.state = "CA";
  EXPECT_EQ(decide(r).trace.tz_source, TzSource::state);
}

TEST_F(CallingWindowTest, WIN_04_NewYorkDaylightSavingStartAndEnd) {
  // 2026-03-08: 12:30 UTC is 08:30 EDT (allowed); the day before, 12:30 UTC was 07:30 EST.
  EXPECT_TRUE(decide(request(kNewYork, utc(2026, 3, 8, 12, 30))).allowed());
  EXPECT_FALSE(decide(request(kNewYork, utc(2026, 3, 7, 12, 30))).allowed());
  // 2026-11-01: 12:30 UTC is 07:30 EST again (refused); the day before, 08:30 EDT.
  EXPECT_FALSE(decide(request(kNewYork, utc(2026, 11, 1, 12, 30))).allowed());
  EXPECT_TRUE(decide(request(kNewYork, utc(2026, 10, 31, 12, 30))).allowed());
}

TEST_F(CallingWindowTest, WIN_04_PhoenixHonoluluAndGuam) {
  // Phoenix has no DST: 15:30 UTC is 08:30 MST in January and in July.
  EXPECT_TRUE(decide(request("+16235550123", utc(2026, 1, 15, 15, 30))).allowed());
  EXPECT_TRUE(decide(request("+16235550123", utc(2026, 7, 15, 15, 30))).allowed());
  EXPECT_FALSE(decide(request("+16235550123", utc(2026, 7, 15, 14, 30))).allowed());
  // Honolulu UTC-10: 18:30 UTC = 08:30.
  EXPECT_TRUE(decide(request("+18085550123", utc(2026, 7, 15, 18, 30))).allowed());
  EXPECT_FALSE(decide(request("+18085550123", utc(2026, 7, 15, 17, 30))).allowed());
  // Guam UTC+10: 2026-07-01 22:30 UTC is 08:30 on 2 July; 21:30 UTC is 07:30.
  EXPECT_TRUE(decide(request("+16715550123", utc(2026, 7, 1, 22, 30))).allowed());
  EXPECT_FALSE(decide(request("+16715550123", utc(2026, 7, 1, 21, 30))).allowed());
}

TEST_F(CallingWindowTest, WIN_05_RhodeIslandWeekdaySaturdaySunday) {
  const std::string z = "America/New_York";
  // Wednesday 2026-06-10.
  EXPECT_FALSE(decide(request(kProvidence, local_time(z, 2026, 6, 10, 8, 30))).allowed());
  EXPECT_TRUE(decide(request(kProvidence, local_time(z, 2026, 6, 10, 9, 0))).allowed());
  EXPECT_FALSE(decide(request(kProvidence, local_time(z, 2026, 6, 10, 17, 59, 40))).allowed());
  // Saturday 2026-06-13: 10:00-17:00.
  EXPECT_FALSE(decide(request(kProvidence, local_time(z, 2026, 6, 13, 9, 30))).allowed());
  EXPECT_TRUE(decide(request(kProvidence, local_time(z, 2026, 6, 13, 10, 30))).allowed());
  EXPECT_FALSE(decide(request(kProvidence, local_time(z, 2026, 6, 13, 17, 30))).allowed());
  // Sunday 2026-06-14: closed all day.
  auto d = decide(request(kProvidence, local_time(z, 2026, 6, 14, 12, 0)));
  EXPECT_EQ(d.reason, DecisionReason::state_blackout_day);
  EXPECT_EQ(d.until, local_time(z, 2026, 6, 15, 9, 0));
  // Memorial Day 2026-05-25 (Monday): state or federal holiday.
  EXPECT_EQ(decide(request(kProvidence, local_time(z, 2026, 5, 25, 12, 0))).reason,
            DecisionReason::holiday);
}

TEST_F(CallingWindowTest, WIN_05_TexasSundayNoon) {
  const std::string z = "America/Chicago";
  EXPECT_FALSE(decide(request(kDallas, local_time(z, 2026, 6, 14, 11, 30))).allowed());
  EXPECT_TRUE(decide(request(kDallas, local_time(z, 2026, 6, 14, 12, 30))).allowed());
  EXPECT_FALSE(decide(request(kDallas, local_time(z, 2026, 6, 10, 8, 30))).allowed());
  EXPECT_TRUE(decide(request(kDallas, local_time(z, 2026, 6, 10, 9, 0))).allowed());
}

TEST_F(CallingWindowTest, WIN_05_EightPmStates) {
  struct Case {
    const char* number;
    const char* zone;
  };
  for (auto c :
       {Case{kMiami, "America/New_York"}, Case{"+14055550123", "America/Chicago"},
        Case{"+14105550123", "America/New_York"}, Case{"+12065550123", "America/Los_Angeles"},
        Case{"+16175550123", "America/New_York"}, Case{kBirmingham, "America/Chicago"},
        Case{kNewOrleans, "America/Chicago"}, Case{kJackson, "America/Chicago"}}) {
    SCOPED_TRACE(c.number);
    EXPECT_TRUE(decide(request(c.number, local_time(c.zone, 2026, 6, 10, 19, 59, 0))).allowed());
    EXPECT_FALSE(decide(request(c.number, local_time(c.zone, 2026, 6, 10, 19, 59, 40))).allowed());
    EXPECT_FALSE(decide(request(c.number, local_time(c.zone, 2026, 6, 10, 20, 30))).allowed());
  }
}

TEST_F(CallingWindowTest, WIN_05_KentuckyStartsAtTen) {
  const std::string z = "America/New_York";
  EXPECT_FALSE(decide(request(kLouisville, local_time(z, 2026, 6, 10, 9, 30))).allowed());
  EXPECT_TRUE(decide(request(kLouisville, local_time(z, 2026, 6, 10, 10, 0))).allowed());
}

TEST_F(CallingWindowTest, WIN_05_NoSundayStates) {
  for (auto n : {kBirmingham, kNewOrleans, kJackson, "+18015550123"}) {
    SCOPED_TRACE(n);
    auto d = decide(request(n, local_time("America/Chicago", 2026, 6, 14, 13, 0)));
    EXPECT_EQ(d.reason, DecisionReason::state_blackout_day);
  }
}

TEST_F(CallingWindowTest, WIN_05_EveryRowCarriesACitation) {
  ASSERT_FALSE(windows_->rows().empty());
  for (const auto& row : windows_->rows()) {
    EXPECT_FALSE(row.citation.empty()) << row.name;
    EXPECT_TRUE(row.tag == "V" || row.tag == "S" || row.tag == "U") << row.name;
  }
}

TEST_F(CallingWindowTest, WIN_06_AlabamaObservesSaturdayHolidayOnFriday) {
  // 4 July 2026 is a Saturday: Alabama observes it on Friday 3 July; Florida does not ban.
  const std::string z = "America/Chicago";
  EXPECT_EQ(decide(request(kBirmingham, local_time(z, 2026, 7, 3, 12, 0))).reason,
            DecisionReason::holiday);
  EXPECT_EQ(decide(request(kBirmingham, local_time(z, 2026, 7, 4, 12, 0))).reason,
            DecisionReason::holiday);
  EXPECT_TRUE(decide(request(kMiami, local_time("America/New_York", 2026, 7, 3, 12, 0))).allowed());
}

TEST_F(CallingWindowTest, WIN_06_MississippiSundayHolidayMovesToMonday) {
  // Christmas 2022 was a Sunday: Monday 26 December is blocked in Mississippi.
  const std::string z = "America/Chicago";
  EXPECT_EQ(decide(request(kJackson, local_time(z, 2022, 12, 26, 12, 0))).reason,
            DecisionReason::holiday);
  EXPECT_TRUE(decide(request(kJackson, local_time(z, 2022, 12, 27, 12, 0))).allowed());
}

TEST_F(CallingWindowTest, WIN_06_LouisianaMardiGrasAndAdHocBlackout) {
  const std::string z = "America/Chicago";
  // Mardi Gras 2026: Tuesday 17 February (Easter 5 April - 47 days).
  EXPECT_EQ(decide(request(kNewOrleans, local_time(z, 2026, 2, 17, 12, 0))).reason,
            DecisionReason::holiday);
  EXPECT_TRUE(decide(request(kNewOrleans, local_time(z, 2026, 6, 10, 12, 0))).allowed());
  // An emergency declaration added by the operator takes effect on the next decision.
  HolidayCalendars holidays;
  windows_ = load_windows(&holidays);
  holidays.add_blackout("LA", date::sys_days{date::year{2026} / 6 / 9},
                        date::sys_days{date::year{2026} / 6 / 11});
  windows_->set_holidays(holidays);
  rebuild();
  EXPECT_EQ(decide(request(kNewOrleans, local_time(z, 2026, 6, 10, 12, 0))).reason,
            DecisionReason::holiday);
}

TEST_F(CallingWindowTest, WIN_07_CanadianWindowsWeekdaysAndWeekends) {
  const std::string z = "America/Toronto";
  const char* toronto = "+14165550123";
  // Wednesday: 09:00-21:30 (the US federal 08:00-21:00 does not apply).
  EXPECT_FALSE(decide(request(toronto, local_time(z, 2026, 6, 10, 8, 30))).allowed());
  EXPECT_TRUE(decide(request(toronto, local_time(z, 2026, 6, 10, 21, 10))).allowed());
  auto d = decide(request(toronto, local_time(z, 2026, 6, 10, 21, 30)));
  EXPECT_FALSE(d.allowed());
  EXPECT_EQ(d.trace.jurisdictions, (std::vector<std::string_view>{"CANADA", "ON"}));
  // Saturday: 10:00-18:00.
  EXPECT_FALSE(decide(request(toronto, local_time(z, 2026, 6, 13, 9, 30))).allowed());
  EXPECT_TRUE(decide(request(toronto, local_time(z, 2026, 6, 13, 17, 0))).allowed());
  EXPECT_FALSE(decide(request(toronto, local_time(z, 2026, 6, 13, 18, 30))).allowed());
}

TEST_F(CallingWindowTest, WIN_08_CallbackOutsideWindowIsDeferredToNextOpening) {
  const std::string z = "America/New_York";
  auto d = decide(request(kNewYork, local_time(z, 2026, 6, 10, 22, 15), kUs, DialKind::callback));
  EXPECT_EQ(d.verdict, Verdict::defer);
  EXPECT_EQ(d.until, local_time(z, 2026, 6, 11, 8, 0));
  // Rhode Island on a Saturday evening: next opening is Monday 09:00 (Sunday is closed).
  auto ri =
      decide(request(kProvidence, local_time(z, 2026, 6, 13, 18, 0), kUs, DialKind::callback));
  EXPECT_EQ(ri.until, local_time(z, 2026, 6, 15, 9, 0));
}

TEST_F(CallingWindowTest, WIN_09_DecisionRecordsItsInputs) {
  auto d = decide(request(kMiami, local_time("America/New_York", 2026, 6, 10, 12, 0)));
  ASSERT_TRUE(d.allowed());
  EXPECT_EQ(d.trace.tz_candidates, (std::vector<std::string_view>{"America/New_York"}));
  EXPECT_EQ(d.trace.tz_source, TzSource::npa);
  EXPECT_EQ(d.trace.jurisdictions, (std::vector<std::string_view>{"US", "FL"}));
  EXPECT_EQ(d.trace.windows_applied,
            (std::vector<std::string_view>{"CAMPAIGN_WINDOW", "FL_08_20", "US_FED_08_21"}));
  EXPECT_EQ(d.trace.dnc_snapshot_id, "snap");
}

}  // namespace
}  // namespace dialer::compliance::testing
