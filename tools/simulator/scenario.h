// Scenario of the campaign simulator: agents and their schedules, the network's answer and
// no-answer behaviour, AMD accuracy, talk and wrap distributions, leads, days, seeds, policies.
// Parsed from YAML here (tools/ may use yaml-cpp; the pure core never sees YAML).
// Value type; every field is validated by parse_scenario().
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "dialer/common/random.h"
#include "dialer/common/result.h"

namespace dialer::sim {

// A duration distribution in seconds.
struct Distribution {
  enum class Kind { fixed, uniform, exponential, lognormal };
  Kind kind = Kind::fixed;
  double a = 0;  // fixed: value; uniform: min; exponential/lognormal: mean
  double b = 0;  // uniform: max; lognormal: sd
  [[nodiscard]] double sample(Random& rng) const;
  [[nodiscard]] double mean() const;
};

// One group of agents sharing a schedule; hours are counted from the start of the working day.
struct AgentGroup {
  int count = 1;
  double login_hour = 0;
  double logout_hour = -1;                        // negative: end of the day
  std::vector<std::pair<double, double>> pauses;  // [start hour, end hour)
};

struct AmdModel {
  double machine_share = 0;  // share of not-live outcomes that are answering machines
  double accuracy = 1.0;     // P(correct verdict) for humans and machines alike
  double machine_talk = 4;   // seconds an agent spends on a machine that reached them
};

// The compliance side of a simulated campaign: whether the real dial gate judges every dial, the
// calendar the simulated days fall on (calling windows depend on the date and the called party's
// local time) and the numbers of the lead list (their area codes place them in time zones).
struct ComplianceSetup {
  bool real_gate = true;  // false: every dial allowed (no compliance code)
  int start_year = 2026, start_month = 6, start_day = 1;  // first simulated day (a Monday)
  std::string timezone = "America/New_York";  // the call centre's clock: day_start_hour is local
  std::vector<int> lead_area_codes{212, 404, 312, 615};  // NY, GA (Eastern), IL, TN (Central)
  std::int64_t lead_pool = 200'000;  // distinct numbers, dialled in turn; each pass a new list
  std::string data_dir;              // compliance tables; empty: this tree's compliance/data
};

struct Scenario {
  std::string name = "scenario";
  std::vector<AgentGroup> agents{AgentGroup{10, 0, -1, {}}};
  double hours_per_day = 8;
  int day_start_hour = 9;  // local time of the start of each day (VICIdial's tapering uses it)
  int days = 1;
  int seeds = 1;
  std::uint64_t seed_base = 1;
  std::vector<std::pair<double, double>> live_answer_rate{{0.0, 0.25}};  // [hour, rate] steps
  Distribution time_to_answer{Distribution::Kind::uniform, 3, 18};
  Distribution no_answer_time{Distribution::Kind::uniform, 5, 30};
  Distribution talk{Distribution::Kind::exponential, 120, 0};
  Distribution wrap{Distribution::Kind::fixed, 15, 0};
  AmdModel amd;
  double abandon_after = 2;      // seconds an answered call may wait for an agent
  double abandon_target = 0.03;  // pass mark and best-ratio bisection limit
  double pacer_target = 0.025;   // predictive pacer's operating target
  double max_lines_per_agent = 3.0;
  double max_calls_per_second = 0;
  int trunk_channels = 0;
  std::int64_t leads_per_day = 0;   // 0: unlimited
  int vicidial_latest_hhmm = 2100;  // VICIdial's adaptive_latest_server_time (its default)
  ComplianceSetup compliance;
  std::vector<std::string> policies{"predictive", "progressive", "best_ratio",
                                    "vicidial_adapt_hard_limit", "vicidial_adapt_tapered"};

  [[nodiscard]] int total_agents() const;
  [[nodiscard]] double live_rate_at(double hour) const;
};

Result<Scenario> parse_scenario_yaml(const std::string& text, const std::string& origin);
Result<Scenario> load_scenario_file(const std::string& path);
Status validate(const Scenario& s);

}  // namespace dialer::sim
