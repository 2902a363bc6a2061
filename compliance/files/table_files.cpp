#include "compliance/files/table_files.h"

#include <fstream>

namespace dialer::compliance {
namespace {

template <typename Load>
Status load(const std::filesystem::path& dir, const std::string& name, Load&& fn) {
  std::ifstream in(dir / name);
  if (!in) return Error{ErrorCode::io_error, (dir / name).string() + ": cannot open"};
  return fn(in, (dir / name).string());
}

}  // namespace

Result<ComplianceTables> load_compliance_tables(const std::filesystem::path& dir) {
  auto tz = std::make_shared<TimezoneTables>();
  auto windows = std::make_shared<WindowTable>();
  HolidayCalendars holidays;
  Status steps[] = {
      load(dir, "nanp_timezones.txt",
           [&](auto& in, auto n) { return tz->load_prefix_zones(in, n); }),
      load(dir, "nanp_timezone_overrides.txt",
           [&](auto& in, auto n) { return tz->load_prefix_zones(in, n); }),
      load(dir, "state_zones.txt", [&](auto& in, auto n) { return tz->load_region_zones(in, n); }),
      load(dir, "zip3_states.txt", [&](auto& in, auto n) { return tz->load_zip3_regions(in, n); }),
      load(dir, "npa_regions.txt", [&](auto& in, auto n) { return tz->load_npa_regions(in, n); }),
      load(dir, "calling_windows.txt", [&](auto& in, auto n) { return windows->load(in, n); }),
      load(dir, "holidays.txt", [&](auto& in, auto n) { return holidays.load(in, n); }),
  };
  for (auto& s : steps) {
    if (!s) return s.error();
  }
  windows->set_holidays(std::move(holidays));
  return ComplianceTables{tz, windows};
}

}  // namespace dialer::compliance
