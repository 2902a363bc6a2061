// Entry points of dialer/config: reading files, parsing YAML, choosing the kind's schema, and
// turning a sink into either a value or the sorted list of every problem.
#include <yaml-cpp/yaml.h>

#include <array>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>

#include "dialer/config/config_load.h"
#include "dialer/config/converters.h"
#include "dialer/config/kind_readers.h"

namespace dialer::config {
namespace {

// A new kind is one row here, a reader in kind_readers.h, and its load_* functions.
struct KindEntry {
  std::string_view name;
  ConfigCheck (*check)(std::string_view yaml, std::string_view file_name);
};

template <typename T>
ConfigCheck as_check(std::string_view kind, const Loaded<T>& load) {
  return ConfigCheck{std::string(kind), load.diagnostics, load.unreadable};
}

constexpr std::array<KindEntry, 3> kKinds{{
    {"campaign", [](std::string_view y,
                    std::string_view f) { return as_check("campaign", load_campaign_text(y, f)); }},
    {"engine", [](std::string_view y,
                  std::string_view f) { return as_check("engine", load_engine_text(y, f)); }},
    {"inbound", [](std::string_view y,
                   std::string_view f) { return as_check("inbound", load_inbound_text(y, f)); }},
}};

constexpr auto kKindNames = [] {
  std::array<std::string_view, kKinds.size()> names{};
  for (std::size_t i = 0; i < kKinds.size(); ++i) names[i] = kKinds[i].name;
  return names;
}();

constexpr std::string_view kCannotRead = "cannot read file: ";

struct FileText {
  std::string text;
  std::string error;  // the OS error when the file could not be read
};

FileText read_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return {{}, std::make_error_code(std::errc::is_a_directory).message()};
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno == 0 ? ENOENT : errno;
    return {{}, std::generic_category().message(err)};
  }
  std::ostringstream text;
  text << in.rdbuf();
  return {text.str(), {}};
}

std::optional<YAML::Node> parse_document(std::string_view yaml, DiagnosticSink& sink) {
  try {
    const auto documents = YAML::LoadAll(std::string(yaml));
    if (documents.empty() || documents[0].IsNull()) {
      sink.error({1, 1}, "the file is empty: expected a mapping of configuration keys");
      return std::nullopt;
    }
    if (documents.size() > 1) {
      sink.error(position_of(documents[1].Mark()),
                 "a configuration file holds one YAML document; found a second one");
    }
    return documents[0];
  } catch (const YAML::Exception& e) {
    sink.error(position_of(e.mark), "YAML syntax error: " + e.msg);
  }
  return std::nullopt;
}

// Parses the text, opens its top-level mapping and checks that its kind is `kind`; returns the
// root reader (with `kind` taken) only when the schema of `kind` applies.
std::optional<FieldReader> open_root(std::string_view yaml, std::string_view kind,
                                     DiagnosticSink& sink) {
  auto document = parse_document(yaml, sink);
  if (!document) return std::nullopt;
  auto root = FieldReader::open(Field{*document, "", position_of(document->Mark())}, sink);
  if (!root) return std::nullopt;
  std::array<std::pair<std::string_view, std::string_view>, kKinds.size()> choices;
  for (std::size_t i = 0; i < kKinds.size(); ++i) choices[i] = {kKinds[i].name, kKinds[i].name};
  std::string_view found = kKinds[0].name;
  auto field = root->take("kind");
  if (field) {
    auto named = OneOf<std::string_view>{choices}(*field, sink);
    if (!named) return std::nullopt;
    found = *named;
  }
  if (found != kind) {
    sink.error(field ? field->at : root->self().at, "kind: expected a file of kind '" +
                                                        std::string(kind) + "', got kind '" +
                                                        std::string(found) + "'");
    return std::nullopt;
  }
  return root;
}

template <typename T, typename Read>
Loaded<T> load_kind(std::string_view yaml, std::string_view file_name, std::string_view kind,
                    const Read& read) {
  DiagnosticSink sink{std::string(file_name)};
  auto value = std::make_shared<T>();
  try {
    if (auto root = open_root(yaml, kind, sink)) read(*root, *value, sink);
  } catch (const YAML::Exception& e) {
    // Readers only walk nodes they have checked; this guards against yaml-cpp surprises.
    sink.error(position_of(e.mark), "cannot read this YAML: " + e.msg);
  }
  Loaded<T> out;
  out.diagnostics = sink.sorted();
  if (out.diagnostics.empty()) out.value = std::move(value);
  return out;
}

template <typename T, typename LoadText>
Loaded<T> load_file(const std::string& path, const LoadText& load_text) {
  FileText file = read_file(path);
  if (!file.error.empty()) {
    Loaded<T> out;
    out.unreadable = true;
    out.diagnostics.push_back(Diagnostic{path, 0, 0, std::string(kCannotRead) + file.error});
    return out;
  }
  return load_text(file.text, path);
}

// Loads each campaign file an engine file lists; problems inside a campaign file are reported in
// that file (`nested`), problems with the list itself at the engine file's entry.
void load_engine_campaigns(EngineConfig& engine, const std::vector<Position>& positions,
                           DiagnosticSink& sink, std::vector<Diagnostic>& nested) {
  std::map<std::int64_t, std::string> files_by_id;
  for (std::size_t i = 0; i < engine.campaign_files.size(); ++i) {
    const std::string& path = engine.campaign_files[i];
    const std::string where = "campaigns[" + std::to_string(i) + "]: ";
    auto load = load_campaign_file(path);
    if (load.unreadable) {
      sink.error(positions[i], where + "cannot read campaign file '" + path + "': " +
                                   load.diagnostics.front().message.substr(kCannotRead.size()));
      continue;
    }
    if (!load.ok()) {
      nested.insert(nested.end(), load.diagnostics.begin(), load.diagnostics.end());
      continue;
    }
    auto [it, inserted] = files_by_id.emplace(load.value->id.value(), path);
    if (!inserted) {
      sink.error(positions[i], where + "campaign id " + std::to_string(it->first) +
                                   " is already used by '" + it->second + "'");
      continue;
    }
    engine.campaigns.push_back(load.value);
  }
}

}  // namespace

std::span<const std::string_view> config_kinds() { return kKindNames; }

CampaignLoad load_campaign_text(std::string_view yaml, std::string_view file_name) {
  return load_kind<Campaign>(
      yaml, file_name, "campaign",
      [](FieldReader& root, Campaign& out, DiagnosticSink&) { read_campaign(root, out); });
}

CampaignLoad load_campaign_file(const std::string& path) {
  return load_file<Campaign>(path, load_campaign_text);
}

EngineConfigLoad load_engine_text(std::string_view yaml, std::string_view file_name) {
  const std::string base_dir = std::filesystem::path(file_name).parent_path().string();
  std::vector<Diagnostic> nested;
  auto load = load_kind<EngineConfig>(
      yaml, file_name, "engine", [&](FieldReader& root, EngineConfig& out, DiagnosticSink& sink) {
        std::vector<Position> positions;
        read_engine(root, out, base_dir, positions);
        load_engine_campaigns(out, positions, sink, nested);
      });
  if (!nested.empty()) {
    load.value.reset();
    load.diagnostics.insert(load.diagnostics.end(), nested.begin(), nested.end());
  }
  return load;
}

EngineConfigLoad load_engine_file(const std::string& path) {
  return load_file<EngineConfig>(path, load_engine_text);
}

InboundLoad load_inbound_text(std::string_view yaml, std::string_view file_name) {
  const std::string base_dir = std::filesystem::path(file_name).parent_path().string();
  return load_kind<inbound::InboundConfig>(
      yaml, file_name, "inbound",
      [&](FieldReader& root, inbound::InboundConfig& out, DiagnosticSink&) {
        read_inbound(root, out, base_dir);
      });
}

InboundLoad load_inbound_file(const std::string& path) {
  return load_file<inbound::InboundConfig>(path, load_inbound_text);
}

ConfigCheck check_config_text(std::string_view yaml, std::string_view file_name) {
  // Peek at the kind. When that fails (bad YAML, unknown kind) the default kind's loader runs and
  // reports the problem itself; the result then names no kind.
  DiagnosticSink scratch{std::string(file_name)};
  const KindEntry* chosen = nullptr;
  if (auto document = parse_document(yaml, scratch); document && document->IsMap()) {
    const YAML::Node& root = *document;
    const YAML::Node field = root["kind"];
    if (!field.IsDefined()) chosen = &kKinds[0];
    for (const auto& entry : kKinds) {
      if (field.IsDefined() && field.IsScalar() && field.Scalar() == entry.name) chosen = &entry;
    }
  }
  if (chosen != nullptr) return chosen->check(yaml, file_name);
  ConfigCheck check = kKinds[0].check(yaml, file_name);
  check.kind.clear();
  return check;
}

ConfigCheck check_config_file(const std::string& path) {
  FileText file = read_file(path);
  if (!file.error.empty()) {
    return ConfigCheck{{}, {Diagnostic{path, 0, 0, std::string(kCannotRead) + file.error}}, true};
  }
  return check_config_text(file.text, path);
}

}  // namespace dialer::config
