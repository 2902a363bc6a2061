// After a MACHINE verdict, decides when to leave the campaign's voicemail message: hang up at
// once, or wait for the beep to end (or for the greeting to end in silence when no beep comes)
// and tell the media layer to play now, never waiting longer than max_wait. Fed the same call's
// frames after the verdict; one per call, not thread-safe, pure computation.
#pragma once

#include <optional>
#include <string>

#include "dialer/amd/amd_types.h"
#include "dialer/amd/tone_detector.h"
#include "dialer/amd/voice_activity.h"

namespace dialer::amd {

enum class OnMachine { kHangUp, kLeaveMessage };

struct VoicemailDropParams {
  OnMachine on_machine = OnMachine::kLeaveMessage;
  Duration greeting_end_silence{1500};  // no beep: play after this much silence
  Duration max_wait{20000};             // from the verdict
  bool play_on_timeout = true;          // else hang up when max_wait passes
  ToneParams tones{};
};

enum class DropAction { kWait, kHangUpNow, kPlayMessageNow };
enum class DropReason { kWaiting, kHangUpPolicy, kBeepEnded, kGreetingEnded, kMaxWait };
std::string_view to_string(DropAction action);
std::string_view to_string(DropReason reason);

struct DropDecision {
  DropAction action = DropAction::kWait;
  DropReason reason = DropReason::kWaiting;
  Duration at{0};            // media time of the decision
  Duration ask_again_at{0};  // while waiting: call advance() by then if no audio arrives
  std::string figures;       // e.g. "beep onset=5120ms f=1000Hz end=5620ms"
};

class VoicemailDropPolicy {
 public:
  // `verdict_at` is the MACHINE decision time; `beep` a beep already recognised by the detector;
  // `noise_floor_db` the line's floor as the detector measured it (0: a digitally silent line).
  VoicemailDropPolicy(VoicemailDropParams params, Duration verdict_at,
                      std::optional<ToneEvent> beep = std::nullopt, double noise_floor_db = 0);

  // The first answer, due right after the verdict: hang up now, or wait.
  [[nodiscard]] DropDecision start() const;
  DropDecision feed(const AudioFrame& frame);
  DropDecision advance(Duration media_now);
  [[nodiscard]] bool done() const { return final_.has_value(); }

 private:
  DropDecision finish(DropAction action, DropReason reason, Duration at, std::string figures);
  [[nodiscard]] DropDecision waiting(Duration at) const;

  VoicemailDropParams params_;
  Duration start_;
  ToneDetector tones_;
  VoiceActivity vad_{10, 36};
  std::optional<ToneEvent> beep_;
  Duration last_voice_end_;
  int frames_ = 0;
  std::optional<DropDecision> final_;
};

}  // namespace dialer::amd
