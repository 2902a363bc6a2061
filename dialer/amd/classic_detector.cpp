#include "dialer/amd/classic_detector.h"

#include <algorithm>

#include "dialer/amd/frame_dsp.h"

namespace dialer::amd {
namespace {

std::string ms(Duration d) { return std::to_string(d.count()) + "ms"; }

}  // namespace

ClassicDetector::ClassicDetector(ClassicParams params, Duration max_analysis)
    : AmdDetector(max_analysis),
      params_(params),
      total_limit_(std::min(params.total_analysis, max_analysis)) {}

AmdStep ClassicDetector::on_frame(Duration t, std::span<const std::int16_t> samples) {
  AmdStep step;
  if (decision()) return step;
  const Duration end = t + kFrameDuration;
  total_ += kFrameDuration;
  if (total_ >= total_limit_) {
    step.decision = decide(AmdVerdict::kNotSure, AmdCause::kTooLong, end,
                           "total=" + ms(total_) + ">=" + ms(total_limit_));
    return step;
  }
  const bool silent = mean_abs(samples) < params_.silence_threshold;
  step.decision = silent ? on_silent(end) : on_voiced(end);
  return step;
}

std::optional<AmdDecision> ClassicDetector::on_silent(Duration end) {
  dsp_silence_ += kFrameDuration;
  const Duration silence = dsp_silence_;
  if (silence >= params_.between_words_silence) {
    in_word_ = false;
    consecutive_voice_ = Duration{0};
  }
  if (in_initial_silence_ && silence >= params_.initial_silence) {
    return decide(AmdVerdict::kNotSure, AmdCause::kInitialSilence, end,
                  "silence=" + ms(silence) + ">=" + ms(params_.initial_silence));
  }
  if (in_greeting_ && silence >= params_.after_greeting_silence) {
    return decide(AmdVerdict::kHuman, AmdCause::kAfterGreetingSilence, end,
                  "silence=" + ms(silence) + ">=" + ms(params_.after_greeting_silence));
  }
  return std::nullopt;
}

std::optional<AmdDecision> ClassicDetector::on_voiced(Duration end) {
  dsp_silence_ = Duration{0};
  consecutive_voice_ += kFrameDuration;
  voice_ += kFrameDuration;
  if (consecutive_voice_ >= params_.min_word_length && !in_word_) {
    ++words_;
    in_word_ = true;
  }
  if (consecutive_voice_ >= params_.max_word_length) {
    return decide(AmdVerdict::kMachine, AmdCause::kMaxWordLength, end,
                  "word=" + ms(consecutive_voice_) + ">=" + ms(params_.max_word_length));
  }
  if (words_ > params_.max_words) {
    return decide(AmdVerdict::kMachine, AmdCause::kMaxWords, end,
                  "words=" + std::to_string(words_) + ">" + std::to_string(params_.max_words));
  }
  if (in_greeting_ && voice_ >= params_.greeting) {
    return decide(AmdVerdict::kMachine, AmdCause::kLongGreeting, end,
                  "greeting=" + ms(voice_) + ">=" + ms(params_.greeting));
  }
  if (consecutive_voice_ >= params_.min_word_length && !in_greeting_) {
    in_initial_silence_ = false;
    in_greeting_ = true;
  }
  return std::nullopt;
}

}  // namespace dialer::amd
