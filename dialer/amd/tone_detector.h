// Recognises tones in the answered call's audio: a voicemail beep (one steady tone in
// 400-2000 Hz held >= 150 ms), ringback (440+480 or 400+450 Hz), SIT and fax CNG. The last three
// are never reported as beeps, and every tonal frame is flagged so the voice detector skips it.
// One instance per call, not thread-safe; pure computation on 40 ms analysis windows.
#pragma once

#include <array>
#include <optional>
#include <span>

#include "dialer/amd/amd_types.h"

namespace dialer::amd {

struct ToneParams {
  double min_beep_hz = 400;
  double max_beep_hz = 2000;
  Duration min_beep{150};
  Duration min_ringback{300};
  double min_purity = 0.7;        // share of window energy in one Goertzel bin (tonal frame)
  double min_beep_purity = 0.95;  // mean over a beep: held vowels rarely stay this pure
  double min_level_db = 40;       // about -50 dBFS; quieter windows are not analysed
};

class ToneDetector {
 public:
  explicit ToneDetector(ToneParams params = {});

  // Analyses one 20 ms frame starting at `media_time`; returns a tone recognised now, if any.
  std::optional<ToneEvent> feed(Duration media_time, std::span<const std::int16_t> samples);

  // True when the latest frame belongs to a tone (single or dual) rather than to speech.
  [[nodiscard]] bool frame_is_tone() const { return frame_tone_; }
  // True while a single tone that may still become a beep is being measured (or held back
  // until it is clear it is not the start of a SIT).
  [[nodiscard]] bool beep_candidate() const {
    return (seg_.active && !seg_.reported) || pending_.has_value();
  }
  // Latest window's single-tone frequency estimate and purity (0 when not analysed).
  [[nodiscard]] double last_frequency_hz() const { return last_hz_; }
  [[nodiscard]] double last_purity() const { return last_purity_; }
  [[nodiscard]] const ToneParams& params() const { return params_; }

 private:
  struct Segment {
    bool active = false;
    Duration start{0};
    Duration last{0};
    double frequency_sum = 0;
    int frames = 0;
    double purity_sum = 0;
    double min_hz = 0;
    double max_hz = 0;
    int misses = 0;
    bool reported = false;
    [[nodiscard]] double frequency() const { return frames ? frequency_sum / frames : 0; }
    [[nodiscard]] double purity() const { return frames ? purity_sum / frames : 0; }
    [[nodiscard]] Duration length() const { return last - start + Duration{20}; }
  };
  struct SitTrack {
    int stage = 0;  // segments matched so far (0..2)
    Duration onset{0};
    Duration last_end{0};
    double first_hz = 0;
  };

  void analyse_window(double& frequency, bool& single, bool& ringback);
  std::optional<ToneEvent> on_single(Duration t, double hz);
  std::optional<ToneEvent> on_ringback(Duration t);
  std::optional<ToneEvent> close_segment(Duration t);
  std::optional<ToneEvent> release_pending(Duration t);
  [[nodiscard]] bool ambiguous_with_sit_or_fax(double hz) const;
  [[nodiscard]] bool beep_like(const Segment& seg) const;
  std::optional<ToneEvent> beep(const Segment& seg, Duration t) const;

  ToneParams params_;
  std::array<float, 2 * kFrameSamples> window_{};
  int zero_run_ = 0;  // consecutive all-zero frames, the latest included
  double prev_energy_ = 0;
  double cur_energy_ = 0;
  bool frame_tone_ = false;
  double last_hz_ = 0;
  double last_purity_ = 0;
  Segment seg_;
  Segment ring_;
  SitTrack sit_;
  std::optional<Segment> pending_;  // ended segment that may still be the start of a SIT
  std::optional<ToneEvent> queued_;
};

}  // namespace dialer::amd
