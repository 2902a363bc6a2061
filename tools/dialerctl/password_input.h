// Reading a password for `dialerctl user`: from the environment variable DIALER_PASSWORD, else
// from standard input (first line; on a terminal, asked twice with echo off). Never from the
// command line, where other users could read it in the process list.
#pragma once

#include <optional>
#include <string>

namespace dialer::ctl {

inline constexpr const char* kPasswordEnv = "DIALER_PASSWORD";

// The password, or nullopt (with the reason on stderr) when none could be read or the two
// entries on a terminal differ.
std::optional<std::string> read_new_password();

}  // namespace dialer::ctl
