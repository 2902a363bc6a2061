// Default detector. Voice activity against an adaptive noise floor with tonal frames excluded,
// then greeting cadence: a short utterance followed by a listening pause is a person, a long
// unbroken greeting is a machine, tones (beep, SIT, fax) decide at once and silence stays
// NOTSURE. One per call, not thread-safe; pure computation.
#pragma once

#include "dialer/amd/amd_detector.h"
#include "dialer/amd/voice_activity.h"

namespace dialer::amd {

class CadenceDetector final : public AmdDetector {
 public:
  CadenceDetector(CadenceParams params, Duration max_analysis);
  [[nodiscard]] std::string_view name() const override { return "cadence"; }

  // Exposed for tests and the evaluator's diagnostics.
  [[nodiscard]] double noise_floor_db() const { return vad_.floor_db(); }
  [[nodiscard]] bool speech_started() const { return onset_.has_value(); }

 private:
  AmdStep on_frame(Duration t, std::span<const std::int16_t> samples) override;
  void track_speech(Duration t, bool voiced);
  std::optional<AmdDecision> decide_on_tone(const ToneEvent& tone);
  std::optional<AmdDecision> decide_on_cadence(Duration end);
  std::optional<AmdDecision> decide_at_limit(Duration end);

  CadenceParams params_;
  ToneDetector tones_;
  VoiceActivity vad_;
  unsigned history_ = 0;  // voiced flags of the latest frames, newest in bit 0
  int run_ = 0;           // consecutive voiced frames
  std::optional<Duration> onset_;
  Duration last_voice_end_{0};
};

}  // namespace dialer::amd
