// Abandonment ledger and gate: reference ABN-06, ABN-07, ABN-08, ABN-12 and AMD-03, on the
// simulated clock.
#include "compliance/abandonment_gate.h"
#include "dialer/common/simulated_clock.h"
#include "tests/compliance/compliance_fixture.h"

namespace dialer::compliance::testing {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
constexpr auto kDay = hours{24};

CallOutcome live(TimePoint at, bool abandoned = false) {
  CallOutcome o;
  o.at = at;
  o.live_answer = true;
  o.abandoned = abandoned;
  o.safe_harbor_played = abandoned;
  return o;
}

TEST(AbandonmentLedgerTest, ABN_06_FortyFiveDayCampaignHasExactlyTwoLegalPeriods) {
  SimulatedClock clock{utc(2026, 1, 1, 0, 0)};
  const auto start = clock.now();
  AbandonmentLedger ledger{start, {}};
  AbandonmentLedger other{start, {}};
  for (int day = 0; day < 45; ++day) {
    clock.advance_to(start + day * kDay + hours{12});
    for (int i = 0; i < 100; ++i) ledger.record(live(clock.now(), i < (day < 30 ? 2 : 4)));
    other.record(live(clock.now(), true));  // another campaign never changes these numbers
  }
  clock.advance_to(start + 45 * kDay);
  const auto periods = ledger.legal_periods(clock.now());
  ASSERT_EQ(periods.size(), 2u);
  EXPECT_EQ(periods[0].start, start);
  EXPECT_EQ(periods[0].end, start + 30 * kDay);
  EXPECT_EQ(periods[1].start, start + 30 * kDay);
  EXPECT_EQ(periods[1].end, start + 45 * kDay);
  EXPECT_EQ(periods[0].counts.live_answered, 3000);
  EXPECT_EQ(periods[0].counts.abandoned_total(), 60);
  EXPECT_DOUBLE_EQ(periods[0].rate, 0.02);
  EXPECT_EQ(periods[1].counts.live_answered, 1500);
  EXPECT_DOUBLE_EQ(periods[1].rate, 0.04);
}

TEST(AbandonmentLedgerTest, ABN_06_ShortCampaignIsOnePeriod) {
  const auto start = utc(2026, 1, 1, 0, 0);
  AbandonmentLedger ledger{start, {}};
  ledger.record(live(start + hours{1}));
  EXPECT_EQ(ledger.legal_periods(start + 10 * kDay).size(), 1u);
  EXPECT_EQ(ledger.legal_periods(start + 30 * kDay).size(), 1u);
  EXPECT_EQ(ledger.legal_periods(start + 30 * kDay + seconds{1}).size(), 2u);
}

TEST(AbandonmentLedgerTest, ABN_06_RollingControlWindowsForgetOldCalls) {
  SimulatedClock clock{utc(2026, 1, 1, 0, 0)};
  AbandonmentLedger ledger{clock.now(), {}};
  ledger.record(live(clock.now(), true));
  for (int i = 0; i < 9; ++i) ledger.record(live(clock.now()));
  clock.advance_by(hours{23});
  ledger.advance(clock.now());
  EXPECT_DOUBLE_EQ(ledger.control(1).rate(), 0.1);  // 24 h window
  clock.advance_by(hours{2});
  ledger.advance(clock.now());
  EXPECT_EQ(ledger.control(1).live_answered, 0);
  EXPECT_EQ(ledger.control(0).live_answered, 10);  // still in the 30-day window
  clock.advance_by(30 * kDay);
  ledger.advance(clock.now());
  EXPECT_EQ(ledger.control(0).live_answered, 0);
}

TEST(AbandonmentLedgerTest, ABN_07_ConfirmedFalsePositivesCountAndEstimateIsSeparate) {
  const auto start = utc(2026, 3, 2, 9, 0);
  LedgerConfig cfg;
  cfg.false_positive_estimate = 0.05;
  AbandonmentLedger ledger{start, cfg};
  for (int i = 0; i < 1000; ++i) {
    auto o = live(start + seconds{i});
    if (i < 25) {
      o.abandoned = true;
      o.abandon_reason = AbandonReason::no_agent;
    }
    ledger.record(o);
  }
  std::vector<TimePoint> machines;
  for (int i = 0; i < 104; ++i) {
    CallOutcome m;
    m.at = start + seconds{2000 + i};
    m.amd_machine = true;
    ledger.record(m);
    machines.push_back(m.at);
  }
  // Unanswered and busy calls stay out of the denominator.
  CallOutcome unanswered;
  unanswered.at = start + seconds{3000};
  ledger.record(unanswered);
  for (int i = 0; i < 4; ++i) ledger.confirm_false_positive(machines[static_cast<std::size_t>(i)]);
  const auto p = ledger.legal_periods(start + kDay).at(0);
  EXPECT_EQ(p.counts.attempts_dialed, 1105);
  EXPECT_NEAR(p.rate, 29.0 / 1004.0, 1e-12);
  EXPECT_NEAR(p.rate * 100, 2.89, 0.005);
  EXPECT_DOUBLE_EQ(p.estimated_false_positives, 0.05 * 100);
  EXPECT_NEAR(p.rate_with_estimate, (29.0 + 5.0) / (1004.0 + 5.0), 1e-12);
}

TEST(AbandonmentLedgerTest, ABN_12_UkCalendarDaysRunMidnightToMidnightLondonTime) {
  // Summer: London is UTC+1, so 23:30 UTC on 10 June is already 11 June in London.
  const auto start = utc(2026, 6, 1, 0, 0);
  AbandonmentLedger ledger{start, {}};
  ledger.record(live(utc(2026, 6, 10, 22, 30), true));
  ledger.record(live(utc(2026, 6, 10, 23, 30)));
  const auto days = ledger.uk_days();
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[0].start, utc(2026, 6, 9, 23, 0));
  EXPECT_EQ(days[0].end, utc(2026, 6, 10, 23, 0));
  EXPECT_DOUBLE_EQ(days[0].rate, 1.0);
  EXPECT_DOUBLE_EQ(days[1].rate, 0.0);
}

TEST(AbandonmentMonitorTest, ABN_12_UkProfileAlertsOnEveryAbandonedOrSilentCall) {
  const auto t = utc(2026, 6, 10, 12, 0);
  AbandonmentMonitor monitor;
  GateThresholds uk;
  uk.alert_on_every_abandon = true;
  monitor.add_campaign(CampaignId{2}, t, {}, uk);
  monitor.add_campaign(CampaignId{1}, t, {}, GateThresholds{});
  monitor.record(CampaignId{2}, live(t), t);
  EXPECT_EQ(monitor.gate(CampaignId{2})->abandon_alerts, 0u);
  monitor.record(CampaignId{2}, live(t + std::chrono::minutes{1}, true), t + std::chrono::minutes{1});
  EXPECT_EQ(monitor.gate(CampaignId{2})->abandon_alerts, 1u);
  EXPECT_EQ(monitor.gate(CampaignId{2})->last_abandon_alert, t + std::chrono::minutes{1});
  monitor.confirm_false_positive(CampaignId{2}, t, t + std::chrono::minutes{2});
  EXPECT_EQ(monitor.gate(CampaignId{2})->abandon_alerts, 2u);
  monitor.record(CampaignId{1}, live(t, true), t);  // US profile: the rate decides, no alert
  EXPECT_EQ(monitor.gate(CampaignId{1})->abandon_alerts, 0u);
}

class AbandonmentGateTest : public GateFixture {};

TEST_F(AbandonmentGateTest, ABN_08_CeilingGatesOverDialingUntilBelowReleaseAfterDwell) {
  SimulatedClock clock{local_time("America/New_York", 2026, 6, 10, 10, 0)};
  GateThresholds th;
  th.ceiling = 0.03;
  th.release = 0.025;
  th.min_dwell = minutes{15};
  LedgerConfig lc;
  lc.control_windows = {hours{1}};
  monitor_.add_campaign(kUs, clock.now(), lc, th);
  for (int i = 0; i < 100; ++i) monitor_.record(kUs, live(clock.now(), i >= 98), clock.now());
  EXPECT_TRUE(decide(request("+12125550123", clock.now())).allowed());
  monitor_.record(kUs, live(clock.now(), true), clock.now());  // 3 / 101: below 3 %
  monitor_.record(kUs, live(clock.now(), true), clock.now());  // 4 / 102 = 3.9 %: gated
  auto d = decide(request("+12125550124", clock.now()));
  EXPECT_EQ(d.verdict, Verdict::defer);
  EXPECT_EQ(d.reason, DecisionReason::abandon_cap_gated);
  EXPECT_EQ(d.until, clock.now() + th.recheck);
  // Guaranteed-agent dials pass: progressive 1:1 or preview with a reserved free agent.
  EXPECT_TRUE(
      decide(request("+12125550125", clock.now(), kUs, DialKind::progressive, true)).allowed());
  // Plenty of clean calls bring the rate under the release threshold, but not before the dwell.
  clock.advance_by(minutes{5});
  for (int i = 0; i < 200; ++i) monitor_.record(kUs, live(clock.now()), clock.now());
  EXPECT_TRUE(monitor_.gated(kUs));
  clock.advance_by(minutes{11});
  monitor_.tick(clock.now());
  EXPECT_FALSE(monitor_.gated(kUs));
  EXPECT_TRUE(decide(request("+12125550126", clock.now())).allowed());
  ASSERT_EQ(monitor_.gate(kUs)->gated_intervals.size(), 1u);
  EXPECT_EQ(gate_->count(DecisionReason::abandon_cap_gated), 1u);
}

TEST_F(AbandonmentGateTest, ABN_08_HysteresisHoldsBetweenReleaseAndCeiling) {
  SimulatedClock clock{local_time("America/New_York", 2026, 6, 10, 10, 0)};
  GateThresholds th;
  th.min_dwell = minutes{0};
  monitor_.add_campaign(kUs, clock.now(), {}, th);
  for (int i = 0; i < 97; ++i) monitor_.record(kUs, live(clock.now()), clock.now());
  for (int i = 0; i < 3; ++i) monitor_.record(kUs, live(clock.now(), true), clock.now());
  EXPECT_TRUE(monitor_.gated(kUs));  // 3.0 % reaches the ceiling
  for (int i = 0; i < 10; ++i) monitor_.record(kUs, live(clock.now()), clock.now());
  EXPECT_TRUE(monitor_.gated(kUs));  // 2.7 %: below the ceiling, above the release threshold
  for (int i = 0; i < 20; ++i) monitor_.record(kUs, live(clock.now()), clock.now());
  EXPECT_FALSE(monitor_.gated(kUs));  // 2.3 %
}

}  // namespace
}  // namespace dialer::compliance::testing
