// Typed converters for FieldReader::read: each turns a Field into a value or reports why it
// cannot (wrong type, out of range, bad format) at the value's position and returns nullopt.
// Internal to dialer/config. Stateless value types; limits may carry the rule that sets them.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "dialer/common/time.h"
#include "dialer/config/value_parsers.h"
#include "dialer/config/yaml_reader.h"

namespace dialer::config {

// The scalar text of a field, or nullopt after reporting `expected <what>, got ...`.
std::optional<std::string> scalar_text(const Field& field, DiagnosticSink& sink,
                                       std::string_view what);

struct Text {
  bool allow_empty = false;
  std::optional<std::string> operator()(const Field& field, DiagnosticSink& sink) const;
};

struct Flag {
  std::optional<bool> operator()(const Field& field, DiagnosticSink& sink) const;
};

struct Integer {
  std::int64_t min;
  std::int64_t max;
  std::optional<std::int64_t> operator()(const Field& field, DiagnosticSink& sink) const;
};

// A decimal number; with allow_percent also "2.5%". `max_note` names the rule behind the maximum.
struct Decimal {
  double min;
  double max;
  std::string_view max_note;
  bool allow_percent = false;
  std::optional<double> operator()(const Field& field, DiagnosticSink& sink) const;
};

struct DurationIn {
  Duration min;
  Duration max;
  std::string_view min_note;  // the rule behind the minimum, e.g. "RNG-01: legal minimum"
  std::optional<Duration> operator()(const Field& field, DiagnosticSink& sink) const;
};

struct ClockTime {
  std::optional<int> operator()(const Field& field, DiagnosticSink& sink) const;
};

struct PhoneNumber {
  std::optional<std::string> operator()(const Field& field, DiagnosticSink& sink) const;
};

// One of a fixed set of names, mapped to values of E.
template <typename E>
struct OneOf {
  std::span<const std::pair<std::string_view, E>> choices;
  std::optional<E> operator()(const Field& field, DiagnosticSink& sink) const {
    auto text = scalar_text(field, sink, "one of " + join_names(names()));
    if (!text) return std::nullopt;
    for (const auto& [name, value] : choices) {
      if (name == *text) return value;
    }
    std::string message =
        prefix(field.path) + "'" + *text + "' is not one of " + join_names(names());
    if (auto guess = closest_match(*text, names())) message += " (did you mean '" + *guess + "'?)";
    sink.error(field.at, message);
    return std::nullopt;
  }

 private:
  [[nodiscard]] std::vector<std::string_view> names() const {
    std::vector<std::string_view> out;
    for (const auto& choice : choices) out.push_back(choice.first);
    return out;
  }
};

}  // namespace dialer::config
