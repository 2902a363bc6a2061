#include "dialer/amd/cadence_detector.h"

#include <cmath>

#include "dialer/amd/frame_dsp.h"

namespace dialer::amd {
namespace {

std::string ms(Duration d) { return std::to_string(d.count()) + "ms"; }

}  // namespace

CadenceDetector::CadenceDetector(CadenceParams params, Duration max_analysis)
    : AmdDetector(max_analysis),
      params_(params),
      tones_(params.tones),
      vad_(params.speech_snr_db, params.min_speech_db),
      greeting_(params.onset_frames, params.sentence_pause) {}

AmdStep CadenceDetector::on_frame(Duration t, std::span<const std::int16_t> samples) {
  AmdStep step;
  step.tone = tones_.feed(t, samples);
  if (decision()) return step;
  double sum_squares = 0;
  for (std::int16_t s : samples) sum_squares += static_cast<double>(s) * s;
  const bool voiced = vad_.classify(level_db(sum_squares, samples.size()), tones_.frame_is_tone());
  greeting_.track(t, voiced);
  const Duration end = t + kFrameDuration;
  if (step.tone) step.decision = decide_on_tone(*step.tone);
  if (!step.decision && greeting_.started()) step.decision = decide_on_cadence(end);
  if (!step.decision && end >= deadline()) step.decision = decide_at_limit(end);
  return step;
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

std::string CadenceDetector::greeting_figures() const { return "greeting=" + ms(greeting_.span()); }

std::optional<AmdDecision> CadenceDetector::decide_on_cadence(Duration end) {
  const Duration span = greeting_.span();
  const Duration silence = greeting_.silence_at(end);
  const int breaks = greeting_.sentence_breaks();
  const std::string figures = greeting_figures();
  if (span >= params_.long_greeting && breaks > 0) {
    return decide(AmdVerdict::kMachine, AmdCause::kLongGreeting, end,
                  figures + ">=" + ms(params_.long_greeting) + " breaks=" + std::to_string(breaks) +
                      " pause=" + ms(greeting_.longest_pause()) +
                      ">=" + ms(params_.sentence_pause));
  }
  if (span >= params_.unbroken_greeting) {
    return decide(AmdVerdict::kMachine, AmdCause::kLongGreeting, end,
                  figures + ">=" + ms(params_.unbroken_greeting) + " breaks=0");
  }
  // A tone after the greeting may be the beep: the verdict waits until it is measured.
  if (tones_.beep_candidate()) return std::nullopt;
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
  // Past long_greeting a stop is what a business answering does, but a recorded message may
  // pause as long between sentences: that case waits for the limit (NOTSURE), never HUMAN here.
  if (span < params_.long_greeting && silence >= params_.ended_silence) {
    return human(AmdCause::kGreetingEnded, params_.long_greeting, params_.ended_silence);
  }
  return std::nullopt;
}

std::optional<AmdDecision> CadenceDetector::decide_at_limit(Duration end) {
  if (!greeting_.started()) {
    return decide(AmdVerdict::kNotSure, AmdCause::kInitialSilence, end,
                  "silence=" + ms(end) + ">=" + ms(deadline()));
  }
  const Duration span = greeting_.span();
  const Duration silence = greeting_.silence_at(end);
  const int breaks = greeting_.sentence_breaks();
  const std::string limit = " limit=" + ms(deadline());
  if (silence <= params_.still_talking && span >= params_.limit_greeting) {
    if (breaks > 0) {
      return decide(AmdVerdict::kMachine, AmdCause::kLongGreeting, end,
                    greeting_figures() + ">=" + ms(params_.limit_greeting) +
                        " breaks=" + std::to_string(breaks) + " at limit");
    }
    return decide(AmdVerdict::kNotSure, AmdCause::kUnbrokenGreeting, end,
                  greeting_figures() + ">=" + ms(params_.limit_greeting) + " breaks=0" + limit);
  }
  if (span <= params_.human_greeting && silence >= params_.limit_silence) {
    return decide(AmdVerdict::kHuman, AmdCause::kShortGreeting, end,
                  greeting_figures() + "<=" + ms(params_.human_greeting) +
                      " silence=" + ms(silence) + ">=" + ms(params_.limit_silence) + " at limit");
  }
  if (span < params_.limit_greeting && greeting_.onset() >= params_.late_onset) {
    return decide(AmdVerdict::kHuman, AmdCause::kSlowAnswer, end,
                  "onset=" + ms(greeting_.onset()) + ">=" + ms(params_.late_onset) + " " +
                      greeting_figures() + "<" + ms(params_.limit_greeting) + " at limit");
  }
  return decide(AmdVerdict::kNotSure, AmdCause::kTooLong, end,
                greeting_figures() + " silence=" + ms(silence) + limit);
}

}  // namespace dialer::amd
