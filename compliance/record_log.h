// CallRecordLog: the write-ahead attempt log. record_decision() stores every dial decision
// before the INVITE (refusals are sealed at once); update() persists progress (ring, answer,
// AMD, agent, abandonment, safe-harbor message, disposition); close() seals the record into its
// campaign's hash chain; recover_open() seals attempts a crash left open as INCOMPLETE.
// Checkpoints are signed every `checkpoint_every` records or `checkpoint_interval`.
// Not thread-safe: the engine thread owns it; the repository may block.
#pragma once

#include <functional>
#include <string>
#include <unordered_map>

#include "compliance/repositories.h"

namespace dialer::compliance {

struct RecordLogSettings {
  std::int64_t checkpoint_every = 10'000;
  Duration checkpoint_interval = std::chrono::minutes{5};
};

class CallRecordLog {
 public:
  CallRecordLog(CallRecordRepository& repo, const Ed25519Signer& signer,
                RecordLogSettings settings = {});

  // Write-ahead. An error means "do not dial": the decision could not be recorded.
  Status record_decision(CallRecord record, TimePoint now);
  Status update(const std::string& attempt_id, const std::function<void(CallRecord&)>& change);
  Status close(const std::string& attempt_id, TimePoint now);
  Status recover_open(TimePoint now);
  // Time-based checkpoints; call from a timer (no-op when nothing new was sealed).
  Status checkpoint_due(TimePoint now);

  [[nodiscard]] std::size_t open_count() const { return open_.size(); }
  // The current state of an open attempt, or nullptr.
  [[nodiscard]] const CallRecord* open_record(const std::string& attempt_id) const {
    auto it = open_.find(attempt_id);
    return it == open_.end() ? nullptr : &it->second;
  }

 private:
  struct Chain {
    std::int64_t seq = 0;
    std::string hash = kGenesisHash;
    std::int64_t checkpointed_seq = 0;
    TimePoint checkpointed_at;
    bool loaded = false;
  };
  Result<Chain*> chain(const std::string& log_id, TimePoint now);
  Status seal(CallRecord record, TimePoint now);
  Status checkpoint(const std::string& log_id, Chain& c, TimePoint now);

  CallRecordRepository& repo_;
  const Ed25519Signer& signer_;
  RecordLogSettings settings_;
  std::unordered_map<std::string, Chain> chains_;
  std::unordered_map<std::string, CallRecord> open_;
};

// Seals `record` after `prev` (seq, prev_hash, record_hash); used by both logs and by tests.
void seal_after(CallRecord& record, std::int64_t prev_seq, const std::string& prev_hash);
void seal_after(DncEvent& event, std::int64_t prev_seq, const std::string& prev_hash);

// DncEventLog: appends DNC events to their chain and checkpoints it like CallRecordLog.
class DncEventLog {
 public:
  DncEventLog(DncRepository& repo, const Ed25519Signer& signer, RecordLogSettings settings = {});
  Status append(DncEvent event, TimePoint now);

 private:
  DncRepository& repo_;
  const Ed25519Signer& signer_;
  RecordLogSettings settings_;
  std::optional<ChainHead> head_;
  std::int64_t checkpointed_seq_ = 0;
  TimePoint checkpointed_at_;
};

}  // namespace dialer::compliance
