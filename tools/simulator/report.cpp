// Text and JSON renderings of simulation reports.
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "tools/simulator/runner.h"

namespace dialer::sim {
namespace {

std::string line(const char* fmt, auto... args) {
  char buf[512];
  std::snprintf(buf, sizeof buf, fmt, args...);
  return buf;
}

}  // namespace

std::string format_text(const ScenarioReport& r) {
  std::string out = line("scenario %s: %d agents, %d days, %d seeds\n", r.scenario.c_str(),
                         r.agents, r.days, r.seeds);
  out += line("%-26s %6s %7s %8s %8s %8s %8s %6s %6s %6s %6s %6s %6s\n", "policy", "ratio", "talk%",
              "abnPmax%", "abnPavg%", "abnDmax%", "abnDavg%", "idle%", "w50s", "w95s", "w99s",
              "c/agh", "lines");
  for (const auto& p : r.policies) {
    out += line("%-26s %6.2f %7.2f %8.2f %8.2f %8.2f %8.2f %6.2f %6.2f %6.2f %6.2f %6.1f %6.2f\n",
                p.name.c_str(), p.ratio, 100 * p.talk_fraction, 100 * p.abandon_rate_max_period,
                100 * p.abandon_rate_mean_period, 100 * p.abandon_rate_max_day,
                100 * p.abandon_rate_mean_day, 100 * p.idle_fraction, p.wait_p50_s, p.wait_p95_s,
                p.wait_p99_s, p.calls_per_agent_hour, p.lines_per_agent);
  }
  return out;
}

std::string format_json(const std::vector<ScenarioReport>& reports) {
  nlohmann::json scenarios = nlohmann::json::array();
  for (const auto& r : reports) {
    nlohmann::json policies = nlohmann::json::array();
    for (const auto& p : r.policies) {
      policies.push_back({{"name", p.name},
                          {"ratio", p.ratio},
                          {"talk_fraction", p.talk_fraction},
                          {"talk_fraction_min_seed", p.talk_fraction_min_seed},
                          {"idle_fraction", p.idle_fraction},
                          {"abandon_rate_max_period", p.abandon_rate_max_period},
                          {"abandon_rate_mean_period", p.abandon_rate_mean_period},
                          {"abandon_rate_max_day", p.abandon_rate_max_day},
                          {"abandon_rate_mean_day", p.abandon_rate_mean_day},
                          {"wait_p50_s", p.wait_p50_s},
                          {"wait_p95_s", p.wait_p95_s},
                          {"wait_p99_s", p.wait_p99_s},
                          {"calls_per_agent_hour", p.calls_per_agent_hour},
                          {"lines_per_agent", p.lines_per_agent},
                          {"dials", p.dials},
                          {"live_answers", p.live},
                          {"drops", p.drops},
                          {"wall_seconds", p.wall_seconds}});
    }
    scenarios.push_back({{"scenario", r.scenario},
                         {"agents", r.agents},
                         {"days", r.days},
                         {"seeds", r.seeds},
                         {"policies", policies}});
  }
  // A single scenario prints as {"policies": [...]} so that scripts read it directly.
  if (scenarios.size() == 1) return scenarios[0].dump(2) + "\n";
  return nlohmann::json{{"scenarios", scenarios}}.dump(2) + "\n";
}

}  // namespace dialer::sim
