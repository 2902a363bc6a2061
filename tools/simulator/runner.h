// Runs a scenario under each of its policies on the same random streams (common random numbers)
// and reduces the per-seed, per-day statistics to one report line per policy. The best fixed
// ratio is found by bisection so that abandonment stays within the scenario's limit in every
// period of every seed. Seeds may run on several threads (`jobs`); results do not depend on it.
#pragma once

#include <string>
#include <vector>

#include "tools/simulator/simulation.h"

namespace dialer::sim {

struct PolicyReport {
  std::string name;
  double ratio = 0;          // best_ratio / ratio:X only
  double talk_fraction = 0;  // talk time / logged-in agent time
  double talk_fraction_min_seed = 0;
  double idle_fraction = 0;            // ready (idle) time / logged-in agent time
  double abandon_rate_max_period = 0;  // worst legal 30-day period over all seeds
  double abandon_rate_mean_period = 0;
  double abandon_rate_max_day = 0;
  double abandon_rate_mean_day = 0;
  double wait_p50_s = 0, wait_p95_s = 0, wait_p99_s = 0;  // answer to agent, connected calls
  double calls_per_agent_hour = 0;                        // dials per logged-in agent hour
  double lines_per_agent = 0;                             // time-averaged calls up per active agent
  std::int64_t dials = 0, live = 0, drops = 0;
  double wall_seconds = 0;
};

struct ScenarioReport {
  std::string scenario;
  int agents = 0;
  int days = 0;
  int seeds = 0;
  std::vector<PolicyReport> policies;
};

struct RunOptions {
  int jobs = 1;
  int bisection_steps = 5;
  int search_seeds = 2;  // seeds used while bisecting the best ratio (all seeds verify the winner)
};

PolicyReport summarise(const std::string& name, const std::vector<RunResult>& runs,
                       int period_days);
ScenarioReport run_scenario(const Scenario& s, const RunOptions& options);

std::string format_text(const ScenarioReport& r);
std::string format_json(const std::vector<ScenarioReport>& reports);

}  // namespace dialer::sim
