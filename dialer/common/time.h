// Time types of the core: wall-clock instants in UTC with millisecond resolution.
// The core never reads a clock; it receives `now` as a TimePoint from a TimeSource.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace dialer {

using Duration = std::chrono::milliseconds;
using TimePoint = std::chrono::time_point<std::chrono::system_clock, Duration>;

constexpr TimePoint from_unix_ms(std::int64_t ms) { return TimePoint{Duration{ms}}; }
constexpr std::int64_t to_unix_ms(TimePoint t) { return t.time_since_epoch().count(); }

// ISO 8601 in UTC, e.g. "2026-11-22T14:03:07.250Z".
std::string format_utc(TimePoint t);

}  // namespace dialer
