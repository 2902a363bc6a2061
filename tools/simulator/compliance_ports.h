// Seams through which the compliance module (dial gate, abandonment ledger, call records) plugs
// into the simulator. The simulator's own abandonment accounting stays the measurement; these
// ports let the real gate refuse dials and the real ledger record every simulated call.
// Called from the simulator's single thread.
#pragma once

#include <cstdint>

#include "dialer/common/ids.h"
#include "dialer/common/time.h"

namespace dialer::sim {

struct DialRequest {
  CampaignId campaign;
  LeadId lead;
  TimePoint now{};
};

// Asked before every simulated dial. Returning false skips the dial (the pacer is asked again).
class DialGatePort {
 public:
  virtual ~DialGatePort() = default;
  virtual bool allow(const DialRequest& request) = 0;
};

enum class SimCallOutcome : std::uint8_t {
  not_live,          // no answer, busy, machine detected
  connected,         // live answer that reached an agent
  abandoned,         // live answer dropped after the abandon allowance
  amd_dropped,       // live answer wrongly classified as a machine and hung up
  machine_to_agent,  // machine wrongly classified as human and passed to an agent
};

struct SimCallRecord {
  CampaignId campaign;
  LeadId lead;
  TimePoint dialed{};
  TimePoint answered{};  // epoch when not answered live
  TimePoint ended{};
  SimCallOutcome outcome = SimCallOutcome::not_live;
  Duration wait{0};  // answer to agent (connected) or to drop (abandoned)
};

// Told about every call once it is settled (connected calls when they reach an agent).
class OutcomeSink {
 public:
  virtual ~OutcomeSink() = default;
  virtual void record(const SimCallRecord& record) = 0;
};

class AllowAllGate final : public DialGatePort {
 public:
  bool allow(const DialRequest&) override { return true; }
};

class NullSink final : public OutcomeSink {
 public:
  void record(const SimCallRecord&) override {}
};

}  // namespace dialer::sim
