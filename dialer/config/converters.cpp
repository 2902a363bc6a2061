#include "dialer/config/converters.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <sstream>

namespace dialer::config {
namespace {

std::string format_number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

void out_of_range(const Field& field, DiagnosticSink& sink, bool below, const std::string& limit,
                  std::string_view note, const std::string& got) {
  std::string message =
      prefix(field.path) + (below ? "must be at least " : "must be at most ") + limit;
  if (!note.empty()) message += " (" + std::string(note) + ")";
  sink.error(field.at, message + ", got " + got);
}

bool parse_number(std::string_view text, double& out) {
  if (text.starts_with('+')) text.remove_prefix(1);
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  // from_chars also reads "nan" and "inf", which no range check would catch.
  return ec == std::errc{} && ptr == end && !text.empty() && std::isfinite(out);
}

}  // namespace

std::optional<std::string> scalar_text(const Field& field, DiagnosticSink& sink,
                                       std::string_view what) {
  if (field.node.IsScalar()) return field.node.Scalar();
  sink.error(field.at, prefix(field.path) + "expected " + std::string(what) + ", got " +
                           describe(field.node));
  return std::nullopt;
}

std::optional<std::string> Text::operator()(const Field& field, DiagnosticSink& sink) const {
  auto text = scalar_text(field, sink, "a string");
  if (text && text->empty() && !allow_empty) {
    sink.error(field.at, prefix(field.path) + "must not be empty");
    return std::nullopt;
  }
  return text;
}

std::optional<bool> Flag::operator()(const Field& field, DiagnosticSink& sink) const {
  auto text = scalar_text(field, sink, "true or false");
  if (!text) return std::nullopt;
  static constexpr std::array<std::string_view, 6> kTrue{"true", "True", "TRUE",
                                                         "yes",  "Yes",  "YES"};
  static constexpr std::array<std::string_view, 6> kFalse{"false", "False", "FALSE",
                                                          "no",    "No",    "NO"};
  if (std::find(kTrue.begin(), kTrue.end(), *text) != kTrue.end()) return true;
  if (std::find(kFalse.begin(), kFalse.end(), *text) != kFalse.end()) return false;
  sink.error(field.at, prefix(field.path) + "expected true or false, got '" + *text + "'");
  return std::nullopt;
}

std::optional<std::int64_t> Integer::operator()(const Field& field, DiagnosticSink& sink) const {
  auto text = scalar_text(field, sink, "an integer");
  if (!text) return std::nullopt;
  std::int64_t value = 0;
  std::string_view digits = *text;
  if (digits.starts_with('+')) digits.remove_prefix(1);
  const auto* end = digits.data() + digits.size();
  auto [ptr, ec] = std::from_chars(digits.data(), end, value);
  if (digits.empty() || ec != std::errc{} || ptr != end) {
    sink.error(field.at, prefix(field.path) + "expected an integer, got '" + *text + "'");
    return std::nullopt;
  }
  if (value < min || value > max) {
    out_of_range(field, sink, value < min, std::to_string(value < min ? min : max), "",
                 std::to_string(value));
    return std::nullopt;
  }
  return value;
}

std::optional<double> Decimal::operator()(const Field& field, DiagnosticSink& sink) const {
  auto text = scalar_text(field, sink, "a number");
  if (!text) return std::nullopt;
  std::string_view number = *text;
  const bool percent = allow_percent && number.ends_with('%');
  if (percent) number.remove_suffix(1);
  double value = 0;
  if (!parse_number(number, value)) {
    sink.error(field.at, prefix(field.path) + "expected a number, got '" + *text + "'");
    return std::nullopt;
  }
  if (percent) value /= 100.0;
  if (value < min || value > max) {
    const bool below = value < min;
    out_of_range(field, sink, below, format_number(below ? min : max), below ? "" : max_note,
                 format_number(value));
    return std::nullopt;
  }
  return value;
}

std::optional<Duration> DurationIn::operator()(const Field& field, DiagnosticSink& sink) const {
  auto text = scalar_text(field, sink, "a duration");
  if (!text) return std::nullopt;
  auto value = parse_duration(*text);
  if (!value) {
    sink.error(field.at,
               prefix(field.path) + "invalid duration '" + *text +
                   "' (use a number and a unit: ms, s, m, h or d, e.g. 25s, 30m, 4h, 1d)");
    return std::nullopt;
  }
  if (*value < min || *value > max) {
    const bool below = *value < min;
    out_of_range(field, sink, below, format_duration(below ? min : max), below ? min_note : "",
                 *text);
    return std::nullopt;
  }
  return value;
}

std::optional<int> ClockTime::operator()(const Field& field, DiagnosticSink& sink) const {
  auto text = scalar_text(field, sink, "a time of day");
  if (!text) return std::nullopt;
  auto minute = parse_clock_time(*text);
  if (!minute) {
    sink.error(field.at, prefix(field.path) + "invalid time of day '" + *text +
                             "' (use HH:MM from 00:00 to 24:00)");
  }
  return minute;
}

std::optional<std::string> PhoneNumber::operator()(const Field& field, DiagnosticSink& sink) const {
  auto text = scalar_text(field, sink, "an E.164 number");
  if (!text) return std::nullopt;
  if (auto problem = e164_problem(*text)) {
    sink.error(field.at,
               prefix(field.path) + "'" + *text + "' is not an E.164 number: " + *problem);
    return std::nullopt;
  }
  if (is_premium_rate(*text)) {
    sink.error(field.at, prefix(field.path) + "'" + *text +
                             "' is a premium-rate number (NANP 900 or UK 09), never allowed here");
    return std::nullopt;
  }
  return text;
}

}  // namespace dialer::config
