// Lead import: a CSV stream (opened by the caller) into a campaign's list through LeadRepository.
// Streams in constant memory except the duplicate set (8-16 bytes per distinct number) and the
// per-row report. Bad rows are reported with their line and a stable reason and never stop the
// import; good rows load in batches. Invariant: rows == loaded + duplicates + invalid + unsaved,
// where unsaved is non-zero only when storage failed (aborted). Not thread-safe; blocking.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "campaigns/lead_columns.h"
#include "campaigns/repositories.h"
#include "dialer/common/ids.h"
#include "dialer/common/result.h"

namespace dialer {

struct ImportOptions {
  std::string tenant = "default";
  CampaignId campaign;
  std::string list_name = "default";
  std::string default_region = "US";  // for numbers written without a country code
  LeadColumnMap columns;
  std::size_t batch_size = 5000;  // leads per insert_batch (one transaction)
};

// Why a row was not loaded (errors) or was loaded with a change (alt_phone_dropped, a warning).
enum class ImportIssue {
  missing_phone,
  invalid_phone,
  premium_rate_phone,
  duplicate,
  wrong_field_count,
  invalid_utf8,
  unterminated_quote,
  record_too_long,
  alt_phone_dropped,
};
inline constexpr std::size_t kImportIssueCount = 9;
std::string_view to_string(ImportIssue issue);

struct ImportRowError {
  std::int64_t line = 0;  // where the record starts in the file (1-based, header is line 1)
  ImportIssue issue = ImportIssue::invalid_phone;
  std::string
      reason;  // to_string(issue), plus ": detail" for some (e.g. "invalid_phone: n11_code")
};

struct ImportSummary {
  std::int64_t rows = 0;  // data records seen (blank lines and the header excluded)
  std::int64_t loaded = 0;
  std::int64_t duplicates = 0;
  std::int64_t invalid = 0;
  std::int64_t unsaved = 0;              // rows of the batch storage refused; 0 unless aborted
  std::vector<ImportRowError> errors;    // one per row not loaded, in file order
  std::vector<ImportRowError> warnings;  // rows loaded with an alternate number dropped
  std::array<std::int64_t, kImportIssueCount> issue_counts{};  // errors and warnings by issue
  std::optional<Error> aborted;  // storage or read failure that stopped the import

  [[nodiscard]] std::int64_t count(ImportIssue issue) const {
    return issue_counts[static_cast<std::size_t>(issue)];
  }
};

// Called every batch_size rows read and once at the end, on the importing thread.
class ImportProgress {
 public:
  virtual ~ImportProgress() = default;
  virtual void on_progress(std::int64_t bytes_read, std::int64_t rows) = 0;
};

// File-level problems (no header, no phone column, list or duplicate lookup failing) are errors.
// A failure while inserting returns the summary so far with `aborted` set: leads of committed
// batches stay loaded and `loaded` counts them.
Result<ImportSummary> import_leads(std::istream& csv, const ImportOptions& options,
                                   LeadRepository& repo, ImportProgress* progress = nullptr);

// {"rows":N,"loaded":N,"duplicates":N,"invalid":N,"errors":[{"line":N,"reason":"..."}],
//  "warnings":[...]} plus "aborted" and "unsaved" when storage failed.
std::string to_json(const ImportSummary& summary);

}  // namespace dialer
