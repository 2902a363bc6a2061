#include "dialer/app/compliance_setup.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "compliance/files/table_files.h"

namespace dialer::app {
namespace {

Result<std::string> read_text(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{ErrorCode::io_error, path + ": cannot be read"};
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The signing key, created (mode 0600) when the file does not exist yet.
Result<compliance::Ed25519Signer> load_or_create_key(const std::string& path) {
  if (!std::filesystem::exists(path)) {
    auto pem = compliance::Ed25519Signer::generate_private_pem();
    if (!pem) return pem.error();
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    std::ofstream out(path, std::ios::trunc);
    out << *pem;
    out.close();
    if (!out) return Error{ErrorCode::io_error, path + ": cannot write the signing key"};
    ::chmod(path.c_str(), 0600);
  }
  auto pem = read_text(path);
  if (!pem) return pem.error();
  auto signer = compliance::Ed25519Signer::from_private_pem(*pem);
  if (!signer) return signer.error().with_context(path);
  return signer;
}

Result<date::sys_days> parse_day(const std::string& text) {
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  char dash1 = 0;
  char dash2 = 0;
  std::istringstream in(text);
  in >> y >> dash1 >> m >> dash2 >> d;
  const date::year_month_day day{date::year{y}, date::month{m}, date::day{d}};
  if (in.fail() || dash1 != '-' || dash2 != '-' || !day.ok()) {
    return Error{ErrorCode::parse_error, "not a YYYY-MM-DD date: " + text};
  }
  return date::sys_days{day};
}

Status load_dnc_files(const config::ComplianceSettings& s, compliance::DncLists& dnc) {
  if (!s.national_dnc_file.empty()) {
    std::ifstream in(s.national_dnc_file);
    if (!in) return Error{ErrorCode::io_error, s.national_dnc_file + ": cannot be read"};
    auto numbers = compliance::parse_national_registry(in);
    if (!numbers) return numbers.error().with_context(s.national_dnc_file);
    auto day = parse_day(s.national_dnc_date);
    if (!day) return day.error().with_context("compliance.national_dnc_date");
    dnc.set_national({std::filesystem::path(s.national_dnc_file).filename().string(), *day,
                      compliance::DncSet{std::move(*numbers)}});
  }
  if (!s.internal_dnc_file.empty()) {
    std::ifstream in(s.internal_dnc_file);
    if (!in) return Error{ErrorCode::io_error, s.internal_dnc_file + ": cannot be read"};
    auto numbers = compliance::parse_national_registry(in);
    if (!numbers) return numbers.error().with_context(s.internal_dnc_file);
    for (auto n : *numbers) dnc.add_internal(n);
  }
  return ok_status();
}

}  // namespace

Result<std::unique_ptr<ComplianceStack>> build_compliance(const config::EngineConfig& config,
                                                          Database& db, Random& random,
                                                          const std::string& default_data_dir,
                                                          TimePoint now) {
  auto stack = std::make_unique<ComplianceStack>();
  const auto& settings = config.compliance;
  const std::string data_dir = settings.data_dir.empty() ? default_data_dir : settings.data_dir;
  auto tables = compliance::load_compliance_tables(data_dir);
  if (!tables) return tables.error().with_context("compliance tables in " + data_dir);
  if (auto status = load_dnc_files(settings, stack->dnc); !status) return status.error();
  auto& dnc_repo = db.dnc();
  if (auto s = dnc_repo.for_each_internal([&](PhoneKey n) { stack->dnc.add_internal(n); }); !s) {
    return s.error().with_context("internal DNC list");
  }
  if (auto s = dnc_repo.for_each_campaign_entry(
          [&](CampaignId c, PhoneKey n) { stack->dnc.add_to_campaign(c, n); });
      !s) {
    return s.error().with_context("campaign DNC lists");
  }
  auto& consent_repo = db.consents();
  (void)consent_repo.for_each_consent([&](const auto& e) { stack->consents.record_consent(e); });
  (void)consent_repo.for_each_revocation(
      [&](const auto& e) { stack->consents.record_revocation(e); });

  auto signer = load_or_create_key(settings.signing_key);
  if (!signer) return signer.error().with_context("compliance.signing_key");
  stack->signer = std::move(*signer);
  stack->public_key_pem = stack->signer->public_key_pem();

  compliance::DialGateConfig gate_config;
  for (const auto& campaign : config.campaigns) {
    compliance::CampaignPolicy policy;
    policy.campaign = campaign;
    policy.profile = campaign->default_region == "GB" ? compliance::JurisdictionProfile::uk
                                                      : compliance::JurisdictionProfile::us;
    policy.telemarketing = campaign->campaign_type == CampaignType::telemarketing;
    policy.seller = campaign->tenant;
    policy.subject_matter = campaign->subject_matter.empty() ? "default" : campaign->subject_matter;
    policy.started_at = now;
    gate_config.campaigns[campaign->id] = policy;
    compliance::GateThresholds thresholds;
    thresholds.ceiling = campaign->abandon_ceiling;
    thresholds.release = std::min(campaign->abandon_target, campaign->abandon_ceiling * 0.9);
    stack->abandonment.add_campaign(campaign->id, now, compliance::LedgerConfig{}, thresholds);
  }
  stack->gate = compliance::make_dial_gate(
      gate_config, {tables->timezones, tables->windows, stack->dnc, stack->consents, stack->history,
                    stack->abandonment});
  stack->records = std::make_unique<compliance::CallRecordLog>(db.call_records(), *stack->signer);
  stack->dnc_events = std::make_unique<compliance::DncEventLog>(db.dnc(), *stack->signer);
  auto open = db.call_records().open_attempts();
  if (open) stack->recovered_open = open->size();
  if (auto s = stack->records->recover_open(now); !s) {
    return s.error().with_context("sealing attempts left open by a crash");
  }
  compliance::RecordContext context;
  context.tenant_id = config.campaigns.empty() ? "default" : config.campaigns.front()->tenant;
  context.dialer_node_id = config.node_id;
  context.engine_version = "dialerd 0.1.0";
  context.tzdata_version = "system";
  stack->engine = std::make_unique<compliance::ComplianceEngine>(
      *stack->gate, *stack->records, *stack->dnc_events, stack->dnc, stack->history,
      stack->abandonment, context, random);
  return stack;
}

}  // namespace dialer::app
