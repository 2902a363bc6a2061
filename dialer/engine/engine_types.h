// Value types the engine exchanges with its adapters and reports to supervisors: media outcomes
// (AMD verdicts, bridge results, the abandoned-call message) and live counters.
// Plain values, safe to copy between threads.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "dialer/common/ids.h"
#include "dialer/common/time.h"

namespace dialer::engine {

enum class MachineVerdict { human, machine, not_sure };

// The answering-machine detector's verdict for an answered customer call.
struct AmdOutcome {
  MachineVerdict verdict = MachineVerdict::not_sure;
  std::string cause;                           // e.g. "SHORT_GREETING"
  std::string figures;                         // e.g. "greeting=640ms silence=560ms"
  Duration decided_after{0};                   // media time from the answer
  std::optional<Duration> greeting_end_after;  // end of the callee's first utterance
};

enum class BridgeStatus { connected, connected_late, refused, failed };

struct BridgeOutcome {
  CallId customer;
  CallId agent_leg;
  BridgeStatus status = BridgeStatus::failed;
  std::optional<Duration> from_greeting_end;
  Duration from_answer{0};
};

// Counters of one campaign since the engine started (the status line and the summary).
struct CampaignCounters {
  std::uint64_t decisions = 0;
  std::uint64_t refused = 0;
  std::uint64_t deferred = 0;
  std::uint64_t dialed = 0;
  std::uint64_t answered = 0;
  std::uint64_t live = 0;  // HUMAN or NOTSURE verdicts, or answers without AMD
  std::uint64_t machine = 0;
  std::uint64_t voicemail_left = 0;
  std::uint64_t bridged = 0;
  std::uint64_t abandoned = 0;
  std::uint64_t failed = 0;     // not answered: busy, no answer, invalid, congestion, ...
  std::uint64_t completed = 0;  // records sealed
  std::map<std::string, std::uint64_t> dispositions;
};

// A snapshot for the live status line.
struct EngineSnapshot {
  TimePoint at{};
  int agents_logged_in = 0;
  int agents_ready = 0;
  int agents_talking = 0;
  int agents_wrap = 0;
  int ringing = 0;
  int analysing = 0;
  int waiting = 0;
  int talking = 0;
  double lines_per_agent = 0;
  std::uint64_t leads_waiting = 0;
  Duration agent_talk_time{0};    // summed talk time of finished and ongoing calls
  Duration agent_logged_time{0};  // summed logged-in time of agents
  bool dialing_halted = false;    // storage outage or stale DNC data: no new calls
  CampaignCounters totals;
};

}  // namespace dialer::engine
