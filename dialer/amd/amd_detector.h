// The detector interface shared by the classic and the default (cadence) algorithms, their
// configuration and the factory that picks one per campaign. A detector lives for one call and
// is fed that call's frames in media-time order from one thread; it is not thread-safe.
// Invariants: at most one decision per call, never later than `max_analysis` after the answer,
// and initial silence never yields MACHINE.
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "dialer/amd/amd_types.h"
#include "dialer/amd/tone_detector.h"
#include "dialer/common/result.h"

namespace dialer::amd {

enum class AmdAlgorithm { kClassic, kCadence };
std::string_view to_string(AmdAlgorithm algorithm);
Result<AmdAlgorithm> parse_algorithm(std::string_view name);

// Asterisk app_amd parameters and defaults (amd.conf). Two deliberate differences: INITIALSILENCE
// gives NOTSURE (live) instead of MACHINE, and the analysis stops at AmdConfig::max_analysis.
struct ClassicParams {
  Duration initial_silence{2500};
  Duration greeting{1500};
  Duration after_greeting_silence{800};
  Duration total_analysis{5000};
  Duration min_word_length{100};
  Duration between_words_silence{50};
  int max_words = 2;            // MACHINE when words > max_words
  int silence_threshold = 256;  // mean |sample| below which a frame is silent
  Duration max_word_length{5000};
};

// The default detector: adaptive noise floor, tone-aware voice activity, greeting cadence rules.
struct CadenceParams {
  double speech_snr_db = 10;      // a voiced frame stands this far above the noise floor
  double min_speech_db = 36;      // and above this absolute level (about -54 dBFS)
  int onset_frames = 3;           // voiced frames among the last five that start speech
  Duration short_greeting{1000};  // "Hello?": HUMAN after short_silence
  Duration short_silence{550};
  Duration human_greeting{1800};  // "Hello, this is Maria": HUMAN after human_silence
  Duration human_silence{650};
  Duration ended_silence{1000};   // longer greeting, then a listening pause: HUMAN
  Duration long_greeting{2600};   // speech span that only machines reach while still talking
  Duration limit_greeting{1800};  // at the analysis limit, ongoing speech longer than this: MACHINE
  Duration still_talking{300};    // voice within this before the limit counts as ongoing
  ToneParams tones{};
  // A pause this long inside the greeting, then more speech: a sentence break (recorded message).
  Duration sentence_pause{200};
  // Without a sentence break, a long greeting may be a business answering: MACHINE only once the
  // greeting reaches this span, NOTSURE (UNBROKEN_GREETING) when the limit comes first.
  Duration unbroken_greeting{3200};
  // At the limit, a greeting no longer than human_greeting followed by this much silence: HUMAN.
  Duration limit_silence{140};
  // At the limit, speech that began this late and is shorter than limit_greeting: a slow answerer
  // (recorded greetings start playing at once). HUMAN with cause SLOW_ANSWER.
  Duration late_onset{2000};
};

struct AmdConfig {
  AmdAlgorithm algorithm = AmdAlgorithm::kCadence;
  Duration max_analysis{4000};
  ClassicParams classic{};
  CadenceParams cadence{};
};

// Every problem found, one per line; empty config problems give ok.
Status validate(const AmdConfig& config);

// What one frame produced: the verdict (only on the frame that decided) and any tone recognised.
// Tones keep being reported after the verdict, for voicemail drop.
struct AmdStep {
  std::optional<AmdDecision> decision;
  std::optional<ToneEvent> tone;
};

class AmdDetector {
 public:
  virtual ~AmdDetector() = default;

  // Frames must come in media-time order; a forward jump is treated as silence.
  AmdStep feed(const AudioFrame& frame);
  // No audio arrived until `media_now` (silence suppression, stalled RTP): counts as silence.
  // Call it at deadline() at the latest, so the limit holds without audio.
  std::optional<AmdDecision> advance(Duration media_now);
  [[nodiscard]] Duration deadline() const { return max_analysis_; }
  [[nodiscard]] const std::optional<AmdDecision>& decision() const { return decision_; }
  [[nodiscard]] virtual std::string_view name() const = 0;

 protected:
  explicit AmdDetector(Duration max_analysis) : max_analysis_(max_analysis) {}
  // One 20 ms frame (real audio, or zeros for a gap) starting at t.
  virtual AmdStep on_frame(Duration t, std::span<const std::int16_t> samples) = 0;
  std::optional<AmdDecision> decide(AmdVerdict verdict, AmdCause cause, Duration at,
                                    std::string figures);

 private:
  void fill_gap(Duration until, AmdStep& step);

  Duration max_analysis_;
  Duration next_{0};
  std::optional<AmdDecision> decision_;
};

Result<std::unique_ptr<AmdDetector>> make_detector(const AmdConfig& config);

}  // namespace dialer::amd
