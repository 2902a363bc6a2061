#include "dialer/amd/cadence_detector.h"

#include <bit>
#include <cmath>

#include "dialer/amd/frame_dsp.h"

namespace dialer::amd {
namespace {

std::string ms(Duration d) { return std::to_string(d.count()) + "ms"; }
constexpr unsigned kHistoryMask = 0x1F;  // the last five frames

}  // namespace

CadenceDetector::CadenceDetector(CadenceParams params, Duration max_analysis)
    : AmdDetector(max_analysis),
      params_(params),
      tones_(params.tones),
      vad_(params.speech_snr_db, params.min_speech_db) {}

AmdStep CadenceDetector::on_frame(Duration t, std::span<const std::int16_t> samples) {
  AmdStep step;
  step.tone = tones_.feed(t, samples);
  if (decision()) return step;
  double sum_squares = 0;
  for (std::int16_t s : samples) sum_squares += static_cast<double>(s) * s;
  const bool voiced = vad_.classify(level_db(sum_squares, samples.size()), tones_.frame_is_tone());
  track_speech(t, voiced);
  const Duration end = t + kFrameDuration;
  if (step.tone) step.decision = decide_on_tone(*step.tone);
  if (!step.decision && onset_) step.decision = decide_on_cadence(end);
  if (!step.decision && end >= deadline()) step.decision = decide_at_limit(end);
  return step;
}

void CadenceDetector::track_speech(Duration t, bool voiced) {
  history_ = ((history_ << 1U) | (voiced ? 1U : 0U)) & kHistoryMask;
  run_ = voiced ? run_ + 1 : 0;
  if (!onset_) {
    if (std::popcount(history_) >= params_.onset_frames) {
      // Onset at the oldest voiced frame of the window that started speech.
      int back = 31 - std::countl_zero(history_);
      onset_ = t - kFrameDuration * back;
      last_voice_end_ = t + kFrameDuration;
    }
    return;
  }
  if (run_ >= 2) last_voice_end_ = t + kFrameDuration;  // a lone click does not resume speech
}

std::optional<AmdDecision> CadenceDetector::decide_on_tone(const ToneEvent& tone) {
  const std::string at = " onset=" + ms(tone.onset) +
                         " f=" + std::to_string(static_cast<int>(std::lround(tone.frequency_hz))) +
                         "Hz";
  switch (tone.kind) {
    case ToneKind::kBeep:
      return decide(AmdVerdict::kMachine, AmdCause::kBeep, tone.detected_at + kFrameDuration,
                    "beep" + at);
    case ToneKind::kSit:
      return decide(AmdVerdict::kMachine, AmdCause::kSit, tone.detected_at + kFrameDuration,
                    "sit" + at);
    case ToneKind::kFaxCng:
      return decide(AmdVerdict::kMachine, AmdCause::kFax, tone.detected_at + kFrameDuration,
                    "cng" + at);
    case ToneKind::kRingback:
      return std::nullopt;  // the call is still ringing: keep listening
  }
  return std::nullopt;
}

std::optional<AmdDecision> CadenceDetector::decide_on_cadence(Duration end) {
  const Duration span = last_voice_end_ - *onset_;
  const Duration silence = end - last_voice_end_;
  const std::string figures = "greeting=" + ms(span);
  if (span >= params_.long_greeting) {
    return decide(AmdVerdict::kMachine, AmdCause::kLongGreeting, end,
                  figures + ">=" + ms(params_.long_greeting));
  }
  const auto human = [&](AmdCause cause, Duration greeting, Duration wait) {
    return decide(AmdVerdict::kHuman, cause, end,
                  figures + "<=" + ms(greeting) + " silence=" + ms(silence) + ">=" + ms(wait));
  };
  if (span <= params_.short_greeting && silence >= params_.short_silence) {
    return human(AmdCause::kShortGreeting, params_.short_greeting, params_.short_silence);
  }
  if (span <= params_.human_greeting && silence >= params_.human_silence) {
    return human(AmdCause::kShortGreeting, params_.human_greeting, params_.human_silence);
  }
  if (silence >= params_.ended_silence) {
    return human(AmdCause::kGreetingEnded, params_.long_greeting, params_.ended_silence);
  }
  return std::nullopt;
}

std::optional<AmdDecision> CadenceDetector::decide_at_limit(Duration end) {
  if (!onset_) {
    return decide(AmdVerdict::kNotSure, AmdCause::kInitialSilence, end,
                  "silence=" + ms(end) + ">=" + ms(deadline()));
  }
  const Duration span = last_voice_end_ - *onset_;
  const Duration silence = end - last_voice_end_;
  if (silence <= params_.still_talking && span >= params_.limit_greeting) {
    return decide(AmdVerdict::kMachine, AmdCause::kLongGreeting, end,
                  "greeting=" + ms(span) + ">=" + ms(params_.limit_greeting) + " at limit");
  }
  return decide(AmdVerdict::kNotSure, AmdCause::kTooLong, end,
                "greeting=" + ms(span) + " silence=" + ms(silence) + " limit=" + ms(deadline()));
}

}  // namespace dialer::amd
