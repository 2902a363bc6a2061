// Builds the compliance objects dialerd runs with: the data tables, the do-not-call lists
// (national snapshot and internal list files, plus every number stored in the database), the
// consent ledger replayed from storage, the signing key (created on first start), the dial gate
// assembled from the campaigns, the write-ahead record logs and the ComplianceEngine facade.
// Everything here lives on the engine thread once built.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compliance/compliance_engine.h"
#include "dialer/common/random.h"
#include "dialer/config/engine_config.h"
#include "dialer/storage/database.h"

namespace dialer::app {

struct ComplianceStack {
  compliance::DncLists dnc;
  compliance::ConsentLedger consents;
  compliance::AttemptHistory history;
  compliance::AbandonmentMonitor abandonment;
  std::optional<compliance::Ed25519Signer> signer;
  std::unique_ptr<compliance::DialGate> gate;
  std::unique_ptr<compliance::CallRecordLog> records;
  std::unique_ptr<compliance::DncEventLog> dnc_events;
  std::unique_ptr<compliance::ComplianceEngine> engine;
  std::string public_key_pem;
  std::size_t recovered_open = 0;  // attempts a crash left open, sealed as INCOMPLETE
};

// Errors name the file or setting that is wrong. `source_dir` is where the compliance tables
// live when the engine file does not say (the installed or source copy).
Result<std::unique_ptr<ComplianceStack>> build_compliance(const config::EngineConfig& config,
                                                          Database& db, Random& random,
                                                          const std::string& default_data_dir,
                                                          TimePoint now);

}  // namespace dialer::app
