// Writing an export bundle from the database. The chain checks happen inside write_bundle():
// a record edited in the database behind the engine's back makes the export fail (exit 1)
// instead of producing a bundle that looks intact.
#include "tools/dialerctl/export_from_db.h"

#include <date/tz.h>

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "compliance/export_bundle.h"
#include "compliance/files/bundle_directory.h"
#include "tools/dialerctl/db_option.h"

namespace dialer::ctl {
namespace {

// "YYYY-MM-DD" as the UTC midnight starting that day.
std::optional<TimePoint> parse_day(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  auto num = [&](std::size_t at, std::size_t len, auto& v) {
    auto [p, ec] = std::from_chars(s.data() + at, s.data() + at + len, v);
    return ec == std::errc{} && p == s.data() + at + len;
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                        std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return TimePoint{std::chrono::sys_days{ymd}.time_since_epoch()};
}

std::string tzdata_version() {
  try {
    return date::get_tzdb().version;
  } catch (const std::exception&) {
    return "unknown";
  }
}

std::optional<compliance::Ed25519Signer> load_signer(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "export: cannot read signing key " << path << "\n";
    return std::nullopt;
  }
  std::stringstream pem;
  pem << in.rdbuf();
  auto signer = compliance::Ed25519Signer::from_private_pem(pem.str());
  if (!signer) {
    std::cerr << "export: " << path << ": " << signer.error().message << "\n";
    return std::nullopt;
  }
  return *signer;
}

std::optional<compliance::ExportRequest> make_request(const DbExportOptions& o) {
  const auto from = parse_day(o.from);
  const auto to = parse_day(o.to);
  if (!from || !to) {
    std::cerr << "export: --from and --to must be dates as YYYY-MM-DD\n";
    return std::nullopt;
  }
  compliance::ExportRequest req;
  req.from = *from;
  req.to = *to + std::chrono::hours{24};  // --to is inclusive: the whole day
  if (req.to <= req.from) {
    std::cerr << "export: --to is before --from\n";
    return std::nullopt;
  }
  if (!o.campaign.empty()) req.campaign_id = o.campaign;
  const auto now = std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
  req.generated_at = now;
  req.export_id = "export-" + std::to_string(to_unix_ms(now));
  req.requester = o.requester;
  req.engine_version = DIALER_VERSION;
  req.tzdata_version = tzdata_version();
  return req;
}

}  // namespace

void add_db_export_options(CLI::App& cmd, DbExportOptions& o) {
  cmd.add_option("--db", o.db, "database URL: sqlite:PATH or mysql://user:pass@host:port/db");
  cmd.add_option("--campaign", o.campaign, "only this campaign's records (default: all)");
  cmd.add_option("--from", o.from, "first day, YYYY-MM-DD (UTC), by sealed_at");
  cmd.add_option("--to", o.to, "last day, YYYY-MM-DD (UTC), inclusive");
  cmd.add_option("--out", o.out, "bundle directory to create or fill");
  cmd.add_option("--signing-key", o.signing_key,
                 "the Ed25519 private key (PEM) that signed the checkpoints in the database");
  o.requester = "dialerctl";
  cmd.add_option("--requester", o.requester, "who asked for the export (manifest)")
      ->capture_default_str();
}

int run_db_export(const DbExportOptions& o) {
  if (o.db.empty() || o.from.empty() || o.to.empty() || o.out.empty() || o.signing_key.empty()) {
    std::cerr << "export: --db, --from, --to, --out and --signing-key are required "
                 "(or use a subcommand: verify, keygen)\n";
    return kExitFailure;
  }
  auto req = make_request(o);
  if (!req) return kExitFailure;
  auto signer = load_signer(o.signing_key);
  if (!signer) return kExitFailure;
  auto db = open_database_or_report(o.db);
  if (!db) return kExitFailure;
  compliance::BundleDirectory bundle{o.out};
  if (auto s = bundle.prepare(); !s) {
    std::cerr << "export: " << o.out << ": " << s.error().message << "\n";
    return kExitFailure;
  }
  auto summary =
      compliance::write_bundle((*db)->call_records(), (*db)->dnc(), *req, *signer, bundle);
  if (!summary) {
    std::cerr << "export: " << summary.error().message << "\n";
    return summary.error().code == ErrorCode::conflict ? kExitInvalid : kExitFailure;
  }
  std::cout << "wrote " << o.out << ": " << summary->call_records << " call records, "
            << summary->dnc_events << " DNC events, " << summary->periods
            << " abandonment periods\n";
  return kExitOk;
}

}  // namespace dialer::ctl
