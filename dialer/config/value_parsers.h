// Parsers for the textual values of configuration files: durations, clock times, E.164 numbers,
// disposition codes, and the "did you mean" suggestion. Pure functions, safe from any thread.
// Each returns std::nullopt (or a problem text) instead of throwing.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "dialer/common/time.h"

namespace dialer::config {

// "25s", "30m", "4h", "1d", "500ms", and sums such as "1h30m". Units: ms, s, m, h, d.
std::optional<Duration> parse_duration(std::string_view text);
// Shortest exact spelling in the same units: 15000 ms -> "15s", 5400 s -> "1h30m".
std::string format_duration(Duration d);

// "HH:MM" (hour 0-23, or "24:00" for the end of the day) -> minutes after midnight.
std::optional<int> parse_clock_time(std::string_view text);
std::string format_clock_time(int minute_of_day);

// nullopt when `number` is E.164 ('+', then 8 to 15 digits, no leading 0; NANP numbers under +1
// must also have a valid NPA and NXX); otherwise why it is not.
std::optional<std::string> e164_problem(std::string_view number);
// Premium-rate destinations a callback or caller-id number must never be: NANP NPA 900, UK 09.
bool is_premium_rate(std::string_view e164);

// Disposition codes: upper-case letters, digits and underscores, starting with a letter.
bool is_disposition_code(std::string_view code);

// The candidate closest to `word` by edit distance, when close enough to be a likely typo.
std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string_view> candidates);

// "a, b, c" for messages listing the allowed values.
std::string join_names(std::span<const std::string_view> names);

}  // namespace dialer::config
