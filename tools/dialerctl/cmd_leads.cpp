// `dialerctl leads import`: streams a lead CSV into a campaign's list, reporting every bad row.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "campaigns/lead_import.h"
#include "dialer/common/csv_writer.h"
#include "dialer/config/config_load.h"
#include "tools/dialerctl/command.h"
#include "tools/dialerctl/db_option.h"
#include "tools/dialerctl/progress_bar.h"

namespace dialer::ctl {
namespace {

constexpr std::size_t kErrorsShown = 50;

struct ImportArgs {
  std::string db = default_database_url();
  std::int64_t campaign = 0;
  std::string list;
  std::string file;
  std::string errors_file;
  std::size_t batch_size = 50000;
  bool json = false;
};

void print_summary(const ImportSummary& s, std::size_t shown) {
  std::cout << "rows " << s.rows << ", loaded " << s.loaded << ", duplicates " << s.duplicates
            << ", invalid " << s.invalid;
  if (!s.warnings.empty()) std::cout << ", warnings " << s.warnings.size();
  if (s.aborted) std::cout << ", unsaved " << s.unsaved;
  std::cout << "\n";
  const std::size_t n = std::min(shown, s.errors.size());
  for (std::size_t i = 0; i < n; ++i) {
    std::cout << "  line " << s.errors[i].line << ": " << s.errors[i].reason << "\n";
  }
  if (s.errors.size() > n) {
    std::cout << "  ... and " << (s.errors.size() - n)
              << " more (use --json or --errors FILE for the full list)\n";
  }
  for (std::size_t i = 0; i < std::min(shown, s.warnings.size()); ++i) {
    std::cout << "  line " << s.warnings[i].line << " (loaded): " << s.warnings[i].reason << "\n";
  }
}

bool write_errors(const ImportSummary& s, const std::string& path) {
  std::ofstream out(path);
  if (!out) return false;
  CsvWriter csv{out};
  csv.raw_field("line").raw_field("reason").end_row();
  for (const auto& e : s.errors) csv.raw_field(std::to_string(e.line)).field(e.reason).end_row();
  return static_cast<bool>(out);
}

int import(const ImportArgs& args) {
  std::ifstream csv(args.file, std::ios::binary);
  if (!csv) {
    std::cerr << args.file << ": cannot read file\n";
    return kExitFailure;
  }
  auto db = open_database_or_report(args.db);
  if (!db) return kExitFailure;
  auto record = (*db)->campaigns().find(CampaignId{args.campaign});
  if (!record.ok()) {
    std::cerr << "leads import: " << record.error().message << "\n";
    return kExitFailure;
  }
  if (!record->has_value()) {
    std::cerr << "leads import: campaign " << args.campaign
              << " does not exist (load it first with `dialerctl campaign load`)\n";
    return kExitInvalid;
  }
  const auto campaign = config::load_campaign_text((*record)->definition, "campaign " +
                                                                    std::to_string(args.campaign));
  ImportOptions options;
  options.tenant = (*record)->tenant;
  options.campaign = CampaignId{args.campaign};
  if (campaign.ok()) {
    options.default_region = campaign.value->default_region;
    if (!campaign.value->lead_lists.empty()) options.list_name = campaign.value->lead_lists.front();
  }
  if (!args.list.empty()) options.list_name = args.list;
  options.batch_size = args.batch_size;

  csv.seekg(0, std::ios::end);
  const auto total_bytes = static_cast<std::int64_t>(csv.tellg());
  csv.seekg(0);
  ProgressBar bar{total_bytes, !args.json && isatty(STDERR_FILENO) != 0};
  auto summary = import_leads(csv, options, (*db)->leads(), &bar);
  bar.finish();
  if (!summary.ok()) {
    std::cerr << "leads import: " << summary.error().message << "\n";
    return kExitFailure;
  }
  if (!args.errors_file.empty() && !write_errors(*summary, args.errors_file)) {
    std::cerr << args.errors_file << ": cannot write the error report\n";
    return kExitFailure;
  }
  if (args.json) {
    std::cout << to_json(*summary) << "\n";
  } else {
    print_summary(*summary, kErrorsShown);
  }
  if (summary->aborted) {
    // Batches committed before the failure stay loaded; the summary above says how many.
    std::cerr << "leads import: " << summary->aborted->message << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

const CommandRegistration kLeads{"leads", [](CLI::App& root) -> CommandRunner {
  auto* group = root.add_subcommand("leads", "manage lead lists");
  group->require_subcommand(1);
  auto args = std::make_shared<ImportArgs>();
  auto* cmd = group->add_subcommand("import", "import a lead CSV into a campaign");
  add_db_option(*cmd, args->db);
  cmd->add_option("--campaign", args->campaign, "campaign id")->required();
  cmd->add_option("--list", args->list, "list name (default: the campaign's first lead list)");
  cmd->add_option("--errors", args->errors_file, "write every rejected row to this CSV file");
  cmd->add_flag("--json", args->json, "print the summary as one JSON object");
  cmd->add_option("--batch", args->batch_size, "rows per database transaction")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  cmd->add_option("file", args->file, "lead CSV file")->required();
  return [=] { return cmd->parsed() ? import(*args) : kExitOk; };
}};

}  // namespace
}  // namespace dialer::ctl
