// `dialerctl amd-eval DIR [--json]`: runs the classic and the default AMD detectors over one
// corpus (DIR/labels.csv + DIR/<id>.wav) and prints their figures side by side.
#include <iostream>

#include "dialer/amd/amd_params.h"
#include "tools/amd/amd_eval.h"
#include "tools/dialerctl/command.h"

namespace dialer::ctl {
namespace {

struct AmdEvalOptions {
  std::string dir;
  bool json = false;
  bool errors = false;
  int max_analysis_ms = 4000;
  std::vector<std::string> detectors{"classic", "cadence"};
  std::vector<std::string> params;  // name=value, applied to every detector's config
};

int run_amd_eval(const AmdEvalOptions& opt) {
  std::vector<amd::AmdConfig> configs;
  for (const auto& name : opt.detectors) {
    auto algorithm = amd::parse_algorithm(name);
    if (!algorithm) {
      std::cerr << "amd-eval: " << algorithm.error().message << "\n";
      return kExitInvalid;
    }
    amd::AmdConfig config;
    config.algorithm = *algorithm;
    config.max_analysis = Duration{opt.max_analysis_ms};
    for (const auto& p : opt.params) {
      if (auto status = amd::apply_param(config, p); !status) {
        std::cerr << "amd-eval: " << status.error().message << "\n";
        return kExitInvalid;
      }
    }
    if (auto status = amd::validate(config); !status) {
      std::cerr << "amd-eval: " << status.error().message << "\n";
      return kExitInvalid;
    }
    configs.push_back(config);
  }
  auto reports = amd::eval::evaluate_corpus(opt.dir, configs);
  if (!reports) {
    std::cerr << "amd-eval: " << reports.error().message << "\n";
    return kExitFailure;
  }
  if (opt.json) {
    std::cout << amd::eval::to_json(opt.dir, *reports).dump(2) << "\n";
  } else {
    std::cout << amd::eval::to_text(opt.dir, *reports, opt.errors);
  }
  return kExitOk;
}

const CommandRegistration kAmdEval{
    "amd-eval", [](CLI::App& root) -> CommandRunner {
      auto opt = std::make_shared<AmdEvalOptions>();
      auto* cmd = root.add_subcommand("amd-eval", "evaluate AMD detectors on a labelled corpus");
      cmd->add_option("dir", opt->dir, "corpus folder (labels.csv and <id>.wav)")
          ->required()
          ->check(CLI::ExistingDirectory);
      cmd->add_flag("--json", opt->json, "print JSON instead of the table");
      cmd->add_flag("--errors", opt->errors, "list every misclassified file");
      cmd->add_option("--max-analysis-ms", opt->max_analysis_ms, "analysis limit (default 4000)");
      cmd->add_option("--detector", opt->detectors, "detectors to run (classic, cadence)");
      cmd->add_option("--param", opt->params,
                      "override a parameter, e.g. cadence.short_silence=500");
      return [cmd, opt] { return cmd->parsed() ? run_amd_eval(*opt) : kExitOk; };
    }};

}  // namespace
}  // namespace dialer::ctl
