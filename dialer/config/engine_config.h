// EngineConfig: the typed, validated, immutable configuration of the engine (`kind: engine`,
// dialerd.yaml): where its database is, which campaign files it runs, how much it logs.
// Built by load_engine_file() together with every campaign it names; shared read-only.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "campaigns/campaign.h"

namespace dialer::config {

enum class LogLevel { trace, debug, info, warn, error, critical, off };
std::string_view to_string(LogLevel level);

enum class DatabaseKind { sqlite, mysql };

struct EngineConfig {
  // "sqlite:PATH" (embedded, the default) or "mysql://user:pass@host:port/db", as written.
  std::string database = "sqlite:var/dialer.db";
  DatabaseKind database_kind = DatabaseKind::sqlite;
  // Campaign files as resolved against the engine file's folder, in file order.
  std::vector<std::string> campaign_files;
  // The loaded campaigns, one per entry of campaign_files, same order; ids are unique.
  std::vector<std::shared_ptr<const Campaign>> campaigns;
  LogLevel log_level = LogLevel::info;
};

}  // namespace dialer::config
