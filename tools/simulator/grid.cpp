#include "tools/simulator/grid.h"

#include <algorithm>
#include <cstdio>

namespace dialer::sim {
namespace {

std::string fmt(const char* f, auto... args) {
  char buf[256];
  std::snprintf(buf, sizeof buf, f, args...);
  return buf;
}

const PolicyReport* find(const ScenarioReport& r, const std::string& name) {
  for (const auto& p : r.policies) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

// "talk% (worst 30-day abandon%)", starred when the abandon limit is broken.
std::string baseline_cell(const PolicyReport* p, double limit, bool show_ratio) {
  if (p == nullptr) return "-";
  std::string s = fmt("%.1f (%.2f%s)", 100 * p->talk_fraction, 100 * p->abandon_rate_max_period,
                      p->abandon_rate_max_period > limit ? "*" : "");
  if (show_ratio) s += fmt(" L=%.2f", p->ratio);
  return s;
}

struct Margin {
  double points = 0;  // predictive talk minus the best baseline's, percentage points
  bool beats_all = true;
};

Margin margin_of(const ScenarioReport& r) {
  Margin m;
  const auto* ours = find(r, "predictive");
  if (ours == nullptr) return {0, false};
  double best = -1;
  for (const auto& p : r.policies) {
    if (p.name == "predictive") continue;
    best = std::max(best, p.talk_fraction);
    if (p.talk_fraction >= ours->talk_fraction) m.beats_all = false;
  }
  m.points = best < 0 ? 0 : 100 * (ours->talk_fraction - best);
  return m;
}

std::string row(const ScenarioReport& r, double limit, const std::string& lead) {
  const auto* ours = find(r, "predictive");
  const Margin m = margin_of(r);
  std::string s = lead;
  if (ours != nullptr) {
    s += fmt(" %.1f | %.2f / %.2f / %.2f |", 100 * ours->talk_fraction,
             100 * ours->abandon_rate_max_period, 100 * ours->abandon_rate_max_day,
             100 * ours->abandon_rate_mean_day);
  } else {
    s += " - | - |";
  }
  s += " " + baseline_cell(find(r, "progressive"), limit, false) + " |";
  s += " " + baseline_cell(find(r, "best_ratio"), limit, true) + " |";
  s += " " + baseline_cell(find(r, "vicidial_adapt_hard_limit"), limit, false) + " |";
  s += " " + baseline_cell(find(r, "vicidial_adapt_tapered"), limit, false) + " |";
  s += fmt(" %+.1f%s |", m.points, m.beats_all ? "" : " (not all)");
  return s;
}

}  // namespace

GridResult run_grid(const GridOptions& o) {
  GridResult result;
  const double talk = o.base.talk.mean(), wrap = o.base.wrap.mean();
  result.talk_ceiling = talk / (talk + wrap);
  for (double rate : o.live_rates) {
    for (int n : o.team_sizes) {
      Scenario s = o.base;
      s.name = fmt("p%.2f_n%d", rate, n);
      s.live_answer_rate = {{0.0, rate}};
      s.agents = {AgentGroup{n, 0, -1, {}}};
      s.days = o.days;
      s.seeds = o.seeds;
      if (o.progress) o.progress(s.name);
      result.cells.push_back(run_scenario(s, o.run));
      result.cell_rates.push_back(rate);
    }
  }
  for (Scenario s : o.untuned) {
    s.days = o.days;
    s.seeds = o.seeds;
    if (o.progress) o.progress(s.name);
    result.untuned.push_back(run_scenario(s, o.run));
  }
  return result;
}

std::string grid_markdown(const GridResult& g) {
  const double limit = 0.03;
  std::string out = fmt("Talk-time ceiling of the grid's model: %.1f %%. Cells: talk %% of logged-in "
                        "time; abandon %% = dropped / live-answered, worst legal 30-day period over "
                        "all seeds / worst day / mean day. Baselines: talk %% (worst 30-day abandon "
                        "%%), * = above 3 %%.\n\n",
                        100 * g.talk_ceiling);
  out += "| live p | agents | predictive talk % | of ceiling | predictive abandon % (30-d max / day max / day mean) | "
         "progressive | best fixed ratio | VICIdial ADAPT_HARD_LIMIT | VICIdial ADAPT_TAPERED | "
         "margin over best baseline (pp) |\n";
  out += "|---|---|---|---|---|---|---|---|---|---|\n";
  for (std::size_t i = 0; i < g.cells.size(); ++i) {
    const auto& r = g.cells[i];
    const auto* ours = find(r, "predictive");
    const double share = ours != nullptr ? ours->talk_fraction / g.talk_ceiling : 0;
    std::string lead = fmt("| %.2f | %d |", g.cell_rates[i], r.agents);
    std::string line = row(r, limit, lead);
    // Insert the "of ceiling" column after the predictive talk figure.
    const auto first_bar = line.find('|', lead.size());
    line.insert(first_bar + 1, fmt(" %.1f %% |", 100 * share));
    out += line + "\n";
  }
  if (!g.untuned.empty()) {
    out += "\nScenarios the pacer was not tuned on:\n\n";
    out += "| scenario | agents | predictive talk % | predictive abandon % (30-d max / day max / day mean) | "
           "progressive | best fixed ratio | VICIdial ADAPT_HARD_LIMIT | VICIdial ADAPT_TAPERED | "
           "margin over best baseline (pp) |\n";
    out += "|---|---|---|---|---|---|---|---|---|\n";
    for (const auto& r : g.untuned) {
      out += row(r, limit, fmt("| %s | %d |", r.scenario.c_str(), r.agents)) + "\n";
    }
  }
  return out;
}

}  // namespace dialer::sim
