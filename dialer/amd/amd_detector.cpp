#include "dialer/amd/amd_detector.h"

#include <array>

#include "dialer/amd/cadence_detector.h"
#include "dialer/amd/classic_detector.h"

namespace dialer::amd {
namespace {

constexpr std::array<std::int16_t, kFrameSamples> kSilence{};
// Gaps after the verdict only matter to tone tracking; a few frames are enough to close a tone.
constexpr Duration kMaxFillAfterDecision{200};

void merge(AmdStep& into, AmdStep&& from) {
  if (from.decision) into.decision = std::move(from.decision);
  if (from.tone && !into.tone) into.tone = from.tone;
}

}  // namespace

std::string_view to_string(AmdAlgorithm algorithm) {
  return algorithm == AmdAlgorithm::kClassic ? "classic" : "cadence";
}

Result<AmdAlgorithm> parse_algorithm(std::string_view name) {
  if (name == "classic") return AmdAlgorithm::kClassic;
  if (name == "cadence" || name == "default") return AmdAlgorithm::kCadence;
  return Error{ErrorCode::invalid_argument,
               "unknown AMD detector '" + std::string(name) + "' (classic, cadence)"};
}

Status validate(const AmdConfig& config) {
  std::string problems;
  auto check = [&problems](bool ok, const char* what) {
    if (!ok) problems += std::string(problems.empty() ? "" : "\n") + what;
  };
  check(config.max_analysis >= Duration{500} && config.max_analysis <= Duration{30000},
        "max_analysis must be within 500..30000 ms");
  const auto& c = config.classic;
  check(c.min_word_length > Duration{0}, "classic.min_word_length must be positive");
  check(c.between_words_silence > Duration{0}, "classic.between_words_silence must be positive");
  check(c.max_words >= 1, "classic.max_words must be at least 1");
  check(c.silence_threshold > 0 && c.silence_threshold < 32768,
        "classic.silence_threshold must be within 1..32767");
  const auto& k = config.cadence;
  check(k.onset_frames >= 1 && k.onset_frames <= 5, "cadence.onset_frames must be within 1..5");
  check(k.short_greeting <= k.human_greeting && k.human_greeting <= k.long_greeting,
        "cadence greetings must satisfy short <= human <= long");
  check(k.short_silence > Duration{0} && k.short_silence <= k.human_silence &&
            k.human_silence <= k.ended_silence,
        "cadence silences must satisfy 0 < short <= human <= ended");
  check(k.tones.min_beep >= Duration{60}, "cadence.tones.min_beep must be at least 60 ms");
  check(k.sentence_pause >= Duration{60}, "cadence.sentence_pause must be at least 60 ms");
  check(k.unbroken_greeting >= k.long_greeting,
        "cadence.unbroken_greeting must be at least cadence.long_greeting");
  check(k.limit_silence > Duration{0}, "cadence.limit_silence must be positive");
  if (problems.empty()) return ok_status();
  return Error{ErrorCode::invalid_argument, problems};
}

AmdStep AmdDetector::feed(const AudioFrame& frame) {
  AmdStep step;
  if (frame.media_time < next_) return step;  // duplicate or reordered frame: already covered
  fill_gap(frame.media_time, step);
  merge(step, on_frame(frame.media_time, frame.samples));
  next_ = frame.media_time + kFrameDuration;
  return step;
}

std::optional<AmdDecision> AmdDetector::advance(Duration media_now) {
  AmdStep step;
  fill_gap(media_now, step);
  return step.decision;
}

void AmdDetector::fill_gap(Duration until, AmdStep& step) {
  if (decision_) {
    if (until - next_ > kMaxFillAfterDecision) next_ = until - kMaxFillAfterDecision;
  }
  while (next_ + kFrameDuration <= until) {
    merge(step, on_frame(next_, kSilence));
    next_ += kFrameDuration;
  }
}

std::optional<AmdDecision> AmdDetector::decide(AmdVerdict verdict, AmdCause cause, Duration at,
                                               std::string figures) {
  if (decision_) return std::nullopt;
  decision_ = AmdDecision{verdict, cause, std::min(at, max_analysis_), std::move(figures)};
  return decision_;
}

Result<std::unique_ptr<AmdDetector>> make_detector(const AmdConfig& config) {
  if (auto status = validate(config); !status) return status.error();
  std::unique_ptr<AmdDetector> detector;
  if (config.algorithm == AmdAlgorithm::kClassic) {
    detector = std::make_unique<ClassicDetector>(config.classic, config.max_analysis);
  } else {
    detector = std::make_unique<CadenceDetector>(config.cadence, config.max_analysis);
  }
  return detector;
}

}  // namespace dialer::amd
