#include "dialer/amd/voicemail_drop.h"

#include <cmath>

#include "dialer/amd/frame_dsp.h"

namespace dialer::amd {
namespace {

std::string ms(Duration d) { return std::to_string(d.count()) + "ms"; }

}  // namespace

std::string_view to_string(DropAction action) {
  switch (action) {
    case DropAction::kWait:
      return "WAIT";
    case DropAction::kHangUpNow:
      return "HANG_UP_NOW";
    case DropAction::kPlayMessageNow:
      return "PLAY_MESSAGE_NOW";
  }
  return "WAIT";
}

std::string_view to_string(DropReason reason) {
  switch (reason) {
    case DropReason::kWaiting:
      return "WAITING";
    case DropReason::kHangUpPolicy:
      return "HANG_UP_POLICY";
    case DropReason::kBeepEnded:
      return "BEEP_ENDED";
    case DropReason::kGreetingEnded:
      return "GREETING_ENDED";
    case DropReason::kMaxWait:
      return "MAX_WAIT";
  }
  return "WAITING";
}

VoicemailDropPolicy::VoicemailDropPolicy(VoicemailDropParams params, Duration verdict_at,
                                         std::optional<ToneEvent> beep, double noise_floor_db)
    : params_(params),
      start_(verdict_at),
      tones_(params.tones),
      beep_(beep),
      last_voice_end_(verdict_at) {
  vad_.seed_floor(noise_floor_db);
  if (params_.on_machine == OnMachine::kHangUp) {
    final_ = DropDecision{DropAction::kHangUpNow, DropReason::kHangUpPolicy, start_, start_,
                          "policy=hang_up"};
  }
}

DropDecision VoicemailDropPolicy::start() const { return final_ ? *final_ : waiting(start_); }

DropDecision VoicemailDropPolicy::waiting(Duration at) const {
  Duration next = start_ + params_.max_wait;
  if (!beep_) next = std::min(next, last_voice_end_ + params_.greeting_end_silence);
  return DropDecision{DropAction::kWait, DropReason::kWaiting, at, std::max(next, at), ""};
}

DropDecision VoicemailDropPolicy::finish(DropAction action, DropReason reason, Duration at,
                                         std::string figures) {
  final_ = DropDecision{action, reason, at, at, std::move(figures)};
  return *final_;
}

DropDecision VoicemailDropPolicy::feed(const AudioFrame& frame) {
  if (final_) return *final_;
  const Duration end = frame.media_time + kFrameDuration;
  auto tone = tones_.feed(frame.media_time, frame.samples);
  if (tone && tone->kind == ToneKind::kBeep && !beep_) beep_ = tone;
  double sum_squares = 0;
  for (std::int16_t s : frame.samples) sum_squares += static_cast<double>(s) * s;
  const bool voiced =
      vad_.classify(level_db(sum_squares, frame.samples.size()), tones_.frame_is_tone());
  if (voiced) last_voice_end_ = end;
  // The first frame fills only half of the tone detector's 40 ms window: it cannot end a beep.
  if (beep_ && ++frames_ > 1 && !tones_.frame_is_tone() && frame.media_time > beep_->onset) {
    return finish(DropAction::kPlayMessageNow, DropReason::kBeepEnded, frame.media_time,
                  "beep onset=" + ms(beep_->onset) +
                      " f=" + std::to_string(static_cast<int>(std::lround(beep_->frequency_hz))) +
                      "Hz end=" + ms(frame.media_time));
  }
  return advance(end);
}

DropDecision VoicemailDropPolicy::advance(Duration media_now) {
  if (final_) return *final_;
  if (media_now - start_ >= params_.max_wait) {
    return finish(params_.play_on_timeout ? DropAction::kPlayMessageNow : DropAction::kHangUpNow,
                  DropReason::kMaxWait, media_now,
                  "waited=" + ms(media_now - start_) + ">=" + ms(params_.max_wait));
  }
  const Duration silence = media_now - last_voice_end_;
  if (!beep_ && silence >= params_.greeting_end_silence) {
    return finish(DropAction::kPlayMessageNow, DropReason::kGreetingEnded, media_now,
                  "silence=" + ms(silence) + ">=" + ms(params_.greeting_end_silence));
  }
  return waiting(media_now);
}

}  // namespace dialer::amd
