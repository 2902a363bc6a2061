// Named access to every AMD parameter ("cadence.short_silence", "classic.greeting", ...) so
// configuration files and `dialerctl amd-eval --param` set them the same way. Pure; values are
// integers in milliseconds, decibels or counts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dialer/amd/amd_detector.h"

namespace dialer::amd {

// Sets one parameter from "name=value"; unknown names and malformed values are errors.
Status apply_param(AmdConfig& config, std::string_view assignment);

// Every parameter name with its current value, "name=value", in a stable order.
std::vector<std::string> describe_params(const AmdConfig& config);

}  // namespace dialer::amd
