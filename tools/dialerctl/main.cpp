// dialerctl: the operator's command-line tool. See `dialerctl --help`.
#include <algorithm>
#include <iostream>

#include "tools/dialerctl/command.h"

namespace dialer::ctl {

std::vector<RegisteredCommand>& registered_commands() {
  static std::vector<RegisteredCommand> commands;
  return commands;
}

CommandRegistration::CommandRegistration(std::string name, CommandSetup setup) {
  registered_commands().push_back({std::move(name), std::move(setup)});
}

}  // namespace dialer::ctl

int main(int argc, char** argv) {
  using namespace dialer::ctl;
  CLI::App app{"dialerctl: manage campaigns, leads, compliance exports and simulations"};
  app.require_subcommand(1);
  auto& commands = registered_commands();
  std::sort(commands.begin(), commands.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  std::vector<CommandRunner> runners;
  for (auto& command : commands) runners.push_back(command.setup(app));

  int exit_code = kExitOk;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  for (auto& run : runners) {
    if (run) exit_code = std::max(exit_code, run());
  }
  return exit_code;
}
