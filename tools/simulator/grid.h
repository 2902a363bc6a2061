// Benchmark grid of the pacing issue: live-answer rate x team size cells built from one base
// scenario, plus scenarios the pacer was not tuned on, rendered as the markdown table recorded in
// docs/benchmarks.md. Runs on the caller's thread plus `jobs - 1` workers.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "tools/simulator/runner.h"

namespace dialer::sim {

struct GridOptions {
  Scenario base;  // distributions, abandon rule and policies shared by every cell
  std::vector<double> live_rates{0.15, 0.25, 0.35};
  std::vector<int> team_sizes{5, 10, 25, 50, 100};
  std::vector<Scenario> untuned;  // run as they are (days and seeds overridden if set)
  int days = 30;
  int seeds = 5;
  RunOptions run;
  std::function<void(const std::string&)> progress;  // told when each scenario starts
};

struct GridResult {
  std::vector<ScenarioReport> cells;
  std::vector<double> cell_rates;
  std::vector<ScenarioReport> untuned;
  double talk_ceiling = 0;  // mean talk / (mean talk + mean wrap) of the base scenario
};

GridResult run_grid(const GridOptions& options);
std::string grid_markdown(const GridResult& result);

}  // namespace dialer::sim
