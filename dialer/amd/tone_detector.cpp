#include "dialer/amd/tone_detector.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <utility>

#include "dialer/amd/frame_dsp.h"

namespace dialer::amd {
namespace {

// ITU-T E.180 / Telcordia SIT segment frequencies (low and high variants), by position.
constexpr std::array<std::initializer_list<double>, 3> kSitBands{
    {{913.8, 985.2}, {1370.6, 1428.5}, {1776.7}}};
constexpr double kCngHz = 1100;
constexpr double kCngTolerance = 38;
constexpr Duration kSitMaxGap{100};  // a lost frame at the junction stays within this
constexpr Duration kSitMinSegment{200};
constexpr Duration kSitMaxSegment{450};
constexpr Duration kCngMin{350};
constexpr Duration kCngMax{700};
constexpr int kMaxMissedFrames = 2;  // mixed or disturbed frames tolerated inside one tone
constexpr int kMaxLostFrames = 3;    // all-zero frames in a row still taken as packet loss

bool near(double hz, double target, double tolerance) { return std::abs(hz - target) <= tolerance; }

bool in_sit_band(double hz, std::size_t stage) {
  return std::any_of(kSitBands[stage].begin(), kSitBands[stage].end(),
                     [hz](double f) { return near(hz, f, f * 0.01); });
}

bool same_tone(double a, double b) { return near(a, b, std::max(8.0, 0.01 * b)); }

// A generated tone holds its frequency to a few hertz; a held vowel drifts.
bool steady(double min_hz, double max_hz) {
  return max_hz - min_hz <= std::max(6.0, 0.01 * max_hz);
}

}  // namespace

ToneDetector::ToneDetector(ToneParams params) : params_(params) {}

void ToneDetector::analyse_window(double& frequency, bool& single, bool& ringback) {
  const double energy = prev_energy_ + cur_energy_;
  frequency = 0;
  single = false;
  ringback = false;
  last_hz_ = 0;
  last_purity_ = 0;
  if (level_db(energy, window_.size()) < params_.min_level_db) return;
  frequency = estimate_frequency_hz(window_);
  if (frequency >= 300 && frequency <= 2100) {
    // Noise biases the recursion estimate upwards (by ~10 Hz at 20 dB SNR near 900 Hz), which
    // costs purity; a three-point Goertzel peak search around it recovers the true frequency.
    constexpr double kStep = 6;  // the 40 ms window's main lobe is +-25 Hz wide
    const double mid = tone_purity(window_, frequency, energy);
    if (mid >= 0.3) {
      const double lo = tone_purity(window_, frequency - kStep, energy);
      const double hi = tone_purity(window_, frequency + kStep, energy);
      const double curvature = lo - 2 * mid + hi;
      double offset = curvature < 0 ? 0.5 * (lo - hi) / curvature : 0;
      offset = std::clamp(offset, -1.5, 1.5);
      const double refined = frequency + offset * kStep;
      const double peak = std::max(tone_purity(window_, refined, energy), mid);
      if (peak > mid) frequency = refined;
      last_hz_ = frequency;
      last_purity_ = peak;
      if (peak >= params_.min_purity) {
        single = true;
        return;
      }
    }
  }
  if (frequency < 350 || frequency > 560) return;  // a dual tone's estimate falls between its pair
  for (auto [lo, hi] : {std::pair{440.0, 480.0}, std::pair{400.0, 450.0}}) {
    double a = tone_purity(window_, lo, energy);
    double b = tone_purity(window_, hi, energy);
    if (a + b >= params_.min_purity && std::min(a, b) >= 0.15) {
      ringback = true;
      return;
    }
  }
}

std::optional<ToneEvent> ToneDetector::feed(Duration media_time,
                                            std::span<const std::int16_t> samples) {
  std::copy(window_.begin() + kFrameSamples, window_.end(), window_.begin());
  double energy = 0;
  for (std::size_t i = 0; i < kFrameSamples; ++i) {
    float x = i < samples.size() ? static_cast<float>(samples[i]) : 0.0F;
    window_[kFrameSamples + i] = x;
    energy += static_cast<double>(x) * x;
  }
  prev_energy_ = cur_energy_;
  cur_energy_ = energy;
  const int ended_zero_run = energy > 0 ? std::exchange(zero_run_, 0) : 0;
  if (energy == 0) ++zero_run_;
  // A window touching a short run of all-zero frames (lost packets) says nothing about the
  // tone: hold every state for it instead of counting misses that would split one beep in two.
  const bool lost = (zero_run_ > 0 && zero_run_ <= kMaxLostFrames) ||
                    (ended_zero_run > 0 && ended_zero_run <= kMaxLostFrames);
  if (lost) return std::exchange(queued_, std::nullopt);

  double hz = 0;
  bool single = false;
  bool ringback = false;
  analyse_window(hz, single, ringback);
  frame_tone_ = single || ringback;

  std::optional<ToneEvent> events[3];
  events[0] = std::exchange(queued_, std::nullopt);
  if (single) {
    events[2] = on_single(media_time, hz);
  } else if (seg_.active && ++seg_.misses > kMaxMissedFrames) {
    events[2] = close_segment(media_time);
  }
  if (ringback) {
    if (!events[2]) events[2] = on_ringback(media_time);
  } else if (ring_.active && ++ring_.misses > kMaxMissedFrames + 1) {
    ring_.active = false;
  }
  // After this frame's segment update, so a SIT segment starting now is seen.
  if (pending_) events[1] = release_pending(media_time);
  std::optional<ToneEvent> first;
  for (auto& e : events) {
    if (!e) continue;
    if (!first) {
      first = e;
    } else {
      queued_ = e;  // at most two events can coincide; the second is reported one frame later
    }
  }
  return first;
}

std::optional<ToneEvent> ToneDetector::on_single(Duration t, double hz) {
  std::optional<ToneEvent> closed;
  if (seg_.active && same_tone(hz, seg_.frequency())) {
    seg_.last = t;
    seg_.frequency_sum += hz;
    seg_.purity_sum += last_purity_;
    seg_.min_hz = std::min(seg_.min_hz, hz);
    seg_.max_hz = std::max(seg_.max_hz, hz);
    ++seg_.frames;
    seg_.misses = 0;
  } else {
    closed = close_segment(t);
    seg_ = Segment{true, t - kFrameDuration, t, hz, 1, last_purity_, hz, hz, 0, false};
  }
  const double f = seg_.frequency();
  const bool follows_sit = sit_.stage >= 1 && seg_.start - sit_.last_end <= kSitMaxGap;
  if (follows_sit && !seg_.reported) {
    if (sit_.stage == 1 && in_sit_band(f, 1) && seg_.length() >= kSitMinSegment) {
      seg_.reported = true;
      sit_.stage = 2;
      pending_.reset();
      return ToneEvent{ToneKind::kSit, sit_.onset, t, sit_.first_hz};
    }
    if (sit_.stage == 2) seg_.reported = true;  // third SIT segment
    return closed;
  }
  if (!seg_.reported && beep_like(seg_) && !ambiguous_with_sit_or_fax(f)) {
    seg_.reported = true;
    if (!closed) return beep(seg_, t);
    queued_ = beep(seg_, t);
  }
  return closed;
}

std::optional<ToneEvent> ToneDetector::on_ringback(Duration t) {
  if (ring_.active) {
    ring_.last = t;
    ++ring_.frames;
    ring_.misses = 0;
  } else {
    ring_ = Segment{true, t - kFrameDuration, t, 0, 1, 0, 0, 0, 0, false};
  }
  if (!ring_.reported && ring_.length() >= params_.min_ringback) {
    ring_.reported = true;
    return ToneEvent{ToneKind::kRingback, ring_.start, t, 460};
  }
  return std::nullopt;
}

bool ToneDetector::beep_like(const Segment& seg) const {
  const double f = seg.frequency();
  // A window only turns tonal once the tone fills most of it, so a segment measures up to one
  // frame shorter than the tone itself.
  return seg.length() + kFrameDuration >= params_.min_beep && f >= params_.min_beep_hz &&
         f <= params_.max_beep_hz && seg.purity() >= params_.min_beep_purity &&
         steady(seg.min_hz, seg.max_hz);
}

bool ToneDetector::ambiguous_with_sit_or_fax(double hz) const {
  return in_sit_band(hz, 0) || near(hz, kCngHz, kCngTolerance);
}

std::optional<ToneEvent> ToneDetector::beep(const Segment& seg, Duration t) const {
  return ToneEvent{ToneKind::kBeep, seg.start, t, seg.frequency()};
}

std::optional<ToneEvent> ToneDetector::close_segment(Duration t) {
  if (!seg_.active) return std::nullopt;
  seg_.active = false;
  const Segment seg = seg_;
  const double f = seg.frequency();
  const bool sit_length = seg.length() >= kSitMinSegment && seg.length() <= kSitMaxSegment;
  const bool continues_sit = sit_.stage >= 1 && seg.start - sit_.last_end <= kSitMaxGap;
  if (continues_sit) {
    sit_.last_end = seg.last + kFrameDuration;
  } else if (sit_length && in_sit_band(f, 0)) {
    sit_ = SitTrack{1, seg.start, seg.last + kFrameDuration, f};
  } else {
    sit_ = SitTrack{};
  }
  if (seg.reported || !beep_like(seg)) return std::nullopt;
  if (near(f, kCngHz, kCngTolerance) && seg.length() >= kCngMin && seg.length() <= kCngMax) {
    return ToneEvent{ToneKind::kFaxCng, seg.start, t, f};
  }
  if (sit_.stage == 1 && sit_.onset == seg.start) {
    pending_ = seg;  // a beep, unless the next SIT segment follows at once
    return std::nullopt;
  }
  return beep(seg, t);
}

std::optional<ToneEvent> ToneDetector::release_pending(Duration t) {
  if (t - pending_->last < kSitMaxGap + kFrameDuration) return std::nullopt;
  Segment seg = *pending_;
  pending_.reset();
  const bool sit_follows = seg_.active && in_sit_band(seg_.frequency(), 1) &&
                           seg_.start - (seg.last + kFrameDuration) <= kSitMaxGap;
  if (sit_follows) return std::nullopt;
  return beep(seg, t);
}

}  // namespace dialer::amd
