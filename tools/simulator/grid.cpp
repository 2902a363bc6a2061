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
  double compliant = 0;  // predictive talk minus the best baseline within the limit, in points
  double all = 0;        // the same against every baseline, compliant or not
  bool beats_all = true;
};

Margin margin_of(const ScenarioReport& r, double limit) {
  Margin m;
  const auto* ours = find(r, "predictive");
  if (ours == nullptr) return {0, 0, false};
  double best = -1, best_compliant = -1;
  for (const auto& p : r.policies) {
    if (p.name == "predictive") continue;
    best = std::max(best, p.talk_fraction);
    if (p.abandon_rate_max_period <= limit)
      best_compliant = std::max(best_compliant, p.talk_fraction);
    if (p.talk_fraction >= ours->talk_fraction) m.beats_all = false;
  }
  m.all = best < 0 ? 0 : 100 * (ours->talk_fraction - best);
  m.compliant = best_compliant < 0 ? 0 : 100 * (ours->talk_fraction - best_compliant);
  return m;
}

std::string row(const ScenarioReport& r, double limit, const std::string& lead) {
  const auto* ours = find(r, "predictive");
  const Margin m = margin_of(r, limit);
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
  s += fmt(" %+.1f | %+.1f%s |", m.compliant, m.all, m.beats_all ? "" : " (not beaten)");
  return s;
}

}  // namespace

std::string grid_cell_header(double talk_ceiling) {
  std::string out =
      fmt("Talk-time ceiling of the grid's model: %.1f %%. Cells: talk %% of logged-in "
          "time; abandon %% = dropped / live-answered, worst legal 30-day period over "
          "all seeds / worst day / mean day. Baselines: talk %% (worst 30-day abandon "
          "%%), * = above 3 %%.\n\n",
          100 * talk_ceiling);
  out +=
      "| live p | agents | predictive talk % | of ceiling | predictive abandon % (30-d max / day "
      "max / day mean) | "
      "progressive | best fixed ratio | VICIdial ADAPT_HARD_LIMIT | VICIdial ADAPT_TAPERED | "
      "margin over best compliant baseline (pp) | margin over every baseline (pp) |\n";
  out += "|---|---|---|---|---|---|---|---|---|---|---|\n";
  return out;
}

std::string grid_cell_line(const ScenarioReport& r, double rate, double talk_ceiling) {
  const auto* ours = find(r, "predictive");
  const double share = ours != nullptr ? ours->talk_fraction / talk_ceiling : 0;
  const std::string lead = fmt("| %.2f | %d |", rate, r.agents);
  std::string line = row(r, 0.03, lead);
  const auto first_bar = line.find('|', lead.size());  // after the predictive talk figure
  line.insert(first_bar + 1, fmt(" %.1f %% |", 100 * share));
  return line + "\n";
}

std::string untuned_header() {
  return "| scenario | agents | predictive talk % | predictive abandon % (30-d max / day max / day "
         "mean) | "
         "progressive | best fixed ratio | VICIdial ADAPT_HARD_LIMIT | VICIdial ADAPT_TAPERED | "
         "margin over best compliant baseline (pp) | margin over every baseline (pp) |\n"
         "|---|---|---|---|---|---|---|---|---|---|\n";
}

std::string untuned_line(const ScenarioReport& r) {
  return row(r, 0.03, fmt("| %s | %d |", r.scenario.c_str(), r.agents)) + "\n";
}

GridResult run_grid(const GridOptions& o) {
  GridResult result;
  const double talk = o.base.talk.mean(), wrap = o.base.wrap.mean();
  result.talk_ceiling = talk / (talk + wrap);
  if (o.on_line && !o.live_rates.empty()) o.on_line(grid_cell_header(result.talk_ceiling));
  std::vector<std::pair<double, int>> cells;
  for (double rate : o.live_rates) {
    for (int n : o.team_sizes) cells.emplace_back(rate, n);
  }
  if (o.teams_outer) {
    cells.clear();
    for (int n : o.team_sizes) {
      for (double rate : o.live_rates) cells.emplace_back(rate, n);
    }
  }
  {
    for (const auto& [rate, n] : cells) {
      Scenario s = o.base;
      s.name = fmt("p%.2f_n%d", rate, n);
      s.live_answer_rate = {{0.0, rate}};
      s.agents = {AgentGroup{n, 0, -1, {}}};
      s.days = o.days;
      s.seeds = o.seeds;
      if (o.progress) o.progress(s.name);
      result.cells.push_back(run_scenario(s, o.run));
      result.cell_rates.push_back(rate);
      if (o.on_line) o.on_line(grid_cell_line(result.cells.back(), rate, result.talk_ceiling));
    }
  }
  if (o.on_line && !o.untuned.empty()) o.on_line("\n" + untuned_header());
  for (Scenario s : o.untuned) {
    s.days = o.days;
    s.seeds = o.seeds;
    if (o.progress) o.progress(s.name);
    result.untuned.push_back(run_scenario(s, o.run));
    if (o.on_line) o.on_line(untuned_line(result.untuned.back()));
  }
  return result;
}

std::string grid_markdown(const GridResult& g) {
  std::string out = grid_cell_header(g.talk_ceiling);
  for (std::size_t i = 0; i < g.cells.size(); ++i) {
    out += grid_cell_line(g.cells[i], g.cell_rates[i], g.talk_ceiling);
  }
  if (!g.untuned.empty()) {
    out += "\nScenarios the pacer was not tuned on:\n\n" + untuned_header();
    for (const auto& r : g.untuned) out += untuned_line(r);
  }
  return out;
}

}  // namespace dialer::sim
