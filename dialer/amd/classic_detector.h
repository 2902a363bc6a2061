// Baseline detector: a faithful port of Asterisk app_amd's energy/word state machine (mean
// |sample| against a fixed threshold, word and silence counting) with the compliance changes in
// ClassicParams. It knows nothing about tones. One per call, not thread-safe.
#pragma once

#include "dialer/amd/amd_detector.h"

namespace dialer::amd {

class ClassicDetector final : public AmdDetector {
 public:
  ClassicDetector(ClassicParams params, Duration max_analysis);
  [[nodiscard]] std::string_view name() const override { return "classic"; }

 private:
  AmdStep on_frame(Duration t, std::span<const std::int16_t> samples) override;
  std::optional<AmdDecision> on_silent(Duration end);
  std::optional<AmdDecision> on_voiced(Duration end);

  ClassicParams params_;
  Duration total_limit_;
  bool in_initial_silence_ = true;
  bool in_greeting_ = false;
  bool in_word_ = true;  // app_amd starts in IN_WORD: the first burst is not counted as a word
  int words_ = 0;
  Duration total_{0};
  Duration voice_{0};
  Duration consecutive_voice_{0};
  Duration dsp_silence_{0};
};

}  // namespace dialer::amd
