// Wall time of one simulated 8-hour day with 100 agents (live-answer rate 0.15, 0.25, 0.35;
// exponential talk 120 s, fixed wrap 15 s), per policy, in wall and process CPU time (CPU time
// is the fairer figure when other jobs share the cores), through the real compliance gate
// ("gate") and without it ("allow_all"). Usage: pacing_sim_bench [days]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

#include "tools/simulator/simulation.h"

int main(int argc, char** argv) {
  using namespace dialer::sim;
  const int days = argc > 1 ? std::atoi(argv[1]) : 5;
  for (double p : {0.15, 0.25, 0.35}) {
    Scenario s;
    s.agents = {AgentGroup{100, 0, -1, {}}};
    s.days = days;
    s.live_answer_rate = {{0.0, p}};
    for (const char* policy : {"predictive", "progressive", "ratio", "vicidial_adapt_hard_limit"}) {
      for (bool real_gate : {true, false}) {
        s.compliance.real_gate = real_gate;
        const auto t0 = std::chrono::steady_clock::now();
        const std::clock_t c0 = std::clock();
        const auto r = simulate(s, PolicySpec{policy, 1.3}, 1);
        const double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
        long long dials = 0;
        for (const auto& d : r.days) dials += d.dials;
        std::printf(
            "p=%.2f %-26s %-9s wall %.3f s, cpu %.3f s per 8-hour 100-agent day (%lld dials/day)\n",
            p, policy, real_gate ? "gate" : "allow_all", wall / days, cpu / days, dials / days);
      }
    }
  }
  return 0;
}
