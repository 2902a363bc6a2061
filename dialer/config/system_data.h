// Checks of configuration values against the operating system's reference data: IANA time zones
// and ISO 3166 country codes, both read from tzdata (/usr/share/zoneinfo by default).
// Thread-safe: reads files only; the country list is read once and cached.
#pragma once

#include <string>
#include <string_view>

namespace dialer::config {

inline constexpr std::string_view kZoneinfoDir = "/usr/share/zoneinfo";

// True when `name` (e.g. "America/New_York") is a compiled zone under `zoneinfo_dir`.
bool timezone_exists(std::string_view name, std::string_view zoneinfo_dir = kZoneinfoDir);

// True when `code` is an assigned ISO 3166-1 alpha-2 code ("US", "GB"). Falls back to the shape
// check (two upper-case letters) when tzdata's iso3166.tab is unavailable.
bool is_iso3166_alpha2(std::string_view code);

}  // namespace dialer::config
