// Loading configuration files (YAML) into typed, validated, immutable values.
// A load never stops at the first problem: it returns either the value or every diagnostic,
// sorted by position (`file:line:col: message`). A file's kind comes from its optional top-level
// `kind:` key (`campaign` by default). Thread-safe: loads share no state.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "campaigns/campaign.h"
#include "dialer/config/diagnostic.h"
#include "dialer/config/engine_config.h"
#include "inbound/inbound_config.h"

namespace dialer::config {

template <typename T>
struct Loaded {
  std::shared_ptr<const T> value;       // set only when the file is valid
  std::vector<Diagnostic> diagnostics;  // every problem; empty when value is set
  bool unreadable = false;              // the file itself could not be read (OS error)

  [[nodiscard]] bool ok() const { return value != nullptr; }
};

using CampaignLoad = Loaded<Campaign>;
using EngineConfigLoad = Loaded<EngineConfig>;
using InboundLoad = Loaded<inbound::InboundConfig>;

CampaignLoad load_campaign_text(std::string_view yaml, std::string_view file_name);
CampaignLoad load_campaign_file(const std::string& path);

// Also loads every campaign file the engine file lists (paths relative to the engine file);
// their diagnostics follow the engine file's own, each naming its file.
EngineConfigLoad load_engine_text(std::string_view yaml, std::string_view file_name);
EngineConfigLoad load_engine_file(const std::string& path);

// `kind: inbound`: DIDs, business hours, IVR flows, queues and agents' skills (docs/inbound.md).
// Prompt files are looked for relative to the file's folder and stored resolved.
InboundLoad load_inbound_text(std::string_view yaml, std::string_view file_name);
InboundLoad load_inbound_file(const std::string& path);

// Validates a file of any kind with the same loader the engine uses: `dialerctl config check`.
struct ConfigCheck {
  std::string kind;  // empty when the kind could not be determined
  std::vector<Diagnostic> diagnostics;
  bool unreadable = false;

  [[nodiscard]] bool ok() const { return !unreadable && diagnostics.empty(); }
};
ConfigCheck check_config_text(std::string_view yaml, std::string_view file_name);
ConfigCheck check_config_file(const std::string& path);

// The kinds a `kind:` key may name, e.g. "campaign", "engine", "inbound".
std::span<const std::string_view> config_kinds();

}  // namespace dialer::config
