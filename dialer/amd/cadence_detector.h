// Default detector. Voice activity against an adaptive noise floor with tonal frames excluded,
// then greeting cadence: a short utterance followed by a listening pause is a person, a long
// greeting that reads on past a sentence break is a machine, one long unbroken phrase is NOTSURE
// until it gets longer than a person's, tones (beep, SIT, fax) decide at once and silence stays
// NOTSURE. A HUMAN verdict waits while a tone that may be a beep is being measured.
// One per call, not thread-safe; pure computation.
#pragma once

#include "dialer/amd/amd_detector.h"
#include "dialer/amd/greeting_tracker.h"
#include "dialer/amd/voice_activity.h"

namespace dialer::amd {

class CadenceDetector final : public AmdDetector {
 public:
  CadenceDetector(CadenceParams params, Duration max_analysis);
  [[nodiscard]] std::string_view name() const override { return "cadence"; }

  // Exposed for tests and the evaluator's diagnostics.
  [[nodiscard]] double noise_floor_db() const { return vad_.floor_db(); }
  [[nodiscard]] bool speech_started() const { return greeting_.started(); }

 private:
  AmdStep on_frame(Duration t, std::span<const std::int16_t> samples) override;
  std::optional<AmdDecision> decide_on_tone(const ToneEvent& tone);
  std::optional<AmdDecision> decide_on_cadence(Duration end);
  std::optional<AmdDecision> decide_at_limit(Duration end);
  [[nodiscard]] std::string greeting_figures() const;

  CadenceParams params_;
  ToneDetector tones_;
  VoiceActivity vad_;
  GreetingTracker greeting_;
};

}  // namespace dialer::amd
