// dialerctl's subcommands register themselves here; each lives in its own cmd_*.cpp file.
// A command adds its options to the CLI11 app it is given and returns the function that runs it.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace dialer::ctl {

// Exit codes shared by every command.
constexpr int kExitOk = 0;
constexpr int kExitInvalid = 1;  // the input was checked and found wrong
constexpr int kExitFailure = 2;  // the command could not run (database down, file unreadable)

using CommandRunner = std::function<int()>;
using CommandSetup = std::function<CommandRunner(CLI::App& root)>;

struct CommandRegistration {
  CommandRegistration(std::string name, CommandSetup setup);
};

struct RegisteredCommand {
  std::string name;
  CommandSetup setup;
};
std::vector<RegisteredCommand>& registered_commands();

}  // namespace dialer::ctl
