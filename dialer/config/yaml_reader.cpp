#include "dialer/config/yaml_reader.h"

#include <algorithm>
#include <set>

#include "dialer/config/value_parsers.h"

namespace dialer::config {
namespace {

std::string child_path(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

// Null values carry the mark of whatever follows them, so they are reported at their key.
Position value_position(const YAML::Node& value, const YAML::Node& key) {
  if (value.IsNull() || value.Mark().line < 0) return position_of(key.Mark());
  return position_of(value.Mark());
}

}  // namespace

Position position_of(const YAML::Mark& mark) {
  if (mark.line < 0 || mark.column < 0) return Position{1, 1};
  return Position{mark.line + 1, mark.column + 1};
}

std::string prefix(const std::string& path) { return path.empty() ? "" : path + ": "; }

std::string describe(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      return "'" + node.Scalar() + "'";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a mapping";
    default:
      return "nothing";
  }
}

std::vector<Field> list_items(const Field& field, DiagnosticSink& sink) {
  std::vector<Field> items;
  if (!field.node.IsSequence()) {
    sink.error(field.at, prefix(field.path) + "expected a list, got " + describe(field.node));
    return items;
  }
  for (std::size_t i = 0; i < field.node.size(); ++i) {
    const YAML::Node item = field.node[i];
    const Position at = item.IsNull() ? field.at : position_of(item.Mark());
    items.push_back(Field{item, field.path + "[" + std::to_string(i) + "]", at});
    sink.remember(items.back().path, at);
  }
  return items;
}

std::vector<MapEntry> map_entries(const Field& field, DiagnosticSink& sink) {
  std::vector<MapEntry> entries;
  if (!field.node.IsMap()) {
    sink.error(field.at, prefix(field.path) + "expected a mapping, got " + describe(field.node));
    return entries;
  }
  std::set<std::string> seen;
  for (auto it = field.node.begin(); it != field.node.end(); ++it) {
    const Position key_at = position_of(it->first.Mark());
    if (!it->first.IsScalar()) {
      sink.error(key_at,
                 prefix(field.path) + "keys must be plain names, got " + describe(it->first));
      continue;
    }
    const std::string& key = it->first.Scalar();
    if (!seen.insert(key).second) {
      sink.error(key_at, prefix(field.path) + "duplicate key '" + key + "'");
      continue;
    }
    Field value{it->second, child_path(field.path, key), value_position(it->second, it->first)};
    sink.remember(value.path, value.at);
    entries.push_back(MapEntry{key, key_at, std::move(value)});
  }
  return entries;
}

std::optional<FieldReader> FieldReader::open(const Field& field, DiagnosticSink& sink) {
  if (!field.node.IsMap()) {
    const std::string what = field.path.empty() ? "the top level must be a mapping of keys"
                                                : field.path + ": expected a mapping";
    sink.error(field.at, what + ", got " + describe(field.node));
    return std::nullopt;
  }
  return FieldReader(field, sink);
}

std::optional<Field> FieldReader::take(std::string_view key) {
  known_.emplace_back(key);
  for (auto it = mapping_.node.begin(); it != mapping_.node.end(); ++it) {
    if (it->first.IsScalar() && it->first.Scalar() == key) {
      Field field{it->second, child_path(mapping_.path, key),
                  value_position(it->second, it->first)};
      sink_->remember(field.path, field.at);
      return field;
    }
  }
  return std::nullopt;
}

std::optional<Field> FieldReader::require(std::string_view key, std::string_view note) {
  auto field = take(key);
  if (!field) {
    std::string message = prefix(mapping_.path) + "missing required key '" + std::string(key) + "'";
    if (!note.empty()) message += " (" + std::string(note) + ")";
    sink_->error(mapping_.at, message);
  }
  return field;
}

void FieldReader::finish() {
  std::vector<std::string_view> known(known_.begin(), known_.end());
  std::set<std::string> seen;
  for (auto it = mapping_.node.begin(); it != mapping_.node.end(); ++it) {
    const Position at = position_of(it->first.Mark());
    if (!it->first.IsScalar()) {
      sink_->error(at,
                   prefix(mapping_.path) + "keys must be plain names, got " + describe(it->first));
      continue;
    }
    const std::string& key = it->first.Scalar();
    if (!seen.insert(key).second) {
      sink_->error(at, prefix(mapping_.path) + "duplicate key '" + key + "'");
      continue;
    }
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::string message = prefix(mapping_.path) + "unknown key '" + key + "'";
    if (auto guess = closest_match(key, known)) message += " (did you mean '" + *guess + "'?)";
    sink_->error(at, message);
  }
}

}  // namespace dialer::config
