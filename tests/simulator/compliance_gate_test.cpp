// The simulator drives the real compliance gate: calling windows in the leads' own time zones,
// frequency caps and the abandonment gate with its hysteresis refuse or hold simulated dials.
#include <gtest/gtest.h>

#include "tools/simulator/compliance_harness.h"
#include "tools/simulator/sim_calendar.h"
#include "tools/simulator/simulation.h"

namespace dialer::sim {
namespace {

using compliance::DecisionReason;

Scenario one_day(int agents, double hours) {
  Scenario s;
  s.agents = {AgentGroup{agents, 0, -1, {}}};
  s.hours_per_day = hours;
  s.live_answer_rate = {{0.0, 0.25}};
  return s;
}

// Records when the first and last calls of the run were dialled.
class DialTimes final : public OutcomeSink {
 public:
  void record(const SimCallRecord& r) override {
    first = std::min(first, r.dialed);
    ++calls;
  }
  TimePoint first = TimePoint::max();
  int calls = 0;
};

// The harness with a sink that also watches the calls go by.
class WatchedHarness final : public DialGatePort, public OutcomeSink {
 public:
  WatchedHarness(const Scenario& s, const PolicySpec& p)
      : harness_(campaign_for(s, DialMode::predictive), SimCalendar::make(s).value().day_start(0),
                 shared_compliance_tables(default_compliance_data_dir()).value()) {
    (void)p;
  }
  GateReply ask(const DialRequest& r) override {
    const auto a = harness_.ask(r);
    if (a.answer == GateAnswer::dial && r.agent_reserved) ++reserved_dials;
    if (a.answer == GateAnswer::hold) ++holds;
    return a;
  }
  void start_day(TimePoint t) override { harness_.start_day(t); }
  void record(const SimCallRecord& r) override {
    harness_.record(r);
    times.record(r);
  }
  ComplianceHarness harness_;
  DialTimes times;
  int reserved_dials = 0;
  int holds = 0;
};

RunResult run(const Scenario& s, const PolicySpec& p, WatchedHarness& h) {
  return simulate(s, p, 7, h, h);
}

TEST(SimulatedComplianceTest, LeadsAreNotCalledBeforeTheirLocalWindowOpens) {
  Scenario s = one_day(5, 3);
  s.day_start_hour = 7;  // 07:00 in New York: the federal window opens at 08:00 local
  s.compliance.lead_area_codes = {212};
  WatchedHarness h(s, PolicySpec{"progressive"});
  const auto r = run(s, PolicySpec{"progressive"}, h);
  const TimePoint opens = SimCalendar::make(s).value().day_start(0) + std::chrono::hours{1};
  EXPECT_GE(h.times.first, opens);
  EXPECT_GT(h.harness_.gate().count(DecisionReason::outside_window), 0u);
  EXPECT_GT(r.days[0].gate_refusals, 0);
  EXPECT_GT(r.days[0].dials, 100);  // and dialled once it opened
}

TEST(SimulatedComplianceTest, PacificLeadsWaitWhileEasternLeadsAreCalled) {
  Scenario s = one_day(5, 1);
  s.day_start_hour = 9;  // 06:00 in Los Angeles
  s.compliance.lead_area_codes = {212, 415};
  WatchedHarness h(s, PolicySpec{"progressive"});
  const auto r = run(s, PolicySpec{"progressive"}, h);
  EXPECT_GT(r.days[0].dials, 50);
  // Every other lead is in California: refused, skipped, and the New York ones dialled.
  EXPECT_NEAR(static_cast<double>(r.days[0].gate_refusals), r.days[0].dials, 2.0);
}

TEST(SimulatedComplianceTest, FrequencyCapsRefuseASmallListCalledOverAndOver) {
  Scenario s = one_day(5, 2);
  s.compliance.lead_pool = 40;  // each number comes round again within minutes
  WatchedHarness h(s, PolicySpec{"progressive"});
  const auto r = run(s, PolicySpec{"progressive"}, h);
  EXPECT_GT(h.harness_.gate().count(DecisionReason::freq_cap_campaign_24h), 0u);
  EXPECT_LE(r.days[0].dials, 40 * 3);  // the campaign's 3 attempts per number per day
}

TEST(SimulatedComplianceTest, ARecycledListKeepsBeingDialledDayAfterDay) {
  Scenario s = one_day(10, 2);
  s.days = 4;
  s.compliance.lead_pool = 300;  // two passes a day: 5 attempts per lead would end by day 3
  WatchedHarness h(s, PolicySpec{"progressive"});
  const auto r = run(s, PolicySpec{"progressive"}, h);
  // Passes are new lists: the lifetime cap (5 attempts) never ends the campaign.
  EXPECT_GT(r.days[3].dials, 0.8 * r.days[0].dials);
  EXPECT_EQ(h.harness_.gate().count(DecisionReason::freq_cap_lead_lifetime), 0u);
}

TEST(SimulatedComplianceTest, AbandonmentGateHoldsAnOverDiallingPolicy) {
  Scenario s = one_day(10, 4);
  const PolicySpec over{"ratio", 3.0};  // far too many lines: abandons a large share
  Scenario open = s;
  open.compliance.real_gate = false;
  const auto ungated = simulate(open, over, 7);
  WatchedHarness h(s, over);
  const auto gated = run(s, over, h);
  const auto rate = [](const RunResult& r) {
    return static_cast<double>(r.days[0].drops()) / static_cast<double>(r.days[0].live);
  };
  EXPECT_GT(rate(ungated), 0.10);
  EXPECT_LT(rate(gated), 0.5 * rate(ungated));
  EXPECT_GT(h.harness_.gate().count(DecisionReason::abandon_cap_gated), 0u);
  EXPECT_TRUE(h.harness_.monitor().gated(CampaignId{1}) ||
              !h.harness_.monitor().gate(CampaignId{1})->gated_intervals.empty());
  EXPECT_GT(h.reserved_dials, 0);  // only calls with a free agent passed while it was closed
  // A deferred campaign is not asked again before the gate's recheck time (30 s): at most one
  // hold per recheck interval of the 4-hour day.
  EXPECT_GT(h.holds, 0);
  EXPECT_LE(h.holds, 4 * 3600 / 30 + 1);
}

TEST(SimulatedComplianceTest, TheLedgerCountsWhatTheSimulatorMeasured) {
  Scenario s = one_day(20, 2);
  WatchedHarness h(s, PolicySpec{"predictive"});
  const auto r = run(s, PolicySpec{"predictive"}, h);
  const auto* ledger = h.harness_.monitor().ledger(CampaignId{1});
  ASSERT_NE(ledger, nullptr);
  const auto periods = ledger->legal_periods(SimCalendar::make(s).value().day_start(1));
  ASSERT_FALSE(periods.empty());
  EXPECT_EQ(periods.back().counts.live_answered, r.days[0].live);
  EXPECT_EQ(periods.back().counts.abandoned_total(), r.days[0].abandoned);
}

TEST(SimCalendarTest, DaysStartAtTheLocalHourOnConsecutiveDates) {
  Scenario s;
  s.day_start_hour = 9;
  const auto cal = SimCalendar::make(s).value();
  EXPECT_EQ(format_utc(cal.day_start(0)), "2026-06-01T13:00:00.000Z");  // EDT is UTC-4
  EXPECT_EQ(cal.day_start(1) - cal.day_start(0), std::chrono::hours{24});
  EXPECT_EQ(cal.utc_offset(0), std::chrono::hours{-4});
  s.compliance.timezone = "Mars/Olympus";
  EXPECT_FALSE(SimCalendar::make(s).ok());
}

TEST(SimCalendarTest, LeadNumbersAreDistinctNanpNumbersOfTheGivenAreaCodes) {
  ComplianceSetup c;
  c.lead_area_codes = {212, 312};
  EXPECT_EQ(lead_number(c, 0), "+12122000000");
  EXPECT_EQ(lead_number(c, 1), "+13122000000");
  EXPECT_EQ(lead_number(c, 2), "+12122000001");
  EXPECT_EQ(lead_number(c, 2 * 7'999'999 + 1), "+13129999999");
}

}  // namespace
}  // namespace dialer::sim
