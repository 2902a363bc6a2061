// ComplianceHarness: the real compliance module behind the simulator's ports. Every dial asks the
// real DialGate (consent, DNC, the calling window in the lead's own time zone, frequency caps and
// the abandonment gate with its hysteresis); every settled call feeds the real AbandonmentMonitor.
// With a Recording, decisions go through ComplianceEngine instead: written ahead, completed with
// the call's progress and sealed into the campaign's hash chain, so that a simulated month can be
// exported and verified like a real one. One harness per simulation; simulator thread only.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "campaigns/campaign.h"
#include "compliance/compliance_engine.h"
#include "compliance/files/table_files.h"
#include "dialer/common/random.h"
#include "tools/simulator/compliance_ports.h"

namespace dialer::sim {

struct Recording {
  compliance::CallRecordRepository& records;
  compliance::DncRepository& dnc;
  const compliance::Ed25519Signer& signer;
};

class ComplianceHarness final : public DialGatePort, public OutcomeSink {
 public:
  ComplianceHarness(const Campaign& campaign, TimePoint campaign_start,
                    std::shared_ptr<const compliance::ComplianceTables> tables,
                    std::optional<Recording> recording = std::nullopt, std::uint64_t seed = 1);
  ~ComplianceHarness() override;

  GateReply ask(const DialRequest& request) override;
  void record(const SimCallRecord& call) override;
  // A new simulated day: today's national DNC snapshot (empty), time-based checkpoints.
  void start_day(TimePoint day_start) override;
  // The end of the simulation: time-based checkpoint of what was sealed since the last one.
  void end_run(TimePoint now) override;

  // The first recording error, if any (the simulation carries on without recording further).
  [[nodiscard]] const Status& recording_status() const { return status_; }
  [[nodiscard]] const compliance::DialGate& gate() const { return *gate_; }
  [[nodiscard]] const compliance::AbandonmentMonitor& monitor() const { return monitor_; }

 private:
  compliance::DialRequest gate_request(const DialRequest& r) const;
  void seal(const SimCallRecord& call, const std::string& attempt_id);
  void fail(const Error& e);

  CampaignId campaign_id_;
  compliance::DncLists dnc_;
  compliance::ConsentLedger consents_;
  compliance::AttemptHistory history_;
  compliance::AbandonmentMonitor monitor_;
  std::unique_ptr<compliance::DialGate> gate_;
  SeededRandom random_;
  std::optional<Recording> recording_;
  std::unique_ptr<compliance::CallRecordLog> record_log_;
  std::unique_ptr<compliance::DncEventLog> dnc_log_;
  std::unique_ptr<compliance::ComplianceEngine> engine_;
  std::unordered_map<std::int64_t, std::string> open_attempts_;  // lead -> attempt id
  Status status_ = ok_status();
};

// The compliance tables of `dir`, loaded once per directory and shared (they are immutable).
Result<std::shared_ptr<const compliance::ComplianceTables>> shared_compliance_tables(
    const std::string& dir);
// The tables' directory of this source tree (compliance/data), used unless told otherwise.
std::string default_compliance_data_dir();

}  // namespace dialer::sim
