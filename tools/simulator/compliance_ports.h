// Seams through which the compliance module (dial gate, abandonment ledger, call records) plugs
// into the simulator. The simulator's own abandonment accounting stays the measurement; these
// ports let the real gate refuse dials and the real ledger and record log see every simulated
// call. Called from the simulator's single thread.
#pragma once

#include <cstdint>
#include <string_view>

#include "dialer/common/ids.h"
#include "dialer/common/time.h"

namespace dialer::sim {

struct DialRequest {
  CampaignId campaign;
  LeadId lead;
  std::string_view number;         // E.164
  std::int32_t lead_attempts = 0;  // attempts already made on this lead
  bool agent_reserved = false;     // a ready agent is free for this call (progressive share)
  TimePoint now{};
};

enum class GateAnswer : std::uint8_t {
  dial,       // allowed: place the call
  skip_lead,  // this lead may not be called now (window, caps, DNC): try the next lead
  hold,       // the campaign may not place unreserved calls now (abandonment gate): stop
};

struct GateReply {
  GateAnswer answer = GateAnswer::dial;
  TimePoint until{};  // hold: unreserved calls are not asked for again before this
};

// Asked before every simulated dial.
class DialGatePort {
 public:
  virtual ~DialGatePort() = default;
  virtual GateReply ask(const DialRequest& request) = 0;
  virtual void start_day(TimePoint /*day_start*/) {}
  virtual void end_run(TimePoint /*now*/) {}
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
  int agent = -1;    // the agent who took the call, if any
};

// Told about every dialled call once it is settled (connected calls when they reach an agent).
class OutcomeSink {
 public:
  virtual ~OutcomeSink() = default;
  virtual void record(const SimCallRecord& record) = 0;
};

class AllowAllGate final : public DialGatePort {
 public:
  GateReply ask(const DialRequest&) override { return {}; }
};

class NullSink final : public OutcomeSink {
 public:
  void record(const SimCallRecord&) override {}
};

}  // namespace dialer::sim
