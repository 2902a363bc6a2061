// Helpers shared by the configuration tests: YAML text from raw strings, fixture paths, and
// diagnostics as the `file:line:col: message` strings operators see.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dialer/config/config_load.h"

namespace dialer::config::testing {

// Raw strings open with a newline for readability; the YAML starts on the line after it.
inline std::string yaml(std::string_view text) {
  if (text.starts_with('\n')) text.remove_prefix(1);
  return std::string(text);
}

inline std::string source_path(const std::string& relative) {
  return std::string(DIALER_SOURCE_DIR) + "/" + relative;
}

inline std::vector<std::string> lines(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(to_string(d));
  return out;
}

// A valid predictive campaign; tests append keys to it from line 4 on.
inline constexpr std::string_view kMinimalCampaign =
    "id: 1\n"
    "name: T\n"
    "abandoned_message: {seller_name: Acme, opt_out_number: \"+12127365000\"}\n";

inline CampaignLoad load_minimal_with(std::string_view extra) {
  return load_campaign_text(std::string(kMinimalCampaign) + yaml(extra), "c.yaml");
}

}  // namespace dialer::config::testing
