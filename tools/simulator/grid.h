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
  bool teams_outer = false;       // iterate team sizes in the outer loop (in the given order)
  std::vector<Scenario> untuned;  // run as they are (days and seeds overridden if set)
  int days = 30;
  int seeds = 5;
  RunOptions run;
  std::function<void(const std::string&)> progress;  // told when each scenario starts
  // Told each finished table line (markdown), so that a long run shows results as it goes.
  std::function<void(const std::string&)> on_line;
};

struct GridResult {
  std::vector<ScenarioReport> cells;
  std::vector<double> cell_rates;
  std::vector<ScenarioReport> untuned;
  double talk_ceiling = 0;  // mean talk / (mean talk + mean wrap) of the base scenario
};

GridResult run_grid(const GridOptions& options);
std::string grid_markdown(const GridResult& result);
std::string grid_cell_header(double talk_ceiling);
std::string grid_cell_line(const ScenarioReport& r, double rate, double talk_ceiling);
std::string untuned_header();
std::string untuned_line(const ScenarioReport& r);

}  // namespace dialer::sim
