// `kind: engine` files (dialerd.yaml): database URL, campaign files, log level.
#include <array>
#include <filesystem>

#include "dialer/config/converters.h"
#include "dialer/config/kind_readers.h"

namespace dialer::config {
namespace {

constexpr std::array<std::pair<std::string_view, LogLevel>, 7> kLogLevels{{
    {"trace", LogLevel::trace},
    {"debug", LogLevel::debug},
    {"info", LogLevel::info},
    {"warn", LogLevel::warn},
    {"error", LogLevel::error},
    {"critical", LogLevel::critical},
    {"off", LogLevel::off},
}};

// Only the scheme and the presence of a target are checked here; the storage adapter parses the
// rest when it connects.
struct DatabaseUrl {
  std::optional<std::pair<std::string, DatabaseKind>> operator()(const Field& field,
                                                                 DiagnosticSink& sink) const {
    auto text = scalar_text(field, sink, "a database URL");
    if (!text) return std::nullopt;
    if (text->starts_with("sqlite:") && text->size() > 7) {
      return std::pair{*text, DatabaseKind::sqlite};
    }
    if (text->starts_with("mysql://") && text->size() > 8) {
      return std::pair{*text, DatabaseKind::mysql};
    }
    sink.error(field.at, prefix(field.path) + "unsupported database URL '" + *text +
                             "' (expected sqlite:PATH or mysql://user:pass@host:port/db)");
    return std::nullopt;
  }
};

}  // namespace

std::string_view to_string(LogLevel level) {
  return kLogLevels.at(static_cast<std::size_t>(level)).first;
}

void read_engine(FieldReader& root, EngineConfig& out, const std::string& base_dir,
                 std::vector<Position>& campaign_positions) {
  DiagnosticSink& sink = root.sink();
  std::pair<std::string, DatabaseKind> database{out.database, out.database_kind};
  if (root.read("database", database, DatabaseUrl{})) {
    out.database = database.first;
    out.database_kind = database.second;
  }
  if (auto campaigns = root.take("campaigns")) {
    for (const auto& item : list_items(*campaigns, sink)) {
      const auto path = Text{}(item, sink);
      if (!path) continue;
      const std::filesystem::path resolved = std::filesystem::path(*path).is_absolute()
                                                 ? std::filesystem::path(*path)
                                                 : std::filesystem::path(base_dir) / *path;
      out.campaign_files.push_back(resolved.lexically_normal().string());
      campaign_positions.push_back(item.at);
    }
  }
  root.read("log_level", out.log_level, OneOf<LogLevel>{kLogLevels});
  root.finish();
}

}  // namespace dialer::config
