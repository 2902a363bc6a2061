// The compliance export bundle (reference REC-03, REC-06, section 6): call_attempts.jsonl and
// .csv, abandonment_periods.jsonl, dnc_events.jsonl, manifest.json and manifest.sig.
// write_bundle() streams records from the repositories into the files (constant memory: one
// record at a time plus per-campaign counters) and checks the chains as it goes, so that a
// database edited behind the engine's back fails the export. verify_bundle() re-checks a bundle
// (chains, checkpoints, file hashes, manifest signature) and names the first bad record.
// Streams are opened by the caller through BundleTarget / BundleSource.
#pragma once

#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "compliance/crypto.h"
#include "compliance/export_access.h"
#include "compliance/repositories.h"

namespace dialer::compliance {

inline constexpr const char* kAttemptsJsonl = "call_attempts.jsonl";
inline constexpr const char* kAttemptsCsv = "call_attempts.csv";
inline constexpr const char* kPeriodsJsonl = "abandonment_periods.jsonl";
inline constexpr const char* kDncJsonl = "dnc_events.jsonl";
inline constexpr const char* kManifest = "manifest.json";
inline constexpr const char* kManifestSig = "manifest.sig";

struct ExportRequest {
  std::optional<std::string> campaign_id;  // all campaigns when empty
  TimePoint from;                          // sealed_at in [from, to)
  TimePoint to;
  TimePoint generated_at;
  std::string export_id;
  std::string requester;
  ExportRole requester_role = ExportRole::compliance_officer;  // REC-07: checked before writing
  std::string engine_version;
  std::string tzdata_version;
  std::string rule_table_version;
  double abandon_ceiling = 0.03;
  double false_positive_estimate = 0.0;
  // Legal periods start at the campaign's start; default: the first exported record's decision.
  std::unordered_map<std::string, TimePoint> campaign_starts;
};

class BundleTarget {
 public:
  virtual ~BundleTarget() = default;
  virtual std::ostream& create(const std::string& name) = 0;
  virtual Status finish(const std::string& name) = 0;
};

class BundleSource {
 public:
  virtual ~BundleSource() = default;
  // nullptr when the file is missing.
  virtual std::unique_ptr<std::istream> open(const std::string& name) = 0;
};

struct ExportSummary {
  std::int64_t call_records = 0;
  std::int64_t dnc_events = 0;
  std::int64_t periods = 0;
};

Result<ExportSummary> write_bundle(CallRecordRepository& records, DncRepository& dnc,
                                   const ExportRequest& request, const Ed25519Signer& signer,
                                   BundleTarget& target);

struct VerifyIssue {
  std::string file;
  std::int64_t line = 0;  // 1-based; 0 for file-level problems
  std::optional<std::int64_t> seq;
  std::string problem;
};

struct VerifyReport {
  std::vector<VerifyIssue> issues;  // the first one is the first bad record found
  std::int64_t records_checked = 0;
  std::string key_source;  // "pinned" or "manifest" (the key inside the bundle)
  [[nodiscard]] bool ok() const { return issues.empty(); }
};

// `pinned_key`: the auditor's copy of the public key; without it the key embedded in the
// manifest is used, which proves integrity only against someone who does not hold the key.
VerifyReport verify_bundle(BundleSource& source, const std::optional<Ed25519Verifier>& pinned_key);

// "line 12 (seq 11) of call_attempts.jsonl: ..." for reports.
std::string describe(const VerifyIssue& issue);

}  // namespace dialer::compliance
