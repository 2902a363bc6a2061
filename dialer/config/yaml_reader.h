// Schema-walking helpers over yaml-cpp nodes; internal to dialer/config, the only yaml-cpp user.
// A FieldReader wraps one mapping: each key a schema asks for becomes known, and finish() reports
// every other key (with a "did you mean" suggestion) and every duplicated key. Converters check
// type and range and report at the value's position. One reader per mapping, on one thread.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialer/config/diagnostic.h"

namespace dialer::config {

// yaml-cpp marks are 0-based and -1 when unknown; positions are 1-based.
Position position_of(const YAML::Mark& mark);

// A value of a file: its node, its dotted path ("retry.busy_delay") and where it is.
struct Field {
  YAML::Node node;
  std::string path;
  Position at;
};

// "path: " or "" at the top level; prefixes every message about a field.
std::string prefix(const std::string& path);
// How a node reads in messages: "'abc'", "a list", "a mapping", "nothing".
std::string describe(const YAML::Node& node);
// The items of a list (reporting a non-list), each with its path "name[i]" and position.
std::vector<Field> list_items(const Field& field, DiagnosticSink& sink);

// One entry of a mapping whose keys are names chosen by the file (flows, nodes, DTMF branches).
struct MapEntry {
  std::string key;
  Position key_at;
  Field value;  // path "parent.key"
};
// The entries of a mapping (reporting a non-mapping), in file order. Keys that are not plain
// scalars and repeated keys are reported and left out.
std::vector<MapEntry> map_entries(const Field& field, DiagnosticSink& sink);

class FieldReader {
 public:
  // A reader over `field`, or nullopt after reporting that it is not a mapping.
  static std::optional<FieldReader> open(const Field& field, DiagnosticSink& sink);

  // The value under `key` (now a known key), or nullopt when absent.
  std::optional<Field> take(std::string_view key);
  // As take(), reporting the key as missing when absent; `note` names the rule requiring it.
  std::optional<Field> require(std::string_view key, std::string_view note = {});

  // Converts the value under `key` into `out` when present and valid; `out` keeps its default
  // otherwise. Convert is `std::optional<V>(const Field&, DiagnosticSink&)`.
  template <typename T, typename Convert>
  bool read(std::string_view key, T& out, const Convert& convert) {
    return assign(take(key), out, convert);
  }
  template <typename T, typename Convert>
  bool read_required(std::string_view key, T& out, const Convert& convert,
                     std::string_view note = {}) {
    return assign(require(key, note), out, convert);
  }

  [[nodiscard]] const Field& self() const { return mapping_; }
  [[nodiscard]] DiagnosticSink& sink() const { return *sink_; }
  // Reports unknown and duplicated keys. Call once every key of the schema has been taken.
  void finish();

 private:
  FieldReader(Field mapping, DiagnosticSink& sink) : mapping_(std::move(mapping)), sink_(&sink) {}

  template <typename T, typename Convert>
  bool assign(const std::optional<Field>& field, T& out, const Convert& convert) {
    if (!field) return false;
    auto value = convert(*field, *sink_);
    if (!value) return false;
    out = std::move(*value);
    return true;
  }

  Field mapping_;
  DiagnosticSink* sink_;
  std::vector<std::string> known_;
};

}  // namespace dialer::config
