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

constexpr std::array<std::pair<std::string_view, std::string_view>, 2> kTransports{{
    {"udp", "udp"},
    {"tcp", "tcp"},
}};

// Paths in the engine file are relative to the file's folder.
std::string resolve(const std::string& base_dir, const std::string& path) {
  if (path.empty() || std::filesystem::path(path).is_absolute()) return path;
  return (std::filesystem::path(base_dir) / path).lexically_normal().string();
}

void read_trunk(const Field& item, TrunkSettings& out, DiagnosticSink& sink) {
  auto reader = FieldReader::open(item, sink);
  if (!reader) return;
  reader->read_required("name", out.name, Text{});
  reader->read_required("proxy", out.proxy, Text{});
  std::string_view transport = out.transport;
  if (reader->read("transport", transport, OneOf<std::string_view>{kTransports})) {
    out.transport = std::string(transport);
  }
  reader->read("username", out.username, Text{});
  reader->read("password", out.password, Text{});
  reader->read("register", out.register_enabled, Flag{});
  reader->read("register_expires", out.register_expires_s, Integer{60, 86400});
  reader->finish();
  if (!out.proxy.empty() && !out.proxy.starts_with("sip:")) {
    sink.error(item.at,
               "trunk '" + out.name + "': proxy must be a sip: URI, got '" + out.proxy + "'");
  }
}

void read_sip(const std::optional<Field>& field, SipSettings& out, DiagnosticSink& sink) {
  if (!field) return;
  auto reader = FieldReader::open(*field, sink);
  if (!reader) return;
  reader->read("bind_address", out.bind_address, Text{});
  reader->read("port", out.port, Integer{0, 65535});
  if (auto trunks = reader->take("trunks")) {
    for (const auto& item : list_items(*trunks, sink)) {
      TrunkSettings trunk;
      read_trunk(item, trunk, sink);
      for (const auto& other : out.trunks) {
        if (other.name == trunk.name)
          sink.error(item.at, "duplicate trunk name '" + trunk.name + "'");
      }
      out.trunks.push_back(std::move(trunk));
    }
  }
  reader->read("channel_limit", out.channel_limit, Integer{0, 100000});
  reader->read("cps_limit", out.cps_limit, Integer{0, 10000});
  reader->finish();
}

void read_media(const std::optional<Field>& field, MediaSettings& out, DiagnosticSink& sink) {
  if (!field) return;
  auto reader = FieldReader::open(*field, sink);
  if (!reader) return;
  reader->read("bind_address", out.bind_address, Text{});
  reader->read("advertised_address", out.advertised_address, Text{});
  reader->read("port_min", out.port_min, Integer{0, 65535});
  reader->read("port_max", out.port_max, Integer{0, 65535});
  reader->read("threads", out.threads, Integer{1, 64});
  reader->finish();
  if (out.port_min > out.port_max) {
    sink.error(field->at, "media.port_min must not exceed media.port_max");
  }
}

void read_http(const std::optional<Field>& field, HttpSettings& out, const std::string& base_dir,
               DiagnosticSink& sink) {
  if (field) {
    auto reader = FieldReader::open(*field, sink);
    if (!reader) return;
    reader->read("enabled", out.enabled, Flag{});
    reader->read("bind_address", out.bind_address, Text{});
    reader->read("port", out.port, Integer{0, 65535});
    reader->read("web_root", out.web_root, Text{});
    reader->read("admin_password_file", out.admin_password_file, Text{});
    reader->read("session_idle_minutes", out.session_idle_minutes, Integer{1, 7 * 24 * 60});
    reader->finish();
  }
  out.web_root = resolve(base_dir, out.web_root);
  out.admin_password_file = resolve(base_dir, out.admin_password_file);
}

void read_agents(const std::optional<Field>& field, std::vector<AgentSettings>& out,
                 DiagnosticSink& sink) {
  if (!field) return;
  for (const auto& item : list_items(*field, sink)) {
    auto reader = FieldReader::open(item, sink);
    if (!reader) continue;
    AgentSettings agent;
    reader->read_required("user", agent.user, Text{});
    reader->read_required("password", agent.password, Text{});
    reader->finish();
    for (const auto& other : out) {
      if (other.user == agent.user)
        sink.error(item.at, "duplicate agent user '" + agent.user + "'");
    }
    out.push_back(std::move(agent));
  }
}

void read_compliance(const std::optional<Field>& field, ComplianceSettings& out,
                     const std::string& base_dir, DiagnosticSink& sink) {
  if (field) {
    auto reader = FieldReader::open(*field, sink);
    if (!reader) return;
    reader->read("data_dir", out.data_dir, Text{});
    reader->read("signing_key", out.signing_key, Text{});
    reader->read("national_dnc_file", out.national_dnc_file, Text{});
    const auto date_field = reader->take("national_dnc_date");
    if (date_field) {
      if (auto text = Text{}(*date_field, sink)) {
        const bool shape = text->size() == 10 && (*text)[4] == '-' && (*text)[7] == '-';
        if (shape) {
          out.national_dnc_date = *text;
        } else {
          sink.error(date_field->at, "national_dnc_date: expected YYYY-MM-DD, got '" + *text + "'");
        }
      }
    }
    reader->read("internal_dnc_file", out.internal_dnc_file, Text{});
    reader->finish();
    if (!out.national_dnc_file.empty() && out.national_dnc_date.empty()) {
      sink.error(field->at, "compliance.national_dnc_file needs national_dnc_date (DNC-02)");
    }
  }
  out.data_dir = resolve(base_dir, out.data_dir);
  out.signing_key = resolve(base_dir, out.signing_key);
  out.national_dnc_file = resolve(base_dir, out.national_dnc_file);
  out.internal_dnc_file = resolve(base_dir, out.internal_dnc_file);
}

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
  root.read("node_id", out.node_id, Text{});
  read_sip(root.take("sip"), out.sip, sink);
  read_media(root.take("media"), out.media, sink);
  read_agents(root.take("agents"), out.agents, sink);
  root.read("agents_ready_on_login", out.agents_ready_on_login, Flag{});
  read_http(root.take("http"), out.http, base_dir, sink);
  read_compliance(root.take("compliance"), out.compliance, base_dir, sink);
  root.finish();
}

}  // namespace dialer::config
