// `dialerctl amd-eval`: runs every configured detector over one corpus (same files, one run) and
// renders the reports as a text table or JSON. Tool-side I/O; single-threaded.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tools/amd/evaluation.h"

namespace dialer::amd::eval {

Result<std::vector<DetectorReport>> evaluate_corpus(const std::filesystem::path& dir,
                                                    const std::vector<AmdConfig>& configs);

nlohmann::json to_json(const std::filesystem::path& dir,
                       const std::vector<DetectorReport>& reports);
std::string to_text(const std::filesystem::path& dir, const std::vector<DetectorReport>& reports,
                    bool list_errors);

}  // namespace dialer::amd::eval
