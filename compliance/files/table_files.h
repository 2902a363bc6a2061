// Loads the compliance data tables from a directory (compliance/data in the source tree, or the
// installed copy): time-zone prefixes with their curated overrides, region zones, ZIP3 regions,
// area-code regions, calling windows and holidays. Errors name file and line.
#pragma once

#include <filesystem>
#include <memory>

#include "compliance/calling_windows.h"
#include "compliance/timezone_resolver.h"

namespace dialer::compliance {

struct ComplianceTables {
  std::shared_ptr<const TimezoneTables> timezones;
  std::shared_ptr<const WindowTable> windows;
};

Result<ComplianceTables> load_compliance_tables(const std::filesystem::path& dir);

}  // namespace dialer::compliance
