// `dialerctl simulate SCENARIO.yaml [--json]`: runs a scenario under each of its policies and
// prints one line per policy. With `--db URL --signing-key PEM` it runs the first policy on the
// first seed and writes every simulated call's record through the compliance module into that
// database (then `dialerctl export` and `export verify` work on it as on a real campaign).
// `dialerctl simulate-grid`: the pacing benchmark grid as markdown.
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "tools/dialerctl/command.h"
#include "tools/dialerctl/db_option.h"
#include "tools/simulator/grid.h"
#include "tools/simulator/runner.h"

namespace dialer::ctl {
namespace {

struct SimulateArgs {
  std::string scenario;
  bool json = false;
  int days = 0;
  int seeds = 0;
  int jobs = 1;
  int trace = 0;
  std::vector<std::string> policies;
  std::string db;
  std::string signing_key;
  std::string compliance_data;
};

// Prints the pacer's debug log (one key=value line per decision) for the first `limit` decisions.
class TracePrinter final : public sim::DecisionObserver {
 public:
  explicit TracePrinter(int limit) : left_(limit) {}
  void on_decision(const pacing::PacingInputs& in, const pacing::PacingDecision& d) override {
    if (left_ > 0) {
      --left_;
      std::cout << pacing::describe(in, d) << "\n";
    }
  }

 private:
  int left_;
};

int run_trace(const sim::Scenario& s, const std::string& policy, int limit) {
  sim::Scenario one = s;
  one.days = 1;
  TracePrinter printer(limit);
  sim::AllowAllGate gate;
  sim::NullSink sink;
  sim::simulate(one, sim::PolicySpec{policy, 1.0}, s.seed_base, gate, sink, &printer);
  return kExitOk;
}

std::optional<compliance::Ed25519Signer> read_signer(const std::string& path) {
  std::ifstream in(path);
  std::stringstream pem;
  pem << in.rdbuf();
  auto signer = compliance::Ed25519Signer::from_private_pem(pem.str());
  if (!in || !signer) {
    std::cerr << "simulate: cannot read the signing key " << path << "\n";
    return std::nullopt;
  }
  return *signer;
}

int run_recorded(const sim::Scenario& s, const SimulateArgs& a) {
  if (a.signing_key.empty()) {
    std::cerr << "simulate: --db needs --signing-key PEM (the checkpoints are signed)\n";
    return kExitInvalid;
  }
  const auto signer = read_signer(a.signing_key);
  if (!signer) return kExitInvalid;
  auto db = open_database_or_report(a.db);
  if (!db) return kExitFailure;
  sim::Scenario one = s;
  one.seeds = 1;
  one.policies = {s.policies.front()};
  const sim::Recording recording{(*db)->call_records(), (*db)->dnc(), *signer};
  auto run = sim::simulate_recorded(one, sim::PolicySpec{one.policies.front(), 1.0}, one.seed_base,
                                    recording);
  if (!run) {
    std::cerr << "simulate: recording failed: " << run.error().message << "\n";
    return kExitFailure;
  }
  sim::ScenarioReport report;
  report.scenario = one.name;
  report.agents = one.total_agents();
  report.days = one.days;
  report.seeds = 1;
  report.policies.push_back(sim::summarise(one.policies.front(), {*run}, 30));
  std::cout << (a.json ? sim::format_json({report}) : sim::format_text(report));
  return kExitOk;
}

int run_simulate(const SimulateArgs& a) {
  auto s = sim::load_scenario_file(a.scenario);
  if (!s) {
    std::cerr << "simulate: " << s.error().message << "\n";
    return s.error().code == ErrorCode::io_error ? kExitFailure : kExitInvalid;
  }
  if (a.days > 0) s->days = a.days;
  if (a.seeds > 0) s->seeds = a.seeds;
  if (!a.policies.empty()) s->policies = a.policies;
  if (!a.compliance_data.empty()) s->compliance.data_dir = a.compliance_data;
  if (auto st = sim::validate(*s); !st) {
    std::cerr << "simulate: " << st.error().message << "\n";
    return kExitInvalid;
  }
  sim::RunOptions options;
  options.jobs = a.jobs;
  if (s->compliance.real_gate) {  // report unreadable tables once, before any run
    const auto dir = s->compliance.data_dir.empty() ? sim::default_compliance_data_dir()
                                                    : s->compliance.data_dir;
    if (auto tables = sim::shared_compliance_tables(dir); !tables) {
      std::cerr << "simulate: " << tables.error().message << "\n";
      return kExitFailure;
    }
  }
  if (a.trace > 0) return run_trace(*s, s->policies.front(), a.trace);
  if (!a.db.empty()) return run_recorded(*s, a);
  const auto report = sim::run_scenario(*s, options);
  std::cout << (a.json ? sim::format_json({report}) : sim::format_text(report));
  return kExitOk;
}

const CommandRegistration kSimulate{
    "simulate", [](CLI::App& root) -> CommandRunner {
      auto args = std::make_shared<SimulateArgs>();
      auto* cmd = root.add_subcommand("simulate", "simulate a campaign scenario under each policy");
      cmd->add_option("scenario", args->scenario, "scenario YAML file")->required();
      cmd->add_flag("--json", args->json, "print JSON instead of a table");
      cmd->add_option("--days", args->days, "override the scenario's days");
      cmd->add_option("--seeds", args->seeds, "override the scenario's seeds");
      cmd->add_option("--jobs", args->jobs, "seeds simulated in parallel (default 1)");
      cmd->add_option("--policies", args->policies, "override the scenario's policies")
          ->delimiter(',');
      cmd->add_option("--db", args->db,
                      "write every simulated call's record into this database (first policy, "
                      "first seed): sqlite:PATH or mysql://...");
      cmd->add_option("--signing-key", args->signing_key,
                      "Ed25519 private key (PEM) signing the record checkpoints (with --db)");
      cmd->add_option("--compliance-data", args->compliance_data,
                      "directory of the compliance tables (default: compliance/data of the "
                      "source tree)");
      cmd->add_option("--trace", args->trace,
                      "print the first N pacing decisions of the first policy (day 1, first seed) "
                      "with their inputs and estimates, instead of the report");
      return [cmd, args] { return cmd->parsed() ? run_simulate(*args) : kExitOk; };
    }};

struct GridArgs {
  std::string base;
  std::vector<std::string> untuned;
  int days = 30;
  int seeds = 5;
  int jobs = 1;
  int bisection_steps = 5;
  std::vector<double> rates{0.15, 0.25, 0.35};
  std::vector<int> teams{5, 10, 25, 50, 100};
  bool json = false;
  bool teams_outer = false;
  bool skip_cells = false;
};

int run_grid_command(const GridArgs& a) {
  sim::GridOptions o;
  auto base = sim::load_scenario_file(a.base);
  if (!base) {
    std::cerr << "simulate-grid: " << base.error().message << "\n";
    return kExitInvalid;
  }
  o.base = *base;
  for (const auto& path : a.untuned) {
    auto s = sim::load_scenario_file(path);
    if (!s) {
      std::cerr << "simulate-grid: " << s.error().message << "\n";
      return kExitInvalid;
    }
    o.untuned.push_back(*s);
  }
  o.days = a.days;
  o.seeds = a.seeds;
  o.live_rates = a.rates;
  o.team_sizes = a.teams;
  o.teams_outer = a.teams_outer;
  if (a.skip_cells) o.live_rates.clear();
  o.run.jobs = a.jobs;
  o.run.bisection_steps = a.bisection_steps;
  const auto t0 = std::chrono::steady_clock::now();
  o.progress = [t0](const std::string& name) {
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cerr << "[" << static_cast<int>(s) << " s] " << name << "\n";
  };
  if (!a.json) {
    o.on_line = [](const std::string& text) { std::cout << text << std::flush; };
  }
  const auto result = sim::run_grid(o);
  if (a.json) {
    auto all = result.cells;
    all.insert(all.end(), result.untuned.begin(), result.untuned.end());
    std::cout << sim::format_json(all);
  }
  return kExitOk;
}

const CommandRegistration kGrid{
    "simulate-grid", [](CLI::App& root) -> CommandRunner {
      auto args = std::make_shared<GridArgs>();
      auto* cmd = root.add_subcommand("simulate-grid", "run the pacing benchmark grid (markdown)");
      cmd->add_option("--base", args->base, "base scenario YAML of the grid")->required();
      cmd->add_option("--untuned", args->untuned, "extra scenario files run as they are");
      cmd->add_option("--days", args->days, "simulated days per run (default 30)");
      cmd->add_option("--seeds", args->seeds, "seeds per cell (default 5)");
      cmd->add_option("--jobs", args->jobs, "seeds simulated in parallel (default 1)");
      cmd->add_option(
          "--bisection-steps", args->bisection_steps,
          "halvings of [1, max lines per agent] when searching the best fixed ratio (5)");
      cmd->add_option("--rates", args->rates, "live-answer rates")->delimiter(',');
      cmd->add_option("--agents", args->teams, "team sizes")->delimiter(',');
      cmd->add_flag("--teams-outer", args->teams_outer,
                    "loop over team sizes first, in the given order");
      cmd->add_flag("--untuned-only", args->skip_cells, "run only the --untuned scenarios");
      cmd->add_flag("--json", args->json, "print JSON instead of markdown");
      return [cmd, args] { return cmd->parsed() ? run_grid_command(*args) : kExitOk; };
    }};

}  // namespace
}  // namespace dialer::ctl
