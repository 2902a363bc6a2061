#include "dialer/config/value_parsers.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <vector>

namespace dialer::config {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

struct Unit {
  std::string_view name;
  std::int64_t ms;
};
constexpr std::int64_t kSecondMs = 1000;
// "ms" before "m", so that "500ms" is not read as 500 minutes followed by garbage.
constexpr std::array<Unit, 5> kUnits{{{"ms", 1},
                                      {"s", kSecondMs},
                                      {"m", kSecondMs * 60},
                                      {"h", kSecondMs * 60 * 60},
                                      {"d", kSecondMs * 60 * 60 * 24}}};

// Far beyond any sensible setting; keeps sums of many terms away from overflow.
constexpr std::int64_t kMaxDurationMs = 10LL * 366 * 24 * 60 * 60 * 1000;

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                        std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::optional<Duration> parse_duration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::int64_t total_ms = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t digits_start = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    const std::size_t digits = i - digits_start;
    if (digits == 0 || digits > 9) return std::nullopt;
    const std::int64_t amount = std::stoll(std::string(text.substr(digits_start, digits)));
    const auto unit = std::find_if(kUnits.begin(), kUnits.end(), [&](const Unit& u) {
      return text.substr(i, u.name.size()) == u.name &&
             (i + u.name.size() == text.size() || is_digit(text[i + u.name.size()]));
    });
    if (unit == kUnits.end()) return std::nullopt;
    total_ms += amount * unit->ms;
    if (total_ms > kMaxDurationMs) return std::nullopt;
    i += unit->name.size();
  }
  return Duration{total_ms};
}

std::string format_duration(Duration d) {
  std::int64_t ms = d.count();
  if (ms == 0) return "0s";
  std::string out;
  if (ms < 0) {
    out = "-";
    ms = -ms;
  }
  for (auto it = kUnits.rbegin(); it != kUnits.rend(); ++it) {
    const Unit& unit = *it;
    if (ms >= unit.ms) {
      out += std::to_string(ms / unit.ms) + std::string(unit.name);
      ms %= unit.ms;
    }
  }
  return out;
}

std::optional<int> parse_clock_time(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() != colon + 3) {
    return std::nullopt;
  }
  const auto hours = text.substr(0, colon);
  const auto minutes = text.substr(colon + 1);
  if (!std::all_of(hours.begin(), hours.end(), is_digit) ||
      !std::all_of(minutes.begin(), minutes.end(), is_digit)) {
    return std::nullopt;
  }
  const int h = std::stoi(std::string(hours));
  const int m = std::stoi(std::string(minutes));
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

std::string format_clock_time(int minute_of_day) {
  const int h = minute_of_day / 60;
  const int m = minute_of_day % 60;
  std::string out = (h < 10 ? "0" : "") + std::to_string(h) + ":";
  return out + (m < 10 ? "0" : "") + std::to_string(m);
}

std::optional<std::string> e164_problem(std::string_view number) {
  if (number.empty() || number.front() != '+') return "must start with '+' and the country code";
  const auto digits = number.substr(1);
  if (!std::all_of(digits.begin(), digits.end(), is_digit))
    return "must contain only digits after '+'";
  if (digits.size() < 8 || digits.size() > 15) return "must have 8 to 15 digits after '+'";
  if (digits.front() == '0') return "country codes never start with 0";
  if (digits.front() == '1') {
    if (digits.size() != 11) return "NANP numbers (+1) have exactly 10 digits after the 1";
    if (digits[1] < '2') return "NANP area codes start with 2-9";
    if (digits[4] < '2') return "NANP exchange codes start with 2-9";
  }
  return std::nullopt;
}

bool is_premium_rate(std::string_view e164) {
  return e164.starts_with("+1900") || e164.starts_with("+449");
}

bool is_disposition_code(std::string_view code) {
  if (code.empty() || code.front() < 'A' || code.front() > 'Z') return false;
  return std::all_of(code.begin(), code.end(),
                     [](char c) { return (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_'; });
}

std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string_view> candidates) {
  // A third of the word's length (at least 1, at most 3) catches typos without wild guesses.
  const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (auto candidate : candidates) {
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(candidate);
    }
  }
  return best;
}

std::string join_names(std::span<const std::string_view> names) {
  std::string out;
  for (auto name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

}  // namespace dialer::config
