// Storage contracts of the compliance module. dialer/storage implements them (SQLite and
// MySQL/MariaDB); tests/fakes/compliance_repositories.h has in-memory versions. Calls block and
// report failures as values (storage_unavailable when the database is down); the engine runs
// them off its thread. Sealed records and events are append-only: no method changes or deletes
// one.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "compliance/call_record.h"
#include "compliance/checkpoint.h"
#include "compliance/consent_ledger.h"
#include "compliance/dnc_event.h"
#include "dialer/common/result.h"

namespace dialer::compliance {

// The last sealed record of one hash chain.
struct ChainHead {
  std::int64_t seq = 0;
  std::string hash;  // record_hash of the record at seq
  TimePoint sealed_at;
};

// Sealed records of one log whose sealed_at is in [from, to); seq order within a log.
struct RecordRange {
  std::optional<std::string> log_id;  // a campaign id; all logs when empty
  TimePoint from;
  TimePoint to;
};

class CallRecordRepository {
 public:
  virtual ~CallRecordRepository() = default;
  // Write-ahead: stores the open attempt's current state (insert or replace by attempt_id).
  // Must be durable when it returns: the engine sends the INVITE only after success.
  virtual Status put_open(const CallRecord& record) = 0;
  // Atomically appends `sealed` to its chain (log id = campaign_id) and deletes the open
  // attempt with the same attempt_id, if any. Fails with conflict when sealed.seq is not the
  // chain's next seq (another writer sealed first).
  virtual Status append_sealed(const CallRecord& sealed) = 0;
  // Open attempts, for crash recovery.
  virtual Result<std::vector<CallRecord>> open_attempts() = 0;
  virtual Result<std::optional<ChainHead>> chain_head(const std::string& log_id) = 0;
  virtual Result<std::vector<std::string>> log_ids() = 0;
  // Visits sealed records in (log_id, seq) order; a visitor error stops the walk.
  virtual Status for_each_sealed(const RecordRange& range,
                                 const std::function<Status(const CallRecord&)>& visit) = 0;
  // Checkpoints must go to storage the writer cannot rewrite (WORM bucket or external service)
  // in production; the database copy serves exports.
  virtual Status append_checkpoint(const Checkpoint& checkpoint) = 0;
  // Checkpoints of `log_id` with first_seq <= seq <= last_seq, in seq order.
  virtual Result<std::vector<Checkpoint>> checkpoints(const std::string& log_id,
                                                      std::int64_t first_seq,
                                                      std::int64_t last_seq) = 0;
};

class DncRepository {
 public:
  virtual ~DncRepository() = default;
  // Appends a sealed DNC event (chain "dnc_events") and its number to the list it names.
  virtual Status append_event(const DncEvent& event) = 0;
  virtual Result<std::optional<ChainHead>> head() = 0;
  // Events with received_at in [from, to), in seq order.
  virtual Status for_each_event(TimePoint from, TimePoint to,
                                const std::function<Status(const DncEvent&)>& visit) = 0;
  // Loading the in-memory lists at start-up: every internal number, every campaign entry.
  virtual Status for_each_internal(const std::function<void(PhoneKey)>& visit) = 0;
  virtual Status for_each_campaign_entry(
      const std::function<void(CampaignId, PhoneKey)>& visit) = 0;
  virtual Status append_checkpoint(const Checkpoint& checkpoint) = 0;
  virtual Result<std::vector<Checkpoint>> checkpoints(std::int64_t first_seq,
                                                      std::int64_t last_seq) = 0;
};

class ConsentRepository {
 public:
  virtual ~ConsentRepository() = default;
  virtual Status append_consent(const ConsentEvent& consent) = 0;
  virtual Status append_revocation(const RevocationEvent& revocation) = 0;
  // Replayed into a ConsentLedger at start-up.
  virtual Status for_each_consent(const std::function<void(const ConsentEvent&)>& visit) = 0;
  virtual Status for_each_revocation(const std::function<void(const RevocationEvent&)>& visit) = 0;
};

}  // namespace dialer::compliance
