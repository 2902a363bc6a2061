// `dialerctl config check FILE...`: validates configuration files of any kind with exactly the
// loader the engine uses, printing every problem as `file:line:col: message`.
#include <iostream>
#include <string>
#include <vector>

#include "dialer/config/config_load.h"
#include "tools/dialerctl/command.h"

namespace dialer::ctl {
namespace {

int check_files(const std::vector<std::string>& files) {
  int exit_code = kExitOk;
  for (const auto& file : files) {
    const auto check = config::check_config_file(file);
    for (const auto& diagnostic : check.diagnostics) {
      std::cerr << config::to_string(diagnostic) << "\n";
    }
    if (check.unreadable) {
      exit_code = kExitFailure;
    } else if (!check.ok()) {
      exit_code = std::max(exit_code, kExitInvalid);
    } else {
      std::cout << file << ": ok\n";
    }
  }
  return exit_code;
}

const CommandRegistration kConfig{
    "config", [](CLI::App& root) -> CommandRunner {
      auto* group = root.add_subcommand("config", "work with configuration files");
      group->require_subcommand(1);
      auto* check = group->add_subcommand(
          "check",
          "validate campaign, engine and inbound files; exit 0 when all are valid, 1 otherwise");
      auto files = std::make_shared<std::vector<std::string>>();
      check->add_option("files", *files, "configuration files (kind chosen by their `kind:` key)")
          ->required();
      return [check, files] {
        if (!check->parsed()) return kExitOk;
        return check_files(*files);
      };
    }};

}  // namespace
}  // namespace dialer::ctl
