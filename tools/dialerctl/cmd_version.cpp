// `dialerctl version`: prints the version of the tool.
#include <iostream>

#include "tools/dialerctl/command.h"

namespace dialer::ctl {
namespace {

const CommandRegistration kVersion{"version", [](CLI::App& root) -> CommandRunner {
  auto* cmd = root.add_subcommand("version", "print the version");
  return [cmd] {
    if (!cmd->parsed()) return kExitOk;
    std::cout << "dialerctl " << DIALER_VERSION << "\n";
    return kExitOk;
  };
}};

}  // namespace
}  // namespace dialer::ctl
