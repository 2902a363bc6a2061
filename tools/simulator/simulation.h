// Discrete-event campaign simulation on the SimulatedClock: simulated network and agents drive the
// real pacer (dialer/pacing) and the real ACD (dialer/acd). One Simulation = one policy, one seed,
// all the scenario's days in sequence (the pacer keeps what it learnt from one day to the next).
// Common random numbers: the n-th dial of a day meets the same pre-drawn fate under every policy.
// Single-threaded; separate Simulation objects may run on separate threads.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "campaigns/campaign.h"
#include "dialer/pacing/pacer.h"
#include "tools/simulator/compliance_harness.h"
#include "tools/simulator/compliance_ports.h"
#include "tools/simulator/scenario.h"

namespace dialer::sim {

struct DayStats {
  double logged_in_s = 0;  // agent-seconds logged in (paused included)
  double talk_s = 0;       // agent-seconds talking to a live person
  double ready_s = 0;      // agent-seconds idle and available
  double wrap_s = 0;
  double paused_s = 0;
  double lines_s = 0;         // integral of calls up (ringing + waiting + with an agent)
  double active_agent_s = 0;  // integral of ready + talking + wrap agents
  std::int64_t dials = 0;
  std::int64_t live = 0;  // live humans answered (connected + abandoned + amd_dropped)
  std::int64_t connected = 0;
  std::int64_t abandoned = 0;
  std::int64_t amd_dropped = 0;
  std::int64_t machine_to_agent = 0;
  std::int64_t gate_refusals = 0;

  [[nodiscard]] std::int64_t drops() const { return abandoned + amd_dropped; }
};

// Connected-call waits (answer to agent) on 10 ms bins.
class WaitHistogram {
 public:
  void add(Duration wait);
  void merge(const WaitHistogram& other);
  [[nodiscard]] double quantile_seconds(double q) const;
  [[nodiscard]] std::uint64_t count() const { return count_; }

 private:
  std::vector<std::uint64_t> bins_ = std::vector<std::uint64_t>(12'000, 0);
  std::uint64_t count_ = 0;
};

struct RunResult {
  std::vector<DayStats> days;
  WaitHistogram waits;
  pacing::ReasonCounters reasons;
};

struct PolicySpec {
  std::string name;  // predictive, progressive, ratio, vicidial_adapt_hard_limit, ...
  double ratio = 1.0;
};

// The campaign a scenario describes (dial mode from the policy, targets and caps from the
// scenario).
Campaign campaign_for(const Scenario& s, DialMode mode);
std::unique_ptr<pacing::Pacer> make_pacer(const Scenario& s, const PolicySpec& policy);

// Told every pacing decision with its inputs (e.g. to print the pacer's debug log).
class DecisionObserver {
 public:
  virtual ~DecisionObserver() = default;
  virtual void on_decision(const pacing::PacingInputs& in, const pacing::PacingDecision& d) = 0;
};

// Runs every day of the scenario for one policy and one seed.
RunResult simulate(const Scenario& s, const PolicySpec& policy, std::uint64_t seed,
                   DialGatePort& gate, OutcomeSink& sink, DecisionObserver* observer = nullptr);
// Same, through the real compliance gate unless the scenario says `compliance: {gate: allow_all}`.
RunResult simulate(const Scenario& s, const PolicySpec& policy, std::uint64_t seed);
// One policy and one seed with every call's record written ahead, completed and sealed through
// the compliance module into `recording` (a database's repositories); fails on the first write
// error.
Result<RunResult> simulate_recorded(const Scenario& s, const PolicySpec& policy, std::uint64_t seed,
                                    const Recording& recording);

}  // namespace dialer::sim
