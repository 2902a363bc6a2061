// import_bench: imports a lead CSV through import_leads into a repository that only counts, so
// the CSV reader, phone normalization and duplicate detection are timed without storage.
//   import_bench FILE [--parse-only] [--batch N] [--json]
// Prints rows/s and the import summary counts; run under /usr/bin/time -v for peak RSS.
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "campaigns/csv_reader.h"
#include "campaigns/lead_import.h"

namespace {

using namespace dialer;

// Counts what it is given; keeps nothing.
class CountingLeadRepository : public LeadRepository {
 public:
  Result<LeadListRecord> ensure_list(const std::string& tenant, CampaignId campaign,
                                     const std::string& name) override {
    return LeadListRecord{ListId{1}, tenant, campaign, name};
  }
  Status for_each_phone(CampaignId, const std::function<void(std::string_view)>&) override {
    return ok_status();
  }
  Status insert_batch(std::span<const Lead> leads) override {
    ++batches;
    for (const auto& lead : leads) checksum += lead.phone.size() + lead.first_name.size();
    inserted += static_cast<std::int64_t>(leads.size());
    return ok_status();
  }
  Result<std::int64_t> count(CampaignId) override { return inserted; }
  Result<std::vector<Lead>> page(CampaignId, LeadId, std::size_t) override {
    return std::vector<Lead>{};
  }
  Result<std::optional<Lead>> find(LeadId) override { return std::optional<Lead>{}; }
  Status update_status(LeadId, LeadState, std::int32_t, std::optional<TimePoint>) override {
    return ok_status();
  }

  std::int64_t inserted = 0;
  std::int64_t batches = 0;
  std::uint64_t checksum = 0;
};

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int parse_only(std::istream& in) {
  const auto start = std::chrono::steady_clock::now();
  CsvReader reader(in);
  CsvRecord record;
  std::int64_t records = 0;
  std::uint64_t fields = 0;
  while (reader.next(record)) {
    ++records;
    fields += record.fields.size();
  }
  const double s = seconds_since(start);
  std::cout << "parse-only: " << records << " records, " << fields << " fields, "
            << reader.bytes_read() << " bytes in " << s
            << " s = " << static_cast<double>(records) / s << " records/s, "
            << static_cast<double>(reader.bytes_read()) / s / 1e6 << " MB/s\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: import_bench FILE [--parse-only] [--batch N] [--json]\n";
    return 2;
  }
  bool parse = false;
  bool json = false;
  dialer::ImportOptions options;
  options.campaign = dialer::CampaignId{1};
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--parse-only") == 0) parse = true;
    if (std::strcmp(argv[i], "--json") == 0) json = true;
    if (std::strcmp(argv[i], "--batch") == 0 && i + 1 < argc)
      options.batch_size = std::strtoul(argv[++i], nullptr, 10);
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "import_bench: cannot open " << argv[1] << "\n";
    return 1;
  }
  if (parse) return parse_only(in);

  CountingLeadRepository repo;
  const auto start = std::chrono::steady_clock::now();
  auto result = dialer::import_leads(in, options, repo);
  const double s = seconds_since(start);
  if (!result) {
    std::cerr << "import failed: " << result.error().message << "\n";
    return 1;
  }
  const auto& summary = *result;
  std::cout << "import: " << summary.rows << " rows in " << s
            << " s = " << static_cast<double>(summary.rows) / s << " rows/s\n"
            << "loaded " << summary.loaded << ", duplicates " << summary.duplicates << ", invalid "
            << summary.invalid << ", warnings " << summary.warnings.size() << ", batches "
            << repo.batches << " (checksum " << repo.checksum << ")\n";
  for (std::size_t k = 0; k < dialer::kImportIssueCount; ++k) {
    const auto issue = static_cast<dialer::ImportIssue>(k);
    std::cout << "  " << dialer::to_string(issue) << ": " << summary.count(issue) << "\n";
  }
  if (json) std::cout << dialer::to_json(summary) << "\n";
  return summary.rows == summary.loaded + summary.duplicates + summary.invalid ? 0 : 3;
}
