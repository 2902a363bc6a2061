// URL parsing and redaction. Errors name the part that is wrong and never echo a password.
#include <charconv>
#include <string>

#include "dialer/storage/database.h"

namespace dialer {
namespace {

constexpr std::string_view kExpected =
    "expected sqlite:PATH or mysql://user:password@host:port/database";

Error url_error(const std::string& what) {
  return Error{ErrorCode::parse_error,
               "database URL: " + what + " (" + std::string(kExpected) + ")"};
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decoding, so that passwords may contain '@', ':' or '/'.
Result<std::string> percent_decode(std::string_view s, const char* part) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out.push_back(s[i]);
      continue;
    }
    if (i + 2 >= s.size()) return url_error(std::string("bad %-escape in ") + part);
    const int hi = hex_value(s[i + 1]);
    const int lo = hex_value(s[i + 2]);
    if (hi < 0 || lo < 0) return url_error(std::string("bad %-escape in ") + part);
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return out;
}

std::string_view scheme_of(std::string_view url) {
  const auto colon = url.find(':');
  return colon == std::string_view::npos ? std::string_view{} : url.substr(0, colon);
}

bool is_mysql_scheme(std::string_view scheme) { return scheme == "mysql" || scheme == "mariadb"; }

Result<int> parse_port(std::string_view s) {
  int port = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), port);
  if (s.empty() || ec != std::errc{} || end != s.data() + s.size() || port < 1 || port > 65535) {
    return url_error("port must be a number from 1 to 65535");
  }
  return port;
}

Status parse_credentials(std::string_view userinfo, DatabaseUrl& out) {
  const auto colon = userinfo.find(':');
  auto user = percent_decode(userinfo.substr(0, colon), "user");
  if (!user) return user.error();
  out.user = std::move(*user);
  if (out.user.empty()) return url_error("missing user name");
  if (colon != std::string_view::npos) {
    auto password = percent_decode(userinfo.substr(colon + 1), "password");
    if (!password) return password.error();
    out.password = std::move(*password);
  }
  return ok_status();
}

Status parse_host_port(std::string_view hostport, DatabaseUrl& out) {
  const auto colon = hostport.rfind(':');
  out.host = std::string(hostport.substr(0, colon));
  if (out.host.empty()) return url_error("missing host");
  if (colon != std::string_view::npos) {
    auto port = parse_port(hostport.substr(colon + 1));
    if (!port) return port.error();
    out.port = *port;
  }
  return ok_status();
}

Result<DatabaseUrl> parse_mysql(std::string_view rest) {
  DatabaseUrl out;
  out.kind = DatabaseUrl::Kind::mysql;
  // The user part ends at the last '@', so an unescaped '@' in a password still parses.
  const auto at = rest.rfind('@');
  if (at == std::string_view::npos) return url_error("missing user@ before the host");
  const auto slash = rest.find('/', at);
  if (slash == std::string_view::npos) return url_error("missing /database after the host");
  if (auto s = parse_credentials(rest.substr(0, at), out); !s) return s.error();
  if (auto s = parse_host_port(rest.substr(at + 1, slash - at - 1), out); !s) return s.error();
  out.database = std::string(rest.substr(slash + 1));
  if (out.database.empty()) return url_error("missing database name");
  if (out.database.find_first_of("/?#` ") != std::string::npos) {
    return url_error("database name may not contain '/', '?', '#', '`' or spaces");
  }
  return out;
}

}  // namespace

Result<DatabaseUrl> parse_database_url(std::string_view url) {
  const std::string_view scheme = scheme_of(url);
  if (scheme == "sqlite") {
    DatabaseUrl out;
    out.kind = DatabaseUrl::Kind::sqlite;
    out.path = std::string(url.substr(scheme.size() + 1));
    if (out.path.empty()) return url_error("missing file path after sqlite:");
    return out;
  }
  if (is_mysql_scheme(scheme)) {
    const std::string_view rest = url.substr(scheme.size() + 1);
    if (rest.substr(0, 2) != "//")
      return url_error("missing // after " + std::string(scheme) + ":");
    return parse_mysql(rest.substr(2));
  }
  if (scheme.empty()) return url_error("missing scheme");
  // Only the scheme is echoed: the rest of an unknown URL may hold a password.
  return url_error("unsupported scheme '" + std::string(scheme) + "'");
}

std::string redact_database_url(std::string_view url) {
  const std::string_view scheme = scheme_of(url);
  if (scheme == "sqlite") return std::string(url);
  const auto start = url.find("//");
  const auto at = url.rfind('@');
  if (start == std::string_view::npos || at == std::string_view::npos || at < start) {
    return scheme.empty() ? std::string("<database URL>") : std::string(scheme) + ":***";
  }
  const auto colon = url.find(':', start + 2);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return std::string(url.substr(0, colon + 1)) + "***" + std::string(url.substr(at));
}

std::string default_database_url() { return "sqlite:dialer.db"; }

}  // namespace dialer
